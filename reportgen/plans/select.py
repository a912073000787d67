"""Choosing among figures, shared by the brief, the deck and the charts: one ranking of figures
(``ranked``, ``headline``, ``strongest``), which figures may be shown as a value at all
(``showable``), what a card says about a figure (``card_label``) and whether a figure's label
says what it counts on its own (the vague-label rule)."""

from __future__ import annotations

import math
import re

from reportgen.model import Fact, Model
from reportgen.plans.hedges import hedged

_MONEY = ("元", "yuan", "$", "dollar", "usd", "rmb", "eur", "€", "£")
# Kinds a reader may see as a value without a caption saying otherwise (charts.compare agrees).
SHOWN_KINDS = ("measured", "rank", "range")
# Units of time and of events: a span of years or "three times" is no headline figure.
_NOT_FIGURES = ("年", "月", "日", "天", "个月", "小时", "分钟", "秒", "周", "次", "届", "轮", "批",
                "期", "岁", "year", "years", "month", "months", "week", "weeks", "day", "days",
                "hours", "minutes", "minute", "seconds", "times", "time", "am", "pm")  # fmt: skip
_DIGIT = re.compile(r"\d")


# Fewest headline figures worth a panel of cards (the deck's KPI slide, the figures chart): one
# card alone is a near-empty slide; its figure stays in the points and the brief's key figures.
CARDS_FEWEST = 2


def showable(f: Fact) -> bool:
    """Whether ``f`` may stand as a value on a card or a bar: measured (or a rank or range), a
    figure of an amount rather than a time, an event count or a word that merely holds a numeral
    (二元结构: a small number written in Chinese numerals)."""
    if f.kind not in SHOWN_KINDS:
        return False
    unit = f.unit.strip().casefold()
    if unit in _NOT_FIGURES or f.base_unit.strip().casefold() in _NOT_FIGURES:
        return False
    return bool(_DIGIT.search(f.text)) or abs(f.value) >= 10


# A small number opening a sentence before a capitalized word ("2 Current law requires…"): a
# footnote or list marker of a page turned into text, no figure.
_MARKER = re.compile(r"\d{1,2}\s+[A-Z]")


def _marker(f: Fact, model: Model) -> bool:
    if model.language == "zh" or not _MARKER.fullmatch(f.text[: len(f.text.split()[0]) + 2]):
        return False
    return not model.text[f.sentence_span.start : f.span.start].strip()


def _crowded(f: Fact, model: Model, most: int = 8) -> bool:
    """Whether the figure's sentence holds ``most`` figures or more: a table flattened into
    text, whose row and column a card cannot say."""
    return len(_peers(f, model)) >= most


def _peers(f: Fact, model: Model) -> list[Fact]:
    """The facts of ``f``'s sentence (indexed once per model: per fact it was quadratic)."""

    def by_sentence(facts: list[Fact]) -> dict[int, list[Fact]]:
        index: dict[int, list[Fact]] = {}
        for g in facts:
            index.setdefault(g.sentence_span.start, []).append(g)
        return index

    return _per_model("peers", model, by_sentence).get(f.sentence_span.start, [f])


_PER_MODEL: dict[str, tuple] = {}  # name -> (facts list, index) for the model last asked about


def _per_model(name: str, model: Model, build):
    """``build(model.facts)``, kept while the same model's facts are asked about: the brief and
    the deck ask per figure, and recomputing per figure made them quadratic."""
    hit = _PER_MODEL.get(name)
    if hit is None or hit[0] is not model.facts:
        hit = _PER_MODEL[name] = (model.facts, build(model.facts))
    return hit[1]


def card_worthy(f: Fact, model: Model) -> bool:
    """Whether ``f`` may be a headline or summary card, where a reader takes a figure for a
    measured fact of the article's subject: showable, not in someone's words (a quote, a
    title in 《》, a slogan in “”), no example's detail (``example``) and not hedged anywhere
    before it in its sentence (a
    plan, a forecast, a cap or threshold named in an earlier clause: 拟…，赤字规模5.66万亿元)
    and about someone known (``unsure_subject``). Precision first: a doubtful figure
    leaves its card empty."""
    return (
        showable(f)
        and not quoted(f, model)
        and not hedged(f, model)
        and not _crowded(f, model)
        and not _marker(f, model)
        and not example(f, model)
        and not unsure_subject(f, model)
    )


def unsure_subject(f: Fact, model: Model) -> bool:
    """Whether nobody is known whom ``f`` is about while the article's sections may be about
    different things: no subject of its own, in an article of sections with no main subject (a
    digest of items, a feature whose sections each follow someone). On a card such a figure
    reads as the article's; it stays in the sections and the annex. (An article of one topic
    without sections speaks of that topic throughout.) A subject carried from an earlier
    sentence (``carried_subject``) is as unsure."""
    if carried_subject(f, model):
        return True
    if f.subject.strip() or model.subject.strip() or len(model.themes) < 2:
        return False
    return any(g.subject.strip() for g in model.facts)  # (a model that names no one: no rule)


def carried_subject(f: Fact, model: Model) -> bool:
    """Whether the figure's subject is another than the article's and its sentence does not
    name it (carried from an earlier sentence, a best guess for the model): a card would
    show a subject its evidence does not state."""
    subject, main = f.subject.strip(), model.subject.strip()
    if not subject or (main and (subject in main or main in subject)):
        return False
    return subject not in model.text[f.sentence_span.start : f.sentence_span.end]


# A sentence that gives an example (以某公司为例, 比如, For example): its figures are a case's
# details, not the article's headline figures.
_EXAMPLE = re.compile(
    r"以[^，。；,;]{1,24}为例|(?:^|[，,：:])\s*(?:比如|例如|譬如|举例来说)|"
    r"\b(?:for example|for instance|as an example|to take one example)\b",
    re.I,
)


def example(f: Fact, model: Model) -> bool:
    """Whether the figure's sentence gives an example (before the figure): a case's detail."""
    return bool(_EXAMPLE.search(model.text[f.sentence_span.start : f.span.start]))


_OPEN_MARKS, _CLOSE_MARKS = "“「『《", "”」』》"


def quoted(f: Fact, model: Model) -> bool:
    """Whether the figure stands inside quotation marks or a title (《…》), counted from the
    start of its paragraph, or inside a quote the model holds."""
    if any(q.span.start <= f.span.start < q.span.end for q in model.quotes):
        return True
    text = model.text
    if text[f.span.start : f.span.end] != f.text:
        return False  # spans not on this text (a hand-made model): no quotes to count
    before = text[text.rfind("\n", 0, f.span.start) + 1 : f.span.start]
    return sum(before.count(c) for c in _OPEN_MARKS) > sum(before.count(c) for c in _CLOSE_MARKS)


def _roles(model: Model) -> tuple[set[str], set[str], set[str]]:
    """(wholes, minor, ranked): wholes of part_of; parts and change amounts; ranked facts."""
    wholes, minor, ranked_ = set(), set(), set()
    for rel in model.relations:
        if rel.kind == "part_of" and rel.whole:
            wholes.add(rel.whole)
            minor.update(rel.parts)
        elif rel.kind == "change" and rel.fact and rel.of:  # shown with its current value
            minor.add(rel.fact)
        elif rel.kind == "rank" and rel.fact:
            ranked_.add(rel.fact)
    return wholes, minor, ranked_


def _position(f: Fact, model: Model) -> float:
    """Where the figure stands: the headline, the lead, a section's opening, a paragraph's
    opening sentence weigh more than the body."""
    if _in_title(f, model):
        return 3.0
    if f.theme is None:
        paras = model.lead
        if paras and paras[0].span.start <= f.span.start < paras[0].span.end:
            return 2.0
        base = 1.0
    elif 0 <= f.theme < len(model.themes):
        paras = model.themes[f.theme].paragraphs
        first = paras and paras[0].span.start <= f.span.start < paras[0].span.end
        base = 1.0 if first else 0.0
    else:
        return 0.0
    # a paragraph's opening sentence states its point; later ones give its cases
    return base + (0.5 if any(p.span.start == f.sentence_span.start for p in paras) else 0.0)


def _in_title(f: Fact, model: Model) -> bool:
    """Whether the headline or its dek states the figure: its words, or its number with its unit
    (超107万辆 in a dek, 超过107万辆 in the body)."""
    titles = " ".join(t for t in (model.headline, model.dek) if t)
    if not titles or not f.text:
        return False
    if f.text in titles:
        return True
    number = re.search(r"\d[\d,.]*", f.text)
    core = number.group(0) + f.unit if number and f.unit else ""
    return bool(core) and re.search(r"(?<![\d.,])" + re.escape(core), titles) is not None


def complete(f: Fact, model: Model) -> bool:
    """Whether the figure's label says what it measures: in Chinese more than a bare one- or
    two-character word (市级, 县); in English not empty and not opening with a function word."""
    return complete_label((f.label or f.counts).strip(), model.language)


def complete_label(label: str, language: str) -> bool:
    """Whether ``label`` names what is measured: Chinese longer than two characters, neither
    opening on a particle (的发电量) nor closing on one, a conjunction or a preposition (9日的罢工
    是继: the words of a clause cut before its measure); English words that neither open nor
    close on a function word nor hold a pronoun ("date they have been", "attendants asking
    for") nor end on a possessive (Chris Hipkins’: whose, not what)."""
    if language == "zh":
        return (
            len(label) > 2 and label[0] not in _ZH_OPEN_PARTICLES and label[-1] not in _ZH_DANGLING
        )
    words = label.casefold().replace("’", "'").split()
    return (
        bool(words)
        and words[0] not in _FUNCTION_WORDS | _OPENERS
        and words[-1] not in _FUNCTION_WORDS | _DANGLING
        and not words[-1].endswith(("'", "'s"))
        and not _PRONOUNS.intersection(words)
    )


# Characters a Chinese label never opens on (a particle) or closes on (a particle, conjunction or
# preposition: what is measured comes after it).
_ZH_OPEN_PARTICLES = frozenset("的了之")
_ZH_DANGLING = frozenset("的是继和与及或在对把被将从向于了而并")


# English words a label never starts with: "for", "that's thought behind" say nothing measured.
_FUNCTION_WORDS = frozenset(
    (
        *("for", "that", "that's", "why", "which", "who", "whom", "whose", "to", "of", "and"),
        *("or", "but", "the", "a", "an", "in", "on", "at", "by", "with", "from", "as", "is"),
        *("are", "was", "were", "it", "its", "this", "these", "those", "than", "when", "where"),
        *("while", "if", "so"),
    )
)
# Sentence openers that are no measure ("Though", "Only", "Instead"), words a label does not
# end on ("asking for", "projected be"), and pronouns (a label holding one is a clause).
_OPENERS = frozenset(
    {"though", "although", "only", "instead", "even", "also", "just", "still", "yet", "then"}
    | {"there", "here", "both", "such", "generally", "whether", "however", "further"}
)
_DANGLING = frozenset(
    {"be", "been", "being", "has", "have", "had", "will", "would", "could"}
    | {"make", "makes", "earn", "earns", "get", "gets", "said", "says", "want", "wants"}
)
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "i'm", "they're", "we're"})


def subject_of(f: Fact, model: Model) -> str:
    """Whom the figure is about ("" when unknown): in English, a single capitalized word that
    only opens the sentence (Instead, Starting, Whether) is not a subject."""
    subject = f.subject.strip()
    if model.language != "zh" and " " not in subject and _opens_sentence(f, model, subject):
        return ""
    return subject


def foreign(f: Fact, model: Model) -> bool:
    """Whether the figure is about another subject than the article's main one (a comparator)."""
    a, b = subject_of(f, model), model.subject.strip()
    return bool(a and b and a not in b and b not in a)


def score(f: Fact, model: Model, roles=None) -> float:
    """How well ``f`` sums up the article: showable, well placed, about the main subject,
    completely labelled, stated in a relation, monetary, then larger."""
    wholes, minor, ranked_ = roles or _roles(model)
    s = 0.0 if showable(f) else -10.0
    s += _position(f, model)
    s -= 2.0 if foreign(f, model) else 0.0
    s -= 2.0 if not complete(f, model) else 0.0
    s -= 1.0 if vague(f, model) and not f.label.strip() else 0.0
    s -= 3.0 if f.id in minor else 0.0
    s += 0.3 if f.id in wholes else 0.0
    s += 1.0 if f.id in ranked_ else 0.0
    s += 0.5 if f.qualifier == "over" else 0.0
    money = any(m in f.base_unit.lower() or m in f.unit.lower() for m in _MONEY)
    s += 0.6 if money else (0.3 if f.unit == "%" else 0.0)
    return s + math.log10(abs(f.normalized) + 1) / 20


def ranked(facts: list[Fact], model: Model) -> list[Fact]:
    """Facts from strongest to weakest (``score``); on a tie, earlier first."""
    roles = _roles(model)
    return sorted(facts, key=lambda f: (-score(f, model, roles), f.span.start))


def strongest(facts: list[Fact], model: Model) -> Fact | None:
    """The showable figure a section is best summed up by (see ``ranked``)."""
    best = [f for f in ranked(facts, model) if card_worthy(f, model)]
    return best[0] if best else None


# The last model's headline figures per limit: every section's summary asks for them (200
# sections of a long article would rank all its figures 200 times).
_HEADLINE: dict[int, tuple[Model, tuple, list[Fact]]] = {}


def headline(model: Model, limit: int = 4) -> list[Fact]:
    """The article's headline figures, the same for the brief's lead figures, the deck's cards
    and the charts' figures panel: the best-ranked showable, non-minor figures, at first one per
    section (the lead's as many), then the next best; each figure once, one per card label in
    a sentence; in article order."""
    facts = tuple((id(f), f.kind, f.label, f.subject, f.theme, f.value) for f in model.facts)
    hit = _HEADLINE.get(limit)
    if hit is None or hit[0] is not model or hit[1] != facts:
        if len(_HEADLINE) > 8:
            _HEADLINE.clear()
        hit = _HEADLINE[limit] = (model, facts, _headline(model, limit))
    return list(hit[2])


def _headline(model: Model, limit: int) -> list[Fact]:
    roles = _roles(model)
    pool = [
        f
        for f in ranked(model.facts, model)
        if card_worthy(f, model)
        and complete(f, model)
        and f.id not in roles[1]
        and score(f, model, roles) >= -1.0
    ]
    chosen, seen, themes = [], set(), set()
    for spread in (True, False):
        for f in pool:
            key = (card_label(f, model), f.value, f.unit)
            if len(chosen) >= limit or key in seen or (spread and f.theme in themes):
                continue
            seen.add(key)
            chosen.append(f)
            if f.theme is not None:
                themes.add(f.theme)
    # one card per label and sentence: a second value of one sentence under the same words
    # (全巴黎16条地铁线路有10条停运) reads as a contradiction; the better-ranked one stays, the
    # other is left to the text (no weaker figure is drawn in to fill its place). A change
    # stated with its verb (增长3.6倍) is another measure.
    kept, said = [], set()
    for f in chosen:
        key = ((f.label or f.counts).strip(), change_verb(f, model), f.sentence_span.start)
        if key not in said:
            said.add(key)
            kept.append(f)
    return sorted(kept, key=lambda f: f.span.start)


def section_figure(model: Model, theme: int) -> Fact | None:
    """The figure a section's summary shows (the brief's key point, the deck's summary card):
    its strongest showable, completely labelled figure that is none of the two headline figures
    the brief's figures line already shows (one ranking, one choice for both outputs)."""
    shown = {f.id for f in headline(model)[:2]}
    roles = _roles(model)
    own = [
        f
        for f in model.facts
        if f.theme == theme
        and f.id not in shown
        and complete(f, model)
        and score(f, model, roles) >= -1.0
    ]
    return strongest(own, model)


# A time a counted phrase opens with, or the unit left of a date whose number was cut off (年…)
_LEADING_TIME = re.compile(
    r"^(?:\d{4}年(?:\d{1,2}月)?|\d{1,2}月(?:份)?|[上下]半年|今年|去年|全年|月份|季度|[年月日号](?!度))"
)
FULLER_MOST = 16  # characters of what a figure counts, shown on a card in place of its label


def card_label(f: Fact, model: Model) -> str:
    """What a card says under a figure: its label (else what it counts), with its subject when
    that is not the article's main subject (or the article has none: a digest's items are each
    about their own) and the label does not name it already."""
    label = (f.label or f.counts).strip()
    counts = f.counts.strip()
    if (
        label
        and counts != label
        and counts.endswith(label)
        and counts[-len(label) - 1] in "非不未无"
    ):
        label = counts  # 非制造业PMI: a label that lost its negation says the opposite
    elif model.language == "zh" and label and counts.endswith(label) and counts != label:
        fuller = _LEADING_TIME.sub("", counts)  # 2024年暑期档档期总票房: the year is no measure
        if len(label) < len(fuller) <= FULLER_MOST and complete_label(fuller, "zh"):
            label = fuller  # 内需对我国经济增长的贡献率, not 贡献率: whose rate it is
    verb = change_verb(f, model)
    if verb and verb not in label:  # 单位产品能耗下降 45.92%: a change shows which way
        label = f"{label}{verb}" if model.language == "zh" else f"{label} {verb}".strip()
    subject = subject_of(f, model)
    own = foreign(f, model) or not model.subject.strip()  # an article of items: each its own
    if not own or subject in label or not label:
        return label or subject
    sep = "" if model.language == "zh" else " — "
    return f"{subject}{sep}{label}" if model.language == "zh" else f"{label}{sep}{subject}"


# The verbs an article states a change with: one list for cards (the verb right before a
# figure) and change charts (the verb of the stated change).
_ZH_CHANGE = "增长|下降|提高|提升|降低|减少|增加|上升|下滑|回落|下跌|上涨"
_EN_CHANGE = "rose|fell|grew|dropped|increased|decreased|declined"
_VERB = re.compile(
    rf"({_ZH_CHANGE}|增至|降至|跌|涨|{_EN_CHANGE}|up|down)\s*(?:了|by|of)?\s*$", re.I
)
_STATED = re.compile(rf"({_ZH_CHANGE}|\b(?:{_EN_CHANGE}|climbed)\b)")


def _opens_sentence(f: Fact, model: Model, words: str) -> bool:
    """Whether the fact's sentence opens with ``words`` (read from the text, never copying a
    long sentence whole for each of its figures)."""
    span = f.sentence_span
    head = model.text[span.start : min(span.end, span.start + len(words) + 256)]
    return head.lstrip().startswith(words)


def stated_verb(stated: str) -> str:
    """The verb a stated change is written with ("" when none): a chart says 增长, not a
    built-in 提升, where the article says 增长."""
    m = _STATED.search(stated)
    return m.group(1) if m else ""


def change_verb(f: Fact, model: Model) -> str:
    """The article's verb right before a figure that states a change (提高, 下降, rose), so
    that a card does not show the change as if it were the level."""
    start, at = f.sentence_span.start, f.span.start
    match = _VERB.search(model.text[max(start, at - 12) : max(start, at)])
    return match.group(1) if match else ""


def thin(model: Model) -> list[str]:
    """What a minimal build lacks: "figures" and/or "sections" (empty when neither is missing)."""
    out = []
    if not any(showable(f) for f in model.facts):
        out.append("figures")
    if not model.themes:
        out.append("sections")
    return out


def vague(f: Fact, model: Model) -> bool:
    """Whether ``counts`` alone does not say what is counted: a word another fact also counts
    (企业 twice; projects twice) or, in Chinese, a bare one- or two-character noun (县, 部门)."""
    counts = f.counts.strip()
    if not counts:
        return False
    return _twice(f, model) or bare(counts, model.language)


def bare(label: str, language: str) -> bool:
    """A Chinese label of one or two characters (县, 部门) says nothing alone."""
    return language == "zh" and len(label.strip()) <= 2


def _twice(f: Fact, model: Model) -> bool:
    return _counted(model)[f.counts.strip().casefold()] > 1


def _counted(model: Model):
    """How many facts count each word (casefolded), computed once per model."""
    from collections import Counter

    return _per_model(
        "counted", model, lambda facts: Counter(g.counts.strip().casefold() for g in facts)
    )
