"""Reading a .pptx back for verify: texts, notes, titles, and the deck's own findings."""

from __future__ import annotations

import pytest

from reportgen.errors import InputError
from reportgen.verify.read_pptx import read_pptx


def _pptx(path):
    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation()
    titled = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    titled.shapes.title.text = "核心数据"
    box = titled.shapes.add_textbox(Pt(50), Pt(150), Pt(300), Pt(60))
    box.text_frame.text = "规上工业总产值突破3700亿元"
    titled.notes_slide.notes_text_frame.text = "来源：原文第2段"
    untitled = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    untitled.shapes.add_textbox(Pt(50), Pt(50), Pt(300), Pt(60)).text_frame.text = "1600余家"
    prs.save(str(path))
    return path


def test_read_pptx(tmp_path) -> None:
    doc = read_pptx(_pptx(tmp_path / "deck.pptx"))
    assert doc.name == "deck.pptx" and doc.headings == ["核心数据"]
    texts = {p.text: p for p in doc.pieces}
    assert texts["规上工业总产值突破3700亿元"].where.startswith("deck.pptx slide 1")
    assert texts["来源：原文第2段"].kind == "notes"
    assert texts["1600余家"].where.startswith("deck.pptx slide 2")
    assert [str(f) for f in doc.findings if "title" in f.message] == [
        "deck.pptx slide 2: slide has no title"
    ]


def test_read_pptx_refuses_a_broken_file(tmp_path) -> None:
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError):
        read_pptx(bad)
