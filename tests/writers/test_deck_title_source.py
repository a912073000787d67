"""The title slide names the article's date, byline and publication when the model holds them;
the publication is read only from lines where the page names itself."""

from __future__ import annotations

import io

from factories import zh_model

from reportgen.plans.deck import publication
from reportgen.writers.deck import build_deck


def _slides(model):
    from pptx import Presentation

    return list(Presentation(io.BytesIO(build_deck(model))).slides)


def _text(slide, name: str) -> str:
    return " ".join(s.text_frame.text for s in slide.shapes if s.name == name)


def test_title_slide_shows_date_byline_and_publication() -> None:
    model = zh_model().model_copy(
        update={"date": "2024年05月06日", "authors": ["王五"], "credits": ["（来源：东海日报）"]}
    )
    slides = _slides(model)
    title = slides[0]
    assert _text(title, "Byline") == "王五"
    assert _text(title, "Date") == "2024年5月6日  ·  东海日报"
    assert "来源：东海日报" in _text(slides[-1], "Sources")


def test_no_publication_line_means_no_publication_shown() -> None:
    model = zh_model().model_copy(update={"date": "2024年05月06日", "credits": ["【编辑：赵六】"]})
    slides = _slides(model)
    assert _text(slides[0], "Date") == "2024年5月6日"
    assert "来源" not in _text(slides[-1], "Sources")


def test_publication_patterns() -> None:
    base = zh_model()

    def of(furniture=(), credits=(), dateline=""):
        update = {"furniture": list(furniture), "credits": list(credits), "dateline": dateline}
        return publication(base.model_copy(update=update))

    assert of(["2020-07-04 12:10:24来源：西江网作者：某某责任编辑：某某"]) == "西江网"
    assert of(["《北方日报》（2025年01月03日第 18 版）"]) == "《北方日报》"
    assert of(credits=["（资料来源：参考消息、海外网等）"]) == ""  # a data source, no publisher
    assert of(dateline="新华社北京12月9日电") == "新华社"
    assert of(dateline="本报北京4月2日电") == ""
    assert of(["Daily Ledger (Boston) First published May 2, 2019: 3:33 AM ET"]) == "Daily Ledger"
    assert of(credits=["Press Release: Harbor Party"]) == "Press Release: Harbor Party"


def test_an_article_without_a_headline_is_titled_by_its_first_section() -> None:
    import docx

    from reportgen.writers.brief import render_brief

    model = zh_model().model_copy(update={"headline": "", "series": "", "dek": ""})
    first = model.themes[0].heading
    assert _slides(model)[0].shapes.title.text_frame.text == first
    document = docx.Document(io.BytesIO(render_brief(model, charts=None)))
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == [first]


def test_the_sources_slide_names_the_shown_title_and_never_an_empty_one() -> None:
    """The sources slide's article line is the title the deck shows (a headline, else the
    series, dek or first section heading); with none of them there is no empty "原文：" line."""
    named = zh_model().model_copy(update={"headline": "", "series": "", "dek": ""})
    sources = _text(_slides(named)[-1], "Sources")
    assert f"原文：{named.themes[0].heading}" in sources
    bare = named.model_copy(update={"themes": []})
    assert "原文：" not in _text(_slides(bare)[-1], "Sources")
