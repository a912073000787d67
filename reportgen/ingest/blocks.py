"""Blocks from text: Markdown parsing, then print repair (page breaks, captions, furniture)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
CLOSERS = "”’」』）)》】\"'"
TERMINALS = "。！？!?；;…"
_PAGE_NUMBER = (
    r"[-–—\s]*\d{1,4}[-–—\s]*|第\s*\d+\s*[版页](?:\s*[,，/]?\s*共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*[,，/]?\s*第\s*\d+\s*页|page \d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*/\s*\d+"
)
PAGE_NUMBER = re.compile(rf"^(?:{_PAGE_NUMBER})$", re.IGNORECASE)
_FURNITURE = re.compile(
    rf"^(?:{_PAGE_NUMBER}|(?:责任|本版)?编辑[:：].*|版面[:：].*"
    r"|[^。！？.!?]{2,60}?(?:\s{2,}|\s*[|·•–—]\s*)(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|第\s*\d+\s*页))$",
    re.IGNORECASE,
)


@dataclass
class Block:
    """One unit of the article: heading, para, caption or furniture, with layout hints."""

    kind: str
    text: str
    level: int = 0
    gap: int = 0
    lines: int = 1
    joined: int = 0
    marked: bool = False
    # Reader hints for the line classifier (reportgen/ingest/lines.py): the emphasis the whole
    # block is set in ("strong", "em" or ""), and for text input its source lines as
    # (text, emphasis) rows, so that lines run together without a blank line can be told apart.
    emphasis: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)
    item: bool = False  # a list item: complete by itself, never a head
    pictured: bool = False  # right under a picture (a Markdown image alone in its paragraph)
    closed: bool = False  # ends here though no punctuation ends it (a quotation's attribution)


_LINK = re.compile(r"(?:https?://|www\.)\S+")


def is_cjk(text: str) -> bool:
    """True when CJK characters make up a fair share of the letters (web addresses, such as a
    page's list of links, are no words)."""
    letters = [c for c in _LINK.sub("", text) if c.isalpha()]
    cjk = sum(1 for c in letters if _CJK_CHAR.match(c))
    return bool(letters) and cjk / len(letters) > 0.3


def ends_sentence(text: str) -> bool:
    """True when the text ends with sentence punctuation (closing quotes allowed after it)."""
    core = text.rstrip(CLOSERS + " ")
    if not core:
        return False
    if core[-1] in TERMINALS:
        return True
    return core[-1] == "." and not re.search(r"\b\d+\.$", core)


def width(text: str) -> int:
    """Length in 'characters' for size rules: a CJK char counts 1, a Latin word counts 2."""
    cjk = len(_CJK_CHAR.findall(text))
    words = len(re.findall(r"[A-Za-z0-9]+", text))
    return cjk + 2 * words


# A heading's marks run into a Chinese title ('#县域经济稳中向好'), as many editors write it;
# not a topic tag ('#两会#').
_ATX_UNSPACED = re.compile(f"(?m)^(#{{1,6}})(?=[{CJK}【“《（])(?![^\n#]*#)")


def parse_markdown(text: str) -> list[Block]:
    """Headings and paragraphs via markdown-it-py (indented code off: print text indents)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").disable(["code", "html_block", "hr"])
    tokens = md.parse(_ATX_UNSPACED.sub(r"\1 ", text))
    blocks: list[Block] = []
    last_line = 0
    prefix = ""
    items = 0
    pictured = False
    for i, tok in enumerate(tokens):
        if tok.type in ("list_item_open", "list_item_close"):
            items += 1 if tok.type == "list_item_open" else -1
        if tok.type == "list_item_open" and tok.info:
            prefix = f"{tok.info}{tok.markup} "
        if tok.type not in ("heading_open", "paragraph_open") or tok.map is None:
            continue
        picture = _image_only(tokens[i + 1])
        rows = inline_rows(tokens[i + 1])
        content = _join_lines([r for r, _ in rows])
        start, end = tok.map
        kind = "heading" if tok.type == "heading_open" else "para"
        level = int(tok.tag[1:]) if kind == "heading" else 0
        if content:
            block = Block(kind, prefix + content, level, start - last_line, end - start)
            block.marked = kind == "heading"
            block.rows = [(prefix + rows[0][0], rows[0][1]), *rows[1:]] if prefix else rows
            block.emphasis = _common_emphasis(block.rows)
            block.item = items > 0
            block.pictured = pictured and not picture
            blocks.append(block)
        pictured = picture
        prefix = ""
        last_line = end
    return blocks


def _image_only(inline) -> bool:
    """A paragraph that is nothing but pictures (![alt](src))."""
    children = inline.children or []
    images = [c for c in children if c.type == "image"]
    rest = [c for c in children if c.type not in ("image", "softbreak", "hardbreak")]
    return bool(images) and not any(c.content.strip() for c in rest)


_OPEN_TAG = re.compile(r"^<(b|strong|u|em|i)(?:\s[^>]*)?>$", re.I)
_CLOSE_TAG = re.compile(r"^</(b|strong|u|em|i)\s*>$", re.I)
_EM_TAGS = {"em", "i"}
_BREAK_TAG = re.compile(r"^</?(?:p|div|br|li|h[1-6]|tr|blockquote)\b[^>]*>$", re.I)
PARAGRAPH_BREAK = ("", "break")  # a row marking a paragraph boundary written in inline HTML


def inline_rows(inline) -> list[tuple[str, str]]:
    """The source lines of a paragraph as (text, emphasis): "strong" when every letter of the
    line is bold or underlined (** or <b>/<u>), "em" when it is all in italics, else ""."""
    rows: list[tuple[str, str]] = []
    parts: list[str] = []
    strong = em = 0
    seen = {"plain": False, "strong": False, "em": False}

    def end_line() -> None:
        text = "".join(parts).strip()
        if text:
            kinds = [k for k in ("plain", "strong", "em") if seen[k]]
            rows.append((text, kinds[0] if len(kinds) == 1 and kinds[0] != "plain" else ""))
        parts.clear()
        seen.update(dict.fromkeys(seen, False))

    for child in inline.children or []:
        kind, content = child.type, child.content
        if kind in ("strong_open", "strong_close"):
            strong += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            em += 1 if kind == "em_open" else -1
        elif kind == "html_inline" and (
            tag := _OPEN_TAG.match(content) or _CLOSE_TAG.match(content)
        ):
            step = 1 if content[1] != "/" else -1
            if tag.group(1).lower() in _EM_TAGS:
                em += step
            else:
                strong += step
        elif kind in ("softbreak", "hardbreak"):
            end_line()
        elif kind == "html_inline" and _BREAK_TAG.match(content):
            end_line()
            if rows and rows[-1] != PARAGRAPH_BREAK:
                rows.append(PARAGRAPH_BREAK)
        elif kind in ("text", "code_inline", "image"):
            parts.append(content)
            if content.strip():
                seen["strong" if strong > 0 else "em" if em > 0 else "plain"] = True
    end_line()
    return rows


def _common_emphasis(rows: list[tuple[str, str]]) -> str:
    kinds = {e for t, e in rows if t}
    return kinds.pop() if len(kinds) == 1 else ""


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in (s.strip() for s in lines):
        if not line:
            continue
        out = join_text(out, line) if out else line
    return out


def join_text(a: str, b: str) -> str:
    """Join two pieces of one paragraph: no space between CJK, a space between words."""
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    if (
        _CJK_CHAR.match(a[-1:])
        or _CJK_CHAR.match(b[:1])
        or a[-1:] in "，、：（“"
        or b[:1] in "，。、"
    ):
        return a + b
    return f"{a} {b}"


def mark_furniture(blocks: list[Block]) -> None:
    """Page furniture: page numbers and editor lines anywhere, a run of tiny labels at the end."""
    for block in blocks:
        if block.kind == "para" and _FURNITURE.match(block.text):
            block.kind = "furniture"
    running_lines(blocks)
    for block in reversed(blocks):
        if block.kind == "furniture":
            continue
        if block.kind != "para" or not _tiny_label(block.text):
            break
        block.kind = "furniture"


def running_lines(blocks: list[Block]) -> None:
    """A page's running head or foot: a short line set again by a page number on two pages or
    more (the document's title, its chapter): furniture, but for its first setting, which may
    be the title itself. One pass to count, one to mark: linear in the article's size."""
    near: dict[str, list[int]] = {}
    numbers = [
        i for i, b in enumerate(blocks) if b.kind == "furniture" and PAGE_NUMBER.match(b.text)
    ]
    if len(numbers) < 2:
        return
    close = set()
    for i in numbers:
        close.update(range(max(i - 3, 0), i + 4))
    first: dict[str, int] = {}
    for i, block in enumerate(blocks):
        if (
            block.kind not in ("para", "heading")
            or width(block.text) > 40
            or ends_sentence(block.text)
        ):
            continue
        first.setdefault(block.text, i)
        if i in close:
            near.setdefault(block.text, []).append(i)
    for text, at in near.items():
        if len(at) < 2:
            continue
        for i in at:
            if i != first[text]:
                blocks[i].kind = "furniture"


def _tiny_label(text: str) -> bool:
    return width(text) <= 8 and not ends_sentence(text) and not re.search(r"[,，:：]", text)


def mark_captions(blocks: list[Block], body_start: int) -> None:
    """Photo captions: short standalone lines set apart by a wide gap or by what follows them."""
    for i in range(body_start, len(blocks)):
        block = blocks[i]
        if block.kind == "para" and block.pictured and width(block.text) <= 60:
            block.kind = "caption"  # the line under a picture
            continue
        if block.kind != "para" or block.lines > 1 or block.item or not _short(block.text):
            continue
        if not is_cjk(block.text) and ends_sentence(block.text) and width(block.text) > 20:
            continue  # an English sentence of ten words or more is text, not a caption
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        isolated = block.gap >= 2 and (nxt is None or nxt.gap >= 1)
        dangling = not ends_sentence(block.text) and (nxt is None or nxt.kind != "para")
        dangling = dangling and not re.search(r"[。！？!?]", block.text)
        if isolated or dangling:
            block.kind = "caption"
    _captions_before_captions(blocks, body_start)


def _captions_before_captions(blocks: list[Block], body_start: int) -> None:
    """An unpunctuated short line followed only by captions is a caption too."""
    for i in range(len(blocks) - 2, body_start - 1, -1):
        block, nxt = blocks[i], blocks[i + 1]
        lone = block.kind == "para" and _short(block.text) and not ends_sentence(block.text)
        lone = lone and not block.item
        if lone and nxt.kind == "caption" and nxt.gap >= 1:
            block.kind = "caption"


def _short(text: str) -> bool:
    return width(text) <= 40


def join_page_breaks(blocks: list[Block], body_start: int) -> list[Block]:
    """Join a paragraph cut at a page end (no closing punctuation) with the block continuing it."""
    out = blocks[:body_start]
    for block in blocks[body_start:]:
        prev = out[-1] if len(out) > body_start else None
        if prev is not None and _continues(prev, block):
            prev.text = join_text(prev.text, block.text)
            prev.joined += 1 + block.joined
            prev.lines += block.lines
            continue
        out.append(block)
    return out


def _continues(prev: Block, block: Block) -> bool:
    if prev.kind != "para" or block.kind != "para" or ends_sentence(prev.text):
        return False
    if prev.item or block.item or prev.closed or prev.emphasis != block.emphasis:
        return False
    if prev.text.endswith((":", "：")):
        return False  # a lead-in line introduces what follows; it is not cut by a page end
    return block.gap == 0 or width(prev.text) > 40 or _cut_prose(prev.text, block.text)


def _cut_prose(text: str, after: str) -> bool:
    """A short line that is prose cut short (a sentence or clause ended inside it, or the next
    block goes on in lower case), not a label or caption standing by itself."""
    return bool(re.search(r"[。！？；!?;，]|[.]\s|,(?!\d)", text)) or after[:1].islower()
