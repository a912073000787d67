"""What kind of figure a quantity is: measured, target, limit, forecast, rank or range.

The form decides ranks and ranges (the parser marks them); otherwise the words of the figure's
own clause do: a cap or threshold (不低于, 最高罚, up to, requires a) right before it, a bound
that names a class (6000元以下手机), a forecast (预计, 可能, 会, is expected to) or a goal (力争,
目标, 将新增, aims to) earlier in the clause unless a now-word (目前, current) stands between, a
maybe right after it (可能出游), 的目标 right after it, 将 before a verb (将取消: a
forecast) or bringing a thing to a level (将通胀率降到2%: an aim); a past value set against another
(去年的90万辆) is measured. In Chinese a list of goals opened by a colon in its paragraph
(主要预期目标是：…；…；) makes its figures targets, unless the figure's own clause says it is
done (已, 完成了). An elliptic clause (陆域30平方公里, 比上年提高0.5个百分点: a few words and no
time, done-word or verb of saying of its own) takes the plan or forecast of the clause before it
in its sentence; a plan named in an earlier clause does not carry over to a clause of its own
(on the corpus that made more figures wrong than right). Anything else is measured.
"""

from __future__ import annotations

import re

KINDS = ("measured", "target", "limit", "forecast", "rank", "range")

_ZH_LIMIT_BEFORE = re.compile(
    r"(?:不低于|不少于|不超过|不高于|不大于|不小于|上限为?|下限为?|门槛为?|"
    r"每[\u4e00-\u9fff]{1,3}最高|单[\u4e00-\u9fff]{1,2}最高|封顶)(?:可?达|为|给予|补贴|奖励)?$"
    # 最高罚十万元, 最多可领3次: a bound and its verb (one or two characters, not 最高点)
    r"|(?:最高|最低|最多|最少)(?:可|能)?(?:达|为|给予|补贴|奖励|罚|奖|领|享|获|贷|减免)?$"
)
# A cap or floor written as part of the figure (不超过10%, 不低于30%).
_LIMIT_WORD = re.compile(r"(?:不超过|不高于|不低于|不少于)?")
_ZH_LIMIT_AFTER = re.compile(r"^(?:以内|封顶|为限|及以上|以上的|以下的)")
_ZH_REQUIRE = re.compile(r"(?:要求|须|需|必须|应当?|方可|才能|条件是|门槛)[^，。；]{0,12}$")
_ZH_FORECAST = re.compile(
    r"预计|预测|有望|估计|预期(?!寿命|目标)|将可|或将|可望|可能|将会|会(?:接近|达到|超过|突破)"
    r"|(?<![大协社学机都体理工商])会$"
)
# A maybe right after the figure, in its clause (约6亿人次可能出行).
_ZH_MAYBE_AFTER = re.compile(r"^[^，,；;。]{0,4}(?:可能|或将|有望)")
# The figure is a past value set against another (有望超过2022年的50家): measured.
_ZH_REFERENCE = re.compile(r"(?:去年|上年|前年|20\d\d年)(?:同期)?的$")
# Now-words between a plan or forecast word and the figure (目标是将目前的42种…): measured.
_ZH_NOW = re.compile(r"目前|当前|现有|现阶段|现在")
_ZH_TARGET = re.compile(
    r"力争|争取|目标|计划|规划|确保|拟|打算|要实现|要达到|将达到|将实现|将突破|将超过|"
    r"将[^，。；]{0,3}(?:新增|建成|新建|开展|投入|安排|推出|启动|实施|增加|提高|扩大)|"
    r"(?:(?<!止)(?<!年)(?<!提升)(?<!增长)(?<!增加)(?<!提高)(?<!上升)(?<!下降)(?<!减少)(?<!扩大)到"
    # not 截至 (as of), 2021年至2024年 (a span) nor 提升到2024年的 (rose to)
    r"|(?<![截直年])至|在)20\d\d年(?:底|末)?[，,]?"
)
_ZH_TARGET_AFTER = re.compile(r"^的?(?:预期)?目标")
# 将 bringing something to a level (将通胀率降到2%, 将每亩种到5500株): an aim.
_ZH_BRING_TO = re.compile(r"(?<![即必])将(?!近)[^，。；、]{1,8}(?:到|至)$")
# 将 before a verb and the figure (将取消四分之一, 将达年销100万辆, 将突破1000万辆): a forecast.
_ZH_WILL = re.compile(r"(?<![即必])将(?!近)[\u4e00-\u9fff]{0,3}$")
_ZH_DONE = re.compile(r"已|完成了|实现了|达到了|超过了|突破了")
_ZH_GOAL_LIST = re.compile(r"目标[是为]?[：:]")
_EN_LIMIT_BEFORE = re.compile(
    r"(?:up to|no more than|a maximum of|maximum of|a minimum of|minimum of|at most|capped at|"
    r"cap of|not to exceed|not exceed|starting at|limit of|threshold of|at least|"
    r"(?:requires?|required|requiring|mandates?|mandated)\s+(?:an?\s+)?)\s*$",
    re.I,
)
_EN_FORECAST = re.compile(
    r"\b(?:expected|expects|expecting|projected|projecting|forecast|forecasts|forecasting|"
    r"estimated to|anticipated|"
    r"predicted|predicts|likely to|is set to|are set to|slated to|poised to|on track to|"
    r"will|would|could)\b",
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
    figure = text[start:end]
    if _ZH_REFERENCE.search(before):
        return "measured"
    if _bounds_a_class(figure, before, text[end : end + 12]):
        return "limit"
    kind = _zh(before + _LIMIT_WORD.match(text, start, end).group(0), after)
    if kind != "measured" or _ZH_DONE.search(before):
        return kind
    if _goal_list(text, start):
        return "target"
    return _carried(text, clause_start) if _elliptic(before) else kind


def _bounds_a_class(figure: str, before: str, after: str) -> bool:
    """Whether a bound figure names a class rather than a value: a bound right before a noun
    (6000元以下手机, 7座以下（含7座）新车), or a measure's bound before 的 and a noun
    (年化利率5%以上的存款, 生产总值超过1000亿元的县). A bound at the clause's end (增长10%以上，)
    is a value, and so is a count or share before 的 (超过90%的移民, 对行业90%以上的覆盖)."""
    upper = figure.endswith(("以上", "以下"))
    if upper and _ZH_NOUN_AFTER.match(after):
        return True
    if not (upper or figure.startswith(("超过", "超", "逾"))) or not after.startswith("的"):
        return False
    from reportgen.extract.segment import words

    said = [(w, t) for w, t in words(before[-12:]) if t != "x"]
    then = [(w, t) for w, t in words(after[1:]) if t != "x"]
    measure = bool(said) and said[-1][1].startswith("n")
    return measure and bool(then) and then[0][1][:1] in ("n", "m", "q")


_ZH_NOUN_AFTER = re.compile(r"^(?:[（(]含|(?![的地得是为和与及或])[\u4e00-\u9fff])")


# A clause of its own: a time, a done-word, a verb of saying or a subject and verb of its own.
_ZH_OWN = re.compile(
    r"(?<![比较])(?:去年|上年)|今年|明年|20\d\d年|目前|现在|已|曾|表示|认为|[，,：:]"
)
_ZH_CLAUSE_BREAK = "，,；;、"
_ZH_STOPS = "。！？!?\n"


def _elliptic(before: str) -> bool:
    """Whether a clause is elliptic up to its figure: a few words naming a measure and no
    time, verb of saying or done-word of its own (陆域240平方公里 after 规划总面积约340平方公里,
    比上年增加1.6万亿元 after 赤字率拟按4%左右安排)."""
    return len(before) <= 10 and not _ZH_OWN.search(before)


def _carried(text: str, clause_start: int) -> str:
    """The kind an elliptic clause takes from the clauses before it in its sentence: the
    plan or forecast of the nearest clause that states one, through other elliptic clauses
    (at most four back); measured when a clause of its own stands between."""
    end = clause_start - 1
    for _ in range(4):
        if end <= 0 or text[end] not in _ZH_CLAUSE_BREAK:
            return "measured"
        start = max(text.rfind(ch, 0, end) for ch in _ZH_CLAUSE_BREAK + _ZH_STOPS) + 1
        clause = text[start:end]
        figure = _FIGURE.search(clause)
        if figure is None:
            return "measured"
        own = _zh(clause[: figure.start()], clause[figure.end() : figure.end() + 6])
        if own in ("target", "forecast") and not _ZH_DONE.search(clause[: figure.start()]):
            return own
        if not _elliptic(clause[: figure.start()]):
            return "measured"
        end = start - 1
    return "measured"


_FIGURE = re.compile(r"\d")


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
    forecast, target = _last(_ZH_FORECAST, before), _last(_ZH_TARGET, before)
    if forecast is not None and not _ZH_NOW.search(before, forecast):
        return "forecast"
    if _ZH_MAYBE_AFTER.match(after):
        return "forecast"
    if (target is not None and not _ZH_NOW.search(before, target)) or _ZH_TARGET_AFTER.match(after):
        return "target"
    for pattern, kind in ((_ZH_BRING_TO, "target"), (_ZH_WILL, "forecast")):
        m = pattern.search(before)
        if m and not _ZH_NOW.search(m.group(0)):
            return kind
    return "measured"


def _last(pattern: re.Pattern, text: str) -> int | None:
    """Where the last match of ``pattern`` in ``text`` ends (None without one)."""
    end = None
    for m in pattern.finditer(text):
        end = m.end()
    return end


def _en(before: str, after: str, figure: str = "") -> str:
    if _EN_LIMIT_BEFORE.search(before) or (figure and _EN_LIMIT_BEFORE.search(figure + " ")):
        return "limit"
    target, forecast = _last(_EN_TARGET, before), _last(_EN_FORECAST, before)
    if target is not None and not _EN_NOW.search(before, target):
        return "target"
    if forecast is not None and not _EN_NOW.search(before, forecast):
        return "forecast"
    return "measured"


# Now-words between a forecast or aim and the figure (forecasts … made redundant by the current
# rate of 6.8 percent): the figure is today's value.
_EN_NOW = re.compile(r"\b(?:current|currently|today's|now at|as of|so far)\b", re.I)
