"""Extract: blocks to the content model. Pure text work; no Office, plotting or template imports."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportgen.errors import InputError
from reportgen.extract.entities import find_entities
from reportgen.extract.facts import TooManyFigures, extract_facts, without_change
from reportgen.extract.labels import main_subject
from reportgen.extract.quotes import find_quotes
from reportgen.extract.relations import find_relations
from reportgen.extract.themes import lead_sentence, split_heading
from reportgen.ingest import fallbacks
from reportgen.ingest.blocks import Block, is_cjk
from reportgen.ingest.layout import Layout, Section, layout_from_text
from reportgen.ingest.lines import Front
from reportgen.ingest.patterns import caption_credit
from reportgen.ingest.sentences import SentenceIndex
from reportgen.model import (
    Caption,
    Entity,
    Model,
    Paragraph,
    Point,
    Quote,
    Source,
    Span,
    Theme,
)


def extract_path(path: str | Path) -> Model:
    """Read an article file (type detected from its content) and extract its model."""
    from reportgen.ingest import load_layout

    path = Path(path)
    layout, raw, fmt = load_layout(path)
    try:
        return build_model(layout, name=path.name, sha256=hashlib.sha256(raw).hexdigest(), fmt=fmt)
    except TooManyFigures as exc:
        raise InputError(str(exc), path=path) from None


def extract_text(text: str, name: str = "article.txt") -> Model:
    """Extract a model from already-normalized article text (Markdown or plain)."""
    layout = layout_from_text(text)
    return build_model(layout, name=name, sha256=hashlib.sha256(text.encode()).hexdigest())


def build_model(layout: Layout, *, name: str, sha256: str, fmt: str = "text") -> Model:
    """Themes, facts, relations, quotes and captions from a recovered layout."""
    text = layout.text
    language = "zh" if is_cjk(text) else "en"
    off = layout.offsets
    sections = [layout.lead, *layout.sections]
    body = [
        (off[id(b)], off[id(b)] + len(b.text), i - 1 if i else None)
        for i, sec in enumerate(sections)
        for b in sec.blocks
        if b.kind == "para"
    ]
    index = SentenceIndex(text)
    lead_text = "\n".join(b.text for b in layout.lead.blocks if b.kind == "para")
    front = layout.front
    headline = front.headline_text if front else _text(layout.headline)
    main = main_subject(headline, lead_text, language)  # the headline without the site's name
    facts = extract_facts(text, body, language, index, main)
    relations = find_relations(text, facts, language)
    _name_changes(facts, relations)
    return Model(
        headline=headline,
        series=_text(layout.kicker) or (front.series_text if front else ""),
        dek=fallbacks.dek_text(front.dek) if front else "",
        dateline=front.dateline if front else "",
        date=front.date if front else "",
        authors=_front_authors(front, layout.blocks) if front else _authors(layout.byline),
        language=language,
        subject=main,
        source=Source(name=name, sha256=sha256, format=fmt),
        lead=_paragraphs(layout.lead, off),
        themes=[_theme(sec, off, language) for sec in layout.sections],
        facts=facts,
        relations=find_relations(text, facts, language),  # again: the renamed facts pair anew
        quotes=_quotes(text, body, language, index),
        captions=_captions(sections, off),
        entities=_entities(text, body, language),
        furniture=[b.text for b in layout.furniture],
        credits=[b.text for b in layout.blocks if b.kind == "credit"],
        text=text,
    )


def _name_changes(facts, relations) -> None:
    """A change ('较上年提升25个点') counts the change of what it refers to."""
    by_id = {f.id: f for f in facts}
    for rel in relations:
        if rel.kind == "change" and rel.of and rel.fact:
            fact, base = by_id[rel.fact], by_id[rel.of]
            verb = rel.text[: rel.text.find(fact.text)] if fact.text in rel.text else ""
            if base.counts and verb:
                fact.counts = f"{without_change(base.counts)}{verb}"


def _text(block: Block | None) -> str:
    return block.text if block else ""


def _front_authors(front: Front, blocks: list[Block]) -> list[str]:
    """The writers named in every byline and dateline, each once, in order; a name the page
    credits as its editor is no writer when another writer is named."""
    from reportgen.ingest.bylines import editors

    found = [name for block in front.bylines for name in _byline_names(block.text)]
    authors = list(dict.fromkeys([*found, *front.authors]))
    credited = {n for b in blocks if b.kind in ("credit", "furniture") for n in editors(b.text)}
    return [a for a in authors if a not in credited] or authors


def _byline_names(text: str) -> list[str]:
    """The names in a byline; a Chinese name run into its affiliation ('作者：方敏北京大学经济学院
    教授') is told apart by the word segmenter (the first person's name in it)."""
    from reportgen.extract.segment import PERSON, words
    from reportgen.ingest.patterns import names

    found = names(text)
    if found or not is_cjk(text):
        return found
    person = next((w for w, tag in words(text) if tag in PERSON and 2 <= len(w) <= 4), "")
    return [person] if person else []


def _authors(byline: Block | None) -> list[str]:
    import re

    if byline is None:
        return []
    text = re.sub(
        r"^(?:(?:本报|本刊)?(?:记者|通讯员|文|作者|撰文)\s*[:：/|｜]?\s*|by\s+)",
        "",
        byline.text,
        flags=re.I,
    )
    return (
        [a for a in re.split(r"\s*(?:[、,，]|\band\b|\s)\s*", text) if a]
        if is_cjk(text)
        else [a.strip() for a in re.split(r",|\band\b", text) if a.strip()]
    )


def _paragraphs(section: Section, off: dict[int, int]) -> list[Paragraph]:
    return [
        Paragraph(
            text=b.text, span=Span(start=off[id(b)], end=off[id(b)] + len(b.text)), joined=b.joined
        )
        for b in section.blocks
        if b.kind == "para"
    ]


def _theme(section: Section, off: dict[int, int], language: str) -> Theme:
    heading = section.heading
    verb, pair, tagline = split_heading(heading.text, language)
    title = heading.text
    if section.tagline is not None:
        title, tagline = title.rstrip("—- "), section.tagline.text
    paragraphs = _paragraphs(section, off)
    points = []
    for i, para in enumerate(paragraphs):
        sentence = lead_sentence(para.text, language)
        if sentence:
            start = para.span.start
            points.append(
                Point(text=sentence, paragraph=i, span=Span(start=start, end=start + len(sentence)))
            )
    start = off[id(heading)]
    end = max([p.span.end for p in paragraphs] + [start + len(heading.text)])
    end = max([end] + [off[id(b)] + len(b.text) for b in section.blocks])
    return Theme(
        heading=title,
        verb=verb,
        pair=pair,
        tagline=tagline,
        points=points,
        paragraphs=paragraphs,
        span=Span(start=start, end=end),
    )


def _captions(sections: list[Section], off: dict[int, int]) -> list[Caption]:
    return [
        Caption(
            text=b.text,
            credit=caption_credit(b.text),
            theme=i - 1 if i else None,
            span=Span(start=off[id(b)], end=off[id(b)] + len(b.text)),
        )
        for i, sec in enumerate(sections)
        for b in sec.blocks
        if b.kind == "caption"
    ]


def _entities(text: str, body, language: str) -> list[Entity]:
    """Named companies, institutions and projects, once per theme, in text order."""
    seen: set[tuple[str, int | None]] = set()
    out = []
    for start, end, theme in body:
        for e in find_entities(text, start, end, language):
            name = text[e.start : e.end]
            if (name, theme) not in seen:
                seen.add((name, theme))
                out.append(
                    Entity(text=name, kind=e.kind, theme=theme, span=Span(start=e.start, end=e.end))
                )
    return out


def _quotes(text: str, body, language: str, index: SentenceIndex) -> list[Quote]:
    quotes = []
    for q in find_quotes(text, body, language):
        s_start = min(index.around(q.start - 1)[0], q.start - 1)
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                text=text[q.start : q.end],
                speaker=q.speaker,
                title=q.title,
                theme=q.theme,
                span=Span(start=q.start, end=q.end),
                sentence_span=(
                    Span(start=s_start, end=q.attribution_end)
                    if q.attribution_end > s_start
                    else None
                ),
            )
        )
    return quotes
