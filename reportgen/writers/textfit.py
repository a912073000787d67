"""Text measurement, kinsoku-aware wrapping and shrink-or-continue fitting for slide text boxes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# Line height as a multiple of the font size; the deck writes it as exact spacing (a:spcPts), so
# every renderer lays out lines at the same pitch.
LINE = 1.2
# Space before each paragraph after the first, as a multiple of the font size.
GAP = 0.45
# Proportional glyphs are measured with Noto Sans; Arial in PowerPoint is narrower, the DejaVu
# substitute LibreOffice picks without Arial is about 12 % wider. Measure with that margin.
LATIN_SAFETY = 1.12

# No line may start with these (closing punctuation, also the ASCII kind in extracted Chinese).
NO_START = set("，。、；：？！”’）》」』】〕〉…—%‰,.;:?!)]}·～")
# No line may end with these (opening punctuation).
NO_END = set("“‘（《「『【〔〈([{")

_TOKEN = re.compile(
    r"\s+"
    r"|[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+"
    r"(?:[.,:/'’\-][0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+)*%?"
    r"|."
)


def is_wide(ch: str) -> bool:
    """Ideographs, kana, hangul and full-width forms: exactly one em in CJK fonts."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return True
    # Curly quotes, ellipsis and dashes are drawn full-width by the East Asian font in zh text.
    return ch in "“”‘’…—·"


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Advance widths in em of the bundled Noto Sans SC (regular or bold), read once."""
    from fontTools.ttLib import TTFont

    from reportgen.fonts import bundled_font_path

    font = TTFont(bundled_font_path(700 if bold else 400), lazy=True)
    upm = float(font["head"].unitsPerEm)
    metrics = font["hmtx"].metrics
    widths = {cp: metrics[name][0] / upm for cp, name in font.getBestCmap().items()}
    font.close()
    return widths, 0.6


@lru_cache(maxsize=8192)
def char_em(ch: str, bold: bool = False) -> float:
    """Width of one character in em (font size units)."""
    if is_wide(ch):
        return 1.0
    widths, fallback = _advances(bold)
    if ch in "\t\n":
        return 0.0
    return widths.get(ord(ch), fallback) * LATIN_SAFETY


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` points."""
    return sum(char_em(c, bold) for c in text) * size


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _split_long(token: str, width: float, size: float, bold: bool) -> list[str]:
    """Break a word wider than the line into pieces that fit (by character)."""
    pieces, cur = [], ""
    for ch in token:
        if cur and text_width(cur + ch, size, bold) > width:
            pieces.append(cur)
            cur = ""
        cur += ch
    return pieces + ([cur] if cur else [])


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Break one paragraph into lines no wider than ``width`` pt, obeying kinsoku rules.

    Chinese breaks between any two characters, Latin only at spaces (or inside a word longer than
    the line). No line starts with closing punctuation or ends with opening punctuation: the
    character before a forbidden break moves down with it.
    """
    lines: list[list[str]] = []
    line: list[str] = []
    for token in _tokens(text.strip()):
        if token.isspace():
            if line:
                line.append(" ")
            continue
        if text_width("".join(line) + token, size, bold) <= width:
            line.append(token)
            continue
        pieces = (
            _split_long(token, width, size, bold)
            if text_width(token, size, bold) > width
            else [token]
        )
        for piece in pieces:
            if line and text_width("".join(line) + piece, size, bold) <= width:
                line.append(piece)
                continue
            line, carried = _break(line, piece)
            if line:
                lines.append(line)
            line = carried
    if line:
        lines.append(line)
    return ["".join(t).strip() for t in lines if "".join(t).strip()]


def _break(line: list[str], token: str) -> tuple[list[str], list[str]]:
    """Close ``line`` before ``token``; move tokens down so neither side breaks a kinsoku rule."""
    while line and line[-1] == " ":
        line.pop()
    carried = [token]
    while carried[0][:1] in NO_START and _movable(line):
        carried.insert(0, line.pop())
        while line and line[-1] == " ":
            line.pop()
    while line and line[-1][-1:] in NO_END and _movable(line):
        carried.insert(0, line.pop())
    return line, carried


def _movable(line: list[str]) -> bool:
    return len([t for t in line if t != " "]) > 1


def lines_height(count: int, paragraphs: int, size: float, line: float = LINE, gap: float = GAP):
    """Height in points of ``count`` lines in ``paragraphs`` paragraphs at ``size``."""
    if count == 0:
        return 0.0
    return count * size * line + max(paragraphs - 1, 0) * size * gap


@dataclass
class Fit:
    """Paragraphs wrapped at one size; ``fits`` is False only when even the floor overflows."""

    size: float
    lines: list[list[str]] = field(default_factory=list)
    height: float = 0.0
    fits: bool = True

    @property
    def line_count(self) -> int:
        return sum(len(p) for p in self.lines)


def layout(
    paragraphs: list[str],
    width: float,
    size: float,
    bold: bool = False,
    line: float = LINE,
    gap: float = GAP,
) -> Fit:
    """Wrap every paragraph at ``size`` and total the height."""
    wrapped = [wrap(p, width, size, bold) for p in paragraphs]
    count = sum(len(w) for w in wrapped)
    return Fit(size, wrapped, lines_height(count, len(wrapped), size, line, gap))


def sizes(size: float, floor: float, step: float = 1.0) -> list[float]:
    """Candidate sizes from ``size`` down to ``floor`` (both included)."""
    out, s = [], float(size)
    while s > floor:
        out.append(s)
        s -= step
    return out + [float(floor)]


def shrink(
    paragraphs: list[str],
    width: float,
    height: float,
    size: float,
    floor: float,
    bold: bool = False,
    line: float = LINE,
    gap: float = GAP,
    max_lines: int | None = None,
) -> Fit:
    """The largest size in [floor, size] at which the text fits the box; at the floor, not fitting
    is reported (``fits`` False) so the caller can continue on another slide."""
    fit = Fit(floor)
    for s in sizes(size, floor):
        fit = layout(paragraphs, width, s, bold, line, gap)
        too_many = max_lines is not None and fit.line_count > max_lines
        if fit.height <= height and not too_many:
            return fit
    fit.fits = False
    return fit


def paginate(
    paragraphs: list[str],
    width: float,
    height: float,
    size: float,
    floor: float,
    bold: bool = False,
    line: float = LINE,
    gap: float = GAP,
) -> list[Fit]:
    """Shrink to the floor; if the text still overflows, split it across pages (continuations).

    Paragraphs are kept whole when they fit a page; a paragraph taller than a page is split by
    lines. Every page is then grown back to the largest size (at most ``size``) it fits at.
    """
    whole = shrink(paragraphs, width, height, size, floor, bold, line, gap)
    if whole.fits:
        return [whole]
    pages: list[list[str]] = []
    current: list[str] = []
    for para in _split_tall(paragraphs, width, height, floor, bold, line):
        trial = current + [para]
        if current and layout(trial, width, floor, bold, line, gap).height > height:
            pages.append(current)
            trial = [para]
        current = trial
    if current:
        pages.append(current)
    return [shrink(p, width, height, size, floor, bold, line, gap) for p in pages]


def _split_tall(
    paragraphs: list[str], width: float, height: float, floor: float, bold: bool, line: float
) -> list[str]:
    """Paragraphs, with any that is taller than a page cut into page-high pieces."""
    per_page = max(int(height // (floor * line)), 1)
    out: list[str] = []
    for para in paragraphs:
        lines = wrap(para, width, floor, bold)
        if len(lines) <= per_page:
            out.append(para)
            continue
        joiner = "" if _is_cjk_text(para) else " "
        for i in range(0, len(lines), per_page):
            out.append(joiner.join(lines[i : i + per_page]))
    return out


def _is_cjk_text(text: str) -> bool:
    wide = sum(1 for c in text if is_wide(c))
    return wide * 2 >= len(text.replace(" ", "")) if text else False


def ellipsize(text: str, width: float, size: float, max_lines: int, bold: bool = False) -> str:
    """``text`` cut (with …) so it wraps into at most ``max_lines`` lines at ``size``."""
    if len(wrap(text, width, size, bold)) <= max_lines:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(wrap(text[:mid].rstrip() + "…", width, size, bold)) <= max_lines:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def pack(
    items: list,
    measure,
    height: float,
    size: float,
    floor: float,
    gap: float = 0.8,
) -> list[tuple[float, list]]:
    """Stack ``items`` (height ``measure(item, size)`` each, ``gap`` em between) into pages.

    One page at the largest size in [floor, size] when everything fits; otherwise pages filled
    at the floor, each then grown back to the largest size it fits at. An item taller than a
    page gets a page of its own (the caller shortens it).
    """

    def total(group: list, s: float) -> float:
        return sum(measure(i, s) for i in group) + max(len(group) - 1, 0) * gap * s

    def best(group: list) -> float:
        return next((s for s in sizes(size, floor) if total(group, s) <= height), float(floor))

    if not items or total(items, floor) <= height:
        return [(best(items), list(items))]
    pages: list[list] = []
    current: list = []
    for item in items:
        if current and total(current + [item], floor) > height:
            pages.append(current)
            current = []
        current.append(item)
    if current:
        pages.append(current)
    return [(best(group), group) for group in pages]
