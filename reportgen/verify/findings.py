"""What verify reads back from an output and what it reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """One problem in an output, with where it is; ``str()`` is the one-line report."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Piece:
    """A stretch of text read back from an output: where it is and what kind of text it is."""

    where: str
    text: str
    kind: str = "text"  # text, title, heading, quote, alt, notes, chart


@dataclass
class Document:
    """What verify needs from one output file: its text pieces and its structural findings."""

    name: str
    pieces: list[Piece] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # the file's own date, as text may show it


def own_dates(core_properties) -> list[str]:
    """The file's creation date as a "generated on" line may write it."""
    when = getattr(core_properties, "created", None)
    if when is None:
        return []
    y, m, d = when.year, when.month, when.day
    month = when.strftime("%B")
    return [
        f"{y}-{m:02d}-{d:02d}",
        f"{y}/{m:02d}/{d:02d}",
        f"{y}.{m:02d}.{d:02d}",
        f"{y}年{m}月{d}日",
        f"{y}年{m:02d}月{d:02d}日",
        f"{d} {month} {y}",
        f"{month} {d}, {y}",
    ]


def file_name(text: str) -> bool:
    return re.fullmatch(r"[\w\-. ]+\.(png|jpe?g|gif|svg|emf|wmf|bmp|tiff?)", text.strip(), re.I)
