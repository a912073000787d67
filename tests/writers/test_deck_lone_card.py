"""A panel of headline cards needs two figures or more: one card alone would be a near-empty
slide (and a near-empty figure in the brief); its figure stays in the points and the brief."""

from __future__ import annotations

import io

from docx import Document
from pptx import Presentation

from reportgen.charts.plan import plan as plan_charts
from reportgen.extract import extract_text
from reportgen.writers.brief import render_brief
from reportgen.writers.deck import build_deck

PARAGRAPHS = [
    "Port workers walk out",
    "Dock workers at the river port went on strike on Monday. "
    "The port handled 2.4 million containers last year.",
    "The union says the port has refused to talk since the spring, and members voted to walk out.",
    "Ships waiting to unload were sent to other ports along the coast, the port authority said.",
]


def _cards(data: bytes) -> int:
    deck = Presentation(io.BytesIO(data))
    return sum(s.name == "KPI Value" for slide in deck.slides for s in slide.shapes)


def _text(data: bytes) -> str:
    deck = Presentation(io.BytesIO(data))
    return " ".join(
        s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame
    )


def test_one_headline_figure_gets_no_card_slide_and_no_figures_panel() -> None:
    model = extract_text("\n\n".join(PARAGRAPHS))
    charts = plan_charts(model)
    assert not [c for c in charts if c.kind == "figures"]
    data = build_deck(model)
    assert _cards(data) == 0
    assert "2.4 million containers" in _text(data)  # the figure is still shown, in its sentence
    brief = Document(io.BytesIO(render_brief(model)))
    assert "2.4 million containers" in " ".join(p.text for p in brief.paragraphs)


def test_two_headline_figures_get_their_cards() -> None:
    text = "\n\n".join([*PARAGRAPHS, "The port's revenue reached $310 million in the same year."])
    model = extract_text(text)
    assert _cards(build_deck(model)) == 2
