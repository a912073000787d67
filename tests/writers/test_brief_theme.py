"""A theme reskins the brief's reference document: its theme part, and a user's styles by role."""

from __future__ import annotations

import dataclasses

from docx import Document

from reportgen.theme import load_theme
from reportgen.writers.brief_theme import reskin
from reportgen.writers.docx_helpers import w


def _other():
    theme = load_theme()
    return dataclasses.replace(
        theme,
        colors={**theme.colors, "primary": "123456", "accent": "ABCDEF", "subtle": "777777"},
        fonts={**theme.fonts, "heading_east_asian": "KaiTi", "east_asian": "FangSong"},
    )


def _theme_xml(document) -> str:
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/theme"))
    return part.blob.decode("utf-8")


def _rpr(document, name: str, tag: str):
    return document.styles[name].element.find(f"{w('rPr')}/{w(tag)}")


def test_the_built_in_look_changes_nothing() -> None:
    document = Document()
    before = (_theme_xml(document), document.styles.element.xml)
    assert reskin(document, load_theme(), styles=True) is False
    assert (_theme_xml(document), document.styles.element.xml) == before


def test_a_users_styles_take_the_theme_by_role() -> None:
    document = Document()  # python-docx's own template: theme colours and theme fonts
    assert reskin(document, _other(), styles=True) is True
    for name in ("Title", "Heading 1", "Heading 2"):
        colour = _rpr(document, name, "color")
        assert colour.get(w("val")) == "123456" and colour.get(w("themeColor")) is None, name
        fonts = _rpr(document, name, "rFonts")
        assert fonts.get(w("eastAsia")) == "KaiTi" and fonts.get(w("asciiTheme")) is None, name
    rule = document.styles["Title"].element.find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}")
    assert rule.get(w("color")) == "123456" and rule.get(w("themeColor")) is None
    assert _rpr(document, "Subtitle", "color").get(w("val")) == "ABCDEF"
    assert _rpr(document, "Caption", "color").get(w("val")) == "777777"
    defaults = document.styles.element.find(f".//{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert defaults.get(w("eastAsia")) == "FangSong"
    assert '<a:dk2><a:srgbClr val="123456"/></a:dk2>' in _theme_xml(document)


def test_without_styles_only_the_theme_part_changes() -> None:
    document = Document()
    styles = document.styles.element.xml
    assert reskin(document, _other(), styles=False) is True
    assert document.styles.element.xml == styles
    assert 'typeface="KaiTi"' in _theme_xml(document)
