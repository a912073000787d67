"""Chart slides: the drawn picture, or an editable chart with the same data (--native-charts)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from factories import zh_model
from pptx import Presentation

from reportgen.charts import run
from reportgen.writers.deck import build_deck
from reportgen.writers.deck.charts import NATIVE_KINDS


@pytest.fixture(scope="module")
def charts(tmp_path_factory):
    return run(zh_model(), tmp_path_factory.mktemp("charts"))


def _chart_shapes(data: bytes) -> list:
    prs = Presentation(io.BytesIO(data))
    return [shape for slide in prs.slides for shape in slide.shapes if shape.name == "Chart"]


def test_pictures_by_default_with_alt_text(charts) -> None:
    shapes = _chart_shapes(build_deck(zh_model(), charts=charts, when=dt.datetime(2024, 5, 1)))
    assert 0 < len(shapes) <= len(charts)  # the lead figures are a KPI slide, not a chart slide
    for shape in shapes:
        assert shape.shape_type == 13  # a picture
        assert shape._element.nvPicPr.cNvPr.get("descr")


def test_native_charts_carry_the_same_values(charts) -> None:
    when = dt.datetime(2024, 5, 1)
    pictures = _chart_shapes(build_deck(zh_model(), charts=charts, when=when))
    shapes = _chart_shapes(build_deck(zh_model(), charts=charts, native_charts=True, when=when))
    assert len(shapes) == len(pictures) and all(s.has_chart for s in shapes)
    drawn = {round(v, 6) for s in shapes for p in s.chart.plots for x in p.series for v in x.values}
    wanted = {
        round(v, 6)
        for e in charts
        if e.spec.kind in NATIVE_KINDS
        for series in e.spec.series
        for v in series.values
    }
    assert drawn and drawn <= wanted  # every value drawn is one the chart spec holds
