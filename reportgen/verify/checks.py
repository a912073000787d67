"""The checks: every number, quote and theme of a read-back document against the source."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from reportgen.ingest.numbers import NUMBER
from reportgen.ingest.sentences import SPLIT_FOR_SEARCH
from reportgen.model import Model
from reportgen.verify.findings import Document, Finding, Piece

# A quoted span shorter than this (letters and digits only) is a term, not a quotation.
MIN_QUOTE = 5
_NUMBER = re.compile(NUMBER)  # the extractor's own reading of a number
_CLAUSE = re.compile(r"[，。；;！？!?\n、|：:（）()]|,\s|\.\s")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
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
_FOLD = str.maketrans("，：；！？（）［］｛｝％", ",:;!?()[]{}%")
_NOISE = re.compile(r"[\s\u00a0\u3000]+")


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


@dataclass
class Source:
    """Numbers, quantities and labels the outputs may show, read from the model and charts."""

    language: str
    text: str
    folded: str
    tokens: set[str]
    values: list[float]
    quantities: dict[str, list[float]]
    derived: list[float]
    labels: set[str]
    # each sentence of the article (lower-cased for English) with its quantities (base unit, value)
    statements: list[tuple[str, list[tuple[str, float]]]] = field(default_factory=list)
    # the article's file name and stem: shown as the source (a title, the sources slide), no figure
    names: list[str] = field(default_factory=list)
    # derived chart values by the chart's unit: a value with a unit may be one only in that unit
    derived_units: dict[str, list[float]] = field(default_factory=dict)
    # indexes built once, so each figure checked costs what its own words cost, not the article
    _by_unit: dict | None = field(default=None, repr=False, compare=False)
    _bigrams: set | None = field(default=None, repr=False, compare=False)
    _lower: str | None = field(default=None, repr=False, compare=False)
    _known: dict = field(default_factory=dict, repr=False, compare=False)
    _unit_index: dict = field(default_factory=dict, repr=False, compare=False)

    def statements_of(self, unit: str) -> list[tuple[str, list[tuple[str, float]]]]:
        """The statements that state a quantity in ``unit`` (casefolded base unit)."""
        if self._by_unit is None:
            index: dict[str, list] = {}
            for statement in self.statements:
                for u in {u for u, _ in statement[1]}:
                    index.setdefault(u, []).append(statement)
            self._by_unit = index
        return self._by_unit.get(unit, [])

    def unit_index(self, unit: str):
        """For Chinese: the statements of ``unit`` as (sorted (value, id) pairs, bigram -> ids).

        A Han bigram is in a sentence exactly when it is one of the sentence's bigrams, so the
        scores of _better_home come from these postings. None for English (substring words)."""
        if self.language != "zh":
            return None
        cache = self._unit_index
        if unit not in cache:
            values, postings = [], {}
            for i, (sentence, found) in enumerate(self.statements_of(unit)):
                values += [(v, i) for u, v in found if u == unit]
                grams = {r[j : j + 2] for r in _HAN.findall(sentence) for j in range(len(r) - 1)}
                for gram in grams:
                    postings.setdefault(gram, []).append(i)
            values.sort()
            cache[unit] = (values, postings)
        return cache[unit]

    def uses(self, word: str) -> bool:
        """Whether the article's text holds ``word`` (a Han bigram, or lower-case English)."""
        if self.language == "zh" and len(word) == 2 and _HAN.fullmatch(word):
            if self._bigrams is None:
                self._bigrams = {
                    run[i : i + 2] for run in _HAN.findall(self.text) for i in range(len(run) - 1)
                }
            return word in self._bigrams
        known = self._known.get(word)
        if known is None:
            if self._lower is None:
                self._lower = self.text.lower()
            known = self._known[word] = word in (
                self.text if self.language == "zh" else self._lower
            )
        return known

    @classmethod
    def of(cls, model: Model, specs: Iterable) -> Source:
        from reportgen.ingest.numbers import find_quantities

        text = model.text
        tokens = {_canon(m.group(0)) for m in _NUMBER.finditer(text)}
        values = [float(t) for t in tokens]
        quantities: dict[str, list[float]] = {}
        found = [
            (q.value, q.normalized, q.base_unit) for q in find_quantities(text, model.language)
        ]
        found += [(f.value, f.normalized, f.base_unit) for f in model.facts]
        for value, normalized, base in found:
            values += [value, normalized]
            quantities.setdefault(base.casefold(), []).append(normalized)
        derived, labels, derived_units = _chart_allowances(specs)
        values.sort()
        derived.sort()
        for found_values in quantities.values():
            found_values.sort()
        source = cls(model.language, text, fold(text), tokens, values, quantities, derived, labels)
        source.statements = _statements(text, model.language)
        name = model.source.name
        source.names = sorted({name, name.rsplit(".", 1)[0]}, key=len, reverse=True)
        source.derived_units = {u: sorted(v) for u, v in derived_units.items()}
        return source


def _statements(text: str, language: str) -> list[tuple[str, list[tuple[str, float]]]]:
    from reportgen.ingest.numbers import find_quantities

    out = []
    for sentence in SPLIT_FOR_SEARCH.split(text):
        if sentence.strip():
            found = [
                (q.base_unit.casefold(), q.normalized) for q in find_quantities(sentence, language)
            ]
            out.append((sentence.lower() if language == "en" else sentence, found))
    return out


def _chart_allowances(specs: Iterable) -> tuple[list[float], set[str], dict[str, list[float]]]:
    """Derived values (marked in the chart specs), chart labels (they may be quoted) and the
    derived values by their chart's unit."""
    derived: list[float] = []
    labels: set[str] = set()
    by_unit: dict[str, list[float]] = {}
    for spec in specs:
        labels.add(fold(spec.title))
        for how in spec.derived:  # the constants of a stated derivation, e.g. the 1 in (1 + 6.5%)
            derived += [float(n) for n in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", how)]
        for series in spec.series:
            labels.update(fold(x) for x in [series.name, *series.labels] if x)
            for i, value in enumerate(series.values):
                if i < len(series.derived) and series.derived[i]:
                    derived.append(float(value))
                    by_unit.setdefault(spec.unit.casefold(), []).append(float(value))
    return derived, labels, by_unit


def _canon(number: str) -> str:
    return number.replace(",", "")


def fold(text: str) -> str:
    """Text for verbatim comparison: no whitespace, full-width punctuation as ASCII."""
    return _NOISE.sub("", text).translate(_FOLD)


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
    from reportgen.ingest.numbers import find_quantities

    bad: list[str] = []
    covered: list[tuple[int, int]] = []
    for q in find_quantities(text, source.language):
        if not q.base_unit or _CUT_UNIT.match(text, q.end):
            continue  # no unit, or a unit cut short by an ellipsis ("200 fir…"): read it bare
        covered.append((q.start, q.end))
        number = _NUMBER.search(text, q.start, q.end)
        if number is not None and _is_label(text, number):
            continue
        if not _quantity_ok(q, source):
            bad.append(q.text)
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in covered) or _is_label(text, m):
            continue
        if not _bare_ok(m.group(0), source):
            bad.append(_context(text, m))
    return bad


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
    return _LABEL_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) is not None


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
    from reportgen.ingest.numbers import find_quantities

    found = [q for q in find_quantities(text, source.language) if q.base_unit]
    for q in found:
        if not _quantity_ok(q, source):
            continue
        start = max((m.end() for m in _CLAUSE.finditer(text, 0, q.start)), default=0)
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
    counts: dict[int, int] = {}
    for w in words:
        for i in postings.get(w, ()):
            counts[i] = counts.get(i, 0) + 1
    best_mine = max(counts.get(i, 0) for i in ids)
    theirs = max((c for i, c in counts.items() if i not in ids), default=0)
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
    """A finding for every theme of the article that no heading (or slide title) carries."""
    findings = []
    headings = [fold(h) for h in doc.headings]
    for i, theme in enumerate(model.themes):
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
    """``key`` is in the heading, or the heading was cut (…) after at least 4 of its characters."""
    key = fold(key)
    if key in heading:
        return True
    for stem in _ELLIPSIS.split(heading)[:-1]:
        if any(key.startswith(stem[-k:]) for k in range(len(stem), 3, -1)):
            return True
    return False
