"""python-docx gaps: East Asian fonts, language, alt text, fields, bookmarks, package hygiene."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
EXT_PROPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
)
CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"

_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag or attribute."""
    return f"{{{W_NS}}}{tag}"


def child(parent, tag: str, order: Iterable[str]):
    """The ``w:tag`` child of ``parent``, created in schema order when missing."""
    found = parent.find(w(tag))
    if found is not None:
        return found
    order = list(order)
    new = etree.SubElement(parent, w(tag))
    parent.remove(new)
    later = set(order[order.index(tag) + 1 :])
    for i, sibling in enumerate(parent):
        if etree.QName(sibling).localname in later:
            parent.insert(i, new)
            return new
    parent.append(new)
    return new


def add_body_paragraph(document):
    """``document.add_paragraph()`` in constant time: python-docx looks for the body's final
    ``w:sectPr`` among all its children on every paragraph (quadratic in paragraphs); the same
    new ``w:p`` goes right before it when it is the last child, as it is in any Word body."""
    from docx.text.paragraph import Paragraph

    body = document._body
    element = body._element
    try:
        last = element[-1]  # from the end (lxml's len() counts every child)
    except IndexError:
        last = None
    if last is None or last.tag != w("sectPr"):
        return Paragraph(element.add_p(), body)
    p = element._new_p()
    last.addprevious(p)
    return Paragraph(p, body)


def last_body_paragraph(document):
    """``document.paragraphs[-1]`` without listing every paragraph (None when there is none)."""
    from docx.text.paragraph import Paragraph

    body = document._body
    for element in reversed(body._element):
        if element.tag == w("p"):
            return Paragraph(element, body)
    return None


def set_fonts(rpr, *, latin: str | None = None, east_asian: str | None = None) -> None:
    """Name the Latin and East Asian faces on an ``w:rPr`` and drop theme-font attributes."""
    rfonts = child(rpr, "rFonts", RPR_ORDER)
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(w(attr), None)
    if latin:
        rfonts.set(w("ascii"), latin)
        rfonts.set(w("hAnsi"), latin)
    if east_asian:
        rfonts.set(w("eastAsia"), east_asian)


def fill_east_asian(rpr, east_asian: str) -> None:
    """Give an ``w:rPr`` an East Asian face only when it names none (user templates)."""
    rfonts = rpr.find(w("rFonts"))
    if rfonts is not None and rfonts.get(w("eastAsia")):
        rfonts.attrib.pop(w("eastAsiaTheme"), None)
        return
    set_fonts(rpr, east_asian=east_asian)


def set_lang(rpr, *, val: str, east_asia: str) -> None:
    """Tag runs with a Latin and an East Asian language (Word's kinsoku keys on the latter)."""
    lang = child(rpr, "lang", RPR_ORDER)
    lang.set(w("val"), val)
    lang.set(w("eastAsia"), east_asia)


def set_kinsoku(ppr) -> None:
    """Chinese line breaking: kinsoku, hanging punctuation, auto spacing to Latin and digits."""
    for tag in ("kinsoku", "overflowPunct", "autoSpaceDE", "autoSpaceDN"):
        child(ppr, tag, PPR_ORDER).set(w("val"), "1")


def doc_defaults_rpr(styles_element):
    """The ``w:docDefaults/w:rPrDefault/w:rPr`` of a styles part, created when missing."""
    defaults = styles_element.find(w("docDefaults"))
    if defaults is None:
        defaults = etree.Element(w("docDefaults"))
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(w("rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, w("rPr"))
    return rpr


def set_theme_font_lang(settings_element, *, val: str, east_asia: str) -> None:
    """``w:themeFontLang`` in settings.xml, so theme fonts resolve for the right script."""
    node = settings_element.find(w("themeFontLang"))
    if node is None:
        node = etree.SubElement(settings_element, w("themeFontLang"))
        anchor = settings_element.find(w("clrSchemeMapping"))
        if anchor is not None:
            settings_element.remove(node)
            anchor.addprevious(node)
    node.set(w("val"), val)
    node.set(w("eastAsia"), east_asia)


def set_theme_east_asian(document, face: str) -> None:
    """Fill the empty ``a:ea`` of the document theme's major and minor fonts."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            part = rel.target_part
            root = etree.fromstring(part.blob)
            for ea in root.iter(f"{{{A_NS}}}ea"):
                if not ea.get("typeface"):
                    ea.set("typeface", face)
            part._blob = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def set_alt_text(inline_shape, description: str, title: str = "") -> None:
    """Alt text of a picture: ``descr`` and ``title`` on its ``wp:docPr``."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", description)
    if title:
        doc_pr.set("title", title)


def _run(paragraph, *, text: str | None = None, fld: str | None = None, instr: str | None = None):
    r = etree.SubElement(paragraph._p, w("r"))
    if fld:
        etree.SubElement(r, w("fldChar")).set(w("fldCharType"), fld)
    if instr is not None:
        node = etree.SubElement(r, w("instrText"))
        node.text = instr
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if text is not None:
        node = etree.SubElement(r, w("t"))
        node.text = text
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def add_field(paragraph, instruction: str, result: str) -> None:
    """A complex field (begin, instruction, separate, cached result, end) at the paragraph end."""
    _run(paragraph, fld="begin")
    _run(paragraph, instr=f" {instruction} ")
    _run(paragraph, fld="separate")
    _run(paragraph, text=result)
    _run(paragraph, fld="end")


def field_begin(paragraph, instruction: str) -> None:
    """The opening half of a field whose result spans several paragraphs (a TOC)."""
    _run(paragraph, fld="begin")
    _run(paragraph, instr=f" {instruction} ")
    _run(paragraph, fld="separate")


def field_end(paragraph) -> None:
    """The closing ``fldChar`` of a multi-paragraph field."""
    _run(paragraph, fld="end")


def add_bookmark(paragraph, bookmark_id: int, name: str) -> None:
    """Wrap the paragraph's content in a bookmark (TOC entries link to it)."""
    start = etree.Element(w("bookmarkStart"))
    start.set(w("id"), str(bookmark_id))
    start.set(w("name"), name)
    end = etree.Element(w("bookmarkEnd"))
    end.set(w("id"), str(bookmark_id))
    ppr = paragraph._p.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def add_internal_link(paragraph, anchor: str, text: str, style: str | None = None) -> None:
    """A hyperlink to a bookmark in the same document."""
    link = etree.SubElement(paragraph._p, w("hyperlink"))
    link.set(w("anchor"), anchor)
    link.set(w("history"), "1")
    r = etree.SubElement(link, w("r"))
    if style:
        rpr = etree.SubElement(r, w("rPr"))
        etree.SubElement(rpr, w("rStyle")).set(w("val"), style)
    t = etree.SubElement(r, w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def repeat_header_tr(tr) -> None:
    """Mark a ``w:tr`` as a header row repeated on every page (``w:tblHeader``), unsplit."""
    tr_pr = tr.get_or_add_trPr()
    for tag in ("cantSplit", "tblHeader"):
        if tr_pr.find(w(tag)) is None:
            etree.SubElement(tr_pr, w(tag))


def no_split_tr(tr) -> None:
    """Keep a ``w:tr`` on one page."""
    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(w("cantSplit")) is None:
        tr_pr.insert(0, etree.Element(w("cantSplit")))


def shade_tc(tc, fill: str) -> None:
    """Solid background colour of a ``w:tc`` (hex RRGGBB)."""
    tc_pr = tc.get_or_add_tcPr()
    shd = tc_pr.find(w("shd"))
    if shd is None:
        shd = etree.SubElement(tc_pr, w("shd"))
    shd.set(w("val"), "clear")
    shd.set(w("color"), "auto")
    shd.set(w("fill"), fill)


def set_table_borders(
    table, color: str, size_eighths: int = 4, inside_vertical: bool = True
) -> None:
    """Single-line borders on a table (direct formatting: no table style is required)."""
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(w("tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    borders = etree.Element(w("tblBorders"))
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = etree.SubElement(borders, w(edge))
        hidden = edge in ("left", "right") or (edge == "insideV" and not inside_vertical)
        node.set(w("val"), "nil" if hidden else "single")
        if not hidden:
            node.set(w("sz"), str(size_eighths))
            node.set(w("space"), "0")
            node.set(w("color"), color)
    anchor = None
    for tag in ("tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "shd"):
        anchor = tbl_pr.find(w(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def set_table_caption(table, caption: str, description: str = "") -> None:
    """Accessible table title and description (``w:tblCaption``/``w:tblDescription``)."""
    tbl_pr = table._tbl.tblPr
    for tag, value in (("tblCaption", caption), ("tblDescription", description)):
        if value:
            etree.SubElement(tbl_pr, w(tag)).set(w("val"), value)


def drop_package_parts(document) -> None:
    """Remove the template's thumbnail and custom XML parts from the package."""
    package = document.part.package
    for rels, kinds in ((package.rels, (THUMBNAIL,)), (document.part.rels, (CUSTOM_XML,))):
        for r_id, rel in list(rels.items()):
            if rel.reltype in kinds:
                del rels[r_id]


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{app}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def reset_app_properties(document, application: str) -> None:
    """Replace docProps/app.xml (template name, page counts, company) with a minimal one."""
    for rel in document.part.package.rels.values():
        if rel.reltype == EXT_PROPS:
            rel.target_part._blob = _APP_XML.format(app=application).encode("utf-8")


def set_core_properties(
    document, *, title: str, author: str, when: _dt.datetime, language: str, subject: str = ""
) -> None:
    """Core properties from the article (each cut to the 255 characters the format allows);
    every template leftover cleared."""
    core = document.core_properties
    core.title = title[:255]
    core.author = author[:255]
    core.subject = subject[:255]
    core.last_modified_by = author[:255]
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.content_status = ""
    core.identifier = ""
    core.version = ""
    core.revision = 1
    core.language = language
    core.created = when
    core.modified = when
    printed = core._element.find(
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted"
    )
    if printed is not None:
        core._element.remove(printed)


def table_cells(rows: list, merge: list[int]) -> list[list[str]]:
    """Table rows as text; in a ``merge`` column a null cell (``~``) repeats the cell above (a
    plan need not write one long source sentence out again for each of its figures)."""
    out: list[list[str]] = []
    for row in rows:
        above = out[-1] if out else []
        out.append(
            [
                above[j] if c is None and j in merge and j < len(above) else str(c)
                for j, c in enumerate(row)
            ]
        )
    return out
