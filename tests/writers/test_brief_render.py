"""Render briefs with LibreOffice: the PDF holds the Chinese text and a sane number of pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from factories import zh_model

from reportgen.writers.brief import write_brief
from writers.brief_support import fake_charts

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]


def _pdf(docx: Path, out: Path) -> Path:
    """Convert the way `reportgen preview` does: own profile, bundled CJK font via fontconfig."""
    from reportgen.preview import convert

    (pdf,) = convert(shutil.which("soffice"), [docx], out)
    return pdf


@pytest.mark.parametrize("style", ["default", "gongwen"])
def test_brief_renders_with_chinese_text(tmp_path, style):
    pdfplumber = pytest.importorskip("pdfplumber")
    model = zh_model()
    docx = write_brief(
        model, tmp_path / f"brief-{style}.docx", charts=fake_charts(model, tmp_path), style=style
    )
    with pdfplumber.open(_pdf(docx, tmp_path)) as pdf:
        pages = len(pdf.pages)
        text = "".join(page.extract_text() or "" for page in pdf.pages)
        width, height = pdf.pages[0].width, pdf.pages[0].height
        outside = [
            c["text"]
            for page in pdf.pages
            for c in page.chars
            if c["x0"] < 0 or c["x1"] > page.width or c["bottom"] > page.height
        ]
    assert 2 <= pages <= 12
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    squeezed = "".join(text.split())
    for needle in ("核心要点", "关键数据", "突破1200亿元", "示范区主要负责人", "附件"):
        assert needle in squeezed
    for theme in model.themes:
        assert "".join(theme.heading.split()) in squeezed
    assert not outside
