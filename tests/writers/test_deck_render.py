"""Render decks with LibreOffice and check every character stays on the page and in its shape."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from factories import zh_model

from reportgen.writers.deck import build_deck
from writers.test_deck import fake_charts

pytestmark = pytest.mark.slow
EMU_PT = 12700
TOLERANCE = 3.0  # points: glyph boxes are font bounding boxes, a little taller than the line


def _render(decks: dict[str, bytes], folder: Path) -> dict[str, Path]:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    paths = []
    for name, data in decks.items():
        path = folder / f"{name}.pptx"
        path.write_bytes(data)
        paths.append(str(path))
    from reportgen.preview import convert

    converted = convert(shutil.which("soffice"), [Path(p) for p in paths], folder)
    pdfs = dict(zip(decks, converted, strict=True))
    return pdfs


def _text_boxes(data: bytes) -> list[list[tuple[float, float, float, float]]]:
    """Per slide, the boxes (x0, top, x1, bottom in points) of shapes with text or a chart."""
    from pptx import Presentation

    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        boxes = []
        for shape in slide.shapes:
            texty = shape.has_text_frame and shape.text_frame.text.strip()
            if texty or getattr(shape, "has_chart", False):
                x, y = shape.left / EMU_PT, shape.top / EMU_PT
                boxes.append((x, y, x + shape.width / EMU_PT, y + shape.height / EMU_PT))
        out.append(boxes)
    return out


def _inside(char: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return (
        char["x0"] >= x0 - TOLERANCE
        and char["x1"] <= x1 + TOLERANCE
        and char["top"] >= top - TOLERANCE
        and char["bottom"] <= bottom + TOLERANCE
    )


def _check(pdf: Path, data: bytes) -> int:
    import pdfplumber

    boxes = _text_boxes(data)
    cjk, outside = 0, []
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == len(boxes)
        for number, page in enumerate(doc.pages):
            for char in page.chars:
                if not char["text"].strip():
                    continue
                where = (
                    f"slide {number + 1}: {char['text']!r} at {char['x0']:.0f},{char['top']:.0f}"
                )
                assert char["x0"] >= -0.5 and char["x1"] <= page.width + 0.5, where
                assert char["top"] >= -0.5 and char["bottom"] <= page.height + 0.5, where
                if not any(_inside(char, b) for b in boxes[number]):
                    outside.append(where)
                cjk += "\u4e00" <= char["text"] <= "\u9fff"
    assert not outside, f"{len(outside)} characters outside their shapes: {outside[:12]}"
    return cjk


def test_rendered_text_stays_in_its_shapes(tmp_path, seed_model) -> None:
    zh = build_deck(zh_model(), charts=fake_charts(zh_model(), tmp_path / "c1"))
    seed = build_deck(seed_model, charts=fake_charts(seed_model, tmp_path / "c2"))
    charts = fake_charts(seed_model, tmp_path / "c2")
    native = build_deck(seed_model, charts=charts, native_charts=True)
    decks = {"zh": zh, "seed": seed, "native": native}
    pdfs = _render(decks, tmp_path)
    for name, data in decks.items():
        assert _check(pdfs[name], data) > 200, f"{name}: too little Chinese text rendered"
