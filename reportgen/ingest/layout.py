"""Article structure: front matter, headings, sections, the canonical text and its offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.ingest.blocks import (
    Block,
    ends_sentence,
    is_cjk,
    join_page_breaks,
    mark_captions,
    mark_furniture,
    parse_markdown,
    width,
)

_BYLINE_ZH = re.compile(
    r"^(?:(?:本报|本刊)?(?:记者|通讯员|文|作者|撰文|文字|图文)\s*[:：/|｜]?\s*)?"
    r"[\u4e00-\u9fff·]{2,5}(?:[\s、,，]+[\u4e00-\u9fff·]{2,5}){0,5}$"
)
_BYLINE_EN = re.compile(
    r"^(?:by|words by|text by)\s+[A-Z][\w.'-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'-]*)*$", re.I
)
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部分章节]"
    r"|\d{1,2}[.、]\s*(?=\D)|[IVX]+\.\s)"
)


@dataclass
class Section:
    """A heading and the blocks under it (paragraphs and captions)."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Layout:
    """The recovered structure of an article, before any fact extraction."""

    kicker: Block | None
    headline: Block | None
    byline: Block | None
    lead: Section
    sections: list[Section]
    furniture: list[Block]
    blocks: list[Block]
    offsets: dict[int, int]
    text: str


def layout_from_text(text: str) -> Layout:
    """Blocks from Markdown/plain text, repaired for print artefacts, then assembled."""
    blocks = parse_markdown(text)
    mark_furniture(blocks)
    kicker, headline, byline, body_start = front_matter(blocks)
    infer_headings(blocks, body_start)
    mark_captions(blocks, body_start)
    blocks = join_page_breaks(blocks, body_start)
    return assemble(blocks, kicker, headline, byline)


def front_matter(blocks: list[Block]) -> tuple[Block | None, Block | None, Block | None, int]:
    """Kicker (series line), headline and byline: the short blocks before the first body text."""
    end = 0
    while end < len(blocks) and end < 5 and _front_like(blocks[end]):
        if blocks[end].kind == "heading" and not _headline_heading(blocks, end):
            break
        end += 1
        if _is_byline(blocks[end - 1].text):
            break
    front = blocks[:end]
    byline = next((b for b in front if _is_byline(b.text)), None)
    rest = [b for b in front if b is not byline and b.kind != "furniture"]
    marked = [b for b in rest if b.kind == "heading"]
    headline = marked[0] if marked else (rest[-1] if rest else None)
    if headline is None and blocks and blocks[0].kind == "heading":
        headline, end = blocks[0], 1
    before = [b for b in rest if headline is not None and rest.index(b) < rest.index(headline)]
    kicker = before[0] if before else None
    for b in front:
        if b.kind != "furniture":
            b.kind = "front"
    return kicker, headline, byline, end


def _headline_heading(blocks: list[Block], i: int) -> bool:
    """A heading opening the article is its headline unless it is a section's (a title precedes
    it, it is not a level-1 heading and no byline follows it)."""
    before = blocks[:i]
    if any(b.kind == "heading" for b in before):
        return False
    if not any(b.kind == "para" for b in before) or blocks[i].level == 1:
        return True
    return i + 1 < len(blocks) and _is_byline(blocks[i + 1].text)


def _front_like(block: Block) -> bool:
    if block.kind == "furniture":
        return True
    if block.kind == "heading":
        return block.level <= 2 and width(block.text) <= 60
    text = block.text
    return width(text) <= 40 and not ends_sentence(text) and not re.search(r"[。！？!?]", text)


def _is_byline(text: str) -> bool:
    zh = _BYLINE_ZH.match(text) and re.search(r"[\s:：/|｜、]", text)
    return bool(zh) or bool(_BYLINE_EN.match(text))


def infer_headings(blocks: list[Block], body_start: int) -> None:
    """Without Markdown headings, numbered lines and short unpunctuated lines before prose are."""
    body = blocks[body_start:]
    if any(b.kind == "heading" for b in body):
        return
    numbered = [
        b for b in body if b.kind == "para" and _NUMBERED.match(b.text) and _heading_like(b)
    ]
    candidates = numbered or _standalone_headings(body)
    if len(candidates) >= 2:
        for b in candidates:
            b.kind, b.level = "heading", 2


def _heading_like(block: Block) -> bool:
    limit = 30 if is_cjk(block.text) else 60
    return block.lines == 1 and width(block.text) <= limit and not block.text.endswith(("。", "."))


def _standalone_headings(body: list[Block]) -> list[Block]:
    found = []
    for i, block in enumerate(body[:-1]):
        nxt = body[i + 1]
        if block.kind != "para" or not _heading_like(block) or ends_sentence(block.text):
            continue
        if (
            nxt.kind == "para"
            and ends_sentence(nxt.text)
            and width(nxt.text) > 2 * width(block.text)
        ):
            found.append(block)
    return found


def assemble(
    blocks: list[Block], kicker: Block | None, headline: Block | None, byline: Block | None
) -> Layout:
    """Canonical text = block texts joined by blank lines; sections split at top-level headings."""
    offsets: dict[int, int] = {}
    parts: list[str] = []
    pos = 0
    for block in blocks:
        offsets[id(block)] = pos
        parts.append(block.text)
        pos += len(block.text) + 2
    text = "\n\n".join(parts)
    lead, sections = _sections(blocks, headline)
    furniture = [b for b in blocks if b.kind == "furniture"]
    return Layout(kicker, headline, byline, lead, sections, furniture, blocks, offsets, text)


def _sections(blocks: list[Block], headline: Block | None) -> tuple[Section, list[Section]]:
    headings = [b for b in blocks if b.kind == "heading" and b is not headline]
    top = min((b.level for b in headings), default=0)
    lead = Section(None)
    sections: list[Section] = []
    current = lead
    for block in blocks:
        if block.kind == "heading" and block is not headline and block.level == top:
            current = Section(block)
            sections.append(current)
        elif block.kind == "heading" and block is not headline:
            block.kind = "para"
            current.blocks.append(block)
        elif block.kind in ("para", "caption"):
            current.blocks.append(block)
    return lead, sections
