"""Thin sections: no divider followed by a slide that says nothing. Thin sections in a run share
one digest slide; a thin one alone is carried by its divider (a short sentence) or by one slide
under its heading (a longer one); a section with nothing in it is on the agenda only."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from reportgen.extract import extract_path
from reportgen.writers.deck import build_deck

LONG = (
    "The council agreed to review every contract it holds with outside suppliers before the "
    "end of the year, and it will publish what each of them costs the ratepayers."
)
ARTICLE = f"""# Council budget under review

The council met on Monday to set next year's budget for the district and its services.

## Roads

Road repairs take the largest share of the new budget this year.

Crews will resurface the main street and the bridge approaches before winter.

The work on the bridge approaches starts in March and runs until the end of May.

## Parks

Parks keep their funding.

## Libraries

Libraries open on Sundays.

## Services

## Water

Water charges stay flat for households across the district.

Businesses pay a new fee for heavy use that is set by the council each year.

## Contracts

{LONG}
"""


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    path = tmp_path_factory.mktemp("thin") / "council.md"
    path.write_text(ARTICLE, encoding="utf-8")
    model = extract_path(path)
    assert [t.heading for t in model.themes] == [
        "Roads",
        "Parks",
        "Libraries",
        "Services",
        "Water",
        "Contracts",
    ]
    return Presentation(io.BytesIO(build_deck(model, charts=None)))


def _slides(prs) -> list[tuple[str, str, str]]:
    """(layout name, title, all the slide's text) of each slide."""
    out = []
    for slide in prs.slides:
        text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        out.append((slide.slide_layout.name, slide.shapes.title.text_frame.text, text))
    return out


def test_thin_sections_in_a_run_share_one_digest_slide(deck) -> None:
    slides = _slides(deck)
    dividers = [title for layout, title, _ in slides if layout == "Section Header"]
    assert "Parks" not in dividers and "Libraries" not in dividers
    digest = [s for s in slides if "Parks keep their funding." in s[2] and s[1] != "Summary"]
    assert len(digest) == 1
    assert "Libraries open on Sundays." in digest[0][2]
    assert "Parks" in digest[0][1] and "Libraries" in digest[0][1]


def test_an_empty_section_has_no_divider_but_is_on_the_agenda(deck) -> None:
    slides = _slides(deck)
    assert "Services" not in [title for layout, title, _ in slides if layout == "Section Header"]
    agenda = next(text for _, title, text in slides if title == "Agenda")
    assert "Services" in agenda


def test_a_thin_section_alone_gets_one_slide_under_its_heading(deck) -> None:
    slides = _slides(deck)
    assert "Contracts" not in [title for layout, title, _ in slides if layout == "Section Header"]
    own = [s for s in slides if s[1] == "Contracts"]
    assert len(own) == 1 and "review every contract" in own[0][2]


def test_full_sections_keep_their_divider_and_points(deck) -> None:
    slides = _slides(deck)
    dividers = [title for layout, title, _ in slides if layout == "Section Header"]
    assert dividers == ["Roads", "Water"]
    for k, (layout, _, _) in enumerate(slides):
        if layout == "Section Header":  # a divider is followed by its section's content
            assert slides[k + 1][0] != "Section Header"


def test_the_summary_cards_carry_each_sections_lead(deck) -> None:
    summary = next(text for _, title, text in _slides(deck) if title == "Summary")
    assert "Road repairs" in summary and "Parks keep their funding." in summary
    assert "Services" not in summary  # nothing to summarize


def test_a_divider_carries_its_sections_one_sentence_over_the_tagline() -> None:
    from pathlib import Path

    article = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "zh_numbered.txt"
    prs = Presentation(io.BytesIO(build_deck(extract_path(article), charts=None)))
    slides = _slides(prs)
    divider = next(s for s in slides if s[0] == "Section Header" and "统筹" in s[1])
    assert "新区出台人才新政二十条" in divider[2]  # the section's one point, not only 激活人才动能
    agenda = next(text for _, title, text in slides if title == "目录")
    assert "激活人才动能" in agenda
