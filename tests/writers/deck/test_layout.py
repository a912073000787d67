"""Slide geometry: boxes in EMU, text cut to fit, text frames written with exact sizes."""

from __future__ import annotations

from pptx import Presentation
from pptx.util import Pt

from reportgen.writers import textfit as tf
from reportgen.writers.deck.layout import EMU_PT, INSET, SAFE, Box, Entry, _cut, _write


def test_box_bottom_and_inner() -> None:
    box = Box(x=0, y=10 * EMU_PT, w=200 * EMU_PT, h=100 * EMU_PT)
    assert box.bottom == 110 * EMU_PT
    width, height = box.inner()
    assert width == (200 * EMU_PT - 2 * INSET) / EMU_PT * SAFE
    assert height == 100 - 2 * INSET / EMU_PT


def test_entry_defaults(seed_model) -> None:
    from reportgen.charts import specs_for

    spec = specs_for(seed_model)[0]
    entry = Entry(spec)
    assert entry.png is None and entry.alt == "" and entry.px is None


def test_cut_fits_the_height_and_marks_the_cut() -> None:
    long = "钱塘区坚持以辩证思维推动高质量发展。" * 10
    kept = _cut(["短句。", long], 200.0, 3 * 18 * tf.LINE, 18, False, None)
    assert kept[0] == "短句。" and kept[-1].endswith("…")
    lines = sum(len(tf.wrap(p, 200.0, 18, False)) for p in kept)
    assert lines <= 3
    assert _cut(["一句。"], 200.0, 100.0, 18, False, None) == ["一句。"]
    assert _cut([long], 200.0, 1000.0, 18, False, 1)[0].endswith("…")  # max_lines wins


def test_write_sets_sizes_and_line_pitch() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    frame = slide.shapes.add_textbox(0, 0, Pt(300), Pt(100)).text_frame
    _write(frame, [[("核心", 20.0, True, "222222")], [("数据", 14.0, False, "666666")]], 14.0)
    first, second = frame.paragraphs
    assert [r.text for r in first.runs] == ["核心"] and first.runs[0].font.size == Pt(20)
    assert first.runs[0].font.bold is True
    assert first.line_spacing == Pt(round(20 * tf.LINE, 1))
    assert second.space_before == Pt(round(14 * tf.GAP, 1))
