"""Page chrome around the article: a site's menus before it, a release's header under its
headline, and the page's furniture after its end."""

from __future__ import annotations

import re

from reportgen.ingest import patterns
from reportgen.ingest.blocks import Block, ends_sentence, width


def menus(blocks: list[Block]) -> None:
    """A run of four or more tiny lines before the first prose (a site's menu copied with the
    page: '首页', '财经', '股票', '正文'), or of two or more words ('超大', '标准': a type size
    picker), is furniture."""
    run: list[Block] = []
    sentence = False  # a sentence read: a pair of words after it may be a numeral and a head
    titled = False  # a title line read: a pair of words before it may be the title
    for block in [*blocks, Block("para", "。")]:
        if block.kind == "para" and not sentence and _MENU_BAR.match(block.text):
            block.kind = "furniture"  # a menu bar of three or more words ('Home | Markets | Tech')
            continue
        if block.kind == "para" and _menu_item(block.text):
            run.append(block)
            continue
        if block.kind in ("furniture", "credit"):
            continue  # (a menu's own furniture: '字号', '大', '小' between its items)
        pair = run if titled else run[1:]  # (the first line of all may be a short title)
        words = not sentence and len(pair) >= 2 and all(_LETTERS.match(b.text) for b in pair)
        for item in run if len(run) >= 4 else pair if words else []:
            item.kind = "furniture"
        if block.kind == "para" and width(block.text) > 40:
            return  # the first prose: menus stand before it
        sentence = sentence or block.kind == "para" and ends_sentence(block.text)
        titled = titled or bool(run) or block.kind in ("para", "heading")
        run = []


_LETTERS = re.compile(r"^(?:\w{1,4})$")


_MENU_BAR = re.compile(r"^(?:[^|｜\d]{1,16}?\s*[|｜]\s*){2,}[^|｜\d]{1,16}$")


def after_the_end(blocks: list[Block], start: int) -> None:
    """After the article's last prose, short unpunctuated lines among page furniture (a link
    directory's names between its addresses, a box's titles) or in a run of three or more
    (not set apart by blank lines, as captions are) are furniture too: the page goes on, the
    article does not. A list the article introduces ('Recipients include:') or numbers stays."""
    last = max(
        (i for i, b in enumerate(blocks) if b.kind == "para" and _prose_line(b.text)),
        default=len(blocks),
    )
    tail = [i for i in range(max(last + 1, start), len(blocks)) if blocks[i].kind == "para"]
    lead_in = next((i for i in tail if _LEAD_IN_END.search(blocks[i].text)), len(blocks))
    short = [i for i in tail if _stray(blocks[i].text)]
    run = [i for i in short if blocks[i].gap < 2 and i < lead_in and not blocks[i].item]
    # (set apart by blank lines: captions; after a lead-in or numbered: the article's list)
    for i in short:
        near = [b.kind for b in blocks[max(i - 1, 0) : i + 2]]
        part = _PART_FOOT.match(blocks[i].text)  # a printed page's foot: its part and title
        if part or (len(run) >= 3 and i in run) or near.count("furniture") >= 2:
            blocks[i].kind = "furniture"


_PART_FOOT = re.compile(
    r"^(?:Part|Chapter|Section|Appendix)\s+(?:[IVX]+|\d{1,2}|[A-Z])\s*[–—:-]\s*[A-Z]"
    r"|^第[一二三四五六七八九十\d]{1,3}(?:部分|章|篇|编)\s*[–—:：\s]\s*\S"
)


_LEAD_IN_END = re.compile(r"[:：]$")


def _prose_line(text: str) -> bool:
    """A sentence of eleven words or more (21 CJK characters): the article's text, however short
    its paragraphs (a head between such paragraphs is no page furniture)."""
    return width(text) > 20 and ends_sentence(text)


def _stray(text: str) -> bool:
    """A short unpunctuated line; not a table's row (cells joined by ' | ')."""
    return (
        " | " not in text
        and width(text) <= 24
        and not ends_sentence(text)
        and not patterns.kind(text)
    )


def _menu_item(text: str) -> bool:
    return width(text) <= 6 and not re.search(r"[，。,:：；;！？!?]", text)


def glued_tails(blocks: list[Block], start: int) -> None:
    """Page chrome the page ran on after a paragraph's last sentence, with no break between
    ('……仍将持续。返回腾讯网首页>>'): split off as furniture; the paragraph keeps its text."""
    out = blocks[:start]
    for block in blocks[start:]:
        out.append(block)
        cut = _last_end(block.text) if block.kind == "para" else 0
        tail = block.text[cut:].strip() if cut else ""
        if tail and width(tail) <= 24 and not ends_sentence(tail) and patterns.ad(tail):
            block.text = block.text[:cut].rstrip()
            out.append(Block("furniture", tail))
    blocks[:] = out


def _last_end(text: str) -> int:
    """Where the text's last sentence ends (after its mark and a closing quote), or 0."""
    at = max(text.rfind(mark) for mark in "。！？!?")
    if at < 0:
        return 0
    return at + 2 if text[at + 1 : at + 2] in ("”", "」") else at + 1


def release_header(blocks: list[Block], start: int) -> None:
    """Short lines under the headline that a date line closes before any text (a release's
    issuer and occasion: 'Remarks of the Governor', 'Office of the Mayor', then 'May 2, 2025')
    are its header: furniture. Lines a date does not close stay text."""
    run: list[Block] = []
    for block in blocks[start : start + 5]:
        if block.kind == "furniture" and patterns.dated(block.text):
            for line in run:
                line.kind = "furniture"
            return
        short = block.kind == "para" and width(block.text) <= 24 and not block.item
        if not short or ends_sentence(block.text) or _LEAD_IN_END.search(block.text):
            return
        run.append(block)
