"""Word .docx read with zipfile + lxml: styled paragraphs, captions and tables to blocks."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from reportgen.errors import InputError
from reportgen.ingest import Parsed, clean_text
from reportgen.ingest.blocks import Block, ends_sentence, width
from reportgen.limits import MemberTooLarge, read_member

W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MAX_PART = 64 * 1024 * 1024

_HEADING_NAME = re.compile(
    r"^(?:heading|标题|標題|überschrift|titre|título|titolo|kop|rubrik|nagłówek|заголовок|見出し)"
    r"\s*([1-9])$"
)
_TITLE_NAME = re.compile(r"^(?:title|标题|標題|titel|titre|título|titolo|заголовок|表題)$")
_CAPTION_NAME = re.compile(
    r"^(?:caption|题注|題注|beschriftung|légende|didascalia|bijschrift|подпись|図表番号)$"
    r"|caption"
)
_AUTHOR_NAME = re.compile(r"^(?:author|byline|作者|署名)$")
_SUBTITLE_NAME = re.compile(
    r"^(?:subtitle|副标题|副標題|untertitel|sous-titre|subtítulo|sottotitolo)$"
)
_CAPTION_WIDTH = 60
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass
class Style:
    """What a paragraph style means for the article: its kind and heading level."""

    kind: str = "para"
    level: int = 0
    byline: bool = False
    dek: bool = False


def read_docx(raw: bytes, path: str | Path = "<input>") -> Parsed:
    """A .docx article as blocks: heading-styled paragraphs, captions, paragraphs, table rows."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(
            f"corrupt .docx: the zip archive is truncated or damaged ({exc})", path=path
        ) from None
    with zf:
        part = _main_part(zf, path)
        root = _xml(zf, part, path)
        w = etree.QName(root).namespace
        if w not in W_NAMESPACES or etree.QName(root).localname != "document":
            raise InputError(f"corrupt .docx: {part} is not a Word document body", path=path)
        styles = _styles(zf, part, w, path)
    body = root.find(f"{{{w}}}body")
    if body is None:
        raise InputError(f"corrupt .docx: {part} has no body", path=path)
    _check_text_size(body, w, path)
    reader = _Reader(w, styles, path)
    reader.container(body)
    if not any(b.kind in ("para", "caption") for b in reader.blocks):
        raise InputError("the .docx has no article text", path=path)
    return Parsed(blocks=reader.blocks, byline=reader.byline, subheads=reader.subheads)


def _check_text_size(body, w: str, path: str | Path) -> None:
    """Refuse a body whose text runs hold more than an article file may, before walking it
    paragraph by paragraph (a small package may inflate to 64 MiB of short paragraphs)."""
    from reportgen.ingest.read import MAX_BYTES

    size = 0
    for t in body.iter(f"{{{w}}}t"):
        if t.text:
            size += len(t.text.encode("utf-8"))
            if size > MAX_BYTES:
                raise InputError(_too_much_text(MAX_BYTES), path=path)


def _too_much_text(limit: int) -> str:
    return f"the .docx holds more than {limit:,} bytes of text; the limit is {limit:,}"


def _main_part(zf: zipfile.ZipFile, path: str | Path) -> str:
    """The main document part named by the package relationships (word/document.xml usually)."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        rels = _xml(zf, "_rels/.rels", path)
        for rel in rels.iter(f"{{{REL}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise InputError("corrupt .docx: no word/document.xml in the package", path=path)


def _xml(zf: zipfile.ZipFile, name: str, path: str | Path):
    try:
        data = read_member(zf, name, MAX_PART)
    except MemberTooLarge as exc:
        raise InputError(f".docx part {exc}; too large", path=path) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError) as exc:
        raise InputError(f"corrupt .docx: cannot read {name} ({exc})", path=path) from None
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"corrupt .docx: {name} is not well-formed XML ({exc})", path=path
        ) from None


def _styles(zf: zipfile.ZipFile, part: str, w: str, path: str | Path) -> dict[str, Style]:
    """Paragraph style ids resolved to meanings via their names (also localized) and outline
    levels, following basedOn chains."""
    name = _styles_part(zf, part, path)
    if name is None:
        return {}
    root = _xml(zf, name, path)
    raw: dict[str, tuple[str, str | None, int | None]] = {}
    for st in root.iter(f"{{{w}}}style"):
        if st.get(f"{{{w}}}type", "paragraph") != "paragraph":
            continue
        sid = st.get(f"{{{w}}}styleId", "")
        name_el = st.find(f"{{{w}}}name")
        based = st.find(f"{{{w}}}basedOn")
        outline = st.find(f"{{{w}}}pPr/{{{w}}}outlineLvl")
        raw[sid] = (
            (name_el.get(f"{{{w}}}val", "") if name_el is not None else sid),
            based.get(f"{{{w}}}val") if based is not None else None,
            _int(outline.get(f"{{{w}}}val")) if outline is not None else None,
        )
    return {sid: _resolve(sid, raw) for sid in raw}


def _styles_part(zf: zipfile.ZipFile, part: str, path: str | Path) -> str | None:
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    names = set(zf.namelist())
    if rels_name in names:
        for rel in _xml(zf, rels_name, path).iter(f"{{{REL}}}Relationship"):
            if rel.get("Type", "").endswith("/styles"):
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
                return target if target in names else None
    fallback = posixpath.join(folder, "styles.xml")
    return fallback if fallback in names else None


def _resolve(sid: str, raw: dict[str, tuple[str, str | None, int | None]]) -> Style:
    seen: set[str] = set()
    current: str | None = sid
    while current in raw and current not in seen:
        seen.add(current)
        name, based, outline = raw[current]
        style = style_from_name(name) or style_from_name(current)
        if style is not None:
            return style
        if outline is not None and 0 <= outline <= 8:
            return Style("heading", outline + 1)
        current = based
    return Style()


def style_from_name(name: str) -> Style | None:
    """The meaning of a style name ('heading 2', 'Title', 'Caption', '标题 1'...), or None."""
    key = re.sub(r"\s+", " ", name.strip().lower())
    if match := _HEADING_NAME.match(key) or _HEADING_NAME.match(key.replace(" ", "")):
        return Style("heading", int(match.group(1)))
    if _TITLE_NAME.match(key):
        return Style("heading", 1)
    if _CAPTION_NAME.search(key):
        return Style("caption")
    if _AUTHOR_NAME.match(key):
        return Style("para", byline=True)
    if _SUBTITLE_NAME.match(key):
        return Style("para", dek=True)
    return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class _Reader:
    """Walks the body: paragraphs and tables in order, content controls opened up."""

    def __init__(self, w: str, styles: dict[str, Style], path: str | Path = "<input>") -> None:
        self.w = w
        self.styles = styles
        self.path = path
        self.size = 0  # UTF-8 bytes of text so far
        self.blocks: list[Block] = []
        self.subheads: list[Block] = []
        self.byline = ""
        self.after_image = False

    def q(self, tag: str) -> str:
        return f"{{{self.w}}}{tag}"

    def container(self, el) -> None:
        for child in el:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "p":
                self.paragraph(child)
            elif tag == "tbl":
                self.table(child)
            elif tag in ("sdt", "customXml", "sdtContent"):
                self.container(child.find(self.q("sdtContent")) if tag == "sdt" else child)

    def paragraph(self, p) -> None:
        text = clean_text(self.text(p))
        style = self.style(p)
        if not text:
            if self.has_image(p):
                self.after_image = True
            return
        if style.byline and not self.byline:
            self.byline = text
        kind = style.kind
        if kind == "para" and self.after_image and width(text) <= _CAPTION_WIDTH:
            kind = "caption"
        self.after_image = False
        block = Block(kind, text, style.level, marked=kind == "heading")
        self.add(block)
        if kind == "para" and self.bold_only(p, text):
            self.subheads.append(block)
        elif kind == "para" and (style.dek or self.italic_only(p)):
            block.emphasis = "em"

    def add(self, block: Block) -> None:
        """Keep a block; a .docx holds no more text than an article file may (its XML may
        inflate to 64 MiB of short paragraphs from a small package)."""
        from reportgen.ingest.read import MAX_BYTES

        self.size += len(block.text.encode("utf-8")) + 1
        if self.size > MAX_BYTES:
            raise InputError(_too_much_text(MAX_BYTES), path=self.path)
        self.blocks.append(block)

    def style(self, p) -> Style:
        ppr = p.find(self.q("pPr"))
        if ppr is None:
            return self.styles.get("Normal", Style())
        pstyle = ppr.find(self.q("pStyle"))
        sid = pstyle.get(self.q("val"), "") if pstyle is not None else ""
        style = self.styles.get(sid) or style_from_name(sid) or Style()
        outline = ppr.find(self.q("outlineLvl"))
        level = _int(outline.get(self.q("val"))) if outline is not None else None
        if style.kind == "para" and level is not None and 0 <= level <= 8:
            return Style("heading", level + 1)
        return style

    def text(self, p) -> str:
        """The paragraph's visible text: runs, tabs and breaks; not deleted text, field codes,
        text boxes or compatibility fallbacks."""
        parts: list[str] = []
        self._collect(p, parts)
        return "".join(parts)

    def _collect(self, el, parts: list[str]) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            qname = etree.QName(child)
            tag = qname.localname
            if qname.namespace == MC and tag == "Fallback":
                continue
            if tag in ("t",):
                parts.append(child.text or "")
            elif tag == "tab":
                parts.append(" ")
            elif tag in ("br", "cr"):
                kind = child.get(self.q("type"), "textWrapping")
                parts.append("\n" if kind == "textWrapping" else "")
            elif tag == "noBreakHyphen":
                parts.append("-")
            elif tag not in ("del", "txbxContent", "instrText", "delText", "pPr", "rPr"):
                self._collect(child, parts)

    def has_image(self, p) -> bool:
        return any(
            etree.QName(el).localname in ("drawing", "pict")
            for el in p.iter()
            if isinstance(el.tag, str)
        )

    def bold_only(self, p, text: str) -> bool:
        """A short unpunctuated paragraph whose text runs are all bold: a likely subheading."""
        if width(text) > 40 or ends_sentence(text):
            return False
        runs = [r for r in p.iter(self.q("r")) if "".join(r.itertext()).strip()]
        return bool(runs) and all(self.bold(r) for r in runs)

    def bold(self, run, tag: str = "b") -> bool:
        b = run.find(f"{self.q('rPr')}/{self.q(tag)}")
        return b is not None and b.get(self.q("val"), "true") not in ("0", "false", "off")

    def italic_only(self, p) -> bool:
        """Every text run in italics: a summary line under the title, when one stands there."""
        runs = [r for r in p.iter(self.q("r")) if "".join(r.itertext()).strip()]
        return bool(runs) and all(self.bold(r, "i") for r in runs)

    def table(self, tbl) -> None:
        """Each row as one paragraph, 'cell | cell', empty cells left out."""
        self.after_image = False
        for row in tbl.iter(self.q("tr")):
            if row.getparent() is not None and _nearest_table(row) is not tbl:
                continue
            cells = []
            for cell in row.iter(self.q("tc")):
                if _nearest_row(cell) is not row:
                    continue
                text = " ".join(
                    t for t in (clean_text(self.text(p)) for p in cell.iter(self.q("p"))) if t
                )
                if text:
                    cells.append(text)
            if cells:
                self.add(Block("para", " | ".join(cells)))


def _nearest_table(el):
    return next((a for a in el.iterancestors() if etree.QName(a).localname == "tbl"), None)


def _nearest_row(el):
    return next((a for a in el.iterancestors() if etree.QName(a).localname == "tr"), None)
