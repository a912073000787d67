"""The topic a Chinese sentence opens with: the name-like noun phrase before its first verb."""

from __future__ import annotations

import re

from reportgen.extract import segment

# Tags of words a topic is made of: nouns, names, abbreviations, Latin words (ETF, A股).
_NOUNS = frozenset({"n", "nz", "nt", "ns", "nr", "nrt", "j", "eng", "nrfg"})
# Tags of the words that may stand before a topic in its clause: time words, adverbs,
# prepositions, conjunctions, place words (据统计，今年以来，…).
_BEFORE = frozenset({"t", "d", "c", "f", "x", "p"})
# Tags of the word right after a topic: a verb, an adverb, a time word (小米汽车表示,
# 北交所今年共审议, 医疗ETF周五下跌).
_AFTER = frozenset({"v", "vd", "d", "t", "p"})
# Last characters of a noun phrase that names a measure, not whom it is about (零售总额, 亩产).
_MEASURE_END = frozenset("量额值率重比数价积度速幅产")
_BREAK = re.compile(r"[,，、:：;；。！？!?\n“”()（）…|]")
# What finishes a date whose digits the tagger sets apart (8/月份): no topic's word.
_DATE_TAILS = frozenset({"月份", "年度", "季度", "月", "年", "日"})
# Nouns too general to name anyone (企业 alone is no subject; 金融风控企业 is).
_GENERIC = frozenset({"企业", "公司", "市场", "行业", "产品", "项目", "数据", "记者", "报告"})


def topic(sentence: str) -> str:
    """The noun phrase the sentence's first clause with one opens on, when it is followed by a
    verb, adverb or time word (so names whom the clause is about) and does not itself name a
    measure; "" when none."""
    for clause in _BREAK.split(sentence):
        found = _opening_noun_phrase(segment.words(clause))
        if found:
            return found
    return ""


def _opening_noun_phrase(pairs) -> str:
    i = 0
    while i < len(pairs) and (pairs[i][1] in _BEFORE or pairs[i][0] in _DATE_TAILS):
        i += 1
    run: list[str] = []
    while i < len(pairs) and pairs[i][1] in _NOUNS:
        run.append(pairs[i][0])
        i += 1
    if not run or i >= len(pairs) or pairs[i][1] not in _AFTER:
        return ""
    phrase = "".join(run)
    if len(phrase) < 2 or len(phrase) > 12 or phrase in _GENERIC:
        return ""
    if phrase[-1] in _MEASURE_END:
        return ""
    return phrase


_COLON_LEAD = re.compile(
    r"(?:^|[，,])\s*(?:\d{1,2}[、.．]\s*)?\**([^，。；：:、\s*]{2,10})\**[：:]"
)
# Tags no name holds: pronouns, particles, prepositions, conjunctions, adverbs, numbers.
_NOT_IN_NAME = frozenset({"r", "u", "uj", "ul", "uz", "p", "c", "d", "m", "x", "y"})


def colon_topic(sentence: str) -> str:
    """The name a clause opens on before a colon (a digest's item: 当升科技：9614.5万元竞得…):
    a run ending on a noun, holding no pronoun, particle, preposition, adverb or number (他说：
    and 记者： are no names); the last such before the figure, or ""."""
    found = ""
    for m in _COLON_LEAD.finditer(sentence):
        pairs = segment.words(m.group(1))
        if not pairs or pairs[-1][1] not in _NOUNS or m.group(1) in _GENERIC:
            continue
        if not any(tag in _NOT_IN_NAME for _, tag in pairs):
            found = m.group(1)
    return found


# A count opening a sentence (已有66家基金公司…, 13家券商公布…): the figure with its measure word,
# after the words that may stand before a topic.
_COUNTED_GROUP = re.compile(
    r"^(?:已有|共有|有|已|共|目前|今年以来|截至[^，,]{0,12})*\d+[家只个名所]"
)


_ITEM = re.compile(r"^[\s*]*(?:\d{1,2}[、.．]\s*)?\**")


def counted_group(sentence: str) -> str:
    """The group a sentence opens by counting (已有66家基金公司上半年经营情况曝光，合计实现营业
    收入… -> 基金公司): what the following figures are about in an article of items; "" when
    none."""
    first = _BREAK.split(_ITEM.sub("", sentence))[0]
    m = _COUNTED_GROUP.match(first)
    if not m:
        return ""
    nouns = []
    for word, tag in segment.words(first[m.end() :]):
        if tag not in _NOUNS or (nouns and word[-1] in _MEASURE_END):
            break
        nouns.append(word)
    phrase = "".join(nouns)
    ok = len(phrase) >= 2 and phrase not in _GENERIC and phrase[-1] not in _MEASURE_END
    return phrase if ok else ""
