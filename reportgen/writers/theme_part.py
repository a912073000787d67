"""What --theme changes in a reference file that Word and PowerPoint share: the DrawingML theme
part (colour scheme and font scheme), and literal colours mapped by role. Used by the deck's
masters and layouts (deck_theme) and the brief's reference document (brief_theme).

Nothing changes when the theme looks like the built-in one (same colours, palette and fonts), so
a default build is byte-identical to one without this step.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from reportgen.theme import Theme

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"a": A}


@lru_cache(maxsize=1)
def _default() -> Theme:
    from reportgen.theme import load_theme

    return load_theme()


def _look(theme: Theme) -> tuple:
    return (theme.colors, theme.palette, theme.fonts)


def is_builtin_look(theme: Theme) -> bool:
    """Whether ``theme`` has the built-in theme's colours, palette and fonts."""
    return _look(theme) == _look(_default())


def colour_map(new: Theme, old: Theme | None = None) -> dict[str, str]:
    """Built-in colour (upper case) -> the same role's colour in ``new``; the first role wins
    when two roles share a built-in colour. Colours that stay the same are left out."""
    old = old or _default()
    mapping: dict[str, str] = {}
    for key, value in old.colors.items():
        if key in new.colors:
            mapping.setdefault(str(value).upper(), str(new.colors[key]).upper())
    for value, replacement in zip(old.palette, new.palette, strict=False):
        mapping.setdefault(str(value).upper(), str(replacement).upper())
    return {k: v for k, v in mapping.items() if k != v}


def recolour(element, mapping: dict[str, str]) -> None:
    """Every ``a:srgbClr`` under ``element`` with a mapped colour takes its replacement."""
    if not mapping:
        return
    for colour in element.iter(f"{{{A}}}srgbClr"):
        replacement = mapping.get((colour.get("val") or "").upper())
        if replacement:
            colour.set("val", replacement)


def reskin_theme_part(part, theme: Theme) -> None:
    """A theme part (ppt/theme/themeN.xml, word/theme/theme1.xml) takes ``theme``'s colour
    scheme (dk2 the primary colour, lt2 the panel colour, accent1-6 the palette) and font scheme
    (major and minor Latin and East Asian faces, and the Simplified Chinese script face)."""
    root = etree.fromstring(part.blob)
    scheme = root.find(".//a:clrScheme", NS)
    if scheme is not None:
        _colour_scheme(scheme, theme)
    fonts = root.find(".//a:fontScheme", NS)
    if fonts is not None:
        _font_scheme(fonts, theme)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _slots(theme: Theme) -> dict[str, str]:
    """The colour-scheme slots a theme sets: dk2, lt2 and accent1-6."""
    slots = {"dk2": theme.colors.get("primary"), "lt2": theme.colors.get("panel")}
    slots.update({f"accent{i + 1}": c for i, c in enumerate(theme.palette[:6])})
    return {k: str(v).upper() for k, v in slots.items() if v}


def scheme_map(part, theme: Theme) -> dict[str, str]:
    """Colour of each slot in the theme part's scheme now (upper case) -> the colour ``theme``
    gives that slot: read before :func:`reskin_theme_part`, it recolours what a reference
    wrote literally in its own scheme colours (a user's title background in its accent 1)."""
    scheme = etree.fromstring(part.blob).find(".//a:clrScheme", NS)
    mapping: dict[str, str] = {}
    for slot, new in _slots(theme).items():
        el = scheme.find(f"a:{slot}", NS) if scheme is not None else None
        colour = el[0] if el is not None and len(el) else None
        system = colour is not None and colour.tag == f"{{{A}}}sysClr"  # a named system colour
        old = None if colour is None else colour.get("lastClr" if system else "val")
        if old and old.upper() not in (new, *_PLAIN):
            mapping.setdefault(old.upper(), new)
    return mapping


_PLAIN = ("FFFFFF", "000000")  # white and black text stay, whichever slot also holds them


def _colour_scheme(scheme, theme: Theme) -> None:
    for slot, value in _slots(theme).items():
        el = scheme.find(f"a:{slot}", NS)
        if el is None:
            continue
        for child in list(el):
            el.remove(child)
        el.text = None
        etree.SubElement(el, f"{{{A}}}srgbClr", val=value)


def _font_scheme(fonts, theme: Theme) -> None:
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
