"""python-pptx helpers: speaker notes copied from the first notes slide equal python-pptx's."""

from __future__ import annotations

import io
import zipfile

import pytest
from factories import zh_model

from reportgen.writers import pptx_helpers
from reportgen.writers.deck import DEFAULT_TEMPLATE, build_deck


def _corp_template(path):
    """The built-in reference with three sample slides that have notes (the writer removes
    them, but their notes parts were numbered first)."""
    from pptx import Presentation

    prs = Presentation(str(DEFAULT_TEMPLATE))
    for _ in range(3):
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.shapes.title.text = "sample"
        slide.notes_slide.notes_text_frame.text = "sample notes"
    prs.save(str(path))
    return path


def _python_pptx_notes(self, slide, text: str) -> None:
    pptx_helpers.set_notes(slide, text)


@pytest.mark.parametrize("corp", [False, True])
def test_copied_notes_slides_are_the_bytes_python_pptx_makes(tmp_path, monkeypatch, corp) -> None:
    template = _corp_template(tmp_path / "corp.pptx") if corp else None
    fast = build_deck(zh_model(), template=template)
    monkeypatch.setattr(pptx_helpers.Notes, "set", _python_pptx_notes)
    assert build_deck(zh_model(), template=template) == fast
    with zipfile.ZipFile(io.BytesIO(fast)) as zf:
        notes = [n for n in zf.namelist() if n.startswith("ppt/notesSlides/notesSlide")]
    assert len(notes) >= 10  # every slide has notes; the comparison covered many copies


def test_slides_added_without_scans_are_the_ones_python_pptx_adds() -> None:
    """SlideAdder gives the same slide ids, relationships and part names as add_slide."""
    from pptx import Presentation

    ours, theirs = Presentation(str(DEFAULT_TEMPLATE)), Presentation(str(DEFAULT_TEMPLATE))
    pptx_helpers.remove_all_slides(ours)
    pptx_helpers.remove_all_slides(theirs)
    adder = pptx_helpers.SlideAdder(ours)
    for i in range(4):
        adder.add(ours.slide_layouts[i % len(ours.slide_layouts)])
        theirs.slides.add_slide(theirs.slide_layouts[i % len(theirs.slide_layouts)])
    assert ours.slides._sldIdLst.xml == theirs.slides._sldIdLst.xml
    assert [s.part.partname for s in ours.slides] == [s.part.partname for s in theirs.slides]
    assert [s.shapes._spTree.xml for s in ours.slides] == [
        s.shapes._spTree.xml for s in theirs.slides
    ]
