"""WordprocessingML helpers: fonts, languages, kinsoku, fields, bookmarks, tables, properties."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.oxml import OxmlElement

from reportgen.writers import docx_helpers as h


@pytest.fixture
def document():
    return docx.Document()


def _names(element) -> list[str]:
    return [c.tag.rsplit("}", 1)[1] for c in element]


def test_w_and_child_in_schema_order() -> None:
    assert h.w("p") == "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
    rpr = OxmlElement("w:rPr")
    lang = h.child(rpr, "lang", h.RPR_ORDER)
    fonts = h.child(rpr, "rFonts", h.RPR_ORDER)
    assert _names(rpr) == ["rFonts", "lang"]  # rFonts goes first, whatever came first
    assert h.child(rpr, "lang", h.RPR_ORDER) is lang and fonts is rpr[0]


def test_fonts_and_language() -> None:
    rpr = OxmlElement("w:rPr")
    fonts = h.child(rpr, "rFonts", h.RPR_ORDER)
    fonts.set(h.w("eastAsiaTheme"), "minorEastAsia")
    h.set_fonts(rpr, latin="Arial", east_asian="SimSun")
    assert fonts.get(h.w("ascii")) == fonts.get(h.w("hAnsi")) == "Arial"
    assert fonts.get(h.w("eastAsia")) == "SimSun" and fonts.get(h.w("eastAsiaTheme")) is None
    h.fill_east_asian(rpr, "KaiTi")
    assert fonts.get(h.w("eastAsia")) == "SimSun"  # a named face is kept
    empty = OxmlElement("w:rPr")
    h.fill_east_asian(empty, "KaiTi")
    assert empty[0].get(h.w("eastAsia")) == "KaiTi"
    h.set_lang(rpr, val="en-US", east_asia="zh-CN")
    lang = rpr.find(h.w("lang"))
    assert (lang.get(h.w("val")), lang.get(h.w("eastAsia"))) == ("en-US", "zh-CN")


def test_kinsoku_and_defaults(document) -> None:
    ppr = OxmlElement("w:pPr")
    h.set_kinsoku(ppr)
    assert _names(ppr) == ["kinsoku", "overflowPunct", "autoSpaceDE", "autoSpaceDN"]
    rpr = h.doc_defaults_rpr(document.styles.element)
    assert rpr.tag == h.w("rPr") and h.doc_defaults_rpr(document.styles.element) is rpr
    settings = document.settings.element
    h.set_theme_font_lang(settings, val="en-US", east_asia="zh-CN")
    node = settings.find(h.w("themeFontLang"))
    assert node.get(h.w("eastAsia")) == "zh-CN"


def test_theme_east_asian_fills_empty_faces(document) -> None:
    h.set_theme_east_asian(document, "SimHei")
    theme = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/theme"))
    assert b'<a:ea typeface="SimHei"/>' in theme.blob


def test_fields_bookmarks_and_links(document) -> None:
    p = document.add_paragraph("第")
    h.add_field(p, "PAGE", "1")
    kinds = [el.get(h.w("fldCharType")) for el in p._p.iter(h.w("fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [t.text for t in p._p.iter(h.w("instrText"))] == [" PAGE "]
    toc = document.add_paragraph()
    h.field_begin(toc, 'TOC \\o "1-3"')
    h.field_end(toc)
    assert [el.get(h.w("fldCharType")) for el in toc._p.iter(h.w("fldChar"))] == [
        "begin",
        "separate",
        "end",
    ]
    target = document.add_paragraph("一、产业")
    h.add_bookmark(target, 7, "_Toc1")
    assert _names(target._p)[0] == "bookmarkStart" and _names(target._p)[-1] == "bookmarkEnd"
    link = document.add_paragraph()
    h.add_internal_link(link, "_Toc1", "一、产业", style="Hyperlink")
    node = link._p.find(h.w("hyperlink"))
    assert node.get(h.w("anchor")) == "_Toc1" and link.text == "一、产业"


def test_table_helpers(document) -> None:
    table = document.add_table(rows=2, cols=2)
    h.repeat_header_tr(table.rows[0]._tr)
    h.no_split_tr(table.rows[1]._tr)
    assert _names(table.rows[0]._tr.trPr) == ["cantSplit", "tblHeader"]
    assert _names(table.rows[1]._tr.trPr) == ["cantSplit"]
    h.shade_tc(table.cell(0, 0)._tc, "EEF2F7")
    assert table.cell(0, 0)._tc.tcPr.find(h.w("shd")).get(h.w("fill")) == "EEF2F7"
    h.set_table_borders(table, "999999", inside_vertical=False)
    borders = {
        c.tag.rsplit("}", 1)[1]: c.get(h.w("val")) for c in table._tbl.tblPr.find(h.w("tblBorders"))
    }
    assert borders == {"top": "single", "left": "nil", "bottom": "single", "right": "nil",
                       "insideH": "single", "insideV": "nil"}  # fmt: skip
    h.set_table_caption(table, "核心数据", "数据与出处")
    assert table._tbl.tblPr.find(h.w("tblCaption")).get(h.w("val")) == "核心数据"


def test_alt_text(document, tmp_path) -> None:
    from PIL import Image

    Image.new("RGB", (4, 4)).save(tmp_path / "x.png")
    shape = document.add_picture(str(tmp_path / "x.png"))
    h.set_alt_text(shape, "图1 产值", "产值")
    assert shape._inline.docPr.get("descr") == "图1 产值"
    assert shape._inline.docPr.get("title") == "产值"


def test_package_and_properties(document) -> None:
    h.drop_package_parts(document)
    kinds = {r.reltype for r in document.part.package.rels.values()}
    assert h.THUMBNAIL not in kinds
    h.reset_app_properties(document, "reportgen")
    app = next(
        r.target_part for r in document.part.package.rels.values() if r.reltype == h.EXT_PROPS
    )
    assert b"<Application>reportgen</Application>" in app.blob
    when = dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.timezone.utc)
    h.set_core_properties(document, title="标" * 300, author="刘健", when=when, language="zh-CN")
    core = document.core_properties
    assert len(core.title) == 255 and core.author == "刘健" and core.created == when
    assert core.revision == 1 and core.language == "zh-CN" and core.keywords == ""


def test_body_paragraphs_are_the_ones_python_docx_adds() -> None:
    """add_body_paragraph (constant time) gives the same body as document.add_paragraph."""
    ours, theirs = docx.Document(), docx.Document()
    for i in range(3):
        h.add_body_paragraph(ours).add_run(f"p{i}")
        theirs.add_paragraph().add_run(f"p{i}")
    assert ours.element.xml == theirs.element.xml
    assert h.last_body_paragraph(ours).text == theirs.paragraphs[-1].text == "p2"
    ours.add_table(rows=1, cols=1)
    assert h.last_body_paragraph(ours).text == "p2"


def test_table_cells_repeat_the_cell_above_for_a_null_in_a_merged_column() -> None:
    from reportgen.writers.docx_helpers import table_cells

    rows = [["D1", "5亿元", "一句话。"], ["D2", "6亿元", None], ["D3", None, None], [None, 1, "另"]]
    assert table_cells(rows, [2]) == [
        ["D1", "5亿元", "一句话。"],
        ["D2", "6亿元", "一句话。"],
        ["D3", "None", "一句话。"],
        ["None", "1", "另"],
    ]
    assert table_cells([[None, "a"]], [0]) == [["None", "a"]]  # nothing above: as before
