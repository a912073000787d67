"""What kind of figure a quantity is: measured, target, limit, forecast, rank or range.

The form decides ranks and ranges (the parser marks them); otherwise the words of the figure's
own clause do: a cap or threshold (不低于, up to) right before it, a forecast (预计, 可能,
会, is expected to) or a goal (力争, 目标, 将新增, aims to) earlier in the clause, or 的目标
right after it. In Chinese a list of goals opened by a colon in its paragraph
(主要预期目标是：…；…；) makes its figures targets, unless the figure's own clause says it is
done (已, 完成了). Anything else is measured. (A plan named in an earlier clause of the
sentence does not carry over: on the corpus that made more figures wrong than right.)
"""

from __future__ import annotations

import re

KINDS = ("measured", "target", "limit", "forecast", "rank", "range")

_ZH_LIMIT_BEFORE = re.compile(
    r"(?:不低于|不少于|不超过|不高于|不大于|不小于|最高|最低|最多|最少|上限为?|下限为?|门槛为?|"
    r"每[\u4e00-\u9fff]{1,3}最高|单[\u4e00-\u9fff]{1,2}最高|封顶)(?:可?达|为|给予|补贴|奖励)?$"
)
# A cap or floor written as part of the figure (不超过10%, 不低于30%).
_LIMIT_WORD = re.compile(r"(?:不超过|不高于|不低于|不少于)?")
_ZH_LIMIT_AFTER = re.compile(r"^(?:以内|封顶|为限|及以上|以上的|以下的)")
_ZH_REQUIRE = re.compile(r"(?:要求|须|需|必须|应当?|方可|才能|条件是|门槛)[^，。；]{0,12}$")
_ZH_FORECAST = re.compile(
    r"预计|预测|有望|估计|预期|将可|或将|可望|可能|将会|会(?:接近|达到|超过|突破)|(?<![大协社学机都体理工商])会$"
)
_ZH_TARGET = re.compile(
    r"力争|争取|目标|计划|规划|确保|拟|打算|要实现|要达到|将达到|将实现|将突破|将超过|"
    r"将[^，。；]{0,3}(?:新增|建成|新建|开展|投入|安排|推出|启动|实施|增加|提高|扩大)|"
    r"(?:(?<!止)(?<!提升)(?<!增长)(?<!增加)(?<!提高)(?<!上升)(?<!下降)(?<!减少)(?<!扩大)到"
    r"|(?<![截直])至|在)20\d\d年(?:底|末)?[，,]?"  # not 截至 (as of) nor 提升到2024年的 (rose to)
)
_ZH_TARGET_AFTER = re.compile(r"^的?(?:预期)?目标")
_ZH_DONE = re.compile(r"已|完成了|实现了|达到了|超过了|突破了")
_ZH_GOAL_LIST = re.compile(r"目标[是为]?[：:]")
_EN_LIMIT_BEFORE = re.compile(
    r"(?:up to|no more than|a maximum of|maximum of|a minimum of|minimum of|at most|capped at|"
    r"cap of|not to exceed|not exceed|starting at|limit of|threshold of|at least)\s*$",
    re.I,
)
_EN_FORECAST = re.compile(
    r"\b(?:expected|expects|expecting|projected|projecting|forecast|forecasts|forecasting|"
    r"estimated to|anticipated|"
    r"predicted|predicts|likely to|is set to|are set to|will|would|could)\b",
    re.I,
)
_EN_TARGET = re.compile(
    r"\b(?:aims? to|aiming|target|targets|goal|plans? to|planned|seeks? to|pledged?|promised?|"
    r"commit(?:s|ted)? to|proposed?|proposal|(?:asking|asks?|calling|calls?|pushing|demanding)"
    r" for|demands?)\b",
    re.I,
)


def kind_of(text: str, start: int, end: int, clause_start: int, form: str, language: str) -> str:
    """The kind of the figure at [start, end) whose clause starts at ``clause_start``."""
    if form in ("rank", "range"):
        return form
    before = text[clause_start:start]
    after = text[end : end + 6]
    if language != "zh":
        return _en(before, after, _lead_words(text[start:end]))
    kind = _zh(before + _LIMIT_WORD.match(text, start, end).group(0), after)
    if kind != "measured" or _ZH_DONE.search(before):
        return kind
    return "target" if _goal_list(text, start) else kind


def _goal_list(text: str, start: int) -> bool:
    """Whether the figure is in a list of goals its paragraph opens with a colon (目标是：…；…)
    and no full stop has closed yet."""
    paragraph = text[text.rfind("\n", 0, start) + 1 : start]
    opened = list(_ZH_GOAL_LIST.finditer(paragraph))
    return bool(opened) and "。" not in paragraph[opened[-1].end() :]


def _lead_words(figure: str) -> str:
    """The words a figure starts with (``up to $50 million`` -> ``up to``)."""
    m = re.match(r"^[a-zA-Z ]+", figure)
    return m.group(0) if m else ""


def _zh(before: str, after: str) -> str:
    if _ZH_LIMIT_BEFORE.search(before) or _ZH_LIMIT_AFTER.match(after):
        return "limit"
    if after.startswith("以上") and _ZH_REQUIRE.search(before):
        return "limit"
    if _ZH_FORECAST.search(before):
        return "forecast"
    if _ZH_TARGET.search(before) or _ZH_TARGET_AFTER.match(after):
        return "target"
    return "measured"


def _en(before: str, after: str, figure: str = "") -> str:
    if _EN_LIMIT_BEFORE.search(before) or (figure and _EN_LIMIT_BEFORE.search(figure + " ")):
        return "limit"
    if _EN_TARGET.search(before):
        return "target"
    if _EN_FORECAST.search(before):
        return "forecast"
    return "measured"
