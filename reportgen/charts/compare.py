"""Whether a chart compares like with like: one measure, one unit, one kind of figure, figures
the article states together. Used by the planner (no chart that fails is drawn), by verify (on
``charts.json``) and by the corpus test."""

from __future__ import annotations

import re

from reportgen.model import ChartSpec, Fact, Model

# Kinds a reader may see as values without a caption saying otherwise.
SHOWN_KINDS = ("measured", "rank", "range")


def problems(spec: ChartSpec, model: Model) -> list[str]:
    """What makes ``spec`` an unfair comparison (empty when it is a fair one)."""
    facts = _facts(spec, model)
    out = [
        f"{f.text} is a {f.kind}, not a measured value" for f in facts if f.kind not in SHOWN_KINDS
    ]
    out += [
        f"{f.text} is hedged or in someone's words, not a measured fact"
        for f in _doubtful(facts, model)
    ]
    if spec.kind == "figures" or len(facts) < 2:
        return out  # a panel of separate headline figures compares nothing
    if spec.kind == "change":  # a value and its stated change: units differ by design
        if not _one_change(facts, model):
            out.append("its two values are not an explicit change of one figure")
        return out
    units = {f.base_unit for f in facts}
    if len(units) > 1:
        out.append(f"mixes units {sorted(units)}")
    kinds = {f.kind for f in facts}
    if len(kinds) > 1:
        out.append(f"mixes kinds {sorted(kinds)}")
    if spec.kind in ("stacked", "donut"):
        if not _parts_of_one_whole(facts, model):
            out.append("its parts are not stated as parts of one whole (其中 / of which)")
    else:
        out += bar_problems(facts, model)
    return out


def bar_problems(facts: list[Fact], model: Model) -> list[str]:
    """What makes bars of ``facts`` an unfair comparison: different measures not listed as one
    list, positions in a ranking (a longer bar would read as more), a whole beside its own parts
    (This includes…, 其中…), levels and changes, different time frames."""
    if not (same_measure(facts) or enumerated(facts, model.text)):
        return ["its bars measure different things and are not listed together"]
    out = [
        f"{f.text} is a position in a ranking, not a quantity" for f in facts if f.kind == "rank"
    ]
    if _whole_and_parts(facts, model):
        out.append("its bars are a whole and parts of it (This includes…, 其中…)")
    return out + _levels_and_frames(facts, model)


# How a sentence opens when its figures are parts of a figure stated before it.
_INCLUDES = re.compile(
    r"^\W*(?:This|That|It|These|The (?:total|amount|sum|increase|figure))\s+(?:includes?|included|"
    r"comprises?|consists? of)\b|^\W*(?:Of (?:this|that|which|these|the total)|Including)\b|"
    r"^\W*(?:其中|包括|这其中|这当中|内含)",
    re.I,
)


def _whole_and_parts(facts: list[Fact], model: Model) -> bool:
    """Whether a bar's figure opens a sentence that breaks down a figure of an earlier bar."""
    ids = {f.id for f in facts}
    for rel in model.relations:
        if rel.kind == "part_of" and rel.whole in ids and ids & set(rel.parts):
            return True
    starts = sorted({f.sentence_span.start for f in facts})
    if len(starts) < 2:
        return False
    text = model.text
    return any(_INCLUDES.match(text[at : at + 80]) for at in starts[1:])


def _doubtful(facts: list[Fact], model: Model) -> list[Fact]:
    """Figures no chart shows as measured values: hedged in their sentence (a plan, forecast,
    cap or threshold) or quoted (someone's words: an anecdote)."""
    from reportgen.plans.select import hedged, quoted

    shown = [f for f in facts if f.kind in SHOWN_KINDS]  # the others are reported by kind
    return [f for f in shown if hedged(f, model) or quoted(f, model)]


def _levels_and_frames(facts: list[Fact], model: Model) -> list[str]:
    """Bars that are levels and changes at once (61家 and 较去年同期减少29家), or whose figures
    are dated differently (2023年 and 去年; a forecast for this year against last year's)."""
    from reportgen.plans.select import change_verb

    out = []
    changes = {bool(change_verb(f, model)) for f in facts}
    if len(changes) > 1:
        out.append("mixes levels and changes")
    if len({f.normalized for f in facts}) == 1 and len({f.sentence_span.start for f in facts}) > 1:
        out.append("its bars show one value from different sentences (one figure told twice)")
    frames = {frame for frame in (time_frame(f, model) for f in facts) if frame}
    if len(frames) > 1:
        out.append(f"mixes time frames {sorted(frames)}")
    return out


_FRAME = re.compile(
    r"(?:19|20)\d\d年(?:[上下]半年|\d{1,2}月|[一二三四]季度|前\S{1,2}月|底|末)?|[今去前明上本]年"
    r"(?:[上下]半年|前\S{1,2}月|底|末)?|上半年|下半年|同期|(?:FY\s?)?(?:19|20)\d\d(?:-\d\d)?",
)


def time_frame(f: Fact, model: Model) -> str:
    """The last time frame the figure's sentence names before it (2024年, 去年, 上半年, FY 2024-25),
    "" when none is named."""
    at = f.span.start - f.sentence_span.start
    sentence = model.sentence_of(f)
    before = sentence[: max(at, 0)] if sentence[at : at + len(f.text)] == f.text else ""
    found = _FRAME.findall(before)
    return found[-1].replace(" ", "") if found else ""


def _facts(spec: ChartSpec, model: Model) -> list[Fact]:
    found = []
    for i in spec.facts:
        try:
            found.append(model.fact(i))
        except KeyError:
            continue
    return found


def same_measure(facts: list[Fact]) -> bool:
    """One measure of different subjects (外资企业 of two districts): equal labels, distinct
    subjects."""
    labels = {_key(f.label or f.counts) for f in facts}
    subjects = {f.subject for f in facts}
    return (
        len(labels) == 1
        and "" not in labels
        and "" not in subjects  # every bar labelled with its subject
        and len(subjects) == len(facts)
    )


def enumerated(facts: list[Fact], text: str) -> bool:
    """Figures listed together in one sentence, one after another with only a name between them
    (北京10.7%、浙江10.6%、江苏9.8%): the article itself sets them side by side."""
    sentences = {(f.sentence_span.start, f.sentence_span.end) for f in facts}
    if len(sentences) != 1 or _measures_of_one(facts):
        return False
    ordered = sorted(facts, key=lambda f: f.span.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = text[a.span.end : b.span.start]
        if len(between) > 12 or not re.match(r"^[、，,;；]\s*\S", between):
            return False
        if _NOT_A_NAME.search(between):  # 近2000斤，增产了400多斤: a change, not a next name
            return False
    return True


# Words between two figures of a list that make the second no next item but another measure: a
# change (增产了, 较去年同期减少), a rank (排名), a share or comparison (占, 比).
_NOT_A_NAME = re.compile(
    r"增|减|降|升|涨|跌|提高|排名|位列|较|比|同比|环比|占|其中|包括|up|down|rose|fell|more|less|"
    r"than|of which|including",
    re.I,
)


# Names that are measures, not subjects: a list of them (营业收入474.04亿元、净利润163.82亿元;
# revenue of $2 billion, profit of $300 million) gives different measures of one subject.
_MEASURE_NAME = re.compile(
    r"(?:收入|营收|利润|净利|毛利|产值|产量|销量|销售额|增加值|总额|余额|支出|成本|费用|税收|投资额?|"
    r"出口额?|进口额?|消费额?|贷款|存款|市值|资产|负债|GDP|revenues?|profits?|income|sales|output|"
    r"exports|imports|spending|costs?|assets|debt|earnings)$",
    re.I,
)


def _measures_of_one(facts: list[Fact]) -> bool:
    """Whether the figures' names are different measures (revenue and profit), not subjects."""
    names = {_key(f.label or f.counts) for f in facts}
    return len(names) == len(facts) and all(_MEASURE_NAME.search(n) for n in names)


def _parts_of_one_whole(facts: list[Fact], model: Model) -> bool:
    ids = {f.id for f in facts}
    for rel in model.relations:
        if rel.kind == "part_of" and rel.whole and ids <= {rel.whole, *rel.parts}:
            return True
    return False


def _one_change(facts: list[Fact], model: Model) -> bool:
    ids = {f.id for f in facts}
    return any(
        rel.kind == "change" and rel.fact and ids <= {rel.fact, rel.of} for rel in model.relations
    )


def _key(label: str) -> str:
    return re.sub(r"\s+", "", label).casefold()
