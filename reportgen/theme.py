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


def load_theme(path: str | Path | None = None) -> Theme:
    """Load a theme file; unknown or missing sections are errors naming the key."""
    import yaml

    path = Path(path) if path else DEFAULT_THEME
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read theme: {exc}", path=path) from None
    if not isinstance(data, dict):
        raise ConfigError("theme must be a mapping", path=path)
    return _build(data, path)


_KEYS = {"name", "fonts", "colors", "palette", "sizes", "chart"}


def _build(data: dict, path: Path) -> Theme:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"unknown theme key: {unknown[0]}", path=path)
    missing = sorted(_KEYS - set(data))
    if missing:
        raise ConfigError(f"missing theme key: {missing[0]}", path=path)
    return Theme(source=str(path), **data)
