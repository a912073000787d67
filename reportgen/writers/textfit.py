"""Text measurement, kinsoku-aware wrapping and shrink-or-continue fitting for slide text boxes."""

from __future__ import annotations

import re
import struct
import unicodedata
from bisect import bisect_right
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
def _advances(bold: bool) -> tuple[_Advances | dict[int, float], float]:
    """Advance widths in em of the bundled Noto Sans SC (regular or bold), read once."""
    from reportgen.fonts import bundled_font_path

    path = bundled_font_path(700 if bold else 400)
    try:
        return _Advances.read(path), 0.6
    except (OSError, ValueError, struct.error):
        return _advances_fonttools(path), 0.6


class _Advances:
    """Horizontal advances looked up through the font's format 12 Unicode cmap, read directly.

    Reading only the table directory, head, hhea, cmap and hmtx takes milliseconds; fontTools
    needs about 0.2 s per weight to name every glyph of a CJK font first. Same numbers either way.
    """

    def __init__(self, groups: list[tuple[int, int, int]], advances: bytes, upm: float) -> None:
        self.starts = [g[0] for g in groups]
        self.groups = groups
        self.advances = advances
        self.count = len(advances) // 4
        self.upm = upm

    @classmethod
    def read(cls, path) -> _Advances:
        with open(path, "rb") as f:
            data = f.read(12)
            (count,) = struct.unpack(">H", data[4:6])
            tables = {}
            directory = f.read(16 * count)
            for i in range(count):
                tag, _, offset, length = struct.unpack(">4sIII", directory[16 * i : 16 * i + 16])
                tables[tag] = (offset, length)

            def table(tag: bytes) -> bytes:
                offset, length = tables[tag]
                f.seek(offset)
                return f.read(length)

            upm = float(struct.unpack(">H", table(b"head")[18:20])[0])
            (metrics,) = struct.unpack(">H", table(b"hhea")[34:36])
            groups = _unicode_groups(table(b"cmap"))
            hmtx = table(b"hmtx")[: 4 * metrics]
        if not metrics or len(hmtx) < 4 * metrics:
            raise ValueError("short hmtx")
        return cls(groups, hmtx, upm)

    def get(self, cp: int, default: float) -> float:
        i = bisect_right(self.starts, cp) - 1
        if i < 0:
            return default
        start, end, glyph = self.groups[i]
        if cp > end:
            return default
        gid = min(glyph + cp - start, self.count - 1)
        return struct.unpack_from(">H", self.advances, 4 * gid)[0] / self.upm


def _unicode_groups(cmap: bytes) -> list[tuple[int, int, int]]:
    """The (start, end, first glyph) groups of the best format 12 subtable, as fontTools picks."""
    (count,) = struct.unpack(">H", cmap[2:4])
    records = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i : 12 + 8 * i])
        records.setdefault((platform, encoding), offset)
    # fontTools' getBestCmap order: the first of these that exists is the one used
    for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        if key in records:
            offset = records[key]
            break
    else:
        raise ValueError("no Unicode cmap")
    if struct.unpack(">H", cmap[offset : offset + 2])[0] != 12:
        raise ValueError("not a format 12 cmap")
    (n,) = struct.unpack(">I", cmap[offset + 12 : offset + 16])
    groups = list(struct.iter_unpack(">III", cmap[offset + 16 : offset + 16 + 12 * n]))
    if groups != sorted(groups):
        raise ValueError("unsorted cmap groups")
    return groups


def _advances_fonttools(path) -> dict[int, float]:
    """The same widths through fontTools, for fonts whose cmap the direct reader does not know."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    # plain glyph names: fontTools would otherwise derive a name for each glyph from the cmap
    font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
    upm = float(font["head"].unitsPerEm)
    metrics = font["hmtx"].metrics
    widths = {cp: metrics[name][0] / upm for cp, name in font.getBestCmap().items()}
    font.close()
    return widths


_EM: dict[bool, dict[str, float]] = {False: {}, True: {}}


def char_em(ch: str, bold: bool = False) -> float:
    """Width of one character in em (font size units)."""
    cache = _EM[bool(bold)]
    width = cache.get(ch)
    if width is None:
        width = cache[ch] = _char_em(ch, bool(bold))
    return width


def _char_em(ch: str, bold: bool) -> float:
    if is_wide(ch):
        return 1.0
    widths, fallback = _advances(bold)
    if ch in "\t\n":
        return 0.0
    return widths.get(ord(ch), fallback) * LATIN_SAFETY


def _ems(text: str, bold: bool, start: float = 0.0) -> float:
    """``start`` plus the widths of ``text``'s characters in em, added left to right.

    Lines grow by adding a token's characters to the running total, which gives exactly the
    float a fresh left-to-right sum over the whole line gives (no quadratic re-measuring).
    """
    cache = _EM[bool(bold)]
    total = start
    for ch in text:
        width = cache.get(ch)
        if width is None:
            width = char_em(ch, bold)
        total += width
    return total


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` points."""
    return _ems(text, bold) * size


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


def _split_long(token: str, width: float, size: float, bold: bool) -> list[str]:
    """Break a word wider than the line into pieces that fit (by character)."""
    pieces, cur, ems = [], "", 0.0
    for ch in token:
        grown = _ems(ch, bold, ems)
        if cur and grown * size > width:
            pieces.append(cur)
            cur, grown = "", _ems(ch, bold)
        cur += ch
        ems = grown
    return pieces + ([cur] if cur else [])


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Break one paragraph into lines no wider than ``width`` pt, obeying kinsoku rules.

    Chinese breaks between any two characters, Latin only at spaces (or inside a word longer than
    the line). No line starts with closing punctuation or ends with opening punctuation: the
    character before a forbidden break moves down with it.
    """
    lines: list[list[str]] = []
    line: list[str] = []
    ems = 0.0  # width of "".join(line) in em
    for token in _tokens(text.strip()):
        if token.isspace():
            if line:
                line.append(" ")
                ems = _ems(" ", bold, ems)
            continue
        grown = _ems(token, bold, ems)
        if grown * size <= width:
            line.append(token)
            ems = grown
            continue
        pieces = (
            _split_long(token, width, size, bold) if _ems(token, bold) * size > width else [token]
        )
        for piece in pieces:
            if line:
                grown = _ems(piece, bold, ems)
                if grown * size <= width:
                    line.append(piece)
                    ems = grown
                    continue
            line, carried = _break(line, piece)
            if line:
                lines.append(line)
            line = carried
            ems = _ems("".join(line), bold)
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


# Digits (ASCII or Chinese numerals) and the unit words that may follow them: a cut never falls
# between a number and its unit when an earlier cut exists ("投资…", not "投资200亿…").
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_NUMBER_UNIT = re.compile(
    rf"[0-9{_CN_DIGITS}][0-9{_CN_DIGITS},.]*%?"
    r"(?:\s*[A-Za-z\u00c0-\u024f]+(?:[-'’][A-Za-z]+)*"
    r"|[余多]?(?:个百分点|百分点|平方公里|平方米|[万亿千百])*"
    r"(?:美元|欧元|港元|日元|英镑|元|人次|%|‰|倍|"
    r"[个家项人次台套座所件名位户种条辆架艘只款批吨米亩年月日天点大强])?)"
)
# A kept part never ends with these before the ellipsis (they would dangle: "，…", "“…").
_DANGLING = set("，、；：,;:—-–/（《「『【〔〈([{“‘") | {" "}


def cut_points(text: str) -> list[int]:
    """Where ``text`` may be cut before an ellipsis: between Chinese characters, at Latin word
    ends, never inside a number with its unit nor after opening punctuation (kinsoku)."""
    ends = []
    at = 0
    for token in _TOKEN.findall(text):
        at += len(token)
        ends.append(at)
    banned = set()
    for m in _NUMBER_UNIT.finditer(text):
        banned.update(range(m.start() + 1, m.end()))
    return [i for i in ends if i not in banned and text[:i].rstrip() and i < len(text)]


def ellipsize(text: str, width: float, size: float, max_lines: int, bold: bool = False) -> str:
    """``text`` cut (with …) so it wraps into at most ``max_lines`` lines at ``size``.

    Latin text is cut at a word end, Chinese between any two characters; a number stays with its
    unit, and no opening punctuation or separator is left before the …. Only when no such cut
    fits at all is the text cut by character.
    """
    if len(wrap(text, width, size, bold)) <= max_lines:
        return text

    def fits(kept: str) -> bool:
        return bool(kept) and len(wrap(kept + "…", width, size, bold)) <= max_lines

    def kept(i: int) -> str:
        head = text[:i].rstrip()
        while head and head[-1] in _DANGLING:
            head = head[:-1].rstrip()
        return head

    best = _last_fitting(cut_points(text), kept, fits)
    if best is None:  # not even the first word fits: cut by character
        best = _last_fitting(list(range(1, len(text))), kept, fits)
    return (kept(best) if best is not None else "") + "…"


def _last_fitting(points: list[int], kept, fits) -> int | None:
    """The largest cut point whose kept text fits (fit shrinks monotonically with length)."""
    lo, hi, best = 0, len(points) - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits(kept(points[mid])):
            best, lo = points[mid], mid + 1
        else:
            hi = mid - 1
    return best


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
