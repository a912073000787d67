"""分别 (respectively): figures listed after it take the items listed before it, in order.

汽车、新能源汽车、充电桩产量同比分别增长13.9%、47.7%、32.2% gives 13.9% to 汽车产量, 47.7% to
新能源汽车产量 and 32.2% to 充电桩产量; 珠三角、京津冀比重分别为7.56%、6.12% gives each
region its share as its subject; 2016年-2018年的营业收入分别为… gives each year its revenue. The
lists must match one for one, or nothing changes: a wrong pairing is worse than none.
"""

from __future__ import annotations

import re

from reportgen.extract import segment
from reportgen.extract.labels import ENTITY_TAGS, MEASURE_END
from reportgen.model import Fact

_WORD = "分别"
_CLAUSE_END = re.compile(r"[，,；;。：:！？!?\n（）()“”]")
_BETWEEN_VALUES = re.compile(r"^\s*(?:[、,，]|和|及|与|以及)\s*$")
_JOIN = re.compile(r"和|及|与")
_LEAD = re.compile(r"^(?:其中|其后的|其后|而|但|并|且|以及|以|在|对|使)")
_APPOSED = re.compile(r"^(.+?)\d+[家个项名位座所只台部款种类](.+)$")
# Trailing words of a list that are not part of its last item (产量同比分别增长).
_TRAILING = re.compile(r"(?:同比|环比|比上年|较上年|比去年|较去年|均|都)+$")
_YEARS = re.compile(r"((?:19|20)\d\d)年?\s*[-－—~～至到]\s*((?:19|20)\d\d)年")
_REACH = 12  # characters from 分别 to the first figure (分别比2022年提高了5.54个百分点)


def distribute(text: str, facts: list[Fact]) -> None:
    """Give each figure listed after a 分别 the item listed before it (label or subject)."""
    by_sentence: dict[tuple[int, int], list[Fact]] = {}
    for fact in facts:
        key = (fact.sentence_span.start, fact.sentence_span.end)
        by_sentence.setdefault(key, []).append(fact)
    for (start, end), group in by_sentence.items():
        sentence = text[start:end]
        bodies: list[str] = []
        for match in re.finditer(_WORD, sentence):
            values = _values(text, start + match.end(), group)
            if len(values) < 2:
                continue
            before = sentence[: match.start()]
            if bodies and len(bodies) == len(values) and not _own_clause(before):
                for name, fact in zip(bodies, values, strict=True):
                    fact.subject = name  # …，分别增长A、B和C: the same partners again
                continue
            bodies = _assign(before, values)


def _values(text: str, after: int, group: list[Fact]) -> list[Fact]:
    """The figures listed right after 分别, joined only by 、 or 和."""
    out: list[Fact] = []
    for fact in group:
        if fact.span.start < after:
            continue
        gap = text[(out[-1].span.end if out else after) : fact.span.start]
        if not out and (len(gap) > _REACH or _CLAUSE_END.search(gap)):
            break
        if out and not _BETWEEN_VALUES.match(gap):
            break
        out.append(fact)
    return out


def _own_clause(before: str) -> str:
    """The words of 分别's own clause before it ("" when 分别 opens its clause)."""
    return _LEAD.sub("", _CLAUSE_END.split(before)[-1].strip())


def _assign(before: str, values: list[Fact]) -> list[str]:
    """Label or subject each value from the items listed before 分别; the bodies given as
    subjects, for a later 分别 of the same sentence with no list of its own."""
    clause = _own_clause(before)
    years = _YEARS.search(clause)
    if years and int(years[2]) - int(years[1]) + 1 == len(values):
        measure = clause[years.end() :].lstrip("的").strip()
        if measure:
            for year, fact in zip(range(int(years[1]), int(years[2]) + 1), values, strict=True):
                fact.label = f"{year}年{measure}"
        return []
    items = _items(clause, len(values))
    if not items:
        return []
    last, shared = _split_last(items[0], _TRAILING.sub("", items[-1]), values[0].label)
    if not shared and _bodies(items):
        for name, fact in zip(items, values, strict=True):
            fact.subject = name  # 与欧盟、东盟和美国分别进出口…: the measure follows 分别
        return items
    names = [*items[:-1], last]
    if not shared or not all(_whole(name) for name in names):
        return []
    for name, fact in zip(names, values, strict=True):
        if _is_entity(name):
            fact.subject, fact.label = name, shared
        else:
            fact.label = name + shared
    return names if all(_is_entity(name) for name in names) else []


def _split_last(first: str, last: str, label: str) -> tuple[str, str]:
    """The last item and the measure all items share, cut from the last item: after a count
    naming the items (街电、来电4家头部企业的市场份额 -> 来电 | 市场份额); after the word the first
    item ends with (信息技术服务业、租赁和商务服务业增加值 -> 租赁和商务服务业 | 增加值); before
    its trailing measure nouns (充电桩产量 -> 充电桩 | 产量); else before the figure's label."""
    apposed = _APPOSED.match(last)
    if apposed:
        return apposed[1], apposed[2].rsplit("的", 1)[-1]
    words = [w for w, _ in segment.words(last)]
    end_word = segment.words(first)[-1][0] if first else ""
    pos = 0
    for word in words[:-1]:
        pos += len(word)
        if word == end_word:
            return last[:pos], last[pos:]
    tail = 0
    while tail < len(words) - 1 and words[-1 - tail][-1:] in MEASURE_END:
        tail += 1
    if tail:
        cut = len(last) - sum(map(len, words[len(words) - tail :]))
        return last[:cut], last[cut:]
    if label and label in last[1:]:
        return last[: last.index(label, 1)], label
    return "", ""


def _items(clause: str, n: int) -> list[str]:
    """The clause cut into ``n`` items at 、 (or at 、 and the 和/及/与 before the last item, the
    first item read after the 与/和/同 that opens the list: 我国与欧盟、东盟和美国 -> 欧盟, 东盟,
    美国; or, failing both, at 和/及/与)."""
    for parts in (clause.split("、"), _last_joined(clause), _JOIN.split(clause)):
        parts = [p.strip() for p in parts]
        if len(parts) == n and all(parts):
            return parts
    return []


_LIST_OPENER = re.compile(r"^.*(?:与|和|同|跟)")


def _last_joined(clause: str) -> list[str]:
    """Items at 、 with the last one's 和/及/与 splitting it too, the first past its opener."""
    parts = clause.split("、")
    if len(parts) < 2:
        return []
    tail = re.split(r"以及|和|及|与", parts[-1])
    if len(tail) != 2:
        return []
    return [_LIST_OPENER.sub("", parts[0]), *parts[1:-1], *tail]


def _whole(name: str) -> bool:
    """A name of whole words and no figures (not cut inside a word by a mis-split list)."""
    return bool(name) and not any(ch.isdigit() for ch in name) and len(name) <= 16


def _bodies(items: list[str]) -> bool:
    """Whether the items are all names of places or bodies (欧盟、东盟和美国: abbreviations the
    tagger calls j count, as long as one of them is a place or body it knows)."""
    tagged = [segment.words(x) for x in items]
    short = all(_whole(x) and len(w) <= 2 for x, w in zip(items, tagged, strict=True))
    named = all(any(t in ENTITY_TAGS or t in ("j", "nz") for _, t in w) for w in tagged)
    return short and named and any(_is_entity(x) for x in items)


def _is_entity(name: str) -> bool:
    words = segment.words(name)
    return len(words) <= 2 and any(tag in ENTITY_TAGS for _, tag in words)
