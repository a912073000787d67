"""The shared visual theme (fonts, colours, sizes) read from a YAML file in templates/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import ConfigError

_HERE = Path(__file__).resolve().parent
TEMPLATES = _HERE / "_templates" if (_HERE / "_templates").is_dir() else _HERE.parent / "templates"
SEEDS = _HERE / "_seeds" if (_HERE / "_seeds").is_dir() else _HERE.parent / "seeds"
DEFAULT_SEED = SEEDS / "qiantang-2024.txt"
DEFAULT_THEME = TEMPLATES / "default" / "theme.yaml"


@dataclass(frozen=True)
class Theme:
    """Fonts, colours (hex RRGGBB without #), sizes in points and chart geometry."""

    name: str
    fonts: dict[str, object]
    colors: dict[str, str]
    palette: list[str]
    sizes: dict[str, float]
    chart: dict[str, object]
    source: str = field(default="", compare=False)

    def font(self, key: str) -> str:
        return str(self.fonts[key])

    def color(self, key: str) -> str:
        return self.colors[key]


MAX_THEME_BYTES = 1024 * 1024


def load_theme(path: str | Path | None = None) -> Theme:
    """Load a theme file; unknown, missing or unusable values are errors naming the key."""
    from reportgen import safe_yaml
    from reportgen.limits import read_text_file

    path = Path(path) if path else DEFAULT_THEME
    text = read_text_file(path, MAX_THEME_BYTES, ConfigError, what="theme file")
    data = safe_yaml.load(text, path, ConfigError)
    if not isinstance(data, dict):
        raise ConfigError("theme must be a mapping", path=path)
    return _build(data, path)


_KEYS = {"name", "fonts", "colors", "palette", "sizes", "chart"}
_FONTS = ("latin", "east_asian", "heading_latin", "heading_east_asian", "chart_families")
_OPTIONAL_FONTS = ("chart_font_file", "chart_latin")
_COLORS = ("primary", "accent", "secondary", "muted", "text", "subtle", "background", "panel")
_COLORS += ("grid",)
_SIZES = ("chart_title", "chart_label", "chart_source", "slide_title", "slide_title_min")
_SIZES += ("slide_body", "slide_body_min", "brief_body", "brief_title")
_CHART = ("slide_inches", "page_inches", "dpi")
MAX_POINTS = 400.0  # a size in points (a slide is 540 pt high)
MAX_INCHES = 40.0
DPI = (50, 600)


def _build(data: dict, path: Path) -> Theme:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"unknown theme key: {unknown[0]}", path=path)
    missing = sorted(_KEYS - set(data))
    if missing:
        raise ConfigError(f"missing theme key: {missing[0]}", path=path)
    try:
        _check(data)
    except ValueError as exc:
        raise ConfigError(str(exc), path=path) from None
    return Theme(source=str(path), **data)


def _check(data: dict) -> None:
    """Every value a writer or chart will use, checked with its key named (ValueError)."""
    if not isinstance(data["name"], str):
        raise ValueError(f"name must be a string, not {_show(data['name'])}")
    fonts = _table(data, "fonts", _FONTS, _OPTIONAL_FONTS)
    for key, value in fonts.items():
        if key == "chart_families":
            if not isinstance(value, list) or not all(_font_name(v) for v in value):
                raise ValueError(
                    f"fonts.chart_families must be a list of font names, not {_show(value)}"
                )
        elif not _font_name(value):
            raise ValueError(f"fonts.{key} must be a font name, not {_show(value)}")
    for key, value in _table(data, "colors", _COLORS).items():
        _color(f"colors.{key}", value)
    palette = data["palette"]
    if not isinstance(palette, list) or not palette:
        raise ValueError(f"palette must be a list of colours (hex RRGGBB), not {_show(palette)}")
    for i, value in enumerate(palette):
        _color(f"palette.{i}", value)
    for key, value in _table(data, "sizes", _SIZES).items():
        _number(f"sizes.{key}", value, 1.0, MAX_POINTS, "points")
    chart = _table(data, "chart", _CHART)
    for key in ("slide_inches", "page_inches"):
        value = chart[key]
        if not isinstance(value, list) or len(value) != 2:
            raise ValueError(f"chart.{key} must be [width, height] in inches, not {_show(value)}")
        for i, number in enumerate(value):
            _number(f"chart.{key}.{i}", number, 0.5, MAX_INCHES, "inches")
    dpi = chart["dpi"]
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not DPI[0] <= dpi <= DPI[1]:
        raise ValueError(
            f"chart.dpi must be a whole number from {DPI[0]} to {DPI[1]}, not {_show(dpi)}"
        )


def _table(data: dict, name: str, required: tuple, optional: tuple = ()) -> dict:
    table = data[name]
    if not isinstance(table, dict):
        raise ValueError(f"{name} must be a mapping, not {_show(table)}")
    unknown = sorted(str(k) for k in set(table) - set(required) - set(optional))
    if unknown:
        raise ValueError(f"unknown theme key: {name}.{unknown[0]}")
    missing = [k for k in required if k not in table]
    if missing:
        raise ValueError(f"missing theme key: {name}.{missing[0]}")
    return table


def _font_name(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 200 and value.isprintable()


def _color(key: str, value: object) -> None:
    text = value if isinstance(value, str) else ""
    if len(text) != 6 or any(c not in "0123456789abcdefABCDEF" for c in text):
        if isinstance(value, int) and not isinstance(value, bool):
            raise ValueError(f'{key} must be a colour as hex RRGGBB in quotes, such as "{value}"')
        raise ValueError(
            f"{key} must be a colour as hex RRGGBB (such as 1F4E79), not {_show(value)}"
        )


def _number(key: str, value: object, low: float, high: float, unit: str) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not ok or not low <= value <= high:
        raise ValueError(
            f"{key} must be a number of {unit} from {low:g} to {high:g}, not {_show(value)}"
        )


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
