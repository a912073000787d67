"""Figure forms beyond a number and its unit: ranges, ranks, shares, fractions, number words,
per-unit rates. Part of the one number parser: ``numbers.find_quantities`` merges them in."""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.ingest.numbers import CN_DIGITS, NUMBER, Quantity, find_zh, read_cn

_CN = f"[{CN_DIGITS}]+"
_NUM = rf"(?:{NUMBER}|{_CN})"

# ---------------------------------------------------------------- Chinese

# A rank needs its scope or a ranking verb: 全省第二, 位居全国第3位, 排名第十; 第二批 is no rank.
_ZH_RANK = re.compile(
    r"(?P<scope>(?:全国|全省|全市|全区|全县|全球|世界|全国同类|同类|全行业|区域|中部|西部|东部)"
    r"(?:城市|地区|省份|县市)?)?(?P<head>(?:第|(?P<top>前))(?P<n>\d{1,3}|[一二三四五六七八九十百]{1,4})"
    r"(?P<tail>位|名|大|强)?)"
    r"(?![届批次期季轮号条款章节部分项个家年天人])"
)
# A ranking verb right before the rank, or before a short scope (位列行业第二, 排名前五).
_ZH_RANK_VERB = re.compile(
    r"(?:(?:居|位居|位列|列|排名|排|跃居|跃升至|上升至|升至|稳居|保持|名列|跻身)"
    r"|(?:位居|位列|排名|跃居|稳居|名列|跻身)[\u4e00-\u9fff]{1,4})$"
)
# Shares in tenths: 三成, 近七成, 两成以上.
_ZH_SHARE = re.compile(
    r"(?P<qb>近|约|超过|超|逾|不到|不足)?(?P<n>[一二两三四五六七八九十]|\d)成(?P<qa>以上|左右|多)?"
    r"(?![为功本员立果交就长效型绩])"
)
# Fractions: 三分之一, 1/3左右.
_ZH_FRACTION = re.compile(
    rf"(?P<qb>近|约|超过|超|逾)?(?:(?P<d>{_CN})分之(?P<n>{_CN})|(?<![\d/.])(?P<n2>\d{{1,2}})/(?P<d2>\d{{1,3}})"
    r"(?![\d/]))(?P<qa>以上|左右|多)?"
)
# Halves: 一半, 近半, 超过半数, 过半 (not 半年, 半导体, 上半年).
_ZH_HALF = re.compile(
    r"(?P<qb>近|约|超过|超|逾|过)?(?:一半|半数)(?P<qa>以上|左右|多)?"
    r"|(?P<qb2>近|过|超)半(?![年月天日时导岛场径价山夜生程途])"
)
_QUAL = {"近": "under", "约": "approx", "超过": "over", "超": "over", "逾": "over", "不到": "under",
         "不足": "under", "以上": "over", "左右": "approx", "多": "over", "过": "over"}  # fmt: skip


_ZH_DASH_NUMBER = re.compile(rf"(?<![\d.])(?P<a>{NUMBER})(?P<dash>[-—–~～至到])(?=\d)")


def find_zh_forms(text: str) -> list[Quantity]:
    """Ranks, ranges, shares and fractions in Chinese text."""
    out: list[Quantity] = []
    for m in _ZH_DASH_NUMBER.finditer(text):
        q = _zh_dash_range(text, m)
        if q is not None:
            out.append(q)
    for m in _ZH_RANK.finditer(text):
        q = _zh_rank(text, m)
        if q is not None:
            out.append(q)
    out.extend(q for m in _ZH_SHARE.finditer(text) if (q := _zh_share(text, m)))
    out.extend(q for m in _ZH_FRACTION.finditer(text) if (q := _zh_fraction(text, m)))
    out.extend(_zh_half(m) for m in _ZH_HALF.finditer(text))
    return out


def _zh_dash_range(text: str, m: re.Match) -> Quantity | None:
    """``10-20亿元``: a bare number, a dash or 至, then a quantity with a unit."""
    from reportgen.ingest.numbers import ZH_PATTERN, _zh_quantity

    tail = text[: m.end() + 30]
    nxt = ZH_PATTERN.match(tail, m.end())
    high = _zh_quantity(tail, nxt) if nxt else None
    if high is None:
        # the dash makes the parser take 20亿元 for a date part: read it without what precedes
        sub = text[m.end() : m.end() + 30]
        nxt = ZH_PATTERN.match(sub)
        high = _zh_quantity(sub, nxt) if nxt else None
        if high is not None:
            high = replace(high, start=high.start + m.end(), end=high.end + m.end())
    if high is None or not high.unit or high.start != m.end() or high.qualifier_word:
        return None
    if re.fullmatch(r"(1[89]|20)\d\d", m.group("a")) and high.base_unit in ("年", ""):
        return None
    a = float(m.group("a").replace(",", ""))
    if a >= high.value:
        return None
    factor = high.normalized / high.value if high.value else 1.0
    return Quantity(
        m.start(), high.end, text[m.start() : high.end], a, high.unit, "exact", "",
        a * factor, high.base_unit, kind="range", high=high.value,
    )  # fmt: skip


def _zh_rank(text: str, m: re.Match) -> Quantity | None:
    """A rank (全省第二, 世界第二大, 位列行业第二) or a top-N (排名前五, 票房榜前5位): its scope,
    a rank word after it (位, 名, 大, 强) or a ranking verb before it; a top-N needs the verb or
    位/名/强 (前五年, 前三季度 are spans)."""
    before = text[max(0, m.start() - 8) : m.start()]
    verb = bool(_ZH_RANK_VERB.search(before))
    if m.group("top"):
        if not verb and m.group("tail") not in ("位", "名", "强"):
            return None
    elif not m.group("scope") and not m.group("tail") and not verb:
        return None
    n = m.group("n")
    value = float(n) if n.isdigit() else read_cn(n)
    if not value or value > 500:
        return None
    return Quantity(
        m.start(), m.end(), m.group(0), value, "位", "exact", "", value, "位", kind="rank"
    )


def _zh_share(text: str, m: re.Match) -> Quantity | None:
    n = m.group("n")
    value = float(n) if n.isdigit() else read_cn(n)
    if not value or value > 10:
        return None
    qual, word = _qualifier(m)
    return Quantity(m.start(), m.end(), m.group(0), value, "成", qual, word, value * 10, "%")


def _zh_fraction(text: str, m: re.Match) -> Quantity | None:
    if m.group("d"):
        d, n = read_cn(m.group("d")), read_cn(m.group("n"))
    else:
        d, n = float(m.group("d2")), float(m.group("n2"))
        if re.match(r"\d", text[m.end() : m.end() + 1]):
            return None
    if not d or not n or n > d:
        return None
    qual, word = _qualifier(m)
    share = 100 * n / d
    return Quantity(m.start(), m.end(), m.group(0), round(n / d, 6), "", qual, word, share, "%")


def _zh_half(m: re.Match) -> Quantity:
    """一半, 近半, 超过半数: a share of one half."""
    qual, word = _qualifier(m)
    if m.group("qb2"):
        word = m.group("qb2")
        qual = "under" if word == "近" else "over"
    return Quantity(m.start(), m.end(), m.group(0), 0.5, "", qual, word, 50.0, "%")


def _qualifier(m: re.Match) -> tuple[str, str]:
    for key in ("qb", "qa"):
        word = m.groupdict().get(key)
        if word:
            return _QUAL[word], word
    return "exact", ""


def zh_range(text: str, low: Quantity, high: Quantity) -> Quantity | None:
    """Two quantities joined by a dash or 至 with nothing else between them: one range."""
    gap = text[low.end : high.start]
    if gap not in ("-", "—", "–", "~", "～", "至", "到") or not high.unit:
        return None
    if low.unit and low.base_unit != high.base_unit and not high.unit.startswith(low.unit):
        return None
    if low.base_unit in ("", "年") and not high.unit:
        return None
    factor = high.normalized / high.value if high.value else 1.0
    low_value = low.value
    pure_scale = low.unit and high.unit.startswith(low.unit) and low.unit != high.unit
    low_norm = low.value * factor if not low.unit or pure_scale else low.normalized
    if low_norm > high.normalized:
        return None
    return Quantity(
        low.start,
        high.end,
        text[low.start : high.end],
        low_value,
        high.unit,
        low.qualifier,
        low.qualifier_word,
        low_norm,
        high.base_unit,
        kind="range",
        high=high.value,
    )


_ZH_PER = re.compile(
    r"^(?:/|(?P<each>每))(?:人|亩|吨|公斤|斤|千克|平方米|年|月|天|小时|户|台|件|个|股|次|辆|间|套)"
)
_EN_PER = re.compile(
    r"^(?:\s*/\s*|\s+(?:per|an|a|each)\s+)(?P<per>(?:credit\s+)?(?:hour|day|week|month|year|"
    r"person|student|household|head|capita|barrel|ton|tonne|pound|gallon|share|unit|acre|"
    r"square\s+foot|kilowatt-hour))\b"
    r"|^\s+(?P<adverb>hourly|daily|weekly|monthly|annually|yearly)\b",
    re.I,
)
_EN_ADVERB_PER = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month",
                  "annually": "year", "yearly": "year"}  # fmt: skip
# 每吨960美元, 每周5天: the unit a figure is counted per, written before it.
_ZH_EACH_BEFORE = re.compile(
    r"每(?P<per>人|亩|吨|公斤|斤|千克|平方米|年|月|周|天|小时|户|台|件|股|辆|间|套)$"
)


def per_unit(text: str, q: Quantity, language: str) -> Quantity:
    """A rate: 33万元/人, 500元/亩, 8元每小时, $30/month, $15 an hour, $116 per credit hour."""
    after = text[q.end : q.end + 24]
    m = (_ZH_PER if language == "zh" else _EN_PER).match(after)
    if language == "zh" and not m and q.unit:
        return _each_before(text, q)
    if not m or not q.unit:
        return q
    if m.groupdict().get("adverb"):  # "$15 hourly": a rate per hour
        end = q.end + len(m.group(0))
        each = _EN_ADVERB_PER[m.group("adverb").lower()]
        unit, base = f"{q.unit}/{each}", f"{q.base_unit}/{each}"
        return replace(q, end=end, text=text[q.start : end], unit=unit, base_unit=base)
    if language == "zh" and m.group("each") and not q.unit.endswith("元"):
        return q  # 8元每小时 is a price per hour; a count before 每 is no rate
    per = m.group(0)
    end = q.end + len(per)
    if language == "zh":
        unit, base = f"{q.unit}{per}", f"{q.base_unit}{per}"
    else:  # "$500 a year" and "$500\na year" on a narrow card are one rate
        each = " ".join(m.group("per").lower().split())
        unit, base = f"{q.unit}/{each}", f"{q.base_unit}/{each}"
    return replace(q, end=end, text=text[q.start : end], unit=unit, base_unit=base)


def _each_before(text: str, q: Quantity) -> Quantity:
    """A figure after 每 and a unit (每吨960美元, 每周5天) is a rate per that unit, written
    from 每 on."""
    m = _ZH_EACH_BEFORE.search(text, max(0, q.start - 4), q.start)
    if not m or m.end() != q.start:
        return q
    per = m.group("per")
    unit, base = f"{q.unit}/{per}", f"{q.base_unit}/{per}"
    return replace(q, start=m.start(), text=text[m.start() : q.end], unit=unit, base_unit=base)


# ---------------------------------------------------------------- English

_EN_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}  # fmt: skip
_EN_ORD = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_EN_FRACTIONS = {"half": 0.5, "one-third": 1 / 3, "two-thirds": 2 / 3, "one-quarter": 0.25,
                 "three-quarters": 0.75, "one-fifth": 0.2, "one-half": 0.5}  # fmt: skip
_EN_NUMWORD = re.compile(
    r"\b(?P<q>more than|nearly|almost|about|some|over|up to|at least|roughly)?\s*"
    rf"(?P<w>{'|'.join(sorted(_EN_WORDS, key=len, reverse=True))})"
    r"(?:[\s-](?P<w2>one|two|three|four|five|six|seven|eight|nine))?"
    r"\s+(?P<unit>(?:[a-z][a-z-]+\s+)?[a-z][a-z-]+s)\b",
    re.I,
)
_EN_RANK = re.compile(
    r"\b(?:(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(_EN_ORD)
    + r"))(?=[\s-]+(?:largest|biggest|busiest|highest|lowest|best|worst|most|fastest|"
    r"in\s+the\s+(?:nation|state|country|world|region|county)|among|out\s+of|place|overall))",
    re.I,
)
_EN_FRACTION = re.compile(
    r"\b(?P<q>nearly|almost|about|more than|roughly)?\s*(?P<f>"
    + "|".join(sorted(_EN_FRACTIONS, key=len, reverse=True))
    + r")(?=\s+(?:of|the)\b)",
    re.I,
)
_EN_Q = {"more than": "over", "nearly": "under", "almost": "under", "about": "approx",
         "some": "approx", "over": "over", "up to": "under", "at least": "over",
         "roughly": "approx"}  # fmt: skip
_EN_NOT_COUNTED = re.compile(
    r"^(?:times|ways|things|of|percent|points|reasons|sides|words|years|months|weeks|days|"
    r"hours|minutes|decades|centuries|generations)$",
    re.I,
)


def find_en_forms(text: str) -> list[Quantity]:
    """Number words with a counted noun, ranks and fractions in English text."""
    out: list[Quantity] = []
    for m in _EN_NUMWORD.finditer(text):
        unit = m.group("unit").split()[-1].lower()
        if _EN_NOT_COUNTED.match(unit) or text[max(0, m.start() - 4) : m.start()].lower() == "all ":
            continue
        value = float(
            _EN_WORDS[m.group("w").lower()] + _EN_WORDS.get((m.group("w2") or "").lower(), 0)
        )
        out.append(_en_found(text, m, "w", value, unit, value, unit))
    for m in _EN_RANK.finditer(text):
        value = float(m.group("num")) if m.group("num") else float(_EN_ORD[m.group("word").lower()])
        out.append(_en_found(text, m, 0, value, "rank", value, "rank", kind="rank"))
    for m in _EN_FRACTION.finditer(text):
        value = _EN_FRACTIONS[m.group("f").lower()]
        out.append(_en_found(text, m, "f", value, "", 100 * value, "%"))
    return out


def _en_found(
    text: str, m: re.Match, group, value: float, unit: str, normalized: float, base: str,
    kind: str = "",
) -> Quantity:  # fmt: skip
    """The quantity a form's match reads, its qualifier word (``more than``) included."""
    qword = (m.groupdict().get("q") or "").lower()
    start = m.start("q") if qword else m.start(group)
    qualifier = _EN_Q.get(re.sub(r"\s+", " ", qword), "exact")
    return Quantity(
        start, m.end(), text[start : m.end()], value, unit, qualifier, qword, normalized, base,
        kind=kind,
    )  # fmt: skip


def en_range(text: str, low: Quantity, high: Quantity) -> Quantity | None:
    """``1.75% to 2%``, ``$10 million to $20 million``, ``between 5 and 7 percent``."""
    gap = text[low.end : high.start].strip().lower()
    if gap not in ("to", "-", "–", "—", "and") or (gap == "and" and not _between(text, low)):
        return None
    if low.base_unit and high.base_unit and low.base_unit != high.base_unit:
        return None
    if not high.base_unit:
        return None
    if low.normalized > high.normalized:
        return None
    start = low.start - len("between ") if gap == "and" else low.start
    return Quantity(
        start,
        high.end,
        text[start : high.end],
        low.value,
        high.unit,
        low.qualifier,
        low.qualifier_word,
        low.normalized,
        high.base_unit,
        kind="range",
        high=high.value,
    )


def _between(text: str, low: Quantity) -> bool:
    return text[max(0, low.start - 8) : low.start].lower() == "between "


# A quantity is not kept when it is only the qualifier of a blocked prefix (签约 is not 约).
_BLOCKED_BEFORE = {
    "约": set("签合预节契公条誓违履解特制邀相赴婚"),
    "近": set("最附邻靠亲就贴"),
    "超": set("赶高"),
    "逾": set("逾"),
}


def _blocked(text: str, q: Quantity) -> bool:
    """Whether the qualifier is the end of another word (签约36家 is no 约36家)."""
    word = q.qualifier_word
    return (
        bool(word)
        and text[q.start - 1 : q.start] in _BLOCKED_BEFORE.get(word, set())
        and (text[q.start : q.start + len(word)] == word)
    )


def _drop_qualifier(text: str, q: Quantity) -> Quantity:
    """``q`` without its qualifier word before the number; one after it stays (附近600多亩 is
    600多亩, over 600)."""
    start = q.start + len(q.qualifier_word)
    again = find_zh(text[start : q.end])
    qualifier, word = (again[0].qualifier, again[0].qualifier_word) if again else ("exact", "")
    return replace(
        q, start=start, text=text[start : q.end], qualifier=qualifier, qualifier_word=word
    )


def merge(text: str, base: list[Quantity], extra: list[Quantity], language: str) -> list[Quantity]:
    """One list in text order: the extra forms, then base quantities not inside one of them;
    ranges joined; rates extended by their 'per' unit."""
    taken = sorted(extra, key=lambda q: (q.start, -q.end))
    kept = [q for q in base if not any(e.start <= q.start and q.end <= e.end for e in taken)]
    kept = [q for q in kept if not any(q.start < e.end and e.start < q.end for e in taken)]
    if language != "zh":
        kept = [q for q in kept if text[max(0, q.start - 4) : q.start].lower() != "all "]
    out = sorted([*kept, *taken], key=lambda q: (q.start, q.end))
    out = [_drop_qualifier(text, q) if _blocked(text, q) else q for q in out]
    out = _join_ranges(text, out, language)
    return [per_unit(text, q, language) for q in out]


def _join_ranges(text: str, qs: list[Quantity], language: str) -> list[Quantity]:
    out: list[Quantity] = []
    for q in qs:
        if out and q.kind == "" and out[-1].kind in ("", "range"):
            joined = (zh_range if language == "zh" else en_range)(text, out[-1], q)
            if joined is not None and out[-1].kind == "":
                out[-1] = joined
                continue
        out.append(q)
    return out
