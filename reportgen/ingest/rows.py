"""Text lines to blocks: a YAML front matter's fields, and lines that run several paragraphs or
table rows together split apart."""

from __future__ import annotations

import re

from reportgen.ingest import patterns
from reportgen.ingest.blocks import (
    CJK,
    PARAGRAPH_BREAK,
    Block,
    _join_lines,
    ends_sentence,
    width,
)
from reportgen.ingest.heads import _LEAD_IN, _SUBTITLE
from reportgen.ingest.read import YAML_HEADER

_CONTINUES = re.compile(
    r"\b(?:the|a|an|of|to|in|on|for|and|or|but|with|by|at|from|that|which|who|is|are|was|were"
    r"|be|been|will|would|has|have|had|its|their|his|her|as|than|said)$|[\w,]\s*[-–—]$",
    re.I,
)
_CJK = re.compile(f"[{CJK}]")


def front_matter_yaml(text: str) -> tuple[dict, str, str]:
    """A YAML header (--- … ---, as static-site and archive dumps write) split from the
    article: its fields, the text after it, and the header itself. ({}, text, "") without."""
    match = YAML_HEADER.match(text)
    if match is None:
        return {}, text, ""
    import yaml

    try:
        meta = yaml.safe_load(match.group("body"))
    except yaml.YAMLError:
        return {}, text, ""
    if not isinstance(meta, dict):
        return {}, text, ""
    raw = " ".join(line.strip() for line in match.group("body").splitlines() if line.strip())
    return meta, text[match.end() :], raw


def title_from_meta(blocks: list[Block], title: str) -> None:
    """Without a level-1 heading near the top, the header's title is the headline: the block
    that repeats it, else a heading added for it."""
    top = blocks[:6]
    if not title or any(b.kind == "heading" and b.level == 1 for b in top):
        return
    for block in top:
        if block.text == title:
            block.kind, block.level, block.marked = "heading", 1, True
            return
    blocks.insert(0, Block("heading", title, 1, marked=True))


def meta_date_text(meta: dict) -> str:
    """The header's publication date as text: a string, or a date YAML read as one
    (post_date: 2016-04-28 08:29:04); never a flag (published: true)."""
    import datetime

    for key in ("date", "post_date", "published", "pubDate", "publishDate"):
        value = meta.get(key)
        if isinstance(value, datetime.date | str) and str(value).strip():
            return str(value).strip()
    return ""


def meta_text(meta: dict, *keys: str) -> str:
    """The first of these header fields that holds a short string."""
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value.strip() and len(value) <= 300:
            return value.strip()
    return ""


def split_rows(blocks: list[Block]) -> list[Block]:
    """Text paragraphs split where their source lines are separate lines run together: a title
    or head line straight before its paragraph, a change of emphasis, a credit or caption line,
    and paragraph ends in hard-wrapped text or in text with one paragraph a line."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "para" or len(block.rows) < 2:
            block.item = block.item or (block.kind == "para" and bullet(block.text))
            out.append(block)
            continue
        groups = [g for g in _row_groups(block.rows) if g]
        texts = [_join_lines([t for t, _ in rows]) for rows in groups]
        for j, rows in enumerate(groups):
            text = texts[j]
            part = Block("para", text, 0, block.gap if j == 0 else 0, len(rows))
            part.rows = rows
            kinds = {e for _, e in rows}
            part.emphasis = kinds.pop() if len(kinds) == 1 else ""
            listed = _next_item(texts[j - 1], text) if j else False
            listed = listed or (j + 1 < len(texts) and _next_item(text, texts[j + 1]))
            part.item = (block.item and j == 0) or bullet(text) or listed
            out.append(part)
    return out


_BULLET = re.compile(r"^[•●◦▪‣⁃]\s*\S")


def bullet(text: str) -> bool:
    """A line led by a bullet glyph (text copied from a PDF or a slide): a list item."""
    return bool(_BULLET.match(text))


_ITEM_NUMBER = re.compile(r"^(?:[(（]\s*(\d{1,2})\s*[)）]|(\d{1,2})[.、．)）](?!\d)|([①-⑳]))\s*\S")


def _item_number(text: str) -> int | None:
    match = _ITEM_NUMBER.match(text)
    if match is None:
        return None
    if match.group(3):
        return ord(match.group(3)) - ord("①") + 1
    return int(match.group(1) or match.group(2))


def _next_item(text: str, after: str) -> bool:
    """The next line is the next item of a numbered list ('（1）芬兰' then '（2）丹麦')."""
    number = _item_number(text)
    return number is not None and _item_number(after) == number + 1


def _cols(text: str) -> int:
    return len(text) + len(_CJK.findall(text))


def _row_groups(rows: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Rows grouped into paragraphs; a paragraph break written in inline HTML always cuts."""
    groups: list[list[tuple[str, str]]] = []
    part: list[tuple[str, str]] = []
    for row in [*rows, PARAGRAPH_BREAK]:
        if row == PARAGRAPH_BREAK:
            if part:
                groups.extend(_line_groups(part))
            part = []
        else:
            part.append(row)
    return groups


def _one_paragraph_a_line(cols: list[int], ends: list[bool], wrap: int) -> bool:
    """Most lines end a sentence: text written one paragraph a line. Judged on the long lines
    only, so that title, date and source lines over the text do not hide it."""
    long = [e for c, e in zip(cols, ends, strict=True) if c > 0.6 * wrap]
    return sum(ends) >= 0.5 * len(ends) or (len(long) >= 1 and sum(long) >= 0.5 * len(long))


def _whole_line(text: str, after: str) -> bool:
    """In text written one paragraph a line, a line without an end mark is still whole (a
    title, a head, a lead-in) unless it stops on a comma or a joining word."""
    cut_short = re.search(r"[，,、（(“]$", text) or _CONTINUES.search(text)
    return not cut_short and not after[:1].islower()


def _line_groups(rows: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    if len(rows) < 2:
        return [rows]
    texts = [t for t, _ in rows]
    cols = [_cols(t) for t in texts]
    wrap = max(cols)
    ends = [ends_sentence(t) for t in texts]
    known = [bool(patterns.kind(t)) for t in texts]
    per_line = _one_paragraph_a_line(cols[:-1], ends[:-1], wrap)
    groups = [[rows[0]]]
    broke = True  # a break before row i

    def head(k: int) -> bool:  # a short line standing alone: a head, if a break precedes it
        after = texts[k + 1][:1] if k + 1 < len(texts) else ""
        short = cols[k] <= 0.6 * wrap and width(texts[k]) <= 40 and not ends[k]
        return (
            short
            and not _LEAD_IN.search(texts[k])
            and not _CONTINUES.search(texts[k])
            and not after.islower()
        )

    for i in range(len(rows) - 1):
        alone = broke and head(i)
        cut = (
            known[i]
            or known[i + 1]
            or bullet(texts[i + 1])
            or _next_item(texts[i], texts[i + 1])
            or rows[i][1] != rows[i + 1][1]
            or alone
            or (ends[i] and (per_line or cols[i] <= 0.8 * wrap or head(i + 1)))
            or (per_line and _whole_line(texts[i], texts[i + 1]))
            or _subtitle_under(texts[i], texts[i + 1])
        )
        if cut:
            groups.append([])
        groups[-1].append(rows[i + 1])
        broke = cut
    return groups


def _subtitle_under(text: str, after: str) -> bool:
    """A short line led by a dash under a short line that ends no clause: a title and its
    subtitle ('县域经济稳中向好' over '——来自某县的调查'), two lines, not one run on."""
    short = width(text) <= 40 and width(after) <= 40 and not ends_sentence(text)
    titled = not re.search(r"[，,；;]", text) or not ends_sentence(after)  # (else a sentence)
    dashed = bool(_SUBTITLE.match(after)) and not re.search(r"[，,、：:；;（(“]$", text)
    return short and titled and dashed
