"""Blocks from text: Markdown parsing, then print repair (page breaks, captions, furniture)."""

from __future__ import annotations

import re
from dataclasses import dataclass

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
CLOSERS = "”’」』）)》】\"'"
TERMINALS = "。！？!?；;…"
_FURNITURE = re.compile(
    r"^(?:[-–—\s]*\d{1,4}[-–—\s]*|第\s*\d+\s*[版页]|(?:责任|本版)?编辑[:：].*|版面[:：].*"
    r"|page \d+|\d+\s*/\s*\d+)$",
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


def is_cjk(text: str) -> bool:
    """True when CJK characters make up a fair share of the letters."""
    letters = [c for c in text if c.isalpha()]
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


def parse_markdown(text: str) -> list[Block]:
    """Headings and paragraphs via markdown-it-py (indented code off: print text indents)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").disable(["code", "html_block", "hr"])
    tokens = md.parse(text)
    blocks: list[Block] = []
    last_line = 0
    prefix = ""
    for i, tok in enumerate(tokens):
        if tok.type == "list_item_open" and tok.info:
            prefix = f"{tok.info}{tok.markup} "
        if tok.type not in ("heading_open", "paragraph_open") or tok.map is None:
            continue
        content = _inline_text(tokens[i + 1])
        start, end = tok.map
        kind = "heading" if tok.type == "heading_open" else "para"
        level = int(tok.tag[1:]) if kind == "heading" else 0
        if content:
            blocks.append(
                Block(
                    kind,
                    prefix + content,
                    level,
                    start - last_line,
                    end - start,
                    0,
                    kind == "heading",
                )
            )
        prefix = ""
        last_line = end
    return blocks


def _inline_text(inline) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return _join_lines("".join(parts).split("\n"))


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
    for block in reversed(blocks):
        if block.kind == "furniture":
            continue
        if block.kind != "para" or not _tiny_label(block.text):
            break
        block.kind = "furniture"


def _tiny_label(text: str) -> bool:
    return width(text) <= 8 and not ends_sentence(text) and not re.search(r"[,，:：]", text)


def mark_captions(blocks: list[Block], body_start: int) -> None:
    """Photo captions: short standalone lines set apart by a wide gap or by what follows them."""
    for i in range(body_start, len(blocks)):
        block = blocks[i]
        if block.kind != "para" or block.lines > 1 or not _short(block.text):
            continue
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
    return block.gap <= 1 or width(prev.text) > 40
