"""English numbers that are no figures: years, spans of years, document parts, note marks."""

from __future__ import annotations

import pytest

from reportgen.ingest.marks import no_figure


def _at(text: str, number: str, bare: bool = True) -> bool:
    start = text.index(number)
    return no_figure(text, start, start, start + len(number), bare=bare)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Section 1 summarizes the fund.", "1"),
        ("As Table 2 shows, it rose.", "2"),
        ("2 Current law requires a reserve.", "2"),
        ("In 2019 the fund grew.", "2019"),
        ("in FY 2024-25 the fund", "25"),
    ],
)
def test_no_figure(text: str, number: str) -> None:
    assert _at(text, number)


@pytest.mark.parametrize(
    ("text", "number", "bare"),
    [
        ("12 jobs were created.", "12", True),
        ("The fund holds 3 reserves.", "3", True),
        ("Table 2 shows $5 million.", "5", False),
    ],
)
def test_figures_stay_figures(text: str, number: str, bare: bool) -> None:
    assert not _at(text, number, bare)
