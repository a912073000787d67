"""Find and read quantities in text (Chinese and English): one parser for extract and verify."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reportgen.ingest.marks import no_figure
from reportgen.ingest.units import UNITS_ZH

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"

_SCALES_ZH = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "千": 1e3,
}
QUALIFIERS_BEFORE = {
    "约": "approx",
    "大约": "approx",
    "近": "under",
    "将近": "under",
    "接近": "under",
    "超过": "over",
    "超": "over",
    "突破": "over",
    "逾": "over",
    "不足": "under",
    "不到": "under",
    "不超过": "under",
    "不高于": "under",
    "不低于": "over",
    "不少于": "over",
    "多达": "exact",
    "高达": "exact",
    "达": "exact",
}
QUALIFIERS_AFTER = {
    "余": "over",
    "多": "over",
    "来": "approx",
    "以上": "over",
    "以下": "under",
    "左右": "approx",
}
_MEASURE_ONLY = {"年", "天", "次", "倍"}

# A number: grouped by thousands (a group is exactly three digits: 1,6005 is no 16,005), or plain.
NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w.])\.\d+"  # .07% too
_NUM = NUMBER
_CN = f"[{CN_DIGITS}]+"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS_ZH, key=len, reverse=True))
_SCALE_ALT = "|".join(sorted(_SCALES_ZH, key=len, reverse=True))
_QB_ALT = "|".join(sorted(QUALIFIERS_BEFORE, key=len, reverse=True))
ZH_PATTERN = re.compile(
    rf"(?P<qb>{_QB_ALT})?(?P<num>{_NUM}|{_CN})(?P<scale>{_SCALE_ALT})?"
    rf"(?P<qm>余|多|来(?={_UNIT_ALT}))?(?P<scale2>(?<=[余多])(?:{_SCALE_ALT}))?"
    rf"(?P<unit>{_UNIT_ALT})?(?P<qa>以上|以下|左右)?"
)

EN_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
}
EN_QUALIFIERS = {
    "more than": "over",
    "over": "over",
    "at least": "over",
    "upwards of": "over",
    "nearly": "under",
    "almost": "under",
    "close to": "under",
    "fewer than": "under",
    "less than": "under",
    "under": "under",
    "up to": "under",
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "some": "approx",
}
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "RMB": "CNY"}
_ENQ_ALT = "|".join(sorted(EN_QUALIFIERS, key=len, reverse=True)).replace(" ", r"\s+")
# A space within a line: a figure never takes a noun from the next line as what it counts (a
# scale or a percent sign may wrap onto it: "$1.2\nbillion" on a narrow card).
_SP = "[ \t\u00a0]"
EN_PATTERN = re.compile(
    rf"(?:(?P<qb>\b(?:{_ENQ_ALT}))\s+)?(?P<cur>US\$|\$|€|£|¥|RMB\s?)?(?P<num>{_NUM})"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per\s+cent\b|percentage\s+points?\b))?"
    rf"(?:{_SP}(?P<unit>[a-z][a-z-]{{2,}})\b(?:{_SP}(?P<unit2>[a-z][a-z-]{{2,}})\b)?)?",
    re.IGNORECASE,
)
# Words that join clauses: what follows them is never what the figure before them counts.
_EN_JOINS = frozenset({"and", "or", "but", "while", "which", "who", "that", "when", "as"})
_EN_NOT_UNITS = frozenset({"and", "the", "for", "from", "with", "was", "were", "are", "has",
    "had", "have", "that", "this", "than", "into", "over", "per", "its", "their", "each",
    "which", "who", "while", "when", "will", "would", "also", "new", "more", "year", "years",
    "percent", "to", "in", "of", "last", "next", "since", "after", "before", "during",
    "joined", "said", "says", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"})  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    """A number found in text, read as value × scale in a unit, with its qualifier."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str
    qualifier_word: str
    normalized: float
    base_unit: str
    kind: str = ""  # "range" or "rank" when the form says so; else decided by the extractor
    high: float | None = None  # a range's upper value, in ``unit``


def read_cn(numeral: str) -> float | None:
    """Read a Chinese numeral (五, 十四, 二十五, 两); None when it is not one.

    A single character is read from the Unicode database (unicodedata.numeric); compounds go
    to cn2an, whose import costs ~0.15 s, so articles with only 五大 or 十年 never pay it.
    """
    numeral = numeral.replace("两", "二").replace("〇", "零")
    if len(numeral) == 1:
        return unicodedata.numeric(numeral, None)
    import cn2an

    try:
        return float(cn2an.cn2an(numeral, "strict"))
    except (ValueError, KeyError, TypeError):
        return None


def _arabic(num: str) -> float:
    return float(num.replace(",", ""))


def _found(pattern: re.Pattern, read, text: str) -> list[Quantity]:
    """Every match of ``pattern`` that ``read`` accepts as a quantity, in text order."""
    return [q for m in pattern.finditer(text) if (q := read(text, m)) is not None]


def find_zh(text: str) -> list[Quantity]:
    """Chinese quantities: Arabic or Chinese numerals with scale, unit and qualifiers."""
    return _found(ZH_PATTERN, _zh_quantity, text)


def _zh_quantity(text: str, m: re.Match) -> Quantity | None:
    num, scale, unit = m.group("num"), _zh_scale(m), m.group("unit") or ""
    cn = not num[0].isdigit()
    if cn and (not unit or unit in ("%", "‰")):
        return None  # a Chinese numeral counts only before a measure word (十四五 is a name)
    value = read_cn(num) if cn else _arabic(num)
    if value is None or _not_quantity(text, m, cn, value):
        return None
    multiplier = _SCALES_ZH.get(scale, 1.0)
    base, factor = UNITS_ZH.get(unit, ("", 1.0))
    qualifier, word = _zh_qualifier(m)
    start = m.start("num") if m.group("qb") in (None, "达", "高达", "多达") else m.start()
    qm = m.group("qm") or ""
    surface_unit = (qm + scale if m.group("scale2") else scale + qm) + unit
    shown_unit = (scale + unit) if unit else scale
    return Quantity(
        start,
        m.end(),
        text[start : m.end()],
        value,
        shown_unit or surface_unit,
        qualifier,
        word,
        value * multiplier * factor,
        base or shown_unit,
    )


def _zh_scale(m: re.Match) -> str:
    """The scale before the approximate word (260多亿元: none) or after it (3400多万人次: 万)."""
    return m.group("scale") or m.group("scale2") or ""


def _zh_qualifier(m: re.Match) -> tuple[str, str]:
    for key, table in (
        ("qb", QUALIFIERS_BEFORE),
        ("qm", QUALIFIERS_AFTER),
        ("qa", QUALIFIERS_AFTER),
    ):
        word = m.group(key)
        if word and table[word] != "exact":
            return table[word], word
    return "exact", ""


# After an age: the noun of the group it names (及以上人口, 以下儿童, 的公民), not 了 or a stop.
_AGE_GROUP = re.compile(r"(?:及|和)?(?:以上|以下)?的?(?![了])[\u4e00-\u9fff]")


def _not_quantity(text: str, m: re.Match, cn: bool, value: float) -> bool:
    """Years, dates, ordinals, model names and labels are not quantities."""
    num, unit, scale = m.group("num"), m.group("unit"), _zh_scale(m)
    before = text[max(0, m.start("num") - 1) : m.start("num")]
    after = text[m.end() : m.end() + 1]
    if before in ("第", "前") or (re.match(r"[A-Za-z]", after) and not _counted(unit)):
        return True  # 5G, 3D: a name; 95只A股 counts A股
    if re.match(r"[A-Za-z]", before) and not _after_acronym(text, m):
        return True
    if unit == "年" and _time_frame(text, m, cn):
        return True
    if (cn and text[max(0, m.start("num") - 1) : m.start("num")] == "数") or (
        m.group("unit") == "年" and text[m.end() : m.end() + 1] == "代"
    ):
        return True  # 数十年 is vague; 八十年代 is a decade
    if before and before in ".-" and _digit_before(text, m.start("num") - 1):
        return True
    if after in ("级", "强", "届") or (not unit and after in ("年", "月", "日", "号", "季", "期")):
        return True
    if unit == "位" and after == "数":
        return True  # 两位数增长: double-digit, no count
    if not cn and _is_year(num, unit, text, m):
        return True
    if cn and unit in ("元", "次") and re.match(r"[\u4e00-\u9fff]", after) and after != "的":
        return True  # 二元结构, 三次产业: a word with a numeral in it
    if unit in ("岁", "周岁") and _AGE_GROUP.match(text, m.end()):
        return True  # 65周岁及以上人口, 18岁的公民: an age naming a group, not a figure
    if cn and _slogan(text, m):
        return True  # “四个着力点”, “两个确立”: a quoted name that opens with a count
    if cn:
        return _cn_not_quantity(num, unit, value)
    if not unit and not scale:
        return "." not in num or re.search(r"[\d.]", after or "") is not None
    return False


_FRAME_AFTER = re.compile(r"^(?:来|以来|间|内|里|中|前|后|左右|行动|规划|计划|攻坚|时间|多来)")
_FRAME_BEFORE = re.compile(r"(?:连续|近|过去|未来|今后|这|此后|之后|最近|用|历时|经过|花了|每)$")


def _counted(unit: str | None) -> bool:
    """A measure word (只, 家, 个) counts the noun after it, whatever script that noun is in."""
    return bool(unit) and len(unit) == 1 and unit in _COUNTERS


_COUNTERS = frozenset("只家个项名台辆款部位种条支座件批")


def _slogan(text: str, m: re.Match) -> bool:
    """The Chinese count opens a short quoted term (“四个着力点”)."""
    if text[max(0, m.start() - 1) : m.start()] != "“":
        return False
    close = text.find("”", m.end(), m.end() + 8)
    return close >= 0 and not re.search(r"[，。；！？,;]", text[m.end() : close])


def _time_frame(text: str, m: re.Match, cn: bool) -> bool:
    """近十年来, 连续5年, 三年行动: a span of time framing the sentence, not a figure."""
    after = text[m.end() : m.end() + 2]
    before = text[max(0, m.start() - 2) : m.start()]
    qword = m.group("qb") or ""
    return cn or bool(_FRAME_AFTER.match(after) or _FRAME_BEFORE.search(before + qword))


def _after_acronym(text: str, m: re.Match) -> bool:
    """GDP52853亿元: a figure glued to an upper-case abbreviation, with a real unit (not C919)."""
    word = re.search(r"[A-Za-z]+$", text[max(0, m.start("num") - 8) : m.start("num")])
    unit = m.group("unit") or ""
    return (
        bool(word)
        and word.group(0).isupper()
        and len(word.group(0)) >= 2
        and (bool(m.group("scale")) or unit in ("%", "‰") or UNITS_ZH.get(unit, ("", 1))[1] > 1)
    )


def _digit_before(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1].isdigit()


def _is_year(num: str, unit: str | None, text: str, m: re.Match) -> bool:
    if not re.fullmatch(r"(1[89]|20|21)\d\d", num):
        return False
    after = text[m.end("num") : m.end("num") + 1]
    return unit in (None, "年") or after in "—–-~至到"


def _cn_not_quantity(num: str, unit: str | None, value: float) -> bool:
    if not unit or unit in ("%", "‰"):
        return True
    if set(num) <= set("百千万亿"):  # 万元, 亿元, 千米, 百分点: a unit's prefix, not a number
        return True
    if len(num) == 1 and num in "零〇一":
        return True
    if num == "两":  # 两家, 两台, 两批: a count; 两个 opens set phrases (两个维护), 两年 a span
        return unit not in _COUNTERS or unit == "个"
    return value < 2 and unit in _MEASURE_ONLY


def find_en(text: str) -> list[Quantity]:
    """English quantities: $1.2 billion, 4.2%, 13,000 jobs, more than 200 firms."""
    return _found(EN_PATTERN, _en_quantity, text)


def _en_quantity(text: str, m: re.Match) -> Quantity | None:
    num = m.group("num")
    value = _arabic(num)
    cur = (m.group("cur") or "").strip()
    scale = (m.group("scale") or "").lower()
    pct = (m.group("pct") or "").lower()
    unit_word, unit_end = _en_head_noun(m)
    before = text[max(0, m.start("num") - 1) : m.start("num")]
    if re.match(r"[A-Za-z]", before) or (scale == "m" and not cur):
        return None
    if no_figure(text, m.start(), m.start("num"), m.end("num"), bare=not (cur or pct or scale)):
        return None
    if not (cur or pct or scale or m.group("qb")) and _in_a_name(text, m.start("num")):
        return None  # Fortune 500 companies, S&P 500: a name's number
    unit, base = _en_unit(cur, scale, pct, unit_word)
    if not unit and "." not in num and not scale and "," not in num:
        return None  # a bare whole number (a year, a count of nothing) unless digit-grouped
    end = unit_end if unit_word and unit_word == unit else _en_end(m)
    if unit_word and unit_word == unit:
        unit = base = _proper(text[m.start("unit") : unit_end]) or unit
    qword = re.sub(r"\s+", " ", (m.group("qb") or "").lower())
    qualifier = EN_QUALIFIERS.get(qword, "exact")
    normalized = value * EN_SCALES.get(scale, 1.0)
    return Quantity(
        m.start(),
        end,
        text[m.start() : end],
        value,
        _en_shown(scale, unit),
        qualifier,
        qword,
        normalized,
        base,
    )


_EN_NAME_WORD = re.compile(r"([A-Z][A-Za-z&.'-]*)\s+$")


def _in_a_name(text: str, num_start: int) -> bool:
    """Whether a bare number follows a capitalised word inside a sentence (Fortune 500, S&P 500,
    Windows 11): part of a name, no figure. A sentence's first word or a function word
    capitalised by its place (The 500 firms) is no name."""
    m = _EN_NAME_WORD.search(text, max(0, num_start - 24), num_start)
    if not m or m.group(1).lower() in _EN_FUNCTION_WORDS:
        return False
    before = text[: m.start()].rstrip(" \t")
    return bool(before) and before[-1] not in '.!?:\n"“(' and not before.endswith("—")


_EN_FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "or", "but", "in", "on", "at", "for",
    "of", "by", "to", "with", "from", "over", "about", "nearly", "some", "all", "more", "than",
    "up", "under", "only", "just", "almost", "around", "roughly", "another", "its", "their",
    "our", "his", "her", "these", "those", "this", "that", "each", "every", "top"})  # fmt: skip


def _proper(words: str) -> str:
    """A counted noun written as a name keeps its words and case (160,000 New Zealanders
    counts "New Zealanders", not "zealanders"); "" for a common noun."""
    parts = words.split()
    return " ".join(parts) if parts and all(w[:1].isupper() for w in parts) else ""


def _en_head_noun(m: re.Match) -> tuple[str, int]:
    """The counted noun: '12 foreign-funded projects' counts projects, '200 firms in' firms."""
    first, second = (m.group("unit") or "").lower(), (m.group("unit2") or "").lower()
    if first in _EN_JOINS or first in _EN_NOT_UNITS - _EN_BEFORE_NOUN or _participle(first, second):
        return "", m.end("num")  # '18 and offers', '54 compared', '1380 last month': nothing
    if second and not _plural(first) and second not in _EN_NOT_UNITS:
        return second, m.end("unit2")
    return first, m.end("unit") if first else m.end()


# Words of _EN_NOT_UNITS that may stand between a figure and what it counts (18 new jobs).
_EN_BEFORE_NOUN = frozenset({"new", "more"})
# Plurals without an -s: a figure counts them, and the word after them is a verb (1,500 people
# become work-ready), never what is counted.
_EN_PLURALS = frozenset({"people", "children", "men", "women", "staff", "personnel", "police",
    "cattle", "sheep", "fish", "deer", "livestock", "poultry", "feet", "teeth", "mice",
    "geese", "youth", "aircraft", "offspring"})  # fmt: skip


def _plural(word: str) -> bool:
    """Whether a word is a plural noun: an -s ending or a plural without one (people)."""
    return word.endswith("s") or word in _EN_PLURALS


_EN_ADJECTIVES = frozenset({"new", "full", "part", "small", "large", "big", "major", "senior",
    "young", "old", "local", "public", "private", "low", "high", "top", "key", "other", "extra",
    "direct", "net", "gross", "total"})  # fmt: skip


def _participle(word: str, after: str = "") -> bool:
    """A verb's -ed form (compared, included): what follows a figure, never what it counts;
    not a compound (foreign-funded) nor a participle before a plural noun (registered voters),
    which qualify what is counted."""
    if len(word) < 6 or not word.endswith("ed") or "-" in word:
        return False
    return not (after and _plural(after) and after not in _EN_NOT_UNITS)


def _en_unit(cur: str, scale: str, pct: str, word: str) -> tuple[str, str]:
    if cur:
        code = CURRENCIES.get(cur, cur)
        return code, code
    if pct:
        unit = "percentage points" if pct.startswith("percentage") else "%"
        return unit, unit
    if word and word not in _EN_NOT_UNITS:
        return word, word
    return "", ""


def _en_shown(scale: str, unit: str) -> str:
    return f"{scale} {unit}".strip() if scale else unit


def _en_end(m: re.Match) -> int:
    for group in ("pct", "scale", "num"):
        if m.group(group):
            return m.end(group)
    return m.end()


def find_quantities(text: str, language: str) -> list[Quantity]:
    """All quantities in ``text`` for the article's language (Chinese also reads Latin forms)."""
    from reportgen.ingest import numforms

    if language == "zh":
        base, extra = find_zh(text), numforms.find_zh_forms(text)
    else:
        base, extra = find_en(text), numforms.find_en_forms(text)
    return numforms.merge(text, base, extra, language)
