"""Text set twice: pull quotes repeating the article's sentences."""

from __future__ import annotations

from reportgen.ingest.blocks import Block, ends_sentence, width
from reportgen.ingest.heads import _LONE_FIGURE

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
