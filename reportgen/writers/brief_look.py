"""The briefing's look as data: style specs for the built-in styles and a function applying them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from reportgen.writers.docx_helpers import PPR_ORDER, RPR_ORDER, child, set_fonts, set_kinsoku, w

if TYPE_CHECKING:
    from reportgen.theme import Theme

# Styles the writer creates when a template lacks them (all based on Normal).
EXTRA_STYLES = (
    "TOC Heading",
    "Brief Kicker",
    "Brief Meta",
    "Brief Note",
    "Table Text",
    "TOC 1",
    "TOC 2",
)


def default_specs(theme: Theme, language: str = "zh") -> dict[str, dict]:
    """Style specs of the built-in look, with fonts, colours and sizes from the shared theme.

    Chinese body text is justified (a grid of equal characters); English text is set ragged
    right, since justifying a narrow column of words opens wide gaps. Headings are never
    justified (a short last line would otherwise be spread across the page)."""
    body, head = theme.font("latin"), theme.font("heading_latin")
    ea, head_ea = theme.font("east_asian"), theme.font("heading_east_asian")
    c = theme.colors
    size = theme.sizes.get("brief_body", 11)
    base = {"latin": body, "ea": ea, "color": c["text"]}
    heading = {
        "latin": head,
        "ea": head_ea,
        "bold": True,
        "italic": False,
        "keep_next": True,
        "align": "left",
    }
    align = "both" if language == "zh" else "left"
    return {
        "Normal": {**base, "size": size, "line": 1.35, "after": 6, "align": align},
        "Title": {
            **heading,
            "size": theme.sizes.get("brief_title", 20),
            "color": c["primary"],
            "before": 0,
            "after": 6,
            "line": 1.15,
            "align": "left",
            "border_bottom": None,
        },
        "Subtitle": {**base, "size": size, "color": c["accent"], "italic": False, "after": 4},
        "Brief Kicker": {**base, "size": size, "color": c["accent"], "bold": True, "after": 4},
        "Brief Meta": {**base, "size": size - 1.5, "color": c["subtle"], "after": 0, "line": 1.2},
        "Heading 1": {
            **heading,
            "size": size + 4,
            "color": c["primary"],
            "before": 18,
            "after": 8,
            "line": 1.2,
            "border_bottom": c["primary"],
        },
        "Heading 2": {
            **heading,
            "size": size + 1.5,
            "color": c["primary"],
            "before": 12,
            "after": 4,
            "line": 1.2,
        },
        "TOC Heading": {
            **heading,
            "size": size + 4,
            "color": c["primary"],
            "before": 12,
            "after": 8,
            "border_bottom": None,
            "outline": 9,
        },
        "List Bullet": {**base, "after": 4},
        "List Number": {**base, "after": 4},
        "Caption": {
            **base,
            "size": size - 1.5,
            "color": c["subtle"],
            "bold": False,
            "italic": False,
            "align": "center",
            "before": 2,
            "after": 12,
        },
        "Quote": {
            **base,
            "size": size - 0.5,
            "italic": False,
            "color": c["text"],
            "left": 18,
            "right": 18,
            "before": 6,
            "after": 2,
            "border_left": c["accent"],
            "shading": c["panel"],
        },
        "Brief Note": {**base, "size": size - 2, "color": c["subtle"], "after": 6},
        "Table Text": {
            **base,
            "size": size - 1.5,
            "line_exact": size + 3,
            "before": 1,
            "after": 1,
            "align": "left",
        },
        "TOC 1": {**base, "size": size, "after": 3, "before": 3},
        "TOC 2": {**base, "size": size - 0.5, "after": 2, "left": 21},
        "Header": {
            **base,
            "size": size - 2,
            "color": c["subtle"],
            "align": "right",
            "border_bottom": c["grid"],
        },
        "Footer": {**base, "size": size - 2, "color": c["subtle"], "align": "center"},
    }


def apply_specs(document, specs: dict[str, dict]) -> None:
    """Create missing styles and set each style's fonts, size, colour, spacing and borders."""
    from docx.enum.style import WD_STYLE_TYPE

    names = {s.name for s in document.styles}
    for name, spec in specs.items():
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            style.quick_style = name.startswith("Brief")
        _apply(document.styles[name], spec)


def ensure_extra_styles(document) -> None:
    """Add the writer's own styles (plain, based on Normal) to a template that lacks them."""
    from docx.enum.style import WD_STYLE_TYPE

    names = {s.name for s in document.styles}
    for name in EXTRA_STYLES:
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            if name == "TOC 2":
                style.paragraph_format.left_indent = 266700  # 21 pt in EMU


def _apply(style, spec: dict) -> None:
    from docx.shared import Pt

    font = style.font
    rpr = style.element.get_or_add_rPr()
    if spec.get("latin") or spec.get("ea"):
        set_fonts(rpr, latin=spec.get("latin"), east_asian=spec.get("ea"))
    if "size" in spec:
        font.size = Pt(spec["size"])
        child(rpr, "szCs", RPR_ORDER).set(w("val"), str(int(spec["size"] * 2)))
    for key in ("bold", "italic"):
        if key in spec:
            setattr(font, key, spec[key])
            cs = child(rpr, "bCs" if key == "bold" else "iCs", RPR_ORDER)
            cs.set(w("val"), "1" if spec[key] else "0")
    if "color" in spec:
        color = child(rpr, "color", RPR_ORDER)
        color.attrib.clear()
        color.set(w("val"), spec["color"])
    _paragraph(style, spec, Pt)


_ALIGN = {"left": 0, "center": 1, "right": 2, "both": 3}


def _paragraph(style, spec: dict, pt) -> None:
    from docx.enum.text import WD_LINE_SPACING

    pf = style.paragraph_format
    ppr = style.element.get_or_add_pPr()
    if "align" in spec:
        pf.alignment = _ALIGN[spec["align"]]
    if "before" in spec:
        pf.space_before = pt(spec["before"])
    if "after" in spec:
        pf.space_after = pt(spec["after"])
    if "line" in spec:
        pf.line_spacing = spec["line"]
    if "line_exact" in spec:
        pf.line_spacing = pt(spec["line_exact"])
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    if "left" in spec:
        pf.left_indent = pt(spec["left"])
    if "right" in spec:
        pf.right_indent = pt(spec["right"])
    if "first_chars" in spec:
        ind = child(ppr, "ind", PPR_ORDER)
        ind.set(w("firstLineChars"), str(int(spec["first_chars"] * 100)))
        ind.set(w("firstLine"), str(int(spec["first_chars"] * spec.get("size", 12) * 20)))
    if "keep_next" in spec:
        pf.keep_with_next = spec["keep_next"]
        pf.keep_together = spec["keep_next"]
    if "outline" in spec:
        child(ppr, "outlineLvl", PPR_ORDER).set(w("val"), str(spec["outline"]))
    ctx = ppr.find(w("contextualSpacing"))
    if ctx is not None:
        ppr.remove(ctx)
    _borders(ppr, spec)
    if "shading" in spec:
        shd = child(ppr, "shd", PPR_ORDER)
        shd.attrib.clear()
        shd.set(w("val"), "clear")
        shd.set(w("color"), "auto")
        shd.set(w("fill"), spec["shading"])
    if style.name == "Normal":
        set_kinsoku(ppr)


def _borders(ppr, spec: dict) -> None:
    edges = {"bottom": spec.get("border_bottom", "keep"), "left": spec.get("border_left", "keep")}
    if all(v == "keep" for v in edges.values()):
        return
    old = ppr.find(w("pBdr"))
    if old is not None:
        ppr.remove(old)
    if not any(v not in ("keep", None) for v in edges.values()):
        return
    pbdr = child(ppr, "pBdr", PPR_ORDER)
    for edge in ("left", "bottom"):
        color = edges[edge]
        if color in ("keep", None):
            continue
        node = etree.SubElement(pbdr, w(edge))
        node.set(w("val"), "single")
        node.set(w("sz"), "18" if edge == "left" else "8")
        node.set(w("space"), "6" if edge == "left" else "4")
        node.set(w("color"), color)


# GB/T 9704-2012 faces, each with the face Word substitutes when it is missing (fontTable).
GONGWEN_FONTS = {
    "title": ("方正小标宋简体", "宋体"),
    "body": ("仿宋_GB2312", "仿宋"),
    "heading1": ("黑体", "SimHei"),
    "heading2": ("楷体_GB2312", "楷体"),
    "page": ("宋体", "SimSun"),
}


def gongwen_specs(fonts: dict[str, tuple[str, str]] | None = None) -> dict[str, dict]:
    """Style specs for GB/T 9704-2012: 22 lines of 28 characters, 三号 body, 二号 title."""
    f = {**GONGWEN_FONTS, **(fonts or {})}
    black = "000000"

    def face(key: str, **spec) -> dict:
        return {
            "latin": "Times New Roman",
            "ea": f[key][0],
            "color": black,
            "bold": False,
            "italic": False,
            **spec,
        }

    body = face("body", size=16, line_exact=29, before=0, after=0, align="both")
    indented = {**body, "first_chars": 2}
    return {
        "Normal": indented,
        "Title": face(
            "title",
            size=22,
            line_exact=36,
            before=0,
            after=29,
            align="center",
            border_bottom=None,
            keep_next=True,
        ),
        "Subtitle": face("heading2", size=16, line_exact=29, align="center", after=0),
        "Brief Kicker": face(
            "heading2", size=16, line_exact=29, align="center", after=0, first_chars=0
        ),
        "Brief Meta": face(
            "heading2", size=16, line_exact=29, align="center", after=0, first_chars=0
        ),
        "Heading 1": face(
            "heading1",
            size=16,
            line_exact=29,
            before=0,
            after=0,
            first_chars=2,
            keep_next=True,
            align="both",
            border_bottom=None,
        ),
        "Heading 2": face(
            "heading2",
            size=16,
            line_exact=29,
            before=0,
            after=0,
            first_chars=2,
            keep_next=True,
            align="both",
        ),
        "TOC Heading": face(
            "heading1", size=16, line_exact=29, align="center", outline=9, border_bottom=None
        ),
        "List Bullet": indented,
        "List Number": indented,
        "Caption": face(
            "body", size=14, line_exact=24, align="center", before=4, after=8, first_chars=0
        ),
        "Quote": {**indented, "left": 0, "right": 0, "border_left": None},
        "Brief Note": face("body", size=14, line_exact=24, first_chars=2, after=0),
        "Table Text": face("body", size=12, line_exact=18, align="left", first_chars=0),
        "TOC 1": body,
        "TOC 2": {**body, "left": 32},
        "Header": face("body", size=10.5, align="center", border_bottom=None),
        "Footer": face("page", size=14, align="center"),
    }


def page_setup(
    section, *, top: float, bottom: float, left: float, right: float, header: float, footer: float
) -> None:
    """A4 portrait with margins and header/footer distances in millimetres."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance, section.footer_distance = Mm(header), Mm(footer)
    section.gutter = 0


def set_font_alternates(document, fonts: dict[str, tuple[str, str]]) -> None:
    """Declare each face in fontTable.xml with a ``w:altName`` Word uses when it is missing."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            root = etree.fromstring(part.blob)
            for name, alt in fonts.values():
                node = etree.SubElement(root, w("font"))
                node.set(w("name"), name)
                etree.SubElement(node, w("altName")).set(w("val"), alt)
                etree.SubElement(node, w("charset")).set(w("val"), "86")
                etree.SubElement(node, w("family")).set(w("val"), "auto")
                etree.SubElement(node, w("pitch")).set(w("val"), "variable")
            part._blob = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
