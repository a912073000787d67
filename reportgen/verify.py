"""Read the brief and the deck back and trace every number, quote and theme to the source."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import FindingsError, InputError
from reportgen.ingest.numbers import NUMBER
from reportgen.model import Model

BRIEF = "brief.docx"
DECK = "deck.pptx"
CONTENT = "content.json"
CHARTS = "charts/charts.json"

# A quoted span shorter than this (letters and digits only) is a term, not a quotation.
MIN_QUOTE = 5
# Text may overflow its box by this much (points) before it is a finding: rounding, not overflow.
FIT_SLACK = 2.0

_NUMBER = re.compile(NUMBER)  # the extractor's own reading of a number
_SENTENCE = re.compile(r"(?<=[。！？!?])|\n|(?<=[.?!])\s+(?=[A-Z\"“])")
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


# --- entry points -----------------------------------------------------------------------------


def verify_outputs(out_dir: Path, model: Model | None = None, *, render: bool = False):
    """Every finding in ``out_dir``'s brief.docx and deck.pptx (an empty list when clean)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        what = "is not a folder" if out_dir.exists() else "no such folder"
        raise InputError(what, path=out_dir)
    model = model if model is not None else _load_model(out_dir)
    docs = _read_documents(out_dir)
    source = Source.of(model, _chart_specs(out_dir, model))
    findings = [f for doc in docs for f in check_document(doc, source, model)]
    if render:
        findings += render_findings(out_dir, [d.name for d in docs], model)
    return findings


def verifier_for(out_dir: Path, model: Model) -> Callable[[str], list[Finding]]:
    """A check of one output file in ``out_dir`` by name (brief.docx or deck.pptx), so a build
    can verify each document as soon as it is written; the source is read once."""
    out_dir = Path(out_dir)
    source = Source.of(model, _chart_specs(out_dir, model))
    readers = {BRIEF: read_docx, DECK: read_pptx}

    def check(name: str) -> list[Finding]:
        return check_document(readers[name](out_dir / name), source, model)

    return check


def check_document(doc: Document, source: Source, model: Model) -> list[Finding]:
    """Every finding in one read-back document."""
    findings = list(doc.findings)
    findings += check_numbers(doc.pieces, source, doc.dates)
    findings += check_attribution(doc.pieces, source)
    findings += check_quotes(doc.pieces, source)
    findings += check_themes(doc, model)
    return findings


def raise_for(findings: list[Finding], out_dir: Path) -> None:
    """A FindingsError (exit code 1) when there are findings; nothing when clean."""
    if findings:
        n = len(findings)
        raise FindingsError(f"{n} finding{'s' if n != 1 else ''}", path=out_dir)


def _load_model(out_dir: Path) -> Model:
    from reportgen.model import load

    path = out_dir / CONTENT
    if not path.is_file():
        raise InputError(f"no {CONTENT} (the content model) in this folder", path=out_dir)
    return load(path)


def _read_documents(out_dir: Path) -> list[Document]:
    docs = []
    if (out_dir / BRIEF).is_file():
        docs.append(read_docx(out_dir / BRIEF))
    if (out_dir / DECK).is_file():
        docs.append(read_pptx(out_dir / DECK))
    if not docs:
        raise InputError(f"neither {BRIEF} nor {DECK} in this folder", path=out_dir)
    return docs


def _chart_specs(out_dir: Path, model: Model) -> list:
    """The chart specs the writers used: charts/charts.json, else the model's (or planned) ones."""
    from reportgen.model import ChartSpec

    index = out_dir / CHARTS
    if index.is_file():
        try:
            data = json.loads(index.read_text(encoding="utf-8"))
            return [ChartSpec.model_validate(c["spec"]) for c in data.get("charts", [])]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InputError("not a valid chart index", path=index) from None
    if model.charts is not None:
        return list(model.charts)
    from reportgen.charts import specs_for

    return specs_for(model)


# --- what the source allows -------------------------------------------------------------------


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
        derived, labels = _chart_allowances(specs)
        values.sort()
        derived.sort()
        for found_values in quantities.values():
            found_values.sort()
        source = cls(model.language, text, fold(text), tokens, values, quantities, derived, labels)
        source.statements = _statements(text, model.language)
        return source


def _statements(text: str, language: str) -> list[tuple[str, list[tuple[str, float]]]]:
    from reportgen.ingest.numbers import find_quantities

    out = []
    for sentence in _SENTENCE.split(text):
        if sentence.strip():
            found = [
                (q.base_unit.casefold(), q.normalized) for q in find_quantities(sentence, language)
            ]
            out.append((sentence.lower() if language == "en" else sentence, found))
    return out


def _chart_allowances(specs: Iterable) -> tuple[list[float], set[str]]:
    """Derived values (marked in the chart specs) and chart labels (they may be quoted)."""
    derived: list[float] = []
    labels: set[str] = set()
    for spec in specs:
        labels.add(fold(spec.title))
        for how in spec.derived:  # the constants of a stated derivation, e.g. the 1 in (1 + 6.5%)
            derived += [float(n) for n in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", how)]
        for series in spec.series:
            labels.update(fold(x) for x in [series.name, *series.labels] if x)
            for i, value in enumerate(series.values):
                if i < len(series.derived) and series.derived[i]:
                    derived.append(float(value))
    return derived, labels


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
        for date in dates:
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
    return _close_sorted(q.value, decimals, source.derived)


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
    mine = [score(s) for s, found in statements if states(found)]
    if not mine:
        return False  # stated only by a fact or derived: nothing to compare with
    theirs = max((score(s) for s, found in statements if not states(found)), default=0)
    return theirs >= 2 and theirs > max(mine) and 2 * max(mine) < len(words)


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


# --- reading the deck -------------------------------------------------------------------------

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_SKIP_PLACEHOLDERS = ("sldNum", "dt")  # slide number and date placeholders


def read_pptx(path: Path) -> Document:
    """Every text of the deck (shapes, tables, native charts, notes, alt text) and its checks."""
    prs = _open_pptx(path)
    doc = Document(path.name, dates=own_dates(prs.core_properties))
    width, height = int(prs.slide_width), int(prs.slide_height)
    for number, slide in enumerate(prs.slides, 1):
        where = f"{path.name} slide {number}"
        title = slide.shapes.title
        title_text = title.text_frame.text.strip() if title is not None else ""
        if not title_text:
            doc.findings.append(Finding(where, "slide has no title"))
        else:
            doc.headings.append(title_text)
        # the old way of marking a quote: a "Quote Mark" glyph anywhere on the slide
        marked = any(_name(el).casefold() == "quote mark" for el in slide.shapes._spTree)
        for shape in _walk(slide.shapes):
            _read_shape(doc, where, shape, marked, (width, height))
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None and notes.text.strip():
                doc.pieces.append(Piece(f"{where}, notes", notes.text, "notes"))
    return doc


def _open_pptx(path: Path):
    import zipfile

    from pptx import Presentation

    try:
        return Presentation(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a readable .pptx file ({type(exc).__name__})", path=path) from None
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds on broken packages
        raise InputError(f"not a readable .pptx file ({type(exc).__name__})", path=path) from None


def _name(element) -> str:
    """A shape element's name (its non-visual properties' cNvPr), read without python-pptx."""
    nv = element[0] if len(element) else None
    cnvpr = nv.find(f"{{{P_NS}}}cNvPr") if nv is not None else None
    return cnvpr.get("name", "") if cnvpr is not None else ""


def _placeholder(element):
    """A shape element's p:ph (what makes it a placeholder), or None."""
    nv = element[0] if len(element) else None
    pr = nv.find(f"{{{P_NS}}}nvPr") if nv is not None else None
    return pr.find(f"{{{P_NS}}}ph") if pr is not None else None


def _walk(shapes) -> Iterator:
    for shape in shapes:
        yield shape
        if shape._element.tag == f"{{{P_NS}}}grpSp":  # a group: its shapes too
            yield from _walk(shape.shapes)


def _read_shape(doc: Document, where: str, shape, marked: bool, size: tuple[int, int]) -> None:
    name = _name(shape._element)
    where = f"{where}, shape {name!r}"
    placeholder = _placeholder(shape._element)
    if placeholder is not None and placeholder.get("type") in _SKIP_PLACEHOLDERS:
        return
    _read_alt(doc, where, shape)
    if shape.has_text_frame and shape.text_frame.text.strip():
        kind = "quote" if _is_quote_shape(name, marked, placeholder is not None) else "text"
        doc.pieces.append(Piece(where, _frame_text(shape.text_frame), kind))
        problem = fit_problem(shape, size[0])
        if problem:
            doc.findings.append(Finding(where, problem))
    if getattr(shape, "has_table", False) and shape.has_table:
        for r, row in enumerate(shape.table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                if cell.text.strip():
                    doc.pieces.append(Piece(f"{where} row {r} column {c}", cell.text))
    if getattr(shape, "has_chart", False) and shape.has_chart:
        doc.pieces.extend(_chart_pieces(where, shape.chart))


def _read_alt(doc: Document, where: str, shape) -> None:
    """Pictures and charts need alt text; the alt text itself is checked like any text."""
    is_picture = "PICTURE" in str(shape.shape_type) or getattr(shape, "has_chart", False)
    if not is_picture:
        return
    cnvpr = shape._element.find(f".//{{{P_NS}}}cNvPr")
    descr = (cnvpr.get("descr") if cnvpr is not None else "") or ""
    if not descr.strip():
        doc.findings.append(Finding(where, "picture has no alt text"))
    elif _file_name(descr):
        doc.findings.append(Finding(where, f"alt text is a file name ({descr!r})"))
    else:
        doc.pieces.append(Piece(f"{where} alt text", descr, "alt"))


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


def _file_name(text: str) -> bool:
    return re.fullmatch(r"[\w\-. ]+\.(png|jpe?g|gif|svg|emf|wmf|bmp|tiff?)", text.strip(), re.I)


def _is_quote_shape(name: str, marked: bool, placeholder: bool) -> bool:
    """A deck quote block: the shape named "Quote" (a user's "Quote 2", "Quote Body"... too); in
    decks written before the writer named it, a text box on a slide with a "Quote Mark" glyph
    (``marked``)."""
    name = name.casefold()
    if name.startswith("quote"):
        return name != "quote mark"
    return marked and name.startswith("textbox") and not placeholder


def _frame_text(frame) -> str:
    """Paragraph texts without field results (slide numbers, dates)."""
    lines = []
    for p in frame._txBody.findall(f"{{{A_NS}}}p"):
        parts = []
        for el in p:
            local = el.tag.rsplit("}", 1)[-1]
            if local == "r":
                parts.append("".join(t.text or "" for t in el.iter(f"{{{A_NS}}}t")))
            elif local == "br":
                parts.append("\n")
            elif local == "fld" and not (el.get("type") or "").startswith(("slidenum", "datetime")):
                parts.append("".join(t.text or "" for t in el.iter(f"{{{A_NS}}}t")))
        lines.append("".join(parts))
    return "\n".join(lines)


def _chart_pieces(where: str, chart) -> list[Piece]:
    where = where.replace(", shape ", ", chart ")
    pieces = []
    if chart.has_title and chart.chart_title.has_text_frame:
        pieces.append(Piece(f"{where} title", chart.chart_title.text_frame.text, "chart"))
    for plot in chart.plots:
        cats = [str(c) for c in plot.categories]
        if cats:
            pieces.append(Piece(f"{where} categories", "；".join(cats), "chart"))
        for series in plot.series:
            values = "、".join(_plain(v) for v in series.values if v is not None)
            pieces.append(Piece(f"{where} series {series.name!r}", values, "chart"))
    return pieces


def _plain(value: float) -> str:
    return f"{value:.10g}" if "e" not in f"{value:.10g}" else f"{value:f}"


# --- text fit (slides) ------------------------------------------------------------------------


def fit_problem(shape, slide_width: int | None = None) -> str | None:
    """Why the text of ``shape`` does not fit its box at its written sizes (None when it fits).

    A box that grows with its text (spAutoFit) only fails when an unwrapped line would run past
    the slide's right edge; PowerPoint does not apply any autofit before the text is edited.
    """
    body = shape.text_frame._txBody
    pr = body.find(f"{{{A_NS}}}bodyPr")
    if pr is None or shape.width is None:
        return None
    grows = pr.find(f"{{{A_NS}}}spAutoFit") is not None
    scale = _font_scale(pr)
    insets_w = _inset(pr, "lIns", 91440) + _inset(pr, "rIns", 91440)
    inner_w = (int(shape.width) - insets_w) / 12700
    inner_h = (int(shape.height) - _inset(pr, "tIns", 45720) - _inset(pr, "bIns", 45720)) / 12700
    wrap = pr.get("wrap") != "none"
    paras = _measured_paragraphs(body, scale)
    if paras is None or inner_w <= 0:
        return None
    need, widest = _text_extent(paras, inner_w, wrap)
    if grows:
        if wrap or slide_width is None or shape.left is None:
            return None
        right = (int(shape.left) + insets_w) / 12700 + widest
        if right > slide_width / 12700 + FIT_SLACK:
            return f"text runs {right - slide_width / 12700:.0f} pt past the slide's right edge"
        return None
    if not wrap and widest > inner_w + FIT_SLACK:
        return f"text is {widest:.0f} pt wide but the box is {inner_w:.0f} pt wide"
    if need > inner_h + max(FIT_SLACK, 0.03 * inner_h):
        size = max(p[1] for p in paras)
        return (
            f"text needs {need:.0f} pt at {size:g} pt but the box is {inner_h:.0f} pt high "
            "(it overflows)"
        )
    return None


def _inset(pr, name: str, default: int) -> int:
    value = pr.get(name)
    return int(value) if value is not None else default


def _font_scale(pr) -> float:
    norm = pr.find(f"{{{A_NS}}}normAutofit")
    if norm is not None and norm.get("fontScale"):
        return int(norm.get("fontScale")) / 100000
    return 1.0


def _measured_paragraphs(body, scale: float):
    """[(runs as (text, size, bold), biggest size, line pitch, space before)] or None when a
    run has no written size (it inherits one from the layout; not measured)."""
    paras = []
    for p in body.findall(f"{{{A_NS}}}p"):
        runs = []
        for r in p.iter(f"{{{A_NS}}}r", f"{{{A_NS}}}fld"):
            text = "".join(t.text or "" for t in r.iter(f"{{{A_NS}}}t"))
            rpr = r.find(f"{{{A_NS}}}rPr")
            if not text:
                continue
            if rpr is None or rpr.get("sz") is None:
                return None
            runs.append((text, int(rpr.get("sz")) / 100 * scale, rpr.get("b") in ("1", "true")))
        end = p.find(f"{{{A_NS}}}endParaRPr")
        fallback = int(end.get("sz")) / 100 * scale if end is not None and end.get("sz") else 0
        size = max((r[1] for r in runs), default=fallback)
        if not size:
            return None
        paras.append((runs, size, _spacing(p, "lnSpc", size * 1.2), _spacing(p, "spcBef", 0.0)))
    return paras


def _spacing(p, name: str, default: float) -> float:
    ppr = p.find(f"{{{A_NS}}}pPr")
    el = ppr.find(f"{{{A_NS}}}{name}") if ppr is not None else None
    if el is None:
        return default
    pts = el.find(f"{{{A_NS}}}spcPts")
    if pts is not None:
        return int(pts.get("val")) / 100
    pct = el.find(f"{{{A_NS}}}spcPct")
    if pct is not None and name == "lnSpc":
        return default * int(pct.get("val")) / 100000
    return default


def _text_extent(paras, width: float, wrap: bool) -> tuple[float, float]:
    """(height needed, widest line) of measured paragraphs in a box ``width`` pt wide."""
    need, widest = 0.0, 0.0
    for k, (runs, size, pitch, before) in enumerate(paras):
        natural = sum(_width(text, s, bold) for text, s, bold in runs)
        text = "".join(r[0] for r in runs)
        bold = any(r[2] for r in runs)
        lines = [text] if not runs else text.split("\n")
        count = 0
        for line in lines:
            if not wrap or natural <= width:
                count += 1
            else:
                count += max(len(_wrap(line, width, size, bold)), 1)
        widest = max(widest, natural)
        need += count * pitch + (before if k else 0.0)
    return need, widest


def _width(text: str, size: float, bold: bool) -> float:
    try:
        from reportgen.writers.textfit import text_width
    except ImportError:  # pragma: no cover - the writers ship textfit
        return sum(1.0 if ord(c) > 0x2E7F else 0.55 for c in text) * size
    return text_width(text, size, bold)


def _wrap(text: str, width: float, size: float, bold: bool) -> list[str]:
    try:
        from reportgen.writers.textfit import wrap
    except ImportError:  # pragma: no cover
        per_line = max(int(width // (size * 0.8)), 1)
        return [text[i : i + per_line] for i in range(0, len(text), per_line)] or [""]
    return wrap(text, width, size, bold)


# --- reading the brief ------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_PAGE_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "DATE", "TIME", "SAVEDATE")


def read_docx(path: Path) -> Document:
    """Every text of the brief (body, tables, headers, footers, alt text) and its checks."""
    document = _open_docx(path)
    doc = Document(path.name, dates=own_dates(document.core_properties))
    styles = _style_names(document)
    body = document.element.body
    cells = _cell_labels(body)
    for n, p in enumerate(body.iter(f"{{{W_NS}}}p"), 1):
        where = f"{path.name} paragraph {n}{cells.get(p, '')}"
        _read_paragraph(doc, where, p, styles)
    for s, section in enumerate(document.sections, 1):
        for label, part in _header_footer_parts(section):
            for n, p in enumerate(part._element.iter(f"{{{W_NS}}}p"), 1):
                _read_paragraph(doc, f"{path.name} section {s} {label} paragraph {n}", p, styles)
    _read_pictures(doc, path.name, document)
    return doc


def _open_docx(path: Path):
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on broken packages
        raise InputError(f"not a readable .docx file ({type(exc).__name__})", path=path) from None


def _style_names(document) -> dict[str, str]:
    return {s.style_id: s.name or s.style_id for s in document.styles if s.style_id}


def _header_footer_parts(section) -> Iterator[tuple[str, object]]:
    for label in ("header", "footer"):
        for kind, prefix in (
            ("", ""),
            ("first_page_", "first-page "),
            ("even_page_", "even-page "),
        ):
            part = getattr(section, f"{kind}{label}")
            if not part.is_linked_to_previous:
                yield f"{prefix}{label}", part


def _cell_labels(body) -> dict:
    """Each table paragraph's place, " (table T, row R, cell C)" (inner tables win)."""
    labels = {}
    for t, table in enumerate(body.iter(f"{{{W_NS}}}tbl"), 1):
        for r, row in enumerate(table.iterchildren(f"{{{W_NS}}}tr"), 1):
            for c, cell in enumerate(row.iterchildren(f"{{{W_NS}}}tc"), 1):
                for p in cell.iter(f"{{{W_NS}}}p"):
                    labels[p] = f" (table {t}, row {r}, cell {c})"
    return labels


def _read_paragraph(doc: Document, where: str, p, styles: dict[str, str]) -> None:
    text = paragraph_text(p)
    if not text.strip():
        return
    style = _paragraph_style(p, styles)
    low = style.casefold()
    kind = "text"
    if low.startswith(("heading", "title")) or _outline_level(p) is not None:
        kind = "heading"
        doc.headings.append(text)
    elif "quote" in low:
        kind = "quote"
    elif low.startswith("toc"):
        text = re.sub(r"\t\s*\d+\s*$", "", text)
    doc.pieces.append(Piece(where, text, kind))


def _paragraph_style(p, styles: dict[str, str]) -> str:
    ppr = p.find(f"{{{W_NS}}}pPr")
    ps = ppr.find(f"{{{W_NS}}}pStyle") if ppr is not None else None
    sid = ps.get(f"{{{W_NS}}}val") if ps is not None else ""
    return styles.get(sid, sid or "")


def _outline_level(p) -> int | None:
    ppr = p.find(f"{{{W_NS}}}pPr")
    lvl = ppr.find(f"{{{W_NS}}}outlineLvl") if ppr is not None else None
    if lvl is None:
        return None
    value = int(lvl.get(f"{{{W_NS}}}val", "9"))
    return value if value < 9 else None


def paragraph_text(p) -> str:
    """A paragraph's text without page-number and date field results (they are not figures)."""
    parts: list[str] = []
    skipping: list[bool] = []  # one entry per open complex field: is its result skipped?
    instr: list[str] = []
    for el in p.iter():
        local = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if local == "fldChar":
            kind = el.get(f"{{{W_NS}}}fldCharType")
            if kind == "begin":
                skipping.append(False)
                instr = []
            elif kind == "separate" and skipping:
                skipping[-1] = _page_field("".join(instr))
            elif kind == "end" and skipping:
                skipping.pop()
        elif local == "instrText":
            instr.append(el.text or "")
        elif local == "t" and el.tag == f"{{{W_NS}}}t" and not any(skipping):
            if not _in_page_simple_field(el):
                parts.append(el.text or "")
        elif local == "tab" and el.getparent().tag == f"{{{W_NS}}}r":
            parts.append("\t")
        elif local in ("br", "cr"):
            parts.append("\n")
    return "".join(parts)


def _page_field(instruction: str) -> bool:
    word = instruction.strip().split(" ", 1)[0].upper() if instruction.strip() else ""
    return word in _PAGE_FIELDS


def _in_page_simple_field(el) -> bool:
    for a in el.iterancestors(f"{{{W_NS}}}fldSimple"):
        return _page_field(a.get(f"{{{W_NS}}}instr", ""))
    return False


def _read_pictures(doc: Document, name: str, document) -> None:
    parts = [("", document.element.body)]
    for s, section in enumerate(document.sections, 1):
        for label, part in _header_footer_parts(section):
            parts.append((f" in section {s} {label}", part._element))
    n = 0
    for suffix, root in parts:
        for docpr in root.iter(f"{{{WP_NS}}}docPr"):
            holder = docpr.getparent()
            if not list(holder.iter(f"{{{PIC_NS}}}pic")) and not _is_chart(holder):
                continue
            n += 1
            where = f"{name} picture {n}{suffix}"
            descr = (docpr.get("descr") or "").strip()
            if not descr:
                doc.findings.append(Finding(where, "picture has no alt text"))
            elif _file_name(descr):
                doc.findings.append(Finding(where, f"alt text is a file name ({descr!r})"))
            else:
                doc.pieces.append(Piece(f"{where} alt text", descr, "alt"))


def _is_chart(holder) -> bool:
    return any("chart" in (el.get("uri") or "") for el in holder.iter() if el.get("uri"))


# --- rendering (LibreOffice) ------------------------------------------------------------------

# Ideographs, CJK punctuation and full-width forms: the text that needs a CJK-capable font.
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_EDGE = 0.5  # points a glyph box may touch past the page edge (anti-aliasing, rounding)


def render_findings(out_dir: Path, names: list[str], model: Model) -> list[Finding]:
    """Convert the outputs to PDF with LibreOffice, exactly as ``reportgen preview`` does (own
    profile, bundled CJK fonts); text that leaves the page and Chinese text no embedded font has
    glyphs for are findings."""
    import tempfile

    from reportgen.errors import ConfigError
    from reportgen.preview import INSTALL_HINT, convert, find_soffice, fonts_conf

    soffice = find_soffice()
    if soffice is None:
        raise ConfigError(f"--render: {INSTALL_HINT}")
    findings: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="reportgen-verify-") as tmp:
        pdfs = convert(soffice, [Path(out_dir) / n for n in names], Path(tmp))
        fonts = _FontIndex(fonts_conf(Path(tmp)))
        for name, pdf in zip(names, pdfs, strict=True):
            findings += pdf_findings(name, pdf, fonts)
    return findings


def pdf_findings(name: str, pdf: Path, fonts: _FontIndex | None = None) -> list[Finding]:
    """Text outside the page, fonts not embedded, and Chinese characters without a glyph."""
    import pdfplumber

    fonts = fonts or _FontIndex()
    unit = "slide" if name.endswith(".pptx") else "PDF page"
    findings = [Finding(name, f"font {f!r} is not embedded in the PDF") for f in _unembedded(pdf)]
    with pdfplumber.open(str(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            where = f"{name} {unit} {number}"
            findings += _off_page(where, page)
            findings += _missing_glyphs(where, page.chars, fonts)
    return findings


def _off_page(where: str, page) -> list[Finding]:
    w, h = float(page.width), float(page.height)
    out = [
        c
        for c in page.chars
        if c["x0"] < -_EDGE or c["x1"] > w + _EDGE or c["top"] < -_EDGE or c["bottom"] > h + _EDGE
    ]
    if not out:
        return []
    sample = _short("".join(c["text"] for c in out), 30)
    return [Finding(where, f"{len(out)} characters leave the page ({sample!r})")]


def _missing_glyphs(where: str, chars: list[dict], fonts: _FontIndex) -> list[Finding]:
    missing: dict[str, set[str]] = {}
    for c in chars:
        text = c["text"]
        tofu = text.startswith("(cid:")  # a glyph with no Unicode mapping
        if tofu or (_CJK.match(text) and not fonts.covers(c["fontname"], text)):
            missing.setdefault(_base_font(c["fontname"]), set()).add(text)
    return [
        Finding(where, f"font {font!r} has no glyph for {''.join(sorted(chars))[:20]!r} (tofu)")
        for font, chars in sorted(missing.items())
    ]


def _base_font(fontname: str) -> str:
    """The font name without the six-letter subset tag (ABCDEF+NotoSansCJKsc-Regular)."""
    return fontname.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", fontname) else fontname


def _unembedded(pdf: Path) -> list[str]:
    import shutil
    import subprocess

    tool = shutil.which("pdffonts")
    if tool is None:
        return []
    out = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=False).stdout
    names = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        if len(cols) >= 7 and cols[-5] == "no":
            names.append(cols[0])
    return names


class _FontIndex:
    """Installed fonts by PostScript name (from fc-list), with their character maps."""

    def __init__(self, config: Path | None = None) -> None:
        self._config = config  # a fontconfig file (the one LibreOffice rendered with)
        self._files: dict[str, tuple[str, int]] | None = None
        self._cmaps: dict[str, set[int] | None] = {}

    def covers(self, fontname: str, ch: str) -> bool:
        cmap = self._cmap(_base_font(fontname))
        if cmap is None:  # not an installed font we can read: trust a CJK family name
            return bool(re.search(r"CJK|SC|TC|Hei|Song|Ming|Kai|Fang|Han|Yuan|WenQuanYi", fontname))
        return ord(ch) in cmap

    def _cmap(self, name: str) -> set[int] | None:
        if name not in self._cmaps:
            self._cmaps[name] = self._read(name)
        return self._cmaps[name]

    def _read(self, name: str) -> set[int] | None:
        files = self._index()
        key = name
        while key not in files and "-" in key:
            key = key.rsplit("-", 1)[0]  # LibreOffice appends -VKana and the like
        if key not in files:
            return None
        from fontTools.ttLib import TTFont

        path, index = files[key]
        try:
            font = TTFont(path, fontNumber=index, lazy=True)
            cmap = set(font.getBestCmap() or {})
            font.close()
        except Exception:  # noqa: BLE001 - an unreadable font file: fall back to its name
            return None
        return cmap

    def _index(self) -> dict[str, tuple[str, int]]:
        if self._files is None:
            import shutil
            import subprocess

            self._files = {}
            tool = shutil.which("fc-list")
            if tool is not None:
                fmt = "%{postscriptname}|%{file}|%{index}\\n"
                env = None
                if self._config is not None:
                    import os

                    env = dict(os.environ, FONTCONFIG_FILE=str(self._config))
                out = subprocess.run(
                    [tool, "--format", fmt], capture_output=True, text=True, check=False, env=env
                ).stdout
                for line in out.splitlines():
                    parts = line.split("|")
                    if len(parts) == 3 and parts[0]:
                        self._files.setdefault(parts[0], (parts[1], int(parts[2] or 0)))
        return self._files
