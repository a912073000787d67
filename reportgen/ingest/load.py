"""Reading an article file: its type from its bytes, then text or structured blocks, a layout."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import InputError
from reportgen.ingest.blocks import _FURNITURE, Block, join_text, running_lines, width

SUPPORTED = ".txt, .md (plain text or Markdown), .html/.htm (web page), .docx (Word)"

_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf'\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"%!PS", "postscript"),
)
DESCRIPTIONS = {
    "pdf": "a PDF document",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "tiff": "a TIFF image",
    "webp": "a WebP image",
    "ole": "a legacy Office file (.doc/.xls/.ppt) or an encrypted Office file",
    "rtf": "an RTF document",
    "gzip": "a gzip archive",
    "7z": "a 7z archive",
    "rar": "a RAR archive",
    "postscript": "a PostScript file",
    "pptx": "a PowerPoint file (.pptx)",
    "xlsx": "an Excel workbook (.xlsx)",
    "odf": "an OpenDocument file",
    "epub": "an EPUB book",
    "zip": "a zip archive that is not a Word .docx",
}
_ZIP_KINDS = ((b"word/", "docx"), (b"ppt/", "pptx"), (b"xl/", "xlsx"))
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
_HTML_CLOSERS = re.compile(rb"</(?:p|div|h[1-6]|li|td|span|a|section|article)>", re.I)

_CREDIT = re.compile(
    r"^[(（\[【]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|终审|监制|统筹|来源|稿源|供稿)\s*[:：].*$"
    r"|^《\s*[^》]{1,12}\s*》\s*[(（].{0,30}版\s*[)）]$"
)


@dataclass
class Parsed:
    """Blocks with explicit kinds from a structured reader, and what the reader learnt besides:
    the page title, a byline from metadata, and bold-only lines that may be subheadings."""

    blocks: list[Block]
    title: str = ""
    byline: str = ""
    subheads: list[Block] = field(default_factory=list)
    date: str = ""  # the publication date from the page's metadata


def sniff(raw: bytes) -> str:
    """The article's format from its content: 'docx', 'html' or 'text'; any other answer names
    an unsupported type (a key of DESCRIPTIONS)."""
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(raw)
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    if raw.startswith(b"RIFF") and raw[8:12] == b"WEBP":
        return "webp"
    head = _ascii_head(raw)
    if head is not None and _is_html(head):
        return "html"
    return "text"


def _zip_kind(raw: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = zf.namelist()
            mimetype = _head(zf, "mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, zlib.error):
        names, mimetype = [], b""
        listing = raw[:1_000_000]
    else:
        listing = "\n".join(names).encode("utf-8", "replace")
    if b"epub" in mimetype:
        return "epub"
    if b"opendocument" in mimetype:
        return "odf"
    for marker, kind in _ZIP_KINDS:
        if (b"\n" + marker) in b"\n" + listing or (not names and marker in listing):
            return kind
    return "zip"


def _head(zf: zipfile.ZipFile, name: str, size: int = 80) -> bytes:
    """The first bytes of a member: only those are inflated (a zip bomb stays on disk)."""
    with zf.open(name) as handle:
        return handle.read(size)


def _ascii_head(raw: bytes) -> bytes | None:
    """The first bytes as lower-case ASCII-compatible text, or None for binary data (left to
    the text reader, which rejects it)."""
    from reportgen.ingest.read import _BOMS, _looks_binary

    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom) : len(bom) + 65536].decode(encoding, "ignore")
            return text.encode("utf-8", "ignore").lower()
    if _looks_binary(raw):
        return None
    return raw[:65536].lower()


def _is_html(head: bytes) -> bool:
    start = re.sub(rb"^(?:\s|<!--.*?-->)*", b"", head[:4096], flags=re.S)
    if not start and head.strip():
        return True  # nothing but markup comments
    if start.startswith(_HTML_START) or b"<body" in head[:4096]:
        return True
    if start.startswith(b"<?xml"):
        return b"<html" in head[:4096]
    return start.startswith(b"<") and len(_HTML_CLOSERS.findall(head)) >= 3


def clean_text(text: str) -> str:
    """Text from markup: normalized like text input (entities already decoded are kept as they
    are), whitespace collapsed, lines joined with no space between CJK pieces."""
    from reportgen.ingest.read import normalize

    text = normalize(text.replace("&", "&amp;")).replace("\u3000", " ")
    out = ""
    for piece in re.split(r"\s*\n\s*", text):
        piece = re.sub(r"[ \t]+", " ", piece).strip()
        if piece:
            out = join_text(out, piece) if out else piece
    return out


def load_layout(path: Path):
    """(layout, raw bytes, format) for an article file of any supported type."""
    from reportgen.ingest.layout import layout_from_text
    from reportgen.ingest.read import check_layout, check_text, decode, normalize, read_bytes

    raw = read_bytes(path)
    fmt = sniff(raw)
    if fmt == "text":
        text = normalize(decode(raw, path))
        check_text(text, path)
        layout = layout_from_text(text)
        check_layout(layout, path)
        return layout, raw, fmt
    if fmt not in ("html", "docx"):
        raise InputError(
            f"unsupported file type: {DESCRIPTIONS.get(fmt, fmt)}; supported: {SUPPORTED}",
            path=path,
        )
    layout = layout_from_parsed(_read_structured(raw, fmt, path))
    check_text(layout.text, path)
    check_layout(layout, path)
    return layout, raw, fmt


def _read_structured(raw: bytes, fmt: str, path: Path) -> Parsed:
    """Blocks from an HTML page or a .docx; parser failures become one-line InputErrors."""
    from lxml import etree

    try:
        if fmt == "html":
            from reportgen.ingest.html import read_html

            return read_html(raw, path)
        from reportgen.ingest.docx import read_docx

        return read_docx(raw, path)
    except InputError:
        raise
    except (etree.LxmlError, ValueError, KeyError, UnicodeError, RecursionError) as exc:
        what = "HTML page" if fmt == "html" else ".docx file"
        raise InputError(
            f"cannot read the {what} ({type(exc).__name__}: {exc})", path=path
        ) from None


def layout_from_parsed(parsed: Parsed):
    """Front matter and sections from explicitly typed blocks, like text input but without the
    print repairs (no page-break joins or guessed captions: the markup says what is what)."""
    from reportgen.ingest.dates import publication_date
    from reportgen.ingest.layout import assemble
    from reportgen.ingest.lines import classify
    from reportgen.ingest.repeats import pull_quotes

    blocks = parsed.blocks
    _ensure_headline(blocks, parsed.title)
    for block in blocks:
        credit = _CREDIT.match(block.text) or _FURNITURE.match(block.text)
        if block.kind == "para" and width(block.text) <= 40 and credit:
            block.kind = "furniture"
    running_lines(blocks)
    for block in parsed.subheads:
        block.emphasis = block.emphasis or "strong"
    front = classify(blocks, parsed.byline)
    pull_quotes(blocks, front.start)
    front.date = publication_date(blocks, front.start, parsed.date)
    return assemble(blocks, front.series, front.headline, front.byline, front)


def _ensure_headline(blocks: list[Block], title: str) -> None:
    """Without a level-1 heading near the top, the page title becomes the headline; so it does
    when the h1 is not the title (a kicker, a section's name, a dashed subtitle) and the title
    stands in another block near the top, or the h1 is led by a dash (then it is a subtitle)."""
    from reportgen.ingest.patterns import SITE_NAME

    top = next((i for i, b in enumerate(blocks[:6]) if b.kind == "heading" and b.level == 1), None)
    if top is not None and SITE_NAME.match(blocks[top].text):
        blocks[top].kind, blocks[top].level = "furniture", 0  # the site's name set as an h1
        top = None
    if top is not None and title and not same_title(blocks[top].text, title):
        at = _titled(blocks, title)  # a kicker, a section's name or a subtitle set as the h1
        if at is not None or _DASHED.match(blocks[top].text):
            blocks[top].level, subtitle = 2, blocks[top].text
            top = _headline_at(blocks, at, title.removesuffix(subtitle).strip() or title)
    if top is not None:
        for block in blocks[:top]:
            if block.kind == "heading":
                block.kind, block.level = "para", 0  # a kicker set as a small heading
        return
    if title and SITE_NAME.match(title):  # the site's name, not the article's
        head = next((b for b in blocks[:6] if b.kind == "heading"), None)
        title = head.text if head is not None else ""
    if not title:
        return
    _headline_at(blocks, _titled(blocks, title), title)


_TITLE_JOIN = re.compile(r"^\s*(?:——|—|--|–|:|：|\|)")
_DASHED = re.compile(r"^\s*(?:——|—|--)")


def _titled(blocks: list[Block], title: str) -> int | None:
    """The block near the top that is the page's title, or its first part (the title less a
    subtitle after a dash or colon: '县域经济稳中向好——来自某县的调查'); None without one."""
    title = _fold(title)
    for i, block in enumerate(blocks[:8]):
        text = _fold(block.text)  # (the same words, whatever the quotes and spaces)
        first = len(text) >= max(4, len(title) * 0.4) and title.startswith(text)  # (no kicker)
        first = first and _TITLE_JOIN.match(title[len(text) :])
        same = text == title or first
        if same and block.kind in ("heading", "para"):
            return i
    return None


def _fold(text: str) -> str:
    return re.sub(r"[\s\"'“”‘’「」『』]+", "", text)


def _headline_at(blocks: list[Block], at: int | None, title: str) -> int:
    """The block at ``at`` made the headline, else the title put first as one."""
    if at is None:
        blocks.insert(0, Block("heading", title, 1, marked=True))
        return 0
    blocks[at].kind, blocks[at].level, blocks[at].marked = "heading", 1, True
    return at


def same_title(h1: str, title: str) -> bool:
    """The h1 is the page's title, or holds it, or is held by it (but for the subtitle after
    a dash: '——来自某县的调查' in '县域经济稳中向好——来自某县的调查')."""
    dashed = _DASHED.match(h1) and not title.startswith(h1)
    return (h1 in title or title in h1) and not dashed
