"""A stamp beside charts.json so an unchanged `charts --model` run skips loading the model."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from reportgen import __version__

STAMP = ".charts-stamp.json"


@dataclass(frozen=True)
class ChartFiles:
    """What `reportgen charts` reports, drawn or up to date: the folder and one slide PNG name
    per chart."""

    directory: Path
    entries: list[str]


_ENV = ("REPORTGEN_CHART_FONT", "REPORTGEN_SYSTEM_FONTS")


def key(model_file: Path, theme: Path | None = None) -> str:
    """A hash of everything the charts depend on: input file, theme, labels, fonts, code (the
    extractor's too, since the input may be an article rather than a model)."""
    from reportgen.fonts import cache_dir
    from reportgen.theme import DEFAULT_THEME, TEMPLATES

    package = Path(__file__).resolve().parents[1]  # reportgen/
    labels = sorted((TEMPLATES / "default").glob("chart_labels_*"))
    parts = [model_file, Path(theme) if theme else DEFAULT_THEME, *labels]
    for layer in ("charts", "ingest", "extract"):
        parts += sorted((package / layer).glob("*.py"))
    parts += [package / "model.py", package / "fonts.py"]
    parts += sorted((cache_dir() / "fonts").glob("chain-*.json"))
    digest = hashlib.sha256(__version__.encode())
    for path in parts:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in _ENV:
        digest.update(f"{name}={os.environ.get(name, '')}".encode())
    return digest.hexdigest()


def fresh(model_file: Path, out_dir: Path, theme: Path | None = None) -> list[str] | None:
    """The chart file names when the stamp matches and every file is there, else None."""
    try:
        data = json.loads((out_dir / STAMP).read_text(encoding="utf-8"))
        current = key(model_file, theme)
    except (OSError, ValueError):
        return None
    files = data.get("files", [])
    if data.get("key") != current or not all((out_dir / f).is_file() for f in files):
        return None
    return files


def write(model_file: Path, out_dir: Path, files: list[str], theme: Path | None = None) -> None:
    """Record what this run produced (best effort: a missing stamp only costs speed)."""
    from reportgen.atomic import write_text
    from reportgen.errors import OutputError

    try:
        stamp = {"key": key(model_file, theme), "files": files}
        write_text(out_dir / STAMP, json.dumps(stamp, indent=1) + "\n")
    except (OSError, OutputError):
        pass
