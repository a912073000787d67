"""Relations the text states between facts: part-of (其中), change (较上年提升), rank (全省第三)."""

from __future__ import annotations

import bisect
import re

from reportgen.model import Fact, Relation, Span

_CHANGE_ZH = re.compile(
    r"(?P<cmp>较|比|同比|环比)(?P<ref>上年同期|上年|去年|上一年|年初)?"
    r"(?P<verb>提升|提高|增长|增加|上升|下降|减少|降低|回落)了?$"
)
_UP = {"提升", "提高", "增长", "增加", "上升", "rose", "up", "increased", "grew"}
_CHANGE_EN = re.compile(
    r"\b(?P<verb>up|down|rose|fell|increased|decreased|grew)\s+(?:by\s+)?$", re.I
)
_RANK_ZH = re.compile(
    r"(?P<scope>全国|全省|全市|全区|省内|市内|全球|世界|国内|同类)"
    r"(?:第(?P<pos>[一二三四五六七八九十\d]{1,3})|前(?P<top>[一二三四五六七八九十\d]{1,3})|(?P<first>首位|第一))"
)
_CN = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_CLAUSE = re.compile(r"[,，;；。！？]")
_VERB_START = re.compile(r"^(?:位列|位居|居|排名|排|跃居|保持|稳居|列|名列|、)")


_NOT_COUNTS = {
    "USD",
    "EUR",
    "GBP",
    "CNY",
    "%",
    "percentage points",
    "元",
    "美元",
    "欧元",
    "个百分点",
}


class _Facts:
    """Facts indexed by sentence and by position, so every lookup is O(log n) or O(sentence)."""

    def __init__(self, facts: list[Fact]) -> None:
        self.all = sorted(facts, key=lambda f: f.span.start)
        self.starts = [f.span.start for f in self.all]
        self.by_sentence: dict[tuple[int, int], list[Fact]] = {}
        for f in self.all:
            key = (f.sentence_span.start, f.sentence_span.end)
            self.by_sentence.setdefault(key, []).append(f)

    def same_sentence(self, fact: Fact) -> list[Fact]:
        return self.by_sentence[(fact.sentence_span.start, fact.sentence_span.end)]

    def between(self, start: int, end: int) -> list[Fact]:
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.all[lo:hi]


def find_relations(text: str, facts: list[Fact], language: str) -> list[Relation]:
    """All relations, in text order (a rank figure is a position, never a relation's value)."""
    index = _Facts([f for f in facts if f.kind != "rank"])
    rels = _part_of(text, index, language) + _changes(text, index, language)
    if language == "zh":
        rels += _ranks(text, index)
    return sorted(rels, key=lambda r: r.span.start)


def _compatible(whole: Fact, part: Fact, language: str) -> bool:
    """Parts share the whole's unit; English counts of different nouns may too (35 projects)."""
    if part.base_unit == whole.base_unit:
        return True
    counts = whole.base_unit not in _NOT_COUNTS and part.base_unit not in _NOT_COUNTS
    return language != "zh" and counts


def _part_of(text: str, facts: _Facts, language: str) -> list[Relation]:
    rels = []
    for whole in facts.all:
        tail = text[whole.span.end : whole.sentence_span.end]
        marker = re.match(r"^[,，]?\s*(?:其中|including|of which|of whom)", tail, re.I)
        if not marker:
            continue
        parts = [
            f
            for f in facts.same_sentence(whole)
            if f.span.start > whole.span.end and _compatible(whole, f, language)
        ]
        parts = _contiguous(text, parts)
        if len(parts) >= 1 and sum(p.normalized for p in parts) <= whole.normalized:
            rels.append(
                _rel(
                    "part_of",
                    text,
                    whole.span.start,
                    parts[-1].span.end,
                    whole.theme,
                    whole=whole.id,
                    parts=[p.id for p in parts],
                )
            )
    return rels


def _contiguous(text: str, parts: list[Fact]) -> list[Fact]:
    """Parts listed together (joined by 、 , and) — stop at a sentence-level break."""
    out: list[Fact] = []
    for part in parts:
        if out and re.search(r"[;；。]", text[out[-1].span.end : part.span.start]):
            break
        out.append(part)
    return out


def _changes(text: str, facts: _Facts, language: str) -> list[Relation]:
    rels = []
    pattern = _CHANGE_ZH if language == "zh" else _CHANGE_EN
    for fact in facts.all:
        before = text[fact.sentence_span.start : fact.span.start]
        m = pattern.search(before)
        if not m:
            continue
        start = fact.sentence_span.start + m.start()
        earlier = [f for f in facts.same_sentence(fact) if f.span.end <= start]
        if language != "zh":
            earlier = [f for f in earlier if not re.search(r"[,;]", text[f.span.end : start])]
        verb = m.group("verb").lower()
        rels.append(
            _rel(
                "change",
                text,
                start,
                fact.span.end,
                fact.theme,
                fact=fact.id,
                of=earlier[-1].id if earlier else None,
                direction="up" if verb in _UP else "down",
                reference=_reference(m),
            )
        )
    return rels


def _reference(m: re.Match) -> str:
    """What a change is measured against: the words after 较/比 (上年, 年初), else what 同比
    says (the same period a year before: a chart's derived bar is no '上期', the period just
    before); 环比 and a bare 较 leave it to the chart's default wording."""
    found = m.groupdict()
    return found.get("ref") or ("上年同期" if found.get("cmp") == "同比" else "")


def _ranks(text: str, facts: _Facts) -> list[Relation]:
    rels = []
    for m in _RANK_ZH.finditer(text):
        if text[m.start() - 1 : m.start()] == "第":
            continue
        clause_start = _clause_start(text, m.start())
        fact, subject = _rank_target(text, clause_start, m.start(), facts)
        position = 1 if m.group("first") else _number(m.group("pos") or m.group("top"))
        rels.append(
            _rel(
                "rank",
                text,
                m.start(),
                m.end(),
                fact.theme if fact else None,
                fact=fact.id if fact else None,
                position=position,
                top=bool(m.group("top")),
                scope=m.group("scope"),
                subject=subject,
            )
        )
    return rels


def _clause_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and not _CLAUSE.match(text[i - 1]) and text[i - 1] != "\n":
        i -= 1
    return i


def _rank_target(text: str, clause_start: int, pos: int, facts: _Facts):
    """The fact ranked: one in this clause, or — when the clause opens with the verb — before."""
    clause = text[clause_start:pos]
    inside = facts.between(clause_start, pos)
    if inside:
        return inside[-1], inside[-1].counts
    if _VERB_START.match(clause) or not clause.strip():
        prev_clause = _clause_start(text, max(clause_start - 1, 0))
        before = facts.between(prev_clause, clause_start)
        if before:
            return before[-1], before[-1].counts
    subject = re.sub(r"(?:位列|位居|居|排名|跃居|保持|稳居|名列)$", "", clause).strip()
    return None, subject


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else _CN.get(raw, 0) or _cn_compound(raw)


def _cn_compound(raw: str) -> int:
    from reportgen.ingest.numbers import read_cn

    value = read_cn(raw)
    return int(value) if value else 0


def _rel(kind: str, text: str, start: int, end: int, theme, **fields) -> Relation:
    return Relation(
        kind=kind, text=text[start:end], span=Span(start=start, end=end), theme=theme, **fields
    )
