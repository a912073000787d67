"""Drawing: files, deterministic bytes, no missing glyphs, bundled font fallback, cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from factories import zh_model

from charts.models import empty_model, en_model
from reportgen.charts import run
from reportgen.charts.plan import plan
from reportgen.errors import ModelError
from reportgen.fonts import font_chain
from reportgen.theme import load_theme

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    out = tmp_path_factory.mktemp("charts")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" must fail
        return run(zh_model(), out)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_files_exist_with_sizes_and_index(drawn) -> None:
    theme = load_theme()
    dpi = theme.chart["dpi"]
    assert len(drawn.entries) == 4 and drawn.drawn == 4
    for entry in drawn.entries:
        w, h = _png_size(entry.slide_png)
        assert (w, h) == tuple(round(x * dpi) for x in theme.chart["slide_inches"])
        assert abs(w / h - 16 / 9) < 0.01
        pw, _ = _png_size(entry.page_png)
        assert pw == round(theme.chart["page_inches"][0] * dpi)
        svg = entry.svg.read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert entry.alt == entry.spec.alt
    index = json.loads((drawn.directory / "charts.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in index["charts"]] == [e.spec.id for e in drawn.entries]
    first = index["charts"][0]
    assert first["files"]["slide_png"] == drawn.entries[0].slide_png.name
    assert first["facts"] == drawn.entries[0].spec.facts


def test_no_software_or_date_metadata(drawn) -> None:
    for entry in drawn.entries:
        assert b"matplotlib" not in entry.slide_png.read_bytes().lower()
        assert "<dc:date>" not in entry.svg.read_text(encoding="utf-8")


def test_same_specs_give_identical_bytes(drawn, tmp_path) -> None:
    again = run(zh_model(), tmp_path)
    assert again.drawn == 4
    for a, b in zip(drawn.entries, again.entries, strict=True):
        for name in ("slide_png", "page_png", "svg"):
            assert getattr(a, name).read_bytes() == getattr(b, name).read_bytes(), name


def test_unchanged_charts_are_not_redrawn(drawn) -> None:
    again = run(zh_model(), drawn.directory)
    assert again.drawn == 0
    assert [e.slide_png for e in again.entries] == [e.slide_png for e in drawn.entries]


def test_edited_specs_are_used_and_stale_files_removed(drawn, tmp_path) -> None:
    model = zh_model()
    tmp_path = tmp_path / "charts"
    shutil.copytree(drawn.directory, tmp_path)
    first = run(model, tmp_path)
    assert first.drawn == 0
    specs = plan(model)
    specs = [specs[3], specs[0].model_copy(update={"title": "重点数字"})]  # reorder, drop, retitle
    edited = run(model.model_copy(update={"charts": specs}), tmp_path)
    assert [e.spec.id for e in edited.entries] == ["t3-change", "lead-figures"]
    assert edited.entries[1].spec.title == "重点数字"
    assert edited.drawn == 1  # the change chart is cached, the retitled panel is new
    names = {p.name for p in tmp_path.iterdir()}
    assert first.entries[1].slide_png.name not in names  # dropped chart's files are gone
    assert len(names) == 2 * 3 + 1


def test_bad_edited_spec_is_a_model_error(tmp_path) -> None:
    spec = plan(zh_model())[1]
    spec.series[0].values.append(1.0)
    with pytest.raises(ModelError, match="same length"):
        run(zh_model().model_copy(update={"charts": [spec]}), tmp_path)


def test_no_facts_writes_an_empty_index(tmp_path) -> None:
    result = run(empty_model(), tmp_path)
    assert result.entries == []
    assert json.loads((tmp_path / "charts.json").read_text(encoding="utf-8"))["charts"] == []


def test_english_charts_draw(tmp_path) -> None:
    result = run(en_model(), tmp_path)
    assert [e.spec.kind for e in result.entries] == ["figures", "bar", "stacked"]


def test_bundled_font_is_used_without_system_fonts(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("REPORTGEN_SYSTEM_FONTS", "0")
    chain = font_chain(load_theme().fonts, refresh=True)
    cjk = chain.choices[0]
    assert cjk.origin == "bundled" and cjk.family == "Noto Sans SC"
    assert chain.families[0] == "Noto Sans SC" and len(chain.files) == 2
    model = zh_model()
    model = model.model_copy(update={"charts": plan(model)[:1]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = run(model, tmp_path)
    from matplotlib import font_manager

    found = font_manager.findfont(font_manager.FontProperties(family=chain.families))
    # another environment's instance of the same bundled font may sit beside it in the cache
    assert Path(found).parent == Path(cjk.path).parent
    assert Path(found).name.startswith("NotoSansSC-400-")
    assert result.drawn == 1
    index = json.loads((tmp_path / "charts.json").read_text(encoding="utf-8"))
    assert index["font"]["CJK"] == "Noto Sans SC (bundled)"


def test_cached_run_does_not_import_matplotlib(drawn) -> None:
    code = (
        "import sys\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from pathlib import Path\n"
        "from factories import zh_model\n"
        "from reportgen.charts import run\n"
        "r = run(zh_model(), Path(sys.argv[1]))\n"
        "assert r.drawn == 0, r.drawn\n"
        "print('matplotlib' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "REPORTGEN_SYSTEM_FONTS"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(drawn.directory), str(ROOT / "tests")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_seed_charts_draw_without_missing_glyphs(seed_model, tmp_path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = run(seed_model, tmp_path)
    assert len(result.entries) >= 3 and result.drawn == len(result.entries)
    assert all(e.alt and e.spec.title for e in result.entries)


def test_page_variant_leaves_the_title_to_the_caption_and_fits_its_content() -> None:
    """The brief's caption states the title; a slide shows it. One row of cards is short."""
    from reportgen.charts.draw import _figure, page_size

    theme = load_theme()
    specs = plan(zh_model())
    figures = specs[0]
    page = _figure(figures, theme, page_size(figures, theme, (6.3, 3.6)), title=False)
    slide = _figure(figures, theme, (8.0, 4.5))
    assert figures.title not in [t.get_text() for t in page.texts]
    assert figures.title in [t.get_text() for t in slide.texts]
    one_row = figures.model_copy(deep=True)
    for key in ("labels", "values", "facts", "derived", "display", "badges"):
        setattr(one_row.series[0], key, getattr(one_row.series[0], key)[:3])
    assert page_size(one_row, theme, (6.3, 3.6))[1] < 3.0
    change = next(s for s in specs if s.kind == "change")
    assert page_size(change, theme, (6.3, 3.6)) == (6.3, 3.6)


@pytest.mark.parametrize(
    "chart",
    [
        {},  # the built-in geometry
        {"dpi": 150, "slide_inches": [7.33, 4.12], "page_inches": [5.91, 3.37]},
        {"dpi": 96, "slide_inches": [10.0, 5.625], "page_inches": [6.1, 3.3]},
    ],
)
def test_pixel_sizes_are_known_before_drawing(seed_model, tmp_path, chart) -> None:
    """Writers lay a chart out before the helper draws it: the predicted sizes must be exact."""
    import dataclasses

    from reportgen.charts.png import size

    base = load_theme()
    theme = dataclasses.replace(base, chart={**base.chart, **chart})
    result = run(seed_model, tmp_path, theme=theme)
    assert result.entries
    for entry in result.entries:
        assert entry.dpi == int(theme.chart["dpi"])
        assert size(entry.slide_png.read_bytes()) == entry.slide_px
        assert size(entry.page_png.read_bytes()) == entry.page_px


def test_canvas_pixels_match_matplotlib_for_every_hundredth_of_an_inch() -> None:
    """2.55 in at 200 dpi is 509.99999999999994 pixels, which Agg makes 510."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from reportgen.charts.draw import canvas_pixels

    for dpi in (96, 150, 200):
        for hundredths in range(100, 460):
            inches = round(hundredths / 100, 2)
            fig = Figure(figsize=(inches, 1.0), dpi=dpi)
            width, _ = FigureCanvasAgg(fig).get_width_height(physical=True)
            assert canvas_pixels(inches, dpi) == width, (inches, dpi)


def test_characters_no_font_has_are_left_out_of_the_drawing(tmp_path) -> None:
    """An emoji in a label: the chart draws the rest (no empty box, no warning); the index keeps
    the article's text."""
    from reportgen.extract import extract_text

    model = extract_text(
        "# 标题\n\n导语:内容\n\n其中甲\U0001f300公司营收5亿元、乙公司营收6亿元。\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = run(model, tmp_path)
    assert result.drawn == len(result.entries) >= 1
    index = (tmp_path / "charts.json").read_text(encoding="utf-8")
    assert "\U0001f300" in index
