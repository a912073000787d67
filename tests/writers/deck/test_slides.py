"""The deck renderer: one method per slide kind, the layouts by role, the finished package."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from factories import zh_model
from pptx import Presentation

from reportgen.plans import labels, template_dirs
from reportgen.theme import load_theme
from reportgen.writers.deck import build_deck, locate_template
from reportgen.writers.deck.slides import DEFAULT_LAYOUTS, _Deck
from reportgen.writers.pptx_helpers import open_template, remove_all_slides


def new_deck(model=None, plan=None, native=False) -> _Deck:
    """A renderer on an empty copy of the built-in reference deck (as compose_deck makes one)."""
    model = model or zh_model()
    _, path = locate_template(None)
    prs = open_template(path)
    remove_all_slides(prs)
    words = labels("deck", model.language, template_dirs())
    return _Deck(prs, model, load_theme(), words, {}, native, plan or {}, path)


def titles(prs) -> list[str]:
    return [s.shapes.title.text_frame.text for s in prs.slides]


def test_layouts_by_role() -> None:
    deck = new_deck()
    assert set(deck.layouts) == set(DEFAULT_LAYOUTS)
    assert deck.layouts["title"].name == "Title Slide"
    assert deck.layouts["content"].name == "Title Only"
    with pytest.raises(Exception, match="Nonesuch"):
        new_deck(plan={"layouts": {"content": "Nonesuch"}})


def test_render_dispatches_on_the_kind() -> None:
    deck = new_deck()
    deck.render({"kind": "points", "title": "要点", "items": [{"head": "产业", "body": "增长"}]})
    assert titles(deck.prs) == ["要点"]
    with pytest.raises(AttributeError):
        deck.render({"kind": "nonesuch"})


def test_finish_dates_and_names_the_deck() -> None:
    deck = new_deck()
    deck.render({"kind": "points", "title": "要点", "items": [{"head": "产业", "body": "增长"}]})
    composed = deck.finish(dt.datetime(2024, 5, 1, 8, 0))
    prs = Presentation(io.BytesIO(composed.to_bytes()))
    assert prs.core_properties.created == dt.datetime(2024, 5, 1, 8, 0)
    assert prs.core_properties.title == zh_model().headline
    assert titles(prs) == ["要点"]


def test_every_slide_has_a_title_and_the_bytes_are_reproducible() -> None:
    when = dt.datetime(2024, 5, 1)
    first = build_deck(zh_model(), when=when)
    assert build_deck(zh_model(), when=when) == first
    prs = Presentation(io.BytesIO(first))
    assert all(titles(prs)) and titles(prs)[0] == zh_model().headline


def test_an_agenda_of_many_sections_runs_over_pages_of_six_cards() -> None:
    deck = new_deck()
    items = [{"mark": f"{k:02d}", "text": f"第{k}部分"} for k in range(1, 10)]
    deck.render({"kind": "agenda", "title": "目录", "items": items})
    assert titles(deck.prs) == ["目录", "目录（续）"]
    texts = [sh.text_frame.text for s in deck.prs.slides for sh in s.shapes if sh.has_text_frame]
    assert [t for t in texts if t.startswith("0")] == [f"{k:02d}" for k in range(1, 10)]


def test_a_figure_on_a_card_is_shown_whole_or_not_at_all() -> None:
    deck = new_deck()
    block = ("26832.4亿元26832.4亿元26832.4亿元", 28, 20, True, "000000", 1)
    text, height = deck._block_fit(block, 60.0)[0][0], deck._block_fit(block, 60.0)[1]
    assert (text, height) == ("", 0)
    assert deck._block_fit(block, 2000.0)[0][0] == block[0]


def _title_shapes(model) -> dict[str, str]:
    prs = Presentation(io.BytesIO(build_deck(model)))
    return {s.name: s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame}


def test_the_title_slide_shows_the_publication_date_only_when_there_is_one() -> None:
    model = zh_model()
    assert "Date" not in _title_shapes(model)
    model.date = "2020年08月23日"
    shapes = _title_shapes(model)
    assert shapes["Date"] == "2020年8月23日"  # as a Chinese reader expects it
    assert shapes["Byline"]  # the date goes under the byline, not in its place
