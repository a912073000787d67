"""The charts package: the specs to draw (the model's own or planned) and the chart set."""

from __future__ import annotations

import json

import pytest
from conftest import ARTICLES

from reportgen.charts import INDEX, ChartSet, run, specs_for
from reportgen.errors import ModelError
from reportgen.extract import extract_path


@pytest.fixture(scope="module")
def model():
    return extract_path(ARTICLES / "zh_numbered.txt")


def test_specs_for_plans_unless_the_model_has_its_own(model) -> None:
    planned = specs_for(model)
    assert planned and all(s.series for s in planned)
    edited = model.model_copy(update={"charts": planned[:1]})
    assert specs_for(edited) == planned[:1]


def test_specs_for_checks_a_users_specs(model) -> None:
    spec = specs_for(model)[0]
    series = spec.series[0].model_copy(update={"values": spec.series[0].values[:-1]})
    broken = spec.model_copy(update={"series": [series]})
    with pytest.raises(ModelError, match="same length"):
        specs_for(model.model_copy(update={"charts": [broken]}))


def test_run_draws_and_indexes(model, tmp_path) -> None:
    charts = run(model, tmp_path)
    assert isinstance(charts, ChartSet) and len(charts) == len(specs_for(model))
    for entry in charts:
        assert entry.slide_png.is_file() and entry.page_png.is_file() and entry.svg.is_file()
        assert entry.alt and entry.dpi
    index = json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))
    assert index
    charts.wait(charts.entries[0].slide_png)  # no helper: returns at once
    assert not charts.pending(charts.entries[0].slide_png)
    charts.finish()
