"""Quotes: direct speech with a speech verb naming its speaker (and the speaker's title)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ZH_QUOTE = re.compile(r"“(?P<q>[^“”]{6,}?)”")
_ZH_AFTER = re.compile(
    r"^(?P<sp>[^。！？“”\n]{2,40}?)(?:说|表示|介绍|指出|强调|坦言|认为|称|谈道|告诉记者)[。,，:：]?"
)
_ZH_BEFORE = re.compile(
    r"(?P<sp>[^。！？“”\n,，]{2,40}?)(?:说|表示|介绍|指出|强调|坦言|认为|称|谈道)[:：,，]\s*$"
)
_TITLE_END = re.compile(
    r"^(?P<title>.*(?:CEO|CFO|CTO|总裁|董事长|会长|总经理|经理|主任|书记|局长|厅长|部长|区长|市长|"
    r"县长|省长|院长|校长|所长|主席|总监|教授|研究员|负责人|创始人|工程师|博士|专家|代表))"
    r"(?P<name>[\u4e00-\u9fff·]{2,5})$"
)
_EN_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”]{20,}?)[\"”]")
_EN_AFTER = re.compile(
    r"^,?\s*(?:(?:said|says|added|noted|explained)\s+(?P<sp1>[A-Z][^;\"“”]{1,120}?)(?=\.(?:\s|$)|$)"
    r"|(?P<sp2>[A-Z][^.,;\"“”]{1,60}?)\s+(?:said|says|added|noted|explained))"
)
_EN_BEFORE = re.compile(r"(?P<sp>[A-Z][^.;\"“”]{1,60}?)\s+(?:said|says|added|noted)[,:]\s*$")


@dataclass(frozen=True)
class FoundQuote:
    """A quote's text span (without quote marks), speaker, title and attribution end."""

    start: int
    end: int
    speaker: str
    title: str
    attribution_end: int


def find_quotes(text: str, start: int, end: int, language: str) -> list[FoundQuote]:
    """Quotes inside one paragraph [start, end) of the canonical text."""
    para = text[start:end]
    finder = _zh_quotes if language == "zh" else _en_quotes
    return [
        FoundQuote(q.start + start, q.end + start, q.speaker, q.title, q.attribution_end + start)
        for q in finder(para)
    ]


def _zh_quotes(para: str) -> list[FoundQuote]:
    out = []
    for m in _ZH_QUOTE.finditer(para):
        speaker, att_end = _zh_speaker(para, m)
        if speaker:
            name, title = split_title(speaker)
            out.append(FoundQuote(m.start("q"), m.end("q"), name, title, att_end))
    return out


def _zh_speaker(para: str, m: re.Match) -> tuple[str, int]:
    after = _ZH_AFTER.match(para[m.end() :])
    if after:
        return after.group("sp").strip(), m.end() + after.end()
    before = _ZH_BEFORE.search(para[: m.start()])
    if before:
        return before.group("sp").strip(), m.end()
    return "", m.end()


def split_title(speaker: str) -> tuple[str, str]:
    """(name, title): 某公司董事长张三 -> (张三, 某公司董事长); no name -> (whole, '')."""
    m = _TITLE_END.match(speaker)
    if not m:
        return speaker, ""
    return m.group("name"), m.group("title")


def _en_quotes(para: str) -> list[FoundQuote]:
    out = []
    for m in _EN_QUOTE.finditer(para):
        after = _EN_AFTER.match(para[m.end() :])
        if after:
            who = (after.group("sp1") or after.group("sp2")).strip()
            end = m.end() + after.end()
        else:
            before = _EN_BEFORE.search(para[: m.start()])
            if not before:
                continue
            who, end = before.group("sp").strip(), m.end()
        name, _, title = who.partition(", ")
        out.append(FoundQuote(m.start("q"), m.end("q"), name.strip(), title.strip(), end))
    return out
