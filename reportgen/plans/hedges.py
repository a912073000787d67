"""Whether a figure is hedged where it stands: a plan, forecast, condition, cap or threshold,
a baseline or a lone end of a range, a figure in a plan paragraph (no card shows it as measured)."""

from __future__ import annotations

import re

from reportgen.model import Fact, Model

_ZH_HEDGE = re.compile(r"可能|或将|预计|预测|有望|估计|拟|力争|争取|目标|计划|规划|确保|将")
# Someone's statement reported in the sentence (唐在林表示，…), a maybe right after the figure.
_ZH_SAID = re.compile(r"(?:表示|认为|介绍|坦言|透露)[，,：:]")
_ZH_MAYBE_AFTER = re.compile(r"^[^，,；;。]{0,4}(?:可能|或将|有望|将)")
# What cannot or will not be, later in the figure's clause (在200公里的范围内不可能建设…).
_ZH_CANNOT_AFTER = re.compile(r"^[^，,；;。]{0,12}?(?:不可能|不会|无法|难以)")
_ZH_THRESHOLD_AFTER = re.compile(r"^(?:以上|以下|以内)?的")


def hedged(f: Fact, model: Model) -> bool:
    """Whether the figure's sentence, up to the figure, states a plan, forecast, cap or
    threshold (the kind rules read only the figure's own clause), or the figure is a threshold
    that qualifies a noun (年化利率5%以上的存款, 超过1000亿元的“千亿县”)."""
    from reportgen.extract.kinds import kind_of

    at = f.span.start - f.sentence_span.start
    sentence = model.sentence_of(f)
    if sentence[at : at + len(f.text)] != f.text:
        return False
    before, after = sentence[:at], sentence[at + len(f.text) :]
    if kind_of(sentence, at, at + len(f.text), 0, "", model.language) != "measured":
        return True
    if model.headline and f.text in model.headline:
        return False  # the headline states it as the article's fact, whoever tells it here
    if _MARGIN.search(before[-40:]):  # an error margin is no value of the subject
        return True
    if _hypothetical(before, model.language) or _range_end(f, before, after, model.language):
        return True
    if model.language != "zh":
        return bool(_EN_RULE.search(before))
    if model.language == "zh":
        threshold = f.qualifier in ("over", "under") or f.text.endswith(("以上", "以下"))
        return (
            bool(_ZH_HEDGE.search(before) or _ZH_SAID.search(before))
            or _planned_paragraph(f, model)
            or _personal(before)
            or bool(_ZH_MAYBE_AFTER.match(after))
            or bool(_ZH_CANNOT_AFTER.match(after))
            or (threshold and bool(_ZH_THRESHOLD_AFTER.match(after)))
            or (threshold and _sorts_a_count(before, f))
        )
    return False


# A condition or a maybe before the figure in its sentence: 如果…, 若…, if…, could…
_ZH_IF = re.compile(r"如果|假如|假设|倘若|若是|一旦|(?:^|[，,。；;])若")
_EN_IF = re.compile(r"\b(?:if|unless|could|would|might|suppose|assuming)\b", re.I)


# A rule, a requirement or an aim stated before the figure (Current law requires a 15 percent
# reserve; the plan aims to add 500 homes): no measured value.
_EN_RULE = re.compile(
    r"\b(?:requires?|required|requirement|must|mandates?|caps?|capped|limits?|limited|"
    r"no more than|at least|at most|maximum|minimum|targets?|goal|aims? to|plans? to|"
    r"expected to|projected|forecasts?)\b",
    re.I,
)
# A count in the figure's clause before a bound (11家银行理财公司规模超过1万亿元): the bound
# sorts what is counted, it is no total of the subject.
# (a list of counts, 整车企业3家、上下游企业120余家, sorts nothing)
_ZH_COUNTED_CLAUSE = re.compile(r"\d+\s*(家|个|只|座|所|户|名|款|支)[^，,。；;、\d]*$")


def _sorts_a_count(before: str, f: Fact) -> bool:
    m = _ZH_COUNTED_CLAUSE.search(before)
    return bool(m) and not f.unit.endswith(m.group(1))


def _hypothetical(before: str, language: str) -> bool:
    """Whether the sentence, up to the figure, states a condition or a possibility: a figure of
    what might be, not of what is."""
    return bool((_ZH_IF if language == "zh" else _EN_IF).search(before))


# The figure opens a span to another figure (从X增至Y, X至Y, from X to Y, X-Y): a baseline or a
# range's low end; or closes a range whose low end stands right before it (15%至20%).
_ZH_TO_NEXT = re.compile(r"^[^\d，,。；;]{0,6}?(?:(?<!甚)至|(?<!不)到|~|～|－|—|–)\s*\d")
_EN_TO_NEXT = re.compile(r"^[^\d,.;]{0,12}?\sto\s+\$?\d|^\s*[-–]\s*\$?\d", re.I)
_EN_BETWEEN = re.compile(r"\bbetween\s+\$?$", re.I)
# (the low end is no change amount: 下滑16%至14561辆 states a fall and the level after it)
_ZH_RANGE_HIGH = re.compile(
    r"(?<![\d.增长降滑升跌涨减少加高低])\d[\d.]*\s*[%％亿万千百元个人家项条只吨米点]{0,4}\s*"
    r"(?:(?<!甚)至|~|～|－|—|–)\s*$"
)
_EN_RANGE_HIGH = re.compile(
    r"(?:between\s+\$?\d[\d.,]*\s*\w*\s+and|\d[\d.,]*\s*(?:%|percent|per cent)?\s*[-–])\s*\$?$",
    re.I,
)
_EN_FROM = re.compile(r"\bfrom\s+\$?\d[\d.,]*\s*\w*\s+to\s*\$?$", re.I)


def _range_end(f: Fact, before: str, after: str, language: str) -> bool:
    """Whether the figure is one end of a span read apart from the other: the baseline of a
    change (从X增至Y, from X to Y: X), the low or high end of a range shown alone (15%至20%).
    A range read whole (kind ``range``) is none."""
    if f.kind == "range":
        return False
    if language == "zh":
        return bool(_ZH_TO_NEXT.match(after) or _ZH_RANGE_HIGH.search(before))
    if _EN_FROM.search(before):  # from X to Y: Y is the value now
        return False
    return bool(
        _EN_TO_NEXT.match(after) or _EN_BETWEEN.search(before) or _EN_RANGE_HIGH.search(before)
    )


_ZH_PLAN_PARAGRAPH = re.compile(r"预期目标|主要目标|目标是|目标为|拟|计划|安排|力争|确保")


_MARGIN = re.compile(
    r"(?:margin of (?:sampling )?error|plus or minus|give or take|误差|正负|上下浮动)[^.;。；]*$"
    r"|[±∓]\s*$",
    re.I,
)


def _personal(before: str) -> bool:
    """Whether a person seems named before the figure in its sentence (犯罪嫌疑人王某焘…获利
    10.79亿元, 村民杨启生…增收4000多元): a figure of someone's story, not of the article's
    subject. Crude by design (precision first): any word jieba tags as a person's name counts,
    its false names (班列) included, but the word right before the figure (高达 is a verb);
    asking for a role or a said-verb beside the name kept more doubtful cards on the corpus
    than it saved good ones."""
    from reportgen.extract.segment import words

    pairs = words(before)[:-1]  # the word right before a figure is its verb (高达), no name
    # a Chinese name has two or three characters: a longer "nr" is a phrase (高温多雨)
    return any(tag == "nr" and 2 <= len(word) <= 3 for word, tag in pairs)


def _planned_paragraph(f: Fact, model: Model) -> bool:
    """Whether the paragraph, before the figure's sentence, sets out a plan (预期目标, 拟…安排):
    its later figures are the plan's, not measured results."""
    text = model.text
    if text[f.span.start : f.span.end] != f.text:
        return False
    start = text.rfind("\n", 0, f.sentence_span.start) + 1
    return bool(_ZH_PLAN_PARAGRAPH.search(text[start : f.sentence_span.start]))
