"""Article structure: front matter, headings, sections, the canonical text and its offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.ingest.blocks import (
    Block,
    join_page_breaks,
    mark_captions,
    mark_furniture,
    parse_markdown,
)
from reportgen.ingest.dates import publication_date
from reportgen.ingest.lines import (
    Front,
    classify,
    front_matter_yaml,
    meta_text,
    split_rows,
    title_from_meta,
)
from reportgen.ingest.repeats import pull_quotes
from reportgen.ingest.rows import meta_date_text


@dataclass
class Section:
    """A heading and the blocks under it (paragraphs and captions)."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    tagline: Block | None = None


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
    front: Front | None = None


def layout_from_text(text: str) -> Layout:
    """Blocks from Markdown/plain text, repaired for print artefacts, then assembled."""
    meta, text, header = front_matter_yaml(text)
    blocks = split_rows(parse_markdown(text))
    mark_furniture(blocks)
    if header:
        title_from_meta(blocks, meta_text(meta, "title", "headline", "post_title"))
        blocks.insert(0, Block("furniture", header))
    front = classify(blocks, meta_text(meta, "author", "byline", "authors"))
    published = meta_date_text(meta)
    front.date = publication_date(blocks, front.start, published)
    mark_captions(blocks, front.start)
    pull_quotes(blocks, front.start)  # (after captions: a caption may say the text again)
    blocks = join_page_breaks(blocks, front.start)
    return assemble(blocks, front.series, front.headline, front.byline, front)


def assemble(
    blocks: list[Block],
    kicker: Block | None,
    headline: Block | None,
    byline: Block | None,
    front: Front | None = None,
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
    layout = Layout(kicker, headline, byline, lead, sections, furniture, blocks, offsets, text)
    layout.front = front
    return layout


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
        elif block.kind == "tagline" and current.heading is not None and current.tagline is None:
            current.tagline = block
    if not any(sec.blocks or sec.tagline for sec in sections):  # heads with nothing under them:
        for sec in sections:  # box titles after the article (热销产品), not its sections
            sec.heading.kind = "furniture"
        sections = []
    return lead, sections
