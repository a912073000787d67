"""Meaning checks: a figure is shown in its written form, beside its own words, as the kind of
figure it is, under labels that start and end on word boundaries; charts compare like with like.

Words the article itself says around a figure (a verbatim sentence in the brief) are the
article's, and pass; what the tool composes (a card, a table cell, a key point, a bar label) is
checked against the figure's own sentence and subject.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from reportgen.model import Fact, Model
from reportgen.verify.checks import SHORT_PIECE, Source, _quantity_ok, _words, fold, last_before
from reportgen.verify.findings import Finding, Piece

# Words that say a figure is not a measured value (it is shown as a target, a cap or a forecast).
_KIND_WORDS = re.compile(
    r"目标|力争|争取|计划|规划|预计|预期|有望|上限|最高|最多|不低于|不少于|不超过|以内|门槛|将达|"
    r"到20\d\d年|target|goal|aim|plan|forecast|expected|projected|estimate|up to|cap|limit|"
    r"at least|minimum|maximum|will",
    re.I,
)
# Clause breaks; a caption's number opening a piece (图2 …, Table 1: …) is one too.
_BREAK = re.compile(
    r"——|—|[，。；;！？!?\n、|：:（）()]|,\s|\.\s|^(?:[图表]\s*\d+|(?:Figure|Table)\s+\d+)[.:：]?\s+"
)
_ROW = re.compile(r"^(?P<doc>\S+) .*?(?P<row>\(table \d+, row \d+), cell \d+\)")
_SKIP = ("notes", "quote", "alt")


def check_meaning(pieces: list[Piece], source: Source, model: Model) -> list[Finding]:
    """Written forms, words, kinds and word boundaries of every figure shown."""
    rows = _rows(pieces)
    firsts = _first_cells(pieces)
    values = _FactValues(model.facts)
    findings: list[Finding] = []
    for i, piece in enumerate(pieces):
        if piece.kind in _SKIP:
            continue
        context = rows.get(_row_key(piece.where), piece.text)
        card_label = _card_label(pieces, i, firsts)
        for q, facts in _shown(piece.text, source, model, values):
            clause = _clause(piece.text, q)
            own = fold(_with_figure(piece.text, q)).casefold()
            if len(own) >= len(fold(q.text)) + 4 and own in source.folded_casefold:
                continue  # the article's own words around it (a dek, a quoted sentence)
            findings += _written_form(piece, q, facts)
            findings += _kind(piece, q, facts, context + card_label)
            if card_label:  # a card's label stands in a shape (or a cell) of its own
                where, clause, before = piece.where, card_label, card_label
            else:
                where, before = piece.where, piece.text[: q.start]
            short = len(piece.text) <= SHORT_PIECE
            findings += _label(where, q.text, clause, before if short else "", facts, source, model)
            findings += _comparator(where, q.text, clause, facts, model)
    return findings


def _comparator(where: str, figure: str, clause: str, facts: list[Fact], model: Model) -> list:
    """A figure about another subject (a comparator: 全国, 日本, the state) is not shown under
    the article's main subject's name unless its own subject is named beside it too."""
    from reportgen.plans.select import foreign

    main = model.subject.strip()
    if not main or main not in clause or not facts:
        return []
    if not all(foreign(f, model) for f in facts):
        return []
    if any(f.subject.strip() in clause for f in facts):
        return []
    subject = facts[0].subject.strip()
    return [Finding(where, f"figure {figure!r} is about {subject}, shown under {main}")]


def _first_cells(pieces: list[Piece]) -> dict[str, Piece]:
    """The first cell of each table row, by row (looked up per value cell, not searched)."""
    firsts: dict[str, Piece] = {}
    for piece in pieces:
        key = _row_key(piece.where)
        if key and piece.where.endswith("cell 1)"):
            firsts.setdefault(key, piece)
    return firsts


def _card_label(pieces: list[Piece], i: int, firsts: dict[str, Piece]) -> str:
    """The label of a figure shown alone (a card's value, a table's value cell): the row's
    first cell, or the short text right after it on the same slide."""
    piece = pieces[i]
    if not _LONE.match(piece.text.strip()):
        return ""
    row = _row_key(piece.where)
    if row:
        first = firsts.get(row)
        return first.text if first is not None and first is not piece else ""
    if i + 1 >= len(pieces) or piece.where.startswith("brief"):
        return ""
    nxt = pieces[i + 1]
    same_slide = nxt.where.split(",")[0] == piece.where.split(",")[0]
    short = len(nxt.text) <= 20 and not re.search(r"\d", nxt.text)
    return nxt.text if same_slide and short and nxt.kind == "text" else ""


# A piece that is one figure and nothing else (约5亿美元, 1600余家, $2.4 million).
_LONE = re.compile(r"^\S{0,6}?\d[\d,.]*\S{0,8}$|^[^\s\d]{0,4}\s?\$?\d[\d,.]*\s?\S{0,12}$")


@functools.lru_cache(maxsize=16)
def _break_ends(text: str) -> list[int]:
    """Where each clause break of ``text`` ends (kept for the few last texts: a piece of many
    figures is scanned once, not once per figure)."""
    return [m.end() for m in _BREAK.finditer(text)]


def _bounds(text: str, q) -> tuple[int, int]:
    """Where the clause holding ``q`` starts and ends in ``text``."""
    start = last_before(_break_ends(text), q.start)
    end = _BREAK.search(text, q.end)
    return start, end.start() if end else len(text)


def _with_figure(text: str, q) -> str:
    """The clause holding ``q``, the figure included (is it the article's own sentence?)."""
    start, end = _bounds(text, q)
    return text[start:end]


def _rows(pieces: list[Piece]) -> dict[str, str]:
    """The text of each table row (its cells joined), by row."""
    rows: dict[str, list[str]] = {}
    for piece in pieces:
        key = _row_key(piece.where)
        if key:
            rows.setdefault(key, []).append(piece.text)
    return {k: " ".join(v) for k, v in rows.items()}


def _row_key(where: str) -> str:
    """``brief.docx (table 1, row 7``: the same for every cell of a row."""
    m = _ROW.match(where)
    return f"{m.group('doc')} {m.group('row')}" if m else ""


def _shown(text: str, source: Source, model: Model, values: _FactValues):
    """(quantity, the facts it can be) for each supported figure with a unit in ``text``."""
    for q in source.quantities_in(text):
        if not q.base_unit or not _quantity_ok(q, source):
            continue
        facts = values.same(q)
        if facts:
            yield q, facts


class _FactValues:
    """The facts by unit and sorted value: those with a figure's value are found by bisection
    (every fact compared with every figure shown was quadratic in figures)."""

    def __init__(self, facts: list[Fact]) -> None:
        by_unit: dict[str, list[tuple[float, int, Fact]]] = {}
        for n, f in enumerate(facts):
            by_unit.setdefault(f.base_unit.casefold(), []).append((f.normalized, n, f))
        self.by_unit = {u: sorted(v, key=lambda e: (e[0], e[1])) for u, v in by_unit.items()}
        self.keys = {u: [e[0] for e in v] for u, v in self.by_unit.items()}
        self.found: dict[tuple[str, float], list[Fact]] = {}

    def same(self, q) -> list[Fact]:
        """The facts ``_same_value`` accepts for ``q``, in the model's order (found once per
        unit and value: a value many facts share is shown many times)."""
        key = (q.base_unit.casefold(), q.normalized)
        if key not in self.found:
            self.found[key] = self._same(q)
        return list(self.found[key])

    def _same(self, q) -> list[Fact]:
        import bisect

        unit = q.base_unit.casefold()
        entries, keys = self.by_unit.get(unit, []), self.keys.get(unit, [])
        reach = 1e-5 * (1.0 + abs(q.normalized))  # wider than the tolerance, then checked
        lo = bisect.bisect_left(keys, q.normalized - reach)
        hi = bisect.bisect_right(keys, q.normalized + reach)
        found = sorted((e for e in entries[lo:hi] if _same_value(q, e[2])), key=lambda e: e[1])
        return [e[2] for e in found]


def _same_value(q, f: Fact) -> bool:
    if q.base_unit.casefold() != f.base_unit.casefold():
        return False
    return abs(q.normalized - f.normalized) <= 1e-6 * max(1.0, abs(f.normalized))


def _clause(text: str, q) -> str:
    """The words of ``q``'s own clause (a key-point line's heading is not its figure's words)."""
    start, end = _bounds(text, q)
    return text[start : q.start] + " " + text[q.end : end]


def _form(text: str, word: str) -> tuple[str, str]:
    """A figure's qualifier and where it stands: before the number, or after it."""
    if not word:
        return "", ""
    word = fold(word).casefold()  # "Nearly 1,500" opening a sentence is "nearly 1,500" inside one
    return word, "before" if fold(text).casefold().lstrip().startswith(word) else "after"


def _written_form(piece: Piece, q, facts: list[Fact]) -> list[Finding]:
    """The qualifier as the article writes it: not dropped, changed or moved (2亿多元 is not
    2多亿元, 33.3%左右 is not 33.3左右%)."""
    shown = _form(q.text, q.qualifier_word)
    forms = {_form(f.text, f.qualifier_word) for f in facts}
    if shown in forms and (shown[1] != "after" or _same_text(q.text, facts)):
        return []
    if not shown[0] and ("", "") in forms:
        return []
    if not shown[0] and _marked_beside(piece.text, q, facts):
        return []  # a documented short form: 1,600+, or the qualifier in a run of its own
    said = " or ".join(sorted({f.text for f in facts}))
    return [Finding(piece.where, f"figure {q.text!r} is written {said!r} in the source")]


def _marked_beside(text: str, q, facts: list[Fact]) -> bool:
    """The figure's qualifier stands right beside it, outside what the parser read (1,600+)."""
    around = text[max(0, q.start - 4) : q.start] + "|" + text[q.end : q.end + 3]
    words = {f.qualifier_word.strip() for f in facts if f.qualifier_word.strip()}
    return "+" in text[q.end : q.end + 2] or any(w in around for w in words)


def _same_text(shown: str, facts: list[Fact]) -> bool:
    key = fold(shown).replace(",", "")
    return any(fold(f.text).replace(",", "") == key for f in facts)


def _kind(piece: Piece, q, facts: list[Fact], context: str) -> list[Finding]:
    """A target, cap or forecast is never shown as a value without a word saying so (in the
    piece, or in its table row)."""
    if any(f.kind in ("measured", "rank", "range") for f in facts):
        return []
    if _KIND_WORDS.search(context):
        return []
    kind = facts[0].kind
    return [Finding(piece.where, f"figure {q.text!r} is a {kind} in the source, shown as a value")]


def _label(
    where: str, figure: str, clause: str, before: str, facts: list[Fact], source: Source, model
) -> list[Finding]:
    """The words beside a figure come from its own sentence or its subject; a card's or a
    cell's label (``before``) starts and ends on word boundaries."""
    words = _words(clause, source)
    if len(words) < 2:
        return []
    homes = [_home(f, model, source) for f in facts]
    best = max(sum(w in home for w in words) for home in homes)
    if 2 * best < len(words):
        return [Finding(where, f"figure {figure!r} is shown with words not its own")]
    return _fragment(where, before, facts, model) if before else []


def _home(f: Fact, model: Model, source: Source, extra: str = "") -> str:
    """Where the words shown with a figure may come from: its sentence, subject and label, the
    headline and ``extra`` (lower-cased for English, as the words are)."""
    home = f"{model.sentence_of(f)} {f.subject} {f.label} {model.headline} {extra}"
    return home.lower() if source.language == "en" else home


def _fragment(where: str, before: str, facts: list[Fact], model: Model) -> list[Finding]:
    """The label right before a figure on a card or a cell is whole words of its sentence (a
    label that is the figure's own clause is read up to the figure)."""
    if model.language != "zh":
        return []
    text = before.rstrip()
    for f in facts:  # a cell quoting the figure's own clause ('净利润为13.41亿元') ends on it
        if f.text and text.endswith(f.text):
            text = text[: -len(f.text)]
    runs = re.findall(r"[\u4e00-\u9fff]{2,}$", text)
    if not runs:
        return []
    from reportgen.extract import segment

    run = runs[0]
    for f in facts:
        sentence = model.sentence_of(f)
        places = [m.start() for m in re.finditer(re.escape(run), sentence)]
        if not places:
            continue
        cuts = segment.boundaries(sentence)  # whole words wherever the sentence says them:
        if not any(at in cuts and at + len(run) in cuts for at in places):  # 中小企业…“瞪羚”企业
            return [Finding(where, f"label {run!r} cuts a word of the source")]
        return []
    return []


def check_charts(specs: Iterable, model: Model, source: Source | None = None) -> list[Finding]:
    """Every planned chart compares like with like (``charts.compare``), and every bar's label
    is its figure's own words (given the ``source``)."""
    from reportgen.charts.compare import problems

    findings = []
    for spec in specs:
        where = f"charts.json chart {spec.title!r}"
        findings += [Finding(where, problem) for problem in problems(spec, model)]
        if source is not None:
            findings += _bar_labels(where, spec, model, source)
    return findings


def _bar_labels(where: str, spec, model: Model, source: Source) -> list[Finding]:
    """A bar stated by a fact is labelled with words of that fact's sentence, subject or
    label (or the headline): a swapped or borrowed bar label is a finding."""
    facts = {f.id: f for f in model.facts}
    found = []
    for series in spec.series:
        for label, fact_id in zip(series.labels, series.facts, strict=False):
            fact = facts.get(fact_id) if fact_id else None
            words = _words(label, source) if fact is not None else set()
            if len(words) < 2:
                continue
            home = _home(fact, model, source, fact.counts)
            if 2 * sum(w in home for w in words) < len(words):
                found.append(Finding(where, f"bar {label!r} is not what {fact.text!r} measures"))
    return found
