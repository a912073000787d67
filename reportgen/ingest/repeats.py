"""Text set twice: a key-points box over the article, and pull quotes repeating its sentences."""

from __future__ import annotations

import re

from reportgen.ingest.blocks import Block, ends_sentence, width
from reportgen.ingest.heads import _LONE_FIGURE

_KEY_POINTS = re.compile(
    r"^[【\[]?\s*(?:划重点|敲黑板|要点速览|要点|核心提示|内容提要|本文提要|本文导读|导读"
    r"|key points|key takeaways|takeaways|highlights|at a glance|in brief)\s*[】\]]?\s*[:：]?$",
    re.I,
)
_CLOSES_BOX = ("byline", "dateline")


def key_points(blocks: list[Block], start: int) -> None:
    """A key-points box near the top ('划重点：', 'Key points:') and its items, which the article
    says again at length: furniture. The items are a run of list items, or the paragraphs up
    to the byline or dateline that closes the box (without such a close, nothing is marked)."""
    for i, label in enumerate(blocks[: start + 12]):
        if label.kind not in ("para", "front") or not _KEY_POINTS.match(label.text.strip("*_ ")):
            continue
        items = _box_items(blocks, i + 1)
        if items:
            label.kind = "furniture"
            for item in items:
                item.kind = "furniture"
        return


def _box_items(blocks: list[Block], at: int) -> list[Block]:
    run = []
    for block in blocks[at : at + 8]:
        if block.kind in _CLOSES_BOX:
            return run
        if block.kind != "para":
            break
        run.append(block)
    items = []
    for block in run:
        if not block.item:
            break
        items.append(block)
    return items if len(items) >= 2 else []


_ENDS = "“”‘’\"'「」『』 。，,.!！?？…—-"
_OPENING_QUOTES = ("“", "‘", '"', "「", "『")
_KEY = 6  # characters of a quote's opening looked up while the body is read
_SAME_OPENING = 8  # more lines opening alike are a list's items, not pull quotes (and the
# lookup stays linear)


def pull_quotes(blocks: list[Block], start: int) -> None:
    """A short line standing by itself, a quotation or a fragment, that says again word for word
    part of a longer body paragraph (a pull quote set apart in the page) is furniture: the
    paragraph keeps the text. The body is read once, looking up each place's opening among the
    quotes': linear."""
    body = [b for b in blocks[start:] if b.kind == "para"]
    quotes: dict[str, dict[str, list[Block]]] = {}
    for k in range(start, len(blocks)):
        block, core = blocks[k], blocks[k].text.strip(_ENDS)
        short = block.lines <= 1 and len(core) >= 8 and width(block.text) <= 60
        if block.kind != "para" or not short or block.item or block.text.endswith((":", "：")):
            continue
        if ends_sentence(block.text) and not block.text.startswith(_OPENING_QUOTES):
            continue  # a sentence said twice may be the writer's; a quote or fragment is set apart
        if k > 0 and blocks[k - 1].item and _LONE_FIGURE.match(blocks[k - 1].text):
            continue  # the label under a figure set large says what the figure counts
        quotes.setdefault(core[:_KEY], {}).setdefault(core, []).append(block)
    quotes = {key: cores for key, cores in quotes.items() if len(cores) <= _SAME_OPENING}
    if not quotes:
        return
    found: set[str] = set()
    for para in body:
        text = para.text
        if width(text) <= 20:
            continue
        for i in range(len(text) - _KEY + 1):
            for core in quotes.get(text[i : i + _KEY], ()):
                if len(text) > len(core) + 4 and text.startswith(core, i):
                    found.add(core)  # (said inside a longer paragraph: never the quote itself)
    for cores in quotes.values():
        for core, said in cores.items():
            for block in said if core in found else ():
                block.kind = "furniture"
