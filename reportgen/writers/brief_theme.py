"""`--theme` on the brief's reference document: the .docx takes the theme's colours and fonts,
whether it is the built-in reference or the user's.

Only when the theme differs from the built-in one (so a default build is byte-identical to one
without this step, and a user's reference keeps its own look unless a theme is asked for):

- the document's theme part (word/theme/theme1.xml) takes the theme's colour and font schemes,
  so whatever uses theme colours or theme fonts follows;
- a user's reference (the built-in one is already styled from the theme) has its styles
  recoloured and refonted by role: titles and headings take the heading faces and the primary
  colour (their rules too), kickers and subtitles the accent colour, captions, notes, headers
  and footers the subtle colour (their rules the grid colour), quotes the accent rule and the
  panel shading, the body the text colour; every style that names a face takes the body faces.
  Sizes, spacing, letterheads and page setup stay the reference's own.
"""

from __future__ import annotations

from reportgen.theme import Theme
from reportgen.writers.docx_helpers import RPR_ORDER, child, doc_defaults_rpr, set_fonts, w
from reportgen.writers.theme_part import is_builtin_look, reskin_theme_part

HEADINGS = {"Title", "TOC Heading", *(f"Heading {i}" for i in range(1, 10))}
# style -> (text colour, rule colour, shading) as theme colour roles; None keeps the reference's
ROLES: dict[str, tuple[str | None, str | None, str | None]] = {
    **{name: ("primary", "primary", None) for name in HEADINGS},
    "Normal": ("text", None, None),
    "Subtitle": ("accent", "accent", None),
    "Brief Kicker": ("accent", "accent", None),
    "Quote": ("text", "accent", "panel"),
    "Intense Quote": ("primary", "accent", "panel"),
    **{n: ("subtle", "grid", None) for n in ("Caption", "Brief Meta", "Brief Note")},
    **{n: ("subtle", "grid", None) for n in ("Header", "Footer")},
}


def reskin(document, theme: Theme, *, styles: bool) -> bool:
    """Give ``document`` the theme's colours and fonts: its theme part always, its styles when
    ``styles`` (a user's reference). False, and nothing changed, for the built-in look."""
    if is_builtin_look(theme):
        return False
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            reskin_theme_part(rel.target_part, theme)
    if styles:
        _restyle(document, theme)
    return True


def _restyle(document, theme: Theme) -> None:
    set_fonts(
        doc_defaults_rpr(document.styles.element),
        latin=theme.font("latin"),
        east_asian=theme.font("east_asian"),
    )
    for style in document.styles:
        element = style.element
        name = (style.name or "").removesuffix(" Char")  # a linked character style
        _fonts(element, theme, heading=name in HEADINGS)
        colour, rule, shading = ROLES.get(name, (None, None, None))
        if colour:
            _colour(element, theme.color(colour))
        if rule:
            _rules(element, theme.color(rule))
        if shading:
            _shading(element, theme.color(shading))


def _fonts(element, theme: Theme, *, heading: bool) -> None:
    """A style naming faces (or theme faces) names the theme's heading or body faces instead."""
    rpr = element.find(w("rPr"))
    if not heading and (rpr is None or rpr.find(w("rFonts")) is None):
        return
    prefix = "heading_" if heading else ""
    set_fonts(
        element.get_or_add_rPr(),
        latin=theme.font(f"{prefix}latin"),
        east_asian=theme.font(f"{prefix}east_asian"),
    )


def _colour(element, value: str) -> None:
    """The style's text colour, explicit (a theme colour attribute would win over it in Word)."""
    node = child(element.get_or_add_rPr(), "color", RPR_ORDER)
    node.attrib.clear()
    node.set(w("val"), value)


def _rules(element, value: str) -> None:
    """Every paragraph border the style draws (a heading's rule, a quote's bar) in ``value``."""
    borders = element.find(f"{w('pPr')}/{w('pBdr')}")
    for edge in borders if borders is not None else ():
        if edge.get(w("val")) not in (None, "nil", "none"):
            _explicit(edge, "color", value)


def _shading(element, value: str) -> None:
    """A shaded style (a quote's panel) is filled with ``value``; an unshaded one stays so."""
    shd = element.find(f"{w('pPr')}/{w('shd')}")
    if shd is not None and (shd.get(w("fill")) or "auto").lower() != "auto":
        _explicit(shd, "fill", value)


def _explicit(node, attr: str, value: str) -> None:
    for theme_attr in ("themeColor", "themeTint", "themeShade", "themeFill"):
        node.attrib.pop(w(theme_attr), None)
    if attr == "fill":
        for theme_attr in ("themeFillTint", "themeFillShade"):
            node.attrib.pop(w(theme_attr), None)
    node.set(w(attr), value)
