"""Reading the brief back: body, tables, headers, footers and alt text, with where it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from reportgen.errors import InputError
from reportgen.verify.findings import Document, Finding, Piece, file_name, own_dates

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_PAGE_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "DATE", "TIME", "SAVEDATE")


def read_docx(path: Path) -> Document:
    """Every text of the brief (body, tables, headers, footers, alt text) and its checks."""
    document = _open_docx(path)
    doc = Document(path.name, dates=own_dates(document.core_properties))
    styles = _style_names(document)
    body = document.element.body
    cells = _cell_labels(body)
    for n, p in enumerate(body.iter(f"{{{W_NS}}}p"), 1):
        where = f"{path.name} paragraph {n}{cells.get(p, '')}"
        _read_paragraph(doc, where, p, styles)
    for s, section in enumerate(document.sections, 1):
        for label, part in _header_footer_parts(section):
            for n, p in enumerate(part._element.iter(f"{{{W_NS}}}p"), 1):
                _read_paragraph(doc, f"{path.name} section {s} {label} paragraph {n}", p, styles)
    _read_pictures(doc, path.name, document)
    return doc


def _open_docx(path: Path):
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on broken packages
        raise InputError(f"not a readable .docx file ({type(exc).__name__})", path=path) from None


def _style_names(document) -> dict[str, str]:
    return {s.style_id: s.name or s.style_id for s in document.styles if s.style_id}


def _header_footer_parts(section) -> Iterator[tuple[str, object]]:
    for label in ("header", "footer"):
        for kind, prefix in (
            ("", ""),
            ("first_page_", "first-page "),
            ("even_page_", "even-page "),
        ):
            part = getattr(section, f"{kind}{label}")
            if not part.is_linked_to_previous:
                yield f"{prefix}{label}", part


def _cell_labels(body) -> dict:
    """Each table paragraph's place, " (table T, row R, cell C)" (inner tables win)."""
    labels = {}
    for t, table in enumerate(body.iter(f"{{{W_NS}}}tbl"), 1):
        for r, row in enumerate(table.iterchildren(f"{{{W_NS}}}tr"), 1):
            for c, cell in enumerate(row.iterchildren(f"{{{W_NS}}}tc"), 1):
                for p in cell.iter(f"{{{W_NS}}}p"):
                    labels[p] = f" (table {t}, row {r}, cell {c})"
    return labels


def _read_paragraph(doc: Document, where: str, p, styles: dict[str, str]) -> None:
    text = paragraph_text(p)
    if not text.strip():
        return
    style = _paragraph_style(p, styles)
    low = style.casefold()
    kind = "text"
    if low.startswith(("heading", "title")) or _outline_level(p) is not None:
        kind = "heading"
        doc.headings.append(text)
    elif "quote" in low:
        kind = "quote"
    elif low.startswith("toc"):
        text = re.sub(r"\t\s*\d+\s*$", "", text)
    doc.pieces.append(Piece(where, text, kind))


def _paragraph_style(p, styles: dict[str, str]) -> str:
    ppr = p.find(f"{{{W_NS}}}pPr")
    ps = ppr.find(f"{{{W_NS}}}pStyle") if ppr is not None else None
    sid = ps.get(f"{{{W_NS}}}val") if ps is not None else ""
    return styles.get(sid, sid or "")


def _outline_level(p) -> int | None:
    ppr = p.find(f"{{{W_NS}}}pPr")
    lvl = ppr.find(f"{{{W_NS}}}outlineLvl") if ppr is not None else None
    if lvl is None:
        return None
    value = int(lvl.get(f"{{{W_NS}}}val", "9"))
    return value if value < 9 else None


def paragraph_text(p) -> str:
    """A paragraph's text without page-number and date field results (they are not figures)."""
    parts: list[str] = []
    skipping: list[bool] = []  # one entry per open complex field: is its result skipped?
    instr: list[str] = []
    for el in p.iter():
        local = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if local == "fldChar":
            kind = el.get(f"{{{W_NS}}}fldCharType")
            if kind == "begin":
                skipping.append(False)
                instr = []
            elif kind == "separate" and skipping:
                skipping[-1] = _page_field("".join(instr))
            elif kind == "end" and skipping:
                skipping.pop()
        elif local == "instrText":
            instr.append(el.text or "")
        elif local == "t" and el.tag == f"{{{W_NS}}}t" and not any(skipping):
            if not _in_page_simple_field(el):
                parts.append(el.text or "")
        elif local == "tab" and el.getparent().tag == f"{{{W_NS}}}r":
            parts.append("\t")
        elif local in ("br", "cr"):
            parts.append("\n")
    return "".join(parts)


def _page_field(instruction: str) -> bool:
    word = instruction.strip().split(" ", 1)[0].upper() if instruction.strip() else ""
    return word in _PAGE_FIELDS


def _in_page_simple_field(el) -> bool:
    for a in el.iterancestors(f"{{{W_NS}}}fldSimple"):
        return _page_field(a.get(f"{{{W_NS}}}instr", ""))
    return False


def _read_pictures(doc: Document, name: str, document) -> None:
    parts = [("", document.element.body)]
    for s, section in enumerate(document.sections, 1):
        for label, part in _header_footer_parts(section):
            parts.append((f" in section {s} {label}", part._element))
    n = 0
    for suffix, root in parts:
        for docpr in root.iter(f"{{{WP_NS}}}docPr"):
            holder = docpr.getparent()
            if not list(holder.iter(f"{{{PIC_NS}}}pic")) and not _is_chart(holder):
                continue
            n += 1
            where = f"{name} picture {n}{suffix}"
            descr = (docpr.get("descr") or "").strip()
            if not descr:
                doc.findings.append(Finding(where, "picture has no alt text"))
            elif file_name(descr):
                doc.findings.append(Finding(where, f"alt text is a file name ({descr!r})"))
            else:
                doc.pieces.append(Piece(f"{where} alt text", descr, "alt"))


def _is_chart(holder) -> bool:
    return any("chart" in (el.get("uri") or "") for el in holder.iter() if el.get("uri"))


# --- rendering (LibreOffice) ------------------------------------------------------------------
