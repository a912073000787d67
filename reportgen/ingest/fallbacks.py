"""Front matter the classifier left empty, from a portal's marks: a bracketed abstract opening the
page (the dek), a 原标题 line (the headline, when no title line was found), else a first line that
is a title by its shape."""

from __future__ import annotations

import re

from reportgen.ingest.blocks import width

# [摘要：……] / 【导读】…… / [……]: a page's abstract set in brackets before the article.
_ABSTRACT = re.compile(
    r"^[\[【]\s*(?:(?:摘要|导读|内容提要|提要|核心提示)\s*[:：】]?\s*)?(?P<t>[^\[\]【】]{30,})[\]】]$"
)
# 原标题：[某栏目]No.12 标题文字：a tagged original title
_ORIGINAL = re.compile(r"^[(（【\[]?\s*原(?:标)?题(?:为)?\s*[:：]\s*(?P<t>.{4,}?)[)）】\]]?$")
_TAGGED = re.compile(
    r"^(?:\[(?P<s>[^\[\]]{2,12})\]|【(?P<s2>[^【】]{2,12})】)\s*(?:No\.?\s*\d+\s*)?(?P<h>.{4,})$"
)
_SKIPPED = ("furniture", "credit", "caption", "byline", "dateline")


def fill_front(blocks: list, front) -> None:
    """The dek from an abstract in brackets opening the page; the headline (and its series tag)
    from a 原标题 line near the top when the classifier found no title."""
    if front.dek is None:
        first = next((b for b in blocks[:6] if b.kind not in _SKIPPED), None)
        if first is not None and first.kind == "para" and _ABSTRACT.match(first.text.strip()):
            front.dek, first.kind = first, "dek"
    if front.headline is not None or front.headline_text:
        return
    for block in blocks[:8]:
        original = _ORIGINAL.match(block.text.strip())
        if original:
            title = original.group("t").strip()
            tagged = _TAGGED.match(title)
            front.headline_text = tagged.group("h").strip() if tagged else title
            if tagged and not front.series_text:
                front.series_text = (tagged.group("s") or tagged.group("s2")).strip()
            return
    _title_line(blocks, front)


def _title_line(blocks: list, front) -> None:
    """Without any title found: the first line, when it is a title too long for a title line
    (no sentence ends in it, nor does it end one) standing over longer prose."""
    at = next((i for i, b in enumerate(blocks[:6]) if b.kind not in _SKIPPED), None)
    if at is None or blocks[at].kind != "para" or at + 1 >= len(blocks):
        return
    block, nxt = blocks[at], blocks[at + 1]
    core = block.text.strip().rstrip("。.")
    one = block.lines <= 1 and not block.item and not re.search(r"[。！？!?；;]|\.\s", core)
    if not one or width(block.text) > 60 or nxt.kind != "para" or width(nxt.text) <= width(core):
        return
    if core == block.text.strip():  # (a line ending in a full stop may be the text's first
        block.kind = "front"  # sentence: ambiguous, it stays text)
        front.headline, front.headline_text = block, core
        front.start = max(front.start, at + 1)


def dek_text(block) -> str:
    """The dek's words: an abstract without its brackets and label."""
    if block is None:
        return ""
    abstract = _ABSTRACT.match(block.text.strip())
    return abstract.group("t").strip() if abstract else block.text
