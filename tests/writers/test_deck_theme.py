"""A theme reskins a deck's masters: colours by role, the theme part's colour and font schemes."""

from __future__ import annotations

import dataclasses

from pptx import Presentation

from reportgen.theme import TEMPLATES, load_theme
from reportgen.writers.deck_theme import reskin

REFERENCE = TEMPLATES / "default" / "reference.pptx"


def _colours(prs) -> set[str]:
    found = set()
    for master in prs.slide_masters:
        for element in [master._element, *(layout._element for layout in master.slide_layouts)]:
            found |= {c.get("val").upper() for c in element.iter() if c.tag.endswith("srgbClr")}
    return found


def test_the_built_in_look_changes_nothing() -> None:
    prs = Presentation(str(REFERENCE))
    before = _colours(prs)
    assert reskin(prs, load_theme()) is False
    assert _colours(prs) == before


def test_another_theme_recolours_and_refonts() -> None:
    theme = load_theme()
    primary = theme.colors["primary"].upper()
    other = dataclasses.replace(
        theme,
        colors={**theme.colors, "primary": "123456"},
        fonts={**theme.fonts, "east_asian": "KaiTi"},
    )
    prs = Presentation(str(REFERENCE))
    had_primary = primary in _colours(prs)
    assert reskin(prs, other) is True
    colours = _colours(prs)
    if had_primary:
        assert "123456" in colours and primary not in colours
    master = prs.slide_masters[0]
    theme_part = next(
        r.target_part for r in master.part.rels.values() if r.reltype.endswith("/theme")
    )
    blob = theme_part.blob.decode("utf-8")
    assert 'typeface="KaiTi"' in blob and 'val="123456"' in blob
