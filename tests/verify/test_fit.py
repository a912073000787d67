"""Does a text box's text fit at its written sizes (the deck's own metrics)?"""

from __future__ import annotations

from reportgen.verify.fit import fit_problem


def _box(width_pt: float, height_pt: float, text: str, size: float):
    from pptx import Presentation
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Pt(width_pt), Pt(height_pt))
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    box.text_frame.word_wrap = True
    run = box.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    return box, prs.slide_width


def test_text_that_fits() -> None:
    box, width = _box(300, 100, "一二三四五", 20)
    assert fit_problem(box, width) is None


def test_wrapped_text_taller_than_its_box() -> None:
    box, width = _box(110, 30, "一二三四五六七八九十" * 3, 20)
    problem = fit_problem(box, width)
    assert problem is not None and "pt" in problem
