"""Helpers for the brief tests: a fake chart set with Pillow PNGs, and readers for the .docx."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.model import ChartSeries, ChartSpec, Model

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class FakeChart:
    spec: ChartSpec
    page_png: Path
    slide_png: Path
    svg: Path
    alt: str


@dataclass(frozen=True)
class FakeCharts:
    directory: Path
    entries: list[FakeChart] = field(default_factory=list)


def _png(path: Path, shade: int) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1260, 720), "white")
    ImageDraw.Draw(image).rectangle([100, 100 + shade, 600, 650], fill=(31, 78, 121))
    image.save(path, dpi=(200, 200))
    return path


def fake_charts(model: Model, directory: Path) -> FakeCharts:
    """One chart per theme that has two facts, plus a lead panel; one derived value."""
    directory.mkdir(parents=True, exist_ok=True)
    specs = []
    lead = [f.id for f in model.facts if f.theme is None][:2]
    if lead:
        specs.append(ChartSpec(id="lead", kind="figures", title="Lead", facts=lead, alt="lead"))
    for i, _theme in enumerate(model.themes):
        own = [f for f in model.facts if f.theme == i][:2]
        if len(own) < 2:
            continue
        series = ChartSeries(
            labels=[f.counts or f.id for f in own] + ["rest"],
            values=[f.value for f in own] + [1.0],
            facts=[f.id for f in own] + [None],
            derived=[False, False, True],
        )
        specs.append(
            ChartSpec(
                id=f"t{i}",
                kind="bar",
                title=f"chart {chr(65 + i)}",
                theme=i,
                series=[series],
                facts=[f.id for f in own],
                derived=["rest = computed"],
                alt=f"bar chart of {own[0].text} and {own[1].text}",
            )
        )
    entries = [
        FakeChart(s, _png(directory / f"{s.id}.png", 10 * k), Path("x"), Path("x"), s.alt)
        for k, s in enumerate(specs)
    ]
    return FakeCharts(directory, entries)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def body_texts(document) -> list[str]:
    """Every paragraph text of the body, table cells included, in order."""
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def docx_bytes_equal(a: bytes, b: bytes) -> bool:
    za, zb = zipfile.ZipFile(io.BytesIO(a)), zipfile.ZipFile(io.BytesIO(b))
    return [(i.filename, za.read(i)) for i in za.infolist()] == [
        (i.filename, zb.read(i)) for i in zb.infolist()
    ]
