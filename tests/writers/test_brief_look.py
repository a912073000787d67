"""The brief's look as data: style specs (default and GB/T 9704 gongwen) and applying them."""

from __future__ import annotations

import docx
from docx.shared import Pt

from reportgen.theme import load_theme
from reportgen.writers.brief_look import (
    EXTRA_STYLES,
    GONGWEN_FONTS,
    apply_specs,
    default_specs,
    ensure_extra_styles,
    gongwen_specs,
    page_setup,
    set_font_alternates,
)
from reportgen.writers.docx_helpers import w

THEME = load_theme()


def test_default_specs_take_the_theme_and_justify_only_chinese() -> None:
    zh, en = default_specs(THEME, "zh"), default_specs(THEME, "en")
    assert zh["Normal"]["ea"] == THEME.font("east_asian")
    assert zh["Normal"]["latin"] == THEME.font("latin")
    assert zh["Normal"]["size"] == THEME.sizes.get("brief_body", 11)
    assert zh["Normal"]["align"] == "both" and en["Normal"]["align"] == "left"
    assert {"Title", "Heading 1", "Heading 2", "Caption", "Quote"} <= set(zh)


def test_gongwen_specs_follow_the_standard() -> None:
    specs = gongwen_specs()
    assert specs["Title"]["ea"] == GONGWEN_FONTS["title"][0] and specs["Title"]["size"] == 22
    assert specs["Normal"]["size"] == 16 and specs["Normal"]["ea"] == GONGWEN_FONTS["body"][0]
    mine = gongwen_specs({"body": ("FangSong", "仿宋")})
    assert mine["Normal"]["ea"] == "FangSong"


def test_apply_specs_sets_and_creates_styles() -> None:
    document = docx.Document()
    specs = {
        "Normal": {"latin": "Arial", "ea": "SimSun", "size": 12, "color": "222222"},
        "Brief Kicker": {"latin": "Arial", "ea": "SimHei", "size": 10, "bold": True},
    }
    apply_specs(document, specs)
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(12) and normal.font.name == "Arial"
    fonts = normal.element.rPr.find(w("rFonts"))
    assert fonts.get(w("eastAsia")) == "SimSun"
    kicker = document.styles["Brief Kicker"]
    assert kicker.base_style.name == "Normal" and kicker.font.bold is True


def test_ensure_extra_styles_adds_only_what_is_missing() -> None:
    document = docx.Document()
    before = len(document.styles)
    ensure_extra_styles(document)
    names = {s.name for s in document.styles}
    assert set(EXTRA_STYLES) <= names
    added = len(document.styles) - before
    ensure_extra_styles(document)
    assert len(document.styles) - before == added  # idempotent
    assert document.styles["TOC 2"].paragraph_format.left_indent == 266700


def test_page_setup_is_a4_portrait_in_millimetres() -> None:
    section = docx.Document().sections[0]
    page_setup(section, top=37, bottom=35, left=28, right=26, header=15, footer=28)
    mm = [
        round(x.mm)
        for x in (section.page_width, section.page_height, section.top_margin, section.left_margin)
    ]
    assert mm == [210, 297, 37, 28]  # stored in twips: whole millimetres after rounding
    assert round(section.footer_distance.mm) == 28 and section.gutter == 0


def test_set_font_alternates_declares_each_face() -> None:
    document = docx.Document()
    set_font_alternates(document, {"body": ("仿宋_GB2312", "仿宋")})
    table = next(
        r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable")
    )
    text = table.blob.decode("utf-8")
    assert 'w:name="仿宋_GB2312"' in text and '<w:altName w:val="仿宋"/>' in text
