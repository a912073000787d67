"""Reading the deck back: every text, note, chart value and alt text, with where it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportgen.errors import InputError
from reportgen.verify.findings import Document, Finding, Piece, file_name, own_dates
from reportgen.verify.fit import A_NS, fit_problem

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
_SKIP_PLACEHOLDERS = ("sldNum", "dt")  # slide number and date placeholders


def read_pptx(path: Path) -> Document:
    """Every text of the deck (shapes, tables, native charts, notes, alt text) and its checks."""
    prs = _open_pptx(path)
    doc = Document(path.name, dates=own_dates(prs.core_properties))
    width, height = int(prs.slide_width), int(prs.slide_height)
    for number, slide in enumerate(prs.slides, 1):
        where = f"{path.name} slide {number}"
        title = slide.shapes.title
        title_text = title.text_frame.text.strip() if title is not None else ""
        if not title_text:
            doc.findings.append(Finding(where, "slide has no title"))
        else:
            doc.headings.append(title_text)
        # the old way of marking a quote: a "Quote Mark" glyph anywhere on the slide
        marked = any(_name(el).casefold() == "quote mark" for el in slide.shapes._spTree)
        for shape in _walk(slide.shapes):
            _read_shape(doc, where, shape, marked, (width, height))
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None and notes.text.strip():
                doc.pieces.append(Piece(f"{where}, notes", notes.text, "notes"))
    return doc


def _open_pptx(path: Path):
    import zipfile

    from pptx import Presentation

    try:
        return Presentation(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a readable .pptx file ({type(exc).__name__})", path=path) from None
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds on broken packages
        raise InputError(f"not a readable .pptx file ({type(exc).__name__})", path=path) from None


def _name(element) -> str:
    """A shape element's name (its non-visual properties' cNvPr), read without python-pptx."""
    nv = element[0] if len(element) else None
    cnvpr = nv.find(f"{{{P_NS}}}cNvPr") if nv is not None else None
    return cnvpr.get("name", "") if cnvpr is not None else ""


def _placeholder(element):
    """A shape element's p:ph (what makes it a placeholder), or None."""
    nv = element[0] if len(element) else None
    pr = nv.find(f"{{{P_NS}}}nvPr") if nv is not None else None
    return pr.find(f"{{{P_NS}}}ph") if pr is not None else None


def _walk(shapes) -> Iterator:
    for shape in shapes:
        yield shape
        if shape._element.tag == f"{{{P_NS}}}grpSp":  # a group: its shapes too
            yield from _walk(shape.shapes)


def _read_shape(doc: Document, where: str, shape, marked: bool, size: tuple[int, int]) -> None:
    name = _name(shape._element)
    where = f"{where}, shape {name!r}"
    placeholder = _placeholder(shape._element)
    if placeholder is not None and placeholder.get("type") in _SKIP_PLACEHOLDERS:
        return
    _read_alt(doc, where, shape)
    if shape.has_text_frame and shape.text_frame.text.strip():
        kind = "quote" if _is_quote_shape(name, marked, placeholder is not None) else "text"
        doc.pieces.append(Piece(where, _frame_text(shape.text_frame), kind))
        problem = fit_problem(shape, size[0])
        if problem:
            doc.findings.append(Finding(where, problem))
    if getattr(shape, "has_table", False) and shape.has_table:
        for r, row in enumerate(shape.table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                if cell.text.strip():
                    doc.pieces.append(Piece(f"{where} row {r} column {c}", cell.text))
    if getattr(shape, "has_chart", False) and shape.has_chart:
        doc.pieces.extend(_chart_pieces(where, shape.chart))


def _read_alt(doc: Document, where: str, shape) -> None:
    """Pictures and charts need alt text; the alt text itself is checked like any text."""
    is_picture = "PICTURE" in str(shape.shape_type) or getattr(shape, "has_chart", False)
    if not is_picture:
        return
    cnvpr = shape._element.find(f".//{{{P_NS}}}cNvPr")
    descr = (cnvpr.get("descr") if cnvpr is not None else "") or ""
    if not descr.strip():
        doc.findings.append(Finding(where, "picture has no alt text"))
    elif file_name(descr):
        doc.findings.append(Finding(where, f"alt text is a file name ({descr!r})"))
    else:
        doc.pieces.append(Piece(f"{where} alt text", descr, "alt"))


def _is_quote_shape(name: str, marked: bool, placeholder: bool) -> bool:
    """A deck quote block: the shape named "Quote" (a user's "Quote 2", "Quote Body"... too); in
    decks written before the writer named it, a text box on a slide with a "Quote Mark" glyph
    (``marked``)."""
    name = name.casefold()
    if name.startswith("quote"):
        return name != "quote mark"
    return marked and name.startswith("textbox") and not placeholder


def _frame_text(frame) -> str:
    """Paragraph texts without field results (slide numbers, dates)."""
    lines = []
    for p in frame._txBody.findall(f"{{{A_NS}}}p"):
        parts = []
        for el in p:
            local = el.tag.rsplit("}", 1)[-1]
            if local == "r":
                parts.append("".join(t.text or "" for t in el.iter(f"{{{A_NS}}}t")))
            elif local == "br":
                parts.append("\n")
            elif local == "fld" and not (el.get("type") or "").startswith(("slidenum", "datetime")):
                parts.append("".join(t.text or "" for t in el.iter(f"{{{A_NS}}}t")))
        lines.append("".join(parts))
    return "\n".join(lines)


def _chart_pieces(where: str, chart) -> list[Piece]:
    where = where.replace(", shape ", ", chart ")
    pieces = []
    if chart.has_title and chart.chart_title.has_text_frame:
        pieces.append(Piece(f"{where} title", chart.chart_title.text_frame.text, "chart"))
    for plot in chart.plots:
        cats = [str(c) for c in plot.categories]
        if cats:
            pieces.append(Piece(f"{where} categories", "；".join(cats), "chart"))
        for series in plot.series:
            values = "、".join(_plain(v) for v in series.values if v is not None)
            pieces.append(Piece(f"{where} series {series.name!r}", values, "chart"))
    return pieces


def _plain(value: float) -> str:
    return f"{value:.10g}" if "e" not in f"{value:.10g}" else f"{value:f}"


# --- text fit (slides) ------------------------------------------------------------------------
