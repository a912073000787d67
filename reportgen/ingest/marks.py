"""English numbers that are no figures: a year, the end of a span of years, a part of a
document (Section 1, Table 2) and a note's or list item's mark."""

from __future__ import annotations

import re

_PART = re.compile(
    r"\b(?:Section|Sections|Table|Tables|Figure|Fig\.|Chart|Chapter|Part|Article|Appendix|"
    r"Exhibit|Page|Item|Box|Slide|Step|No\.)\s*$"
)
_CAPITAL_NEXT = re.compile(r"\.?\s+[A-Z][a-z]")
_SPAN_OF_YEARS = re.compile(r"(?:19|20)\d\d\s?[-–]\s?$")
_YEAR = re.compile(r"(1[89]|20|21)\d\d")


def no_figure(text: str, start: int, num_start: int, num_end: int, *, bare: bool) -> bool:
    """Whether the number at [num_start, num_end) (its match starting at ``start``; ``bare``
    with no currency, percent or scale) is no figure."""
    if _SPAN_OF_YEARS.search(text[max(0, num_start - 6) : num_start]):
        return True  # FY 2024-25: the end of a span of years
    if not bare:
        return False
    return bool(_YEAR.fullmatch(text[num_start:num_end])) or marks_a_part(text, start, num_end)


def marks_a_part(text: str, start: int, num_end: int) -> bool:
    """Whether the bare number ending at ``num_end`` names a part of the document (after
    Section, Table, Figure…) or is a note's or list item's mark (a short number opening a line,
    before a capitalised word: "2 Current law requires…")."""
    if _PART.search(text[max(0, start - 12) : start]):
        return True
    at_line_start = start == 0 or text[start - 1] == "\n"
    short = num_end - start <= 2
    return at_line_start and short and bool(_CAPITAL_NEXT.match(text, num_end))
