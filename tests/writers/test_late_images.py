"""Late images: charts placed by size while drawn elsewhere, swapped in before saving."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from factories import zh_model
from PIL import Image

from reportgen.charts import png
from reportgen.writers.brief import compose_brief, render_brief
from reportgen.writers.deck import compose_deck
from reportgen.writers.late_images import LateImages


class SlowCharts:
    """A chart set whose files all stay pending until ``draw`` is called (a helper, stood in)."""

    def __init__(self, charts) -> None:
        self.directory = charts.directory
        self.entries = charts.entries
        self.drawn = False
        self.waited: list[str] = []

    def pending(self, path: Path) -> bool:
        return not self.drawn

    def wait(self, path: Path) -> None:
        self.waited.append(Path(path).name)
        assert self.drawn, f"{Path(path).name} read before it was drawn"


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    from reportgen.charts import run

    return run(zh_model(), tmp_path_factory.mktemp("charts"))


def _write(path: Path, size: tuple[int, int]) -> Path:
    Image.new("RGB", size, "white").save(path, dpi=(200, 200))
    return path


def test_pending_chart_gives_a_stand_in_of_its_size(tmp_path) -> None:
    path = _write(tmp_path / "c-page.png", (40, 30))
    charts = SlowCharts(type("C", (), {"directory": tmp_path, "entries": []}))
    images = LateImages(charts)
    blob = images.blob(path, (40, 30), 200)
    assert blob != path.read_bytes() and png.size(blob) == (40, 30)
    charts.drawn = True
    assert images.blob(path, (40, 30), 200) == path.read_bytes()  # ready: the file itself


def test_unknown_size_or_plain_chart_sets_read_the_file(tmp_path) -> None:
    path = _write(tmp_path / "c-page.png", (40, 30))
    charts = SlowCharts(type("C", (), {"directory": tmp_path, "entries": []}))
    charts.drawn = True
    assert LateImages(charts).blob(path, None, None) == path.read_bytes()
    assert LateImages(None).blob(path, (40, 30), 200) == path.read_bytes()


def test_documents_composed_before_drawing_equal_those_written_after(drawn) -> None:
    model = zh_model()
    slow = SlowCharts(drawn)
    brief, deck = compose_brief(model, charts=slow), compose_deck(model, charts=slow)
    assert slow.waited == []  # laid out without reading a single chart file
    slow.drawn = True
    late_brief, late_deck = brief.to_bytes(), deck.to_bytes()
    assert {n.split("-")[-1] for n in slow.waited} == {"page.png", "slide.png"}
    assert late_brief == render_brief(model, charts=drawn)
    assert late_deck == compose_deck(model, charts=drawn).to_bytes()


def test_a_drawn_size_other_than_the_planned_one_is_an_internal_error(tmp_path) -> None:
    import docx

    path = _write(tmp_path / "c-page.png", (40, 30))
    charts = SlowCharts(type("C", (), {"directory": tmp_path, "entries": []}))
    images = LateImages(charts)
    document = docx.Document()
    document.add_picture(io.BytesIO(images.blob(path, (41, 30), 200)))
    charts.drawn = True
    with pytest.raises(
        RuntimeError, match=r"c-page.png: drawn \(40, 30\), laid out for \(41, 30\)"
    ):
        images.resolve(document.part.package)
