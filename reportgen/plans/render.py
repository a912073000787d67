"""Render slide and section plans from Jinja2 templates (sandboxed) into plain data."""

from __future__ import annotations

import contextlib
import json
from functools import lru_cache
from pathlib import Path

from reportgen.errors import TemplateError
from reportgen.theme import TEMPLATES


def template_dirs(style: str = "default", extra: str | Path | None = None) -> list[Path]:
    """Search path: a user's folder first, then the named built-in style, then the default."""
    dirs = [Path(extra)] if extra else []
    if style != "default":
        dirs.append(TEMPLATES / style)
    dirs.append(TEMPLATES / "default")
    return dirs


def folder_dirs(template: str | Path | None) -> list[Path] | None:
    """The search path of a template folder (its files before the built-in ones), or None when
    ``template`` is a single .docx/.pptx or not given. Charts take their labels from it."""
    if template is None or not Path(template).is_dir():
        return None
    return template_dirs("default", template)


def locate(
    template: str | Path | None, reference: str, style: str = "default"
) -> tuple[list[Path], Path, bool]:
    """What ``--template`` means for one output, decided here only: the plan and labels search
    path, the reference file (``reference``: reference.docx, reference.pptx) and whether it is
    the user's. A file is the user's reference with the built-in plan; a folder may hold any of
    the plan, labels and reference, and what it lacks comes from ``style``, then the default."""
    folder = Path(template) if template is not None and Path(template).is_dir() else None
    dirs = template_dirs(style, folder)
    if template is not None and folder is None:
        return dirs, Path(template), not _builtin_copy(Path(template), dirs, reference)
    for d in dirs:
        if (d / reference).is_file():
            mine = d == folder and not _builtin_copy(d / reference, dirs[1:], reference)
            return dirs, d / reference, mine
    raise TemplateError(f"no {reference} found", path=dirs[0])


def _builtin_copy(path: Path, dirs: list[Path], reference: str) -> bool:
    """Whether ``path`` is an unchanged copy of the built-in reference it would replace (as
    `reportgen init` writes): it then counts as the built-in one, not the user's."""
    builtins = [d / reference for d in dirs if d.is_relative_to(TEMPLATES)]
    builtin = next((p for p in builtins if p.is_file()), None)
    try:
        if builtin is None or path.stat().st_size != builtin.stat().st_size:
            return False
        return path.read_bytes() == builtin.read_bytes()
    except OSError:  # unreadable: opening it says why
        return False


def _environment(dirs: list[Path]):
    from jinja2 import FileSystemLoader, StrictUndefined

    from reportgen.render_budget import environment_class

    env = environment_class()(
        loader=FileSystemLoader([str(d) for d in dirs]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["q"] = _quote
    return env


@lru_cache(maxsize=1)
def _bytecode_cache():
    """Compiled templates kept in the cache folder between runs (Jinja2 recompiles a template
    whose source checksum changed); None when the folder cannot be made. Saves ~0.1 s a run."""
    import hashlib

    import jinja2
    from jinja2 import FileSystemBytecodeCache

    from reportgen.fonts import cache_dir

    class Cache(FileSystemBytecodeCache):
        """Only the built-in templates are kept (a user's may live in throwaway folders)."""

        def get_bucket(self, environment, name, filename, source):
            bucket = super().get_bucket(environment, name, filename, source)
            bucket.builtin = bool(filename) and Path(filename).is_relative_to(TEMPLATES)
            return bucket

        def dump_bytecode(self, bucket) -> None:
            if getattr(bucket, "builtin", False):
                with contextlib.suppress(OSError):  # an unwritable cache is only slower
                    super().dump_bytecode(bucket)

    # the environment's options shape the compiled code but are not part of Jinja2's cache key
    options = f"{jinja2.__version__} sandbox-immutable-budget1 strict trim lstrip keepnl q"
    folder = cache_dir() / "templates" / hashlib.sha256(options.encode()).hexdigest()[:12]
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return Cache(str(folder))


@lru_cache(maxsize=8)
def _shared_environment(dirs: tuple[str, ...]):
    """One environment per search path, so a process building many articles compiles each
    template once (Jinja2 still reloads a template whose file changed)."""
    return _environment([Path(d) for d in dirs])


def _quote(value: object) -> str:
    """A YAML-safe scalar: JSON is valid YAML, so strings come out quoted and escaped."""
    from jinja2 import Undefined

    if isinstance(value, Undefined):  # name the missing variable or label, as Jinja2 would
        value._fail_with_undefined_error()
    return json.dumps(value, ensure_ascii=False)


def render_text(name: str, context: dict, dirs: list[Path]) -> str:
    """Render one template to text; every Jinja2 failure becomes a TemplateError with its line."""
    import jinja2
    from jinja2.sandbox import SecurityError

    from reportgen.render_budget import BudgetExceeded, render

    template = None
    try:
        template = _shared_environment(tuple(str(d) for d in dirs)).get_template(name)
        return render(template, context)
    except jinja2.TemplateNotFound as exc:
        if template is not None:  # the template loaded, but what it includes or imports did not
            raise TemplateError(
                f"{exc.name!r} not found in {_names(dirs)}", path=_file(template, name)
            ) from None
        raise TemplateError(f"template not found in {_names(dirs)}", path=name) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"line {exc.lineno}: {exc.message}", path=exc.filename or name
        ) from None
    except SecurityError as exc:
        raise TemplateError(f"refused by the sandbox: {exc}", path=_file(template, name)) from None
    except jinja2.UndefinedError as exc:
        where = _file(template, name)
        raise TemplateError(f"{_line(exc, name)}{exc.message}", path=where) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        raise TemplateError(f"{_line(exc, name)}{exc}", path=_file(template, name)) from None
    except BudgetExceeded as exc:
        raise TemplateError(f"{_line(exc, name)}{exc}", path=_file(template, name)) from None
    except RecursionError:
        raise TemplateError(
            "templates call, include or import each other without end (recursion too deep)",
            path=_file(template, name),
        ) from None
    except MemoryError:
        raise TemplateError("rendering ran out of memory", path=_file(template, name)) from None
    except (ArithmeticError, LookupError, RuntimeError, jinja2.TemplateError) as exc:
        problem = str(exc) or type(exc).__name__
        raise TemplateError(f"{_line(exc, name)}{problem}", path=_file(template, name)) from None


def _file(template, name: str) -> str:
    """The file a loaded template came from (the user's folder or a built-in one)."""
    return getattr(template, "filename", None) or name


def _names(dirs: list[Path]) -> str:
    return ", ".join(str(d) for d in dirs)


def _line(exc: BaseException, name: str) -> str:
    """The template line of a runtime error, from the traceback Jinja2 rewrites."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"line {line}: " if line else ""


def render_plan(name: str, context: dict, dirs: list[Path]) -> object:
    """Render a plan template and parse its YAML output into lists and dicts."""
    import yaml

    from reportgen.safe_yaml import check_aliases

    text = render_text(name, context, dirs)
    try:
        check_aliases(text, name, TemplateError)
        return _safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"rendered line {mark.line + 1}: " if mark else ""
        raise TemplateError(f"{where}output is not valid YAML", path=name) from None


def _safe_load(text: str) -> object:
    """yaml.safe_load with libyaml's parser when PyYAML has it (same data, ~5x faster)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def labels(kind: str, language: str, dirs: list[Path]) -> dict[str, str]:
    """Localized labels (``{kind}_labels_{language}.yaml``): the built-in words, replaced key by
    key by those of the folders before them in ``dirs`` (a user's file lists only its changes)."""
    merged: dict[str, str] = {}
    found = False
    for d in reversed(dirs):
        path = d / f"{kind}_labels_{language}.yaml"
        if path.is_file():
            data = _read_labels(path) or {}
            if not isinstance(data, dict):
                raise TemplateError("labels must be a mapping", path=path)
            merged |= {str(k): str(v) for k, v in data.items()}
            found = True
    if not found:
        raise TemplateError(f"no {kind}_labels_{language}.yaml in {_names(dirs)}")
    return merged


MAX_LABELS_BYTES = 1024 * 1024


def _read_labels(path: Path) -> object:
    """A labels file: at most 1 MiB of UTF-8 YAML, aliases bounded, errors on one line."""
    from reportgen import safe_yaml
    from reportgen.limits import read_text_file

    text = read_text_file(path, MAX_LABELS_BYTES, TemplateError, what="labels file")
    return safe_yaml.load(text, path, TemplateError)
