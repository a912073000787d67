"""Build templates/default/reference.pptx: the built-in 16:9 deck template (run to regenerate)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lxml import etree  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.util import Emu, Inches  # noqa: E402

from reportgen.theme import load_theme  # noqa: E402
from reportgen.writers.ooxml import normalize_zip  # noqa: E402

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
WIDE, HIGH = 12192000, 6858000
KEEP = ("Title Slide", "Title Only", "Section Header", "Title and Content", "Blank")


def _q(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _rect(shape_id: int, name: str, box: tuple[int, int, int, int], color: str) -> etree._Element:
    x, y, cx, cy = box
    xml = (
        f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        "</p:spPr></p:sp>"
    )
    return etree.fromstring(xml)


def _decorate(container, shapes: list[etree._Element]) -> None:
    """Put decoration shapes first in the tree, behind the placeholders."""
    tree = container._element.find(".//p:cSld/p:spTree", NS)
    start = tree.index(tree.find("p:grpSpPr", NS)) + 1
    for offset, shape in enumerate(shapes):
        tree.insert(start + offset, shape)


def _text_style(
    ph, size: float, color: str, bold: bool, align: str = "l", anchor: str = ""
) -> None:
    """Level-1 style of a layout placeholder: size, colour, weight, alignment, anchor."""
    body = ph._element.find(".//p:txBody", NS)
    if anchor:
        body.find("a:bodyPr", NS).set("anchor", anchor)
    lst = body.find("a:lstStyle", NS)
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, _q("a:lvl1pPr"), marL="0", indent="0", algn=align)
    etree.SubElement(lvl, _q("a:buNone"))
    rpr = etree.SubElement(lvl, _q("a:defRPr"), sz=str(int(size * 100)), b="1" if bold else "0")
    fill = etree.SubElement(rpr, _q("a:solidFill"))
    etree.SubElement(fill, _q("a:srgbClr"), val=color)


def _place(ph, left: float, top: float, width: float, height: float) -> None:
    ph.left, ph.top, ph.width, ph.height = Inches(left), Inches(top), Inches(width), Inches(height)


def _scale_x(element) -> None:
    for off in element.iter(_q("a:off")):
        off.set("x", str(int(int(off.get("x")) * WIDE / 9144000)))
    for ext in element.iter(_q("a:ext")):
        if ext.get("cx") is not None:
            ext.set("cx", str(int(int(ext.get("cx")) * WIDE / 9144000)))


def _theme_part(prs, colors: dict[str, str], palette: list[str], fonts: dict) -> None:
    part = prs.slide_master.part.part_related_by(RT_THEME)
    root = etree.fromstring(part.blob)
    root.set("name", "reportgen")
    scheme = root.find(".//a:clrScheme", NS)
    scheme.set("name", "reportgen")
    slots = {"dk2": colors["primary"], "lt2": colors["panel"]}
    slots.update({f"accent{i + 1}": c for i, c in enumerate(palette[:6])})
    for slot, value in slots.items():
        el = scheme.find(f"a:{slot}", NS)
        for child in list(el):
            el.remove(child)
        etree.SubElement(el, _q("a:srgbClr"), val=value)
    fs = root.find(".//a:fontScheme", NS)
    fs.set("name", "reportgen")
    for kind, latin, ea in (
        ("majorFont", fonts["heading_latin"], fonts["heading_east_asian"]),
        ("minorFont", fonts["latin"], fonts["east_asian"]),
    ):
        block = fs.find(f"a:{kind}", NS)
        block.find("a:latin", NS).set("typeface", str(latin))
        block.find("a:ea", NS).set("typeface", str(ea))
        for script in block.findall("a:font", NS):
            if script.get("script") == "Hans":
                script.set("typeface", str(ea))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_layouts(prs) -> None:
    """Keep only the layouts the deck plan names (others would only confuse users)."""
    master = prs.slide_master
    for layout in list(master.slide_layouts):
        if layout.name not in KEEP:
            master.slide_layouts.remove(layout)


def _drop_extras(prs) -> None:
    pkg = prs.part.package
    for rid, rel in list(pkg._rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            pkg.drop_rel(rid)
    for rid, rel in list(prs.part.rels.items()):
        if rel.reltype.endswith("/printerSettings"):
            prs.part.drop_rel(rid)


def build(path: Path) -> Path:
    theme = load_theme()
    c = theme.colors
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(WIDE), Emu(HIGH)
    master = prs.slide_master
    _scale_x(master._element.find("p:cSld", NS))
    for layout in master.slide_layouts:
        _scale_x(layout._element.find("p:cSld", NS))
    _drop_layouts(prs)
    _theme_part(prs, c, theme.palette, theme.fonts)
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = _rgb(c["background"])

    # Master: title at the top left with an accent mark beside it and a rule under it.
    for ph in master.placeholders:
        kind = ph.placeholder_format.type
        name = str(kind).split(".")[-1].split(" ")[0]
        if name.startswith("TITLE"):
            _place(ph, 0.9, 0.3, 11.53, 0.95)
            _text_style(ph, theme.sizes["slide_title"], c["primary"], True, "l", "ctr")
        elif name.startswith("BODY"):
            _place(ph, 0.9, 1.6, 11.53, 5.0)
        elif name.startswith("SLIDE_NUMBER"):
            _place(ph, 11.33, 6.95, 1.1, 0.35)
            _text_style(ph, 11, c["subtle"], False, "r", "ctr")
        elif name.startswith("DATE"):
            _place(ph, 0.9, 6.95, 2.5, 0.35)
        elif name.startswith("FOOTER"):
            _place(ph, 3.9, 6.95, 5.5, 0.35)
    _decorate(
        master,
        [
            _rect(90, "Accent Mark", _box(0.55, 0.5, 0.1, 0.55), c["accent"]),
            _rect(91, "Title Rule", _box(0.9, 1.32, 11.53, 0.02), c["grid"]),
            _rect(92, "Footer Band", _box(0, 7.42, 13.333, 0.08), c["primary"]),
        ],
    )

    for layout in master.slide_layouts:
        if layout.name == "Title Slide":
            _title_layout(layout, theme)
        elif layout.name == "Section Header":
            _section_layout(layout, theme)
        for ph in layout.placeholders:
            name = str(ph.placeholder_format.type).split(".")[-1].split(" ")[0]
            if name.startswith("SLIDE_NUMBER"):
                _place(ph, 11.33, 6.95, 1.1, 0.35)
            elif layout.name in ("Title Only", "Title and Content") and name == "TITLE":
                _place(ph, 0.9, 0.3, 11.53, 0.95)
            elif layout.name == "Title and Content" and name == "OBJECT":
                _place(ph, 0.9, 1.6, 11.53, 5.0)
    _drop_extras(prs)
    core = prs.core_properties
    core.title, core.author, core.last_modified_by = "reportgen", "reportgen", "reportgen"
    core.comments = "reportgen built-in 16:9 deck template"
    buf = io.BytesIO()
    prs.save(buf)
    path.write_bytes(normalize_zip(buf.getvalue()))
    return path


def _title_layout(layout, theme) -> None:
    c = theme.colors
    layout._element.set("showMasterSp", "0")
    for ph in layout.placeholders:
        name = str(ph.placeholder_format.type).split(".")[-1].split(" ")[0]
        if name == "CENTER_TITLE":
            _place(ph, 0.9, 1.35, 11.53, 2.55)
            _text_style(ph, 40, "FFFFFF", True, "l", "b")
        elif name == "SUBTITLE":
            _place(ph, 0.9, 4.85, 11.53, 0.7)
            _text_style(ph, 22, c["primary"], True, "l", "t")
    _decorate(
        layout,
        [
            _rect(90, "Title Band", _box(0, 0, 13.333, 4.55), c["primary"]),
            _rect(91, "Title Accent", _box(0.9, 1.05, 1.3, 0.09), c["accent"]),
            _rect(92, "Footer Band", _box(0, 7.42, 13.333, 0.08), c["primary"]),
        ],
    )


def _section_layout(layout, theme) -> None:
    c = theme.colors
    layout._element.set("showMasterSp", "0")
    layout.background.fill.solid()
    layout.background.fill.fore_color.rgb = _rgb(c["primary"])
    for ph in layout.placeholders:
        name = str(ph.placeholder_format.type).split(".")[-1].split(" ")[0]
        if name == "TITLE":
            _place(ph, 0.9, 4.75, 11.53, 1.05)
            _text_style(ph, 32, "FFFFFF", True, "l", "t")
        elif name == "BODY":
            _place(ph, 0.9, 5.85, 11.53, 0.75)
            _text_style(ph, 20, "DCE6F2", False, "l", "t")
        elif name.startswith("SLIDE_NUMBER"):
            _text_style(ph, 11, "DCE6F2", False, "r", "ctr")
    _decorate(layout, [_rect(90, "Section Accent", _box(0.9, 4.5, 1.3, 0.09), c["accent"])])


def _box(x: float, y: float, w: float, h: float) -> tuple[int, int, int, int]:
    return int(Inches(x)), int(Inches(y)), int(Inches(w)), int(Inches(h))


def _rgb(hex_color: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_color)


if __name__ == "__main__":
    out = build(HERE / "default" / "reference.pptx")
    print(f"wrote {out}")
