"""YAML from users (plan output, labels, themes, model files): safe, bounded, one-line errors.

PyYAML shares aliased nodes, so an alias bomb ("billion laughs") loads small but explodes when
anything walks it (merging labels, validating a theme, dumping a model). Before loading, the
event stream is read once to count what the document expands to, aliases included; past
MAX_NODES it is refused.
"""

from __future__ import annotations

from reportgen.errors import ConfigError, ReportgenError

MAX_NODES = 1_000_000  # nodes after expanding aliases (the seed's plans have a few thousand)
MAX_ALIASES = 10_000


def load(text: str, path: object = None, error: type[ReportgenError] = ConfigError) -> object:
    """Parse YAML with libyaml when available; errors are ``error`` naming the file and line."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        check_aliases(text, path, error)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise error(f"not valid YAML: {describe(exc)}", path=path) from None
    except RecursionError:
        raise error("not valid YAML: nested too deeply", path=path) from None


def describe(exc: BaseException) -> str:
    """A YAML error as one line: where (line, column) and what."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
    return where + " ".join(str(problem).split())


def check_aliases(text: str, path: object, error: type[ReportgenError]) -> None:
    """Refuse YAML whose aliases expand past MAX_NODES values (yaml.YAMLError when the text
    is not YAML at all)."""
    import yaml

    if "&" not in text:  # without anchors there are no aliases to expand
        return
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    sizes: dict[str, int] = {}
    stack: list[list] = [[None, 0]]  # [anchor, expanded size] per open collection
    aliases = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise error(f"YAML uses more than {MAX_ALIASES:,} aliases", path=path)
            stack[-1][1] += sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            stack[-1][1] += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append([event.anchor, 1])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, size = stack.pop()
            if anchor:
                sizes[anchor] = size
            stack[-1][1] += size
        else:
            continue
        if stack[-1][1] > MAX_NODES:
            raise error(
                f"YAML aliases expand to more than {MAX_NODES:,} values (an alias bomb?)",
                path=path,
            )
