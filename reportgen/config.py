"""Build defaults from reportgen.toml (or [tool.reportgen] in pyproject.toml) in the cwd."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from reportgen.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAME = "reportgen.toml"
STYLES = ("default", "gongwen")
LANGUAGES = ("auto", "zh", "en")
FONT_KEYS = (
    "latin",
    "east_asian",
    "heading_latin",
    "heading_east_asian",
    "chart_families",
    "chart_latin",
    "chart_font_file",
)


@dataclass(frozen=True)
class Config:
    """Defaults for `reportgen build`; paths are resolved against the config file's folder."""

    inputs: list[Path] = field(default_factory=list)
    out: Path = Path("out")
    template: Path | None = None
    style: str = "default"
    theme: Path | None = None
    fonts: dict[str, object] = field(default_factory=dict)
    language: str = "auto"
    jobs: int | None = None
    native_charts: bool = False
    verify: bool = True
    model: Path | None = None  # `build --model FILE`: build from this content model (no config key)
    source: Path | None = None

    def with_options(self, **options: object) -> Config:
        """A copy with the command-line options that were given (not None) taking precedence."""
        given = {k: v for k, v in options.items() if v is not None}
        unknown = sorted(set(given) - {f.name for f in fields(self)})
        if unknown:
            raise ConfigError(f"unknown option: {unknown[0]}")
        return check(replace(self, **given))


KEYS = {f.name for f in fields(Config)} - {"source", "model"}


def find_config(cwd: Path | None = None) -> tuple[Path, dict] | None:
    """The settings table and its file: reportgen.toml first, else pyproject's [tool.reportgen]."""
    cwd = Path(cwd or Path.cwd())
    own = cwd / CONFIG_NAME
    if own.is_file():
        return own, _read(own)
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        table = _read(pyproject).get("tool", {}).get("reportgen")
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError("[tool.reportgen] must be a table", path=pyproject)
            return pyproject, table
    return None


def load_config(cwd: Path | None = None) -> Config:
    """The build defaults in force in ``cwd`` (built-in defaults when there is no config)."""
    found = find_config(cwd)
    if found is None:
        return Config()
    path, table = found
    return from_table(table, path)


def from_table(table: dict, path: Path) -> Config:
    """Validate one settings table; an unknown key or a wrong type is a ConfigError naming it."""
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(
            f"unknown key {unknown[0]!r} (known: {', '.join(sorted(KEYS))})", path=path
        )
    base = path.parent
    values: dict[str, object] = {"source": path}
    if "inputs" in table:
        items = table["inputs"]
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ConfigError("inputs must be a list of paths", path=path)
        if not items:
            raise ConfigError(
                "inputs is empty; list files or folders, or remove the key to build seeds/",
                path=path,
            )
        values["inputs"] = [_resolve(base, i) for i in items]
    for key in ("out", "template", "theme"):
        if key in table:
            values[key] = _resolve(base, _typed(table, key, str, path))
    for key in ("style", "language"):
        if key in table:
            values[key] = _typed(table, key, str, path)
    for key in ("native_charts", "verify"):
        if key in table:
            values[key] = _typed(table, key, bool, path)
    if "jobs" in table:
        values["jobs"] = _typed(table, "jobs", int, path)
    if "fonts" in table:
        values["fonts"] = _fonts(table["fonts"], path)
    try:
        return check(Config(**values))
    except ConfigError as exc:
        raise ConfigError(str(exc.args[0]), path=path) from None


def check(config: Config) -> Config:
    """Reject values no build can use (the message names the key); a template folder with a
    theme.yaml supplies the theme when none is set."""
    if config.theme is None and config.template is not None:
        folder_theme = Path(config.template) / "theme.yaml"
        if folder_theme.is_file():
            config = replace(config, theme=folder_theme)
    if config.style not in STYLES:
        raise ConfigError(f"style must be one of {', '.join(STYLES)}, not {config.style!r}")
    if config.language not in LANGUAGES:
        raise ConfigError(
            f"language must be one of {', '.join(LANGUAGES)}, not {config.language!r}"
        )
    if config.jobs is not None and config.jobs < 1:
        raise ConfigError(f"jobs must be at least 1, not {config.jobs}")
    return config


_KINDS = {int: "an integer", bool: "true or false", str: "a string"}


def _typed(table: dict, key: str, kind: type, path: Path):
    value = table[key]
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise ConfigError(f"{key} must be {_KINDS[kind]}, not {value!r}", path=path)
    return value


def _fonts(value: object, path: Path) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ConfigError("fonts must be a table", path=path)
    unknown = sorted(set(value) - set(FONT_KEYS))
    if unknown:
        raise ConfigError(
            f"unknown key 'fonts.{unknown[0]}' (known: {', '.join(FONT_KEYS)})", path=path
        )
    fonts = dict(value)
    if "chart_font_file" in fonts:
        fonts["chart_font_file"] = str(_resolve(path.parent, str(fonts["chart_font_file"])))
    return fonts


def _resolve(base: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else _relative(base / p)


def _relative(p: Path) -> Path:
    """Keep paths under the cwd relative, so manifests do not carry machine-specific roots."""
    try:
        return p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return p


MAX_CONFIG_BYTES = 1024 * 1024


def _read(path: Path) -> dict:
    from reportgen.limits import read_text_file

    text = read_text_file(path, MAX_CONFIG_BYTES, ConfigError, what="config file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=path) from None
