"""Writers and datelines found in the body: a byline the page gives apart from its text, a
dateline opening the first paragraph, names in brackets or on a line at the article's end."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportgen.ingest import patterns
from reportgen.ingest.blocks import CJK, Block, width

if TYPE_CHECKING:
    from reportgen.ingest.lines import Front


def place_byline(blocks: list[Block], text: str, front: Front) -> None:
    """A byline the page gives apart from its text (metadata, an author element)."""
    for i, block in enumerate(blocks[: front.start + 3]):
        near = block.text == text or (text in block.text and len(block.text) <= len(text) + 20)
        if block.kind in ("front", "para") and near:
            block.kind = "byline"
            front.bylines.append(block)
            front.start = max(front.start, i + 1)
            return
    at = next((i + 1 for i, b in enumerate(blocks) if b is front.headline), 0)
    block = Block("byline", text)
    blocks.insert(at, block)
    front.bylines.append(block)
    front.start += at <= front.start


# The paper's own report, its writers in brackets ('本报讯（记者 张三 通讯员 李四）今年以来……').
_OWN_REPORT = re.compile(r"^(?:本报|本刊|本台|本网)讯\s*(?P<who>[(（][^()（）]{2,40}[)）])")


def dateline_in_body(blocks: list[Block], front: Front) -> None:
    """A dateline opening the first paragraph ('新华社北京11月1日电（记者 张三）今年以来……')."""
    if front.dateline:
        return
    paras = [b for b in blocks[front.start : front.start + 4] if b.kind == "para"]
    match = next((m for b in paras[:2] if (m := patterns.dateline(b.text))), None)
    opening = next((m for b in paras[:1] if (m := _OWN_REPORT.match(b.text))), None)
    if match is None and opening and patterns.byline(opening.group("who")):
        front.authors.extend(patterns.names(opening.group("who")))  # (no dateline: no place)
    if match:
        front.dateline = match.group("d").strip()
        if match.groupdict().get("who"):
            front.authors.extend(patterns.names(match.group("who")))


def trailing_bylines(blocks: list[Block], front: Front) -> None:
    """Writers named at the end of a paragraph ('（记者 张三）'): their names, the text kept."""
    seen = {id(b) for b in front.bylines}
    last: list[Block] = []
    for block in blocks[front.start :]:
        if block.kind == "para" and width(block.text) > 20:
            last = [*last[-2:], block]  # the closing prose, not a link list after it
        if block.kind in ("credit", "furniture"):
            front.authors.extend(patterns.labelled_names(block.text))
        if block.kind == "byline" and id(block) not in seen:
            front.bylines.append(block)
        elif block.kind == "para" and block.text.endswith(("）", ")")):
            tail = patterns.trailing_byline(block.text)
            if tail:
                front.authors.extend(patterns.names(tail))
    if not front.authors and not front.bylines:
        front.authors.extend(n for block in last for n in _bracket_name(block.text))


_BRACKET_NAME = re.compile(rf"[(（]\s*(?P<n>[{CJK}]{{2,3}}(?:\s+[{CJK}]{{2,3}}){{0,2}})\s*[)）]$")
_NOT_BRACKET_NAME = {"下同", "待续", "未完", "同上", "全文完", "本报讯", "资料图"}


def _bracket_name(text: str) -> list[str]:
    """A writer's bare name in brackets closing an article ('……举行。（张巨峰）')."""
    match = _BRACKET_NAME.search(text[-20:])
    if match is None or match.group("n") in _NOT_BRACKET_NAME:
        return []
    return patterns.names(match.group("n"))


_EDITED_BY = re.compile(rf"(?:责任编辑|责编|编辑)\s*[:：|｜︱]\s*(?P<n>[{CJK}·]{{2,4}})(?![{CJK}])")


def editors(text: str) -> list[str]:
    """The editors a credit or metadata line names ('责任编辑：陈海峰', '【编辑:王明】')."""
    return [m.group("n") for m in _EDITED_BY.finditer(text)]
