"""`--theme` on the deck's masters and layouts: the reference .pptx takes the theme's colours
and fonts, whether it is the built-in reference or the user's.

Two things change, and only when the theme differs from the built-in one (so a default build
is byte-identical to one without this step, and a user's reference keeps its own look unless a
theme is asked for):

- the theme part (ppt/theme/themeN.xml) of every master: the colour scheme (dk2 the primary
  colour, lt2 the panel colour, accent1-6 the palette) and the font scheme (major and minor
  Latin and East Asian faces, and the Simplified Chinese script face). Everything in a master,
  a layout or a slide that uses scheme colours or theme fonts (+mj-lt, +mn-ea...) follows;
- colours written literally into masters and layouts (title and divider backgrounds, bands,
  rules, accent marks) that are the built-in theme's colours: each becomes the same role's
  colour in the new theme (the built-in reference is drawn with them).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from reportgen.theme import Theme

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"a": A}
RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


@lru_cache(maxsize=1)
def _default() -> Theme:
    from reportgen.theme import load_theme

    return load_theme()


def _look(theme: Theme) -> tuple:
    return (theme.colors, theme.palette, theme.fonts)


def reskin(prs, theme: Theme) -> bool:
    """Recolour and refont ``prs``'s masters, layouts and theme parts for ``theme``; False (and
    nothing changed) when ``theme`` looks like the built-in one."""
    default = _default()
    if _look(theme) == _look(default):
        return False
    mapping = _colour_map(default, theme)
    for master in prs.slide_masters:
        _theme_part(master, theme)
        _recolour(master._element, mapping)
        for layout in master.slide_layouts:
            _recolour(layout._element, mapping)
    return True


def _colour_map(old: Theme, new: Theme) -> dict[str, str]:
    """Built-in colour (upper case) -> the same role's colour in ``new``; the first role wins
    when two roles share a built-in colour."""
    mapping: dict[str, str] = {}
    for key, value in old.colors.items():
        if key in new.colors:
            mapping.setdefault(str(value).upper(), str(new.colors[key]).upper())
    for value, replacement in zip(old.palette, new.palette, strict=False):
        mapping.setdefault(str(value).upper(), str(replacement).upper())
    return {k: v for k, v in mapping.items() if k != v}


def _recolour(element, mapping: dict[str, str]) -> None:
    if not mapping:
        return
    for colour in element.iter(f"{{{A}}}srgbClr"):
        replacement = mapping.get((colour.get("val") or "").upper())
        if replacement:
            colour.set("val", replacement)


def _theme_part(master, theme: Theme) -> None:
    """The master's theme: colour scheme and font scheme from ``theme``."""
    try:
        part = master.part.part_related_by(RT_THEME)
    except KeyError:
        return
    root = etree.fromstring(part.blob)
    scheme = root.find(".//a:clrScheme", NS)
    if scheme is not None:
        slots = {"dk2": theme.colors.get("primary"), "lt2": theme.colors.get("panel")}
        slots.update({f"accent{i + 1}": c for i, c in enumerate(theme.palette[:6])})
        for slot, value in slots.items():
            el = scheme.find(f"a:{slot}", NS)
            if el is None or not value:
                continue
            for child in list(el):
                el.remove(child)
            etree.SubElement(el, f"{{{A}}}srgbClr", val=str(value).upper())
    fonts = root.find(".//a:fontScheme", NS)
    if fonts is not None:
        for kind, latin, ea in (
            ("majorFont", theme.fonts.get("heading_latin"), theme.fonts.get("heading_east_asian")),
            ("minorFont", theme.fonts.get("latin"), theme.fonts.get("east_asian")),
        ):
            block = fonts.find(f"a:{kind}", NS)
            if block is None:
                continue
            for tag, face in (("latin", latin), ("ea", ea)):
                el = block.find(f"a:{tag}", NS)
                if el is not None and face:
                    el.set("typeface", str(face))
            for script in block.findall("a:font", NS):
                if script.get("script") == "Hans" and ea:
                    script.set("typeface", str(ea))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
