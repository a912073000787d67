"""The checks: every number, quote and theme of a read-back document against the source."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain

from reportgen.model import Model
from reportgen.plans.deck import slide_title
from reportgen.verify.findings import Document, Finding, Piece
from reportgen.verify.source import _HAN, _NUMBER, Source, _canon, fold

# A quoted span shorter than this (letters and digits only) is a term, not a quotation.
MIN_QUOTE = 5
_CLAUSE = re.compile(r"——|—|[，。；;！？!?\n、|：:（）()]|,\s|\.\s")
SHORT_PIECE = 40  # a card or a cell: its own words are the figure's context
# A number right after one of these is a label or an ordinal (图1, 表2, 第3, Table 1), not a figure.
_LABEL_BEFORE = re.compile(
    r"(?:图|表|第|附件|附表|附图|\b(?:table|figure|fig\.|chart|exhibit|slide|page|p\.|no\.|annex|"
    r"appendix|section|part|chapter|item|step)|#)\s?$",
    re.IGNORECASE,
)
_QUOTED = (
    re.compile(r"“([^“”]*)”"),
    re.compile(r"「([^「」]*)」"),
    re.compile(r"『([^『』]*)』"),
)
# Straight quotes pair only as quotation marks: opening not after a letter, closing not before one.
_QUOTED_ASCII = re.compile(r'(?<![\w"])"(\S[^"]*)"(?![\w"])')
_ELLIPSIS = re.compile(r"…+|\.\.\.+|⋯+")
# What may follow a quantity whose unit was cut by an ellipsis: "200 fir…", "0.5 percentage p…".
_CUT_UNIT = re.compile(r"\s?[A-Za-z]{0,12}(?:…|\.\.\.|⋯)")
_OPEN_MARKS = "“「『\"‘'"
_CLOSE_MARKS = "”」』\"’'"


def check_document(doc: Document, source: Source, model: Model) -> list[Finding]:
    """Every finding in one read-back document."""
    findings = list(doc.findings)
    findings += check_numbers(doc.pieces, source, doc.dates)
    findings += check_attribution(doc.pieces, source)
    from reportgen.verify.meaning import check_meaning

    findings += check_meaning(doc.pieces, source, model)
    findings += check_quotes(doc.pieces, source)
    findings += check_themes(doc, model)
    return findings


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _close_sorted(shown: float, decimals: int, candidates: list[float], scale: float = 1.0) -> bool:
    """``_close`` for candidates sorted ascending: only those near ``shown`` are compared."""
    if scale <= 0 or not candidates:
        return _close(shown, decimals, candidates, scale)
    half = 0.5 * 10.0**-decimals if decimals else 0.0
    slack = max(1e-9 * max(abs(shown), 1.0), half + 1e-12) * 1.001 + 1e-12
    lo = bisect.bisect_left(candidates, (shown - slack) * scale - 1e-12)
    hi = bisect.bisect_right(candidates, (shown + slack) * scale + 1e-12)
    return _close(shown, decimals, candidates[lo:hi], scale)


def _close(shown: float, decimals: int, candidates: Iterable[float], scale: float = 1.0) -> bool:
    """``shown`` equals a candidate (in units of ``scale``), or rounds it to the shown decimals."""
    half = 0.5 * 10.0**-decimals if decimals else 0.0
    for c in candidates:
        c = c / scale
        if abs(c - shown) <= max(1e-9 * max(abs(c), 1.0), half + 1e-12):
            return True
    return False


# --- numbers ----------------------------------------------------------------------------------


def check_numbers(
    pieces: Iterable[Piece], source: Source, dates: Iterable[str] = ()
) -> list[Finding]:
    """A finding for every number that is neither in the source nor a marked derived value.

    The document's own date (its core properties' creation date, which the writers take from
    SOURCE_DATE_EPOCH) may appear, as in a "generated on" line; it is not a figure.
    """
    findings = []
    dates = sorted(set(dates), key=len, reverse=True)
    for piece in pieces:
        text = piece.text
        if piece.kind != "chart" and re.fullmatch(r"\s*\d{1,3}\s*", text):
            continue  # a piece that is only a small whole number: a section mark, an agenda number
        for date in [*dates, *source.names]:
            text = text.replace(date, " " * len(date))
        for shown in unsupported_numbers(text, source):
            findings.append(Finding(piece.where, f"number {shown!r} is not in the source"))
    return findings


def unsupported_numbers(text: str, source: Source) -> list[str]:
    """The numbers in ``text`` (as shown) that the source does not support.

    A quantity with a unit (1200亿元, 25万名, $1.2 billion) must equal a quantity the article
    states, compared by value in its base unit (1200亿元 = 1.2e11 元), or a derived chart value.
    A bare number (150.2, 2024, 1200 shown without its unit) must occur in the article as a
    number, equal the value of one of its quantities, or be a derived value. Labels glued to
    letters (D1, Q2, C919), zero-padded sequence labels (01, 02) and ordinals after 图/表/第 are
    not figures.
    """
    bad: list[str] = []
    covered: list[tuple[int, int]] = []
    for q in source.quantities_in(text):
        if not q.base_unit or _CUT_UNIT.match(text, q.end):
            continue  # no unit, or a unit cut short by an ellipsis ("200 fir…"): read it bare
        covered.append((q.start, q.end))
        number = _NUMBER.search(text, q.start, q.end)
        if number is not None and _is_label(text, number):
            continue
        if not _quantity_ok(q, source):
            bad.append(q.text)
    inside = _Covered(covered)
    for m in _NUMBER.finditer(text):
        if inside(m.start()) or _is_label(text, m):
            continue
        if not _bare_ok(m.group(0), source):
            bad.append(_context(text, m))
    return bad


class _Covered:
    """Whether a position lies in one of the ranges [a, b) (bisection in the merged ranges: a
    piece of thousands of figures is not scanned once per number)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(ranges):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            elif a < b:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def last_before(ends: list[int], pos: int) -> int:
    """The last of the sorted clause-break ``ends`` at or before ``pos`` (0 if none): where the
    clause holding a figure at ``pos`` starts."""
    i = bisect.bisect_right(ends, pos)
    return ends[i - 1] if i else 0


def _quantity_ok(q, source: Source) -> bool:
    m = _NUMBER.search(q.text)
    decimals = _decimals(m.group(0)) if m else 0
    scale = q.normalized / q.value if q.value else 1.0
    candidates = source.quantities.get(q.base_unit.casefold(), [])  # USD = usd
    if _close_sorted(q.value, decimals, candidates, scale or 1.0):
        return True
    # a derived value of a chart in this unit (the remainder 其他（推算）27项), not any number
    derived = source.derived_units.get(q.unit.casefold(), [])
    return _close_sorted(q.value, decimals, derived)


def _bare_ok(number: str, source: Source) -> bool:
    if _canon(number) in source.tokens:
        return True
    value = float(_canon(number))
    decimals = _decimals(number)
    return _close_sorted(value, decimals, source.values) or _close_sorted(
        value, decimals, source.derived
    )


def _is_label(text: str, m: re.Match) -> bool:
    if re.fullmatch(r"0\d+", m.group(0)):  # 01, 02: a sequence label; figures have no leading 0
        return True
    before, after = text[max(0, m.start() - 1) : m.start()], text[m.end() : m.end() + 1]
    if re.match(r"[A-Za-z_]", before) or re.match(r"[A-Za-z_]", after):
        return True
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    if _ENUMERATION.match(text[m.start() :]) and not line.strip(" \t(（•·-"):
        return True  # a heading's or a list item's number: "1. Jobs", "(2) 就业", "• 10  Health"
    return _LABEL_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) is not None


# A number that opens a heading or a list item, with its mark: 1. 2、 (3) 4) 10: (a talking
# point in the notes)
_ENUMERATION = re.compile(r"^\d{1,3}(?:[.．、:：](?!\d)|[)）]|(?=[ \t]{2}))")


def _context(text: str, m: re.Match) -> str:
    """The number with its unit-ish neighbours, as the reader sees it."""
    end = m.end()
    while end < len(text) and end - m.end() < 4 and not text[end].isspace():
        if text[end] in ",，。；;：:、)）]】" or text[end].isdigit():
            break
        end += 1
    return text[m.start() : end]


# --- which figure the words belong to ---------------------------------------------------------


def check_attribution(pieces: Iterable[Piece], source: Source) -> list[Finding]:
    """A finding for a figure shown with the words the article uses for another figure of the
    same unit (two figures swapped, or one moved to the wrong label).

    The words around the figure (its clause, or a short piece such as a card) are compared
    with the article's sentences: when a sentence stating a different figure of that unit holds
    clearly more of them than any sentence stating this one, the figure is misplaced. Words the
    article never uses (template wording) do not count; notes, quotes and alt text are left to
    the other checks.
    """
    findings = []
    for piece in pieces:
        if piece.kind in ("notes", "quote", "alt"):
            continue
        for shown, beside, words in _figures_with_words(piece.text, source):
            if _better_home(shown, words, source):
                what = (
                    f"number {shown.text!r} is not what the source says of {_short(beside, 24)!r}"
                )
                findings.append(Finding(piece.where, what))
    return findings


def _figures_with_words(text: str, source: Source):
    """(quantity, the text beside it, its words) for each supported quantity with a unit."""
    found = [q for q in source.quantities_in(text) if q.base_unit]
    breaks = [m.end() for m in _CLAUSE.finditer(text)] if found else []
    for q in found:
        if not _quantity_ok(q, source):
            continue
        start = last_before(breaks, q.start)
        end = _CLAUSE.search(text, q.end)
        clause = text[start : q.start] + " " + text[q.end : end.start() if end else len(text)]
        words = _words(clause, source)
        if not words and len(found) == 1 and len(text) <= SHORT_PIECE:  # a card: one figure
            clause = text[: q.start] + " " + text[q.end :]
            words = _words(clause, source)
        if words:
            yield q, " ".join(clause.split()), words


def _words(clause: str, source: Source) -> set[str]:
    """Content words of ``clause`` that the article also uses: Han bigrams, or English words of
    four letters or more."""
    if source.language == "zh":
        found = {run[i : i + 2] for run in _HAN.findall(clause) for i in range(len(run) - 1)}
    else:
        found = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", clause)}
    return {w for w in found if source.uses(w)}


def _better_home(q, words: set[str], source: Source) -> bool:
    """Whether a sentence stating another figure of q's unit fits ``words`` clearly better."""
    unit = q.base_unit.casefold()

    def states(found: list[tuple[str, float]]) -> bool:
        return any(u == unit and abs(v - q.normalized) <= 1e-9 * max(1.0, abs(v)) for u, v in found)

    def score(sentence: str) -> int:
        return sum(w in sentence for w in words)

    statements = source.statements_of(unit)  # the others state no figure of this unit
    index = source.unit_index(unit)
    if index is not None:  # Chinese: scores from the bigram index, not a scan of the sentences
        return _better_home_indexed(q, words, index)
    mine = [score(s) for s, found in statements if states(found)]
    if not mine:
        return False  # stated only by a fact or derived: nothing to compare with
    theirs = max((score(s) for s, found in statements if not states(found)), default=0)
    return theirs >= 2 and theirs > max(mine) and 2 * max(mine) < len(words)


def _better_home_indexed(q, words: set[str], index) -> bool:
    """``_better_home`` from a unit's value and bigram index (Chinese)."""
    values, postings = index
    lo = bisect.bisect_left(values, (q.normalized - 1e-9 * max(1.0, abs(q.normalized)) * 1.01,))
    ids = set()
    for v, i in values[lo:]:
        if v > q.normalized + 1e-9 * max(1.0, abs(v)) * 1.01:
            break
        if abs(v - q.normalized) <= 1e-9 * max(1.0, abs(v)):
            ids.add(i)
    if not ids:
        return False
    # counted in C (Counter over the chained postings): words shared by every sentence of a
    # long article make this the verify's largest loop
    counts = Counter(chain.from_iterable(postings.get(w, ()) for w in words))
    best_mine = max(counts.get(i, 0) for i in ids)
    for i in ids:
        counts.pop(i, None)
    theirs = max(counts.values(), default=0)
    return theirs >= 2 and theirs > best_mine and 2 * best_mine < len(words)


# --- quotes -----------------------------------------------------------------------------------


def check_quotes(pieces: Iterable[Piece], source: Source) -> list[Finding]:
    """A finding for every quotation (in quotation marks, or a quote block) not in the source."""
    findings = []
    for piece in pieces:
        quoted = list(quoted_spans(piece.text, source.language))
        if piece.kind == "quote":
            block = _strip_marks(piece.text)
            if block and not block.startswith(("—", "-", "–")):
                quoted.append(block)
        for q in quoted:
            if not quote_ok(q, source):
                findings.append(Finding(piece.where, f"quote {_short(q)!r} is not in the source"))
    return findings


def quoted_spans(text: str, language: str) -> Iterator[str]:
    """Text in quotation marks, long enough to be a quotation rather than a term."""
    patterns = _QUOTED + ((_QUOTED_ASCII,) if language == "en" else ())
    for pattern in patterns:
        for m in pattern.finditer(text):
            inner = m.group(1)
            if sum(c.isalnum() for c in inner) >= MIN_QUOTE:
                yield inner


def quote_ok(quote: str, source: Source) -> bool:
    """Verbatim in the source (ignoring spaces and punctuation width); a marked cut (…) may
    leave out text, so each piece between ellipses must be there, in order. Chart labels pass."""
    folded = fold(quote)
    if folded in source.folded or folded in source.labels:
        return True
    parts = [p for p in _ELLIPSIS.split(folded) if p]
    if len(parts) <= 1 and not _ELLIPSIS.search(folded):
        return False
    pos = 0
    for part in parts:
        found = source.folded.find(part, pos)
        if found < 0:
            return False
        pos = found + len(part)
    return bool(parts)


def _strip_marks(text: str) -> str:
    text = text.strip()
    while text[:1] in _OPEN_MARKS and text:
        text = text[1:]
    while text[-1:] in _CLOSE_MARKS and text:
        text = text[:-1]
    return text.strip()


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- themes -----------------------------------------------------------------------------------


def check_themes(doc: Document, model: Model) -> list[Finding]:
    """A finding for every theme of the article that no heading (or slide title) carries; a
    theme with nothing in it (a group heading with no paragraph) is only listed, if at all."""
    findings = []
    headings = [fold(h) for h in doc.headings]
    for i, theme in enumerate(model.themes):
        if not (theme.paragraphs or theme.points or theme.tagline):
            continue
        keys = theme_keys(theme)
        if keys and not any(_heading_has(h, k) for h in headings for k in keys):
            findings.append(
                Finding(doc.name, f"theme {i + 1} {keys[0]!r} has no heading in this document")
            )
    return findings


def theme_keys(theme) -> list[str]:
    """The heading, and the part before its tagline (统筹“稳”与“进” of a longer heading)."""
    heading = theme.heading.strip()
    if not heading:
        return []
    keys = [heading]
    tagline = theme.tagline.strip()
    if tagline and heading.endswith(tagline) and len(heading) > len(tagline):
        keys.append(heading[: -len(tagline)].strip())
    if tagline and tagline != heading:
        keys.append(tagline)
    return [k for k in keys if k]


def _heading_has(heading: str, key: str) -> bool:
    """``key`` is in the heading (a slide title leaves out the dash a heading opens with and the
    colon or sentence end it closes on), or the heading was cut (…) after at least 4 of its
    characters."""
    bare = fold(slide_title(key)) or fold(key)
    key = fold(key)
    if key in heading or bare in heading:
        return True
    for stem in _ELLIPSIS.split(heading)[:-1]:
        if any(key.startswith(stem[-k:]) for k in range(len(stem), 3, -1)):
            return True
    return False
