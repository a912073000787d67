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
  colour in the new theme (the built-in reference is drawn with them); and those that are the
  reference's own scheme colours (dk2, lt2, accent1-6, as a user's template may write its
  title background) become the colour the theme gives that slot.
"""

from __future__ import annotations

from reportgen.theme import Theme
from reportgen.writers.theme_part import (
    colour_map,
    is_builtin_look,
    recolour,
    reskin_theme_part,
    scheme_map,
)

RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def reskin(prs, theme: Theme) -> bool:
    """Recolour and refont ``prs``'s masters, layouts and theme parts for ``theme``; False (and
    nothing changed) when ``theme`` looks like the built-in one."""
    if is_builtin_look(theme):
        return False
    roles = colour_map(theme)
    for master in prs.slide_masters:
        mapping = {**_theme_part(master, theme), **roles}  # a built-in role wins
        recolour(master._element, mapping)
        for layout in master.slide_layouts:
            recolour(layout._element, mapping)
    return True


def _theme_part(master, theme: Theme) -> dict[str, str]:
    """The master's theme takes the colour and font schemes of ``theme``; returns the map of
    its old scheme colours to the new ones."""
    try:
        part = master.part.part_related_by(RT_THEME)
    except KeyError:
        return {}
    mapping = scheme_map(part, theme)
    reskin_theme_part(part, theme)
    return mapping
