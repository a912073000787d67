"""Chart file names from a hash of spec, theme, font and code; stale files are removed."""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from reportgen import __version__
from reportgen.fonts import FontChain
from reportgen.model import ChartSpec
from reportgen.theme import Theme

_DRAW_SOURCES = [Path(__file__).with_name(n) for n in ("draw.py", "kinds.py")]
_OURS = re.compile(r"^[0-9a-f]{16}(-slide\.png|-page\.png|\.svg)$")
SUFFIXES = {"slide_png": "-slide.png", "page_png": "-page.png", "svg": ".svg"}


@lru_cache(maxsize=1)
def _code_digest() -> str:
    try:
        return hashlib.sha256(b"".join(p.read_bytes() for p in _DRAW_SOURCES)).hexdigest()
    except OSError:
        return __version__


def theme_data(theme: Theme) -> dict:
    """The parts of the theme that change how a chart looks."""
    return {
        "fonts": theme.fonts,
        "colors": theme.colors,
        "palette": theme.palette,
        "sizes": theme.sizes,
        "chart": theme.chart,
    }


def chart_key(spec: ChartSpec, theme: Theme, chain: FontChain) -> str:
    """16 hex digits naming one chart's files: same inputs, same name, no redraw."""
    payload = json.dumps(
        [spec.model_dump(mode="json"), theme_data(theme), chain.fingerprint(), __version__],
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256((payload + _code_digest()).encode()).hexdigest()[:16]


def names(key: str) -> dict[str, str]:
    """File names of one chart: slide PNG, page PNG, SVG."""
    return {kind: key + suffix for kind, suffix in SUFFIXES.items()}


def remove_stale(directory: Path, keep: set[str], *, listed_only: bool = False) -> list[str]:
    """Delete chart files we wrote earlier whose names are not in ``keep``; never other files.

    With ``listed_only`` a file counts as ours only when the folder's charts.json (the index
    written last time) names it, so a file of the same pattern that someone else put in the
    folder is never deleted.
    """
    removed = []
    if not directory.is_dir():
        return removed
    listed = _listed(directory) if listed_only else None
    for path in sorted(directory.iterdir()):
        if not _OURS.match(path.name) or path.name in keep:
            continue
        if listed is not None and path.name not in listed:
            continue
        path.unlink(missing_ok=True)
        removed.append(path.name)
    return removed


def _listed(directory: Path) -> set[str]:
    """The chart files the folder's charts.json names (none when it is missing or unreadable)."""
    try:
        data = json.loads((directory / "charts.json").read_text(encoding="utf-8"))
        return {name for chart in data["charts"] for name in chart["files"].values()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()
