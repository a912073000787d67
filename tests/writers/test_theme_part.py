"""The theme part shared by Word and PowerPoint takes a theme's colour and font schemes; colours
are mapped by role from the built-in theme; the built-in look is recognised."""

from __future__ import annotations

import dataclasses

from lxml import etree

from reportgen.theme import load_theme
from reportgen.writers.theme_part import (
    A,
    colour_map,
    is_builtin_look,
    recolour,
    reskin_theme_part,
    scheme_map,
)

THEME_XML = f"""<a:theme xmlns:a="{A}" name="Office"><a:themeElements>
<a:clrScheme name="Office"><a:dk2><a:srgbClr val="1F497D"/></a:dk2>
<a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:sysClr val="x" lastClr="4F81BD"/></a:accent1>
</a:clrScheme><a:fontScheme name="Office">
<a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:font script="Hans" typeface="宋体"/>
</a:majorFont><a:minorFont><a:latin typeface="Cambria"/><a:ea typeface=""/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>"""


class _Part:
    def __init__(self, blob: bytes) -> None:
        self._blob = blob

    @property
    def blob(self) -> bytes:
        return self._blob


def _other():
    theme = load_theme()
    return dataclasses.replace(
        theme,
        colors={**theme.colors, "primary": "123456"},
        fonts={**theme.fonts, "heading_east_asian": "KaiTi", "latin": "Georgia"},
    )


def test_the_built_in_look_is_recognised() -> None:
    assert is_builtin_look(load_theme())
    assert not is_builtin_look(_other())
    assert colour_map(load_theme()) == {}


def test_colours_map_by_role() -> None:
    old = load_theme().colors["primary"].upper()
    mapping = colour_map(_other())
    assert mapping[old] == "123456"
    element = etree.fromstring(f'<x xmlns:a="{A}"><a:srgbClr val="{old.lower()}"/></x>')
    recolour(element, mapping)
    assert element[0].get("val") == "123456"


def test_the_theme_part_takes_the_colour_and_font_schemes() -> None:
    other = _other()
    part = _Part(THEME_XML.encode())
    reskin_theme_part(part, other)
    text = part.blob.decode("utf-8")
    assert '<a:dk2><a:srgbClr val="123456"/></a:dk2>' in text
    assert f'<a:accent1><a:srgbClr val="{other.palette[0].upper()}"/></a:accent1>' in text
    assert '<a:ea typeface="KaiTi"/><a:font script="Hans" typeface="KaiTi"/>' in text
    assert '<a:latin typeface="Georgia"/>' in text  # the minor (body) Latin face


def test_a_references_own_scheme_colours_map_to_the_themes_slots() -> None:
    other = _other()
    mapping = scheme_map(_Part(THEME_XML.encode()), other)
    assert mapping["1F497D"] == "123456"  # dk2: the primary colour
    assert mapping["4F81BD"] == other.palette[0].upper()  # accent1, a system colour's lastClr
    assert mapping["EEECE1"] == other.colors["panel"].upper()  # lt2
    white = THEME_XML.replace("EEECE1", "FFFFFF")
    assert "FFFFFF" not in scheme_map(_Part(white.encode()), other)  # white text stays white
