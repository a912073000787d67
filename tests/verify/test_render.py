"""verify --render: text off the page, fonts not embedded, glyphs no font has (from a PDF)."""

from __future__ import annotations

import shutil

import pytest

from reportgen.fonts import bundled_font_path
from reportgen.fonts_cover import InstalledFonts
from reportgen.verify.render import _missing_glyphs, pdf_findings


def _pdf(path, x: float) -> None:
    """A one-page PDF (matplotlib, fonts embedded) with one Latin word at ``x`` (0..1)."""
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 3))
    FigureCanvasPdf(fig)
    fig.text(x, 0.5, "Output")
    fig.savefig(str(path), format="pdf")


def test_pdf_findings_on_a_clean_page(tmp_path) -> None:
    pdf = tmp_path / "brief.pdf"
    _pdf(pdf, 0.4)
    assert pdf_findings("brief.docx", pdf) == []


def test_pdf_findings_text_off_the_page(tmp_path) -> None:
    pdf = tmp_path / "deck.pdf"
    _pdf(pdf, -0.5)
    [finding] = pdf_findings("deck.pptx", pdf)
    assert finding.where == "deck.pptx slide 1"
    assert finding.message.startswith("6 characters leave the page")


def test_missing_glyphs_by_the_fonts_own_cmap() -> None:
    fonts = InstalledFonts()
    fonts._files = {"NotoSansSC-Regular": (str(bundled_font_path(400)), 0)}
    chars = [
        {"text": "中", "fontname": "ABCDEF+NotoSansSC-Regular"},
        {"text": "文", "fontname": "ABCDEF+LiberationSerif"},  # a Latin font, not installed
        {"text": "(cid:12)", "fontname": "ABCDEF+Whatever"},  # no Unicode mapping: tofu
    ]
    found = [str(f) for f in _missing_glyphs("p 1", chars, fonts)]
    assert found == [
        "p 1: font 'LiberationSerif' has no glyph for '文' (tofu)",
        "p 1: font 'Whatever' has no glyph for '(cid:12)' (tofu)",
    ]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler's pdffonts")
def test_unembedded_fonts_are_named(tmp_path) -> None:
    from reportgen.verify.render import _unembedded

    pdf = tmp_path / "x.pdf"
    _pdf(pdf, 0.4)
    assert _unembedded(pdf) == []  # matplotlib embeds its fonts


def test_rendered_pages_without_pdfplumber_say_how_to_install_it(tmp_path, monkeypatch) -> None:
    import sys

    import pytest

    from reportgen.errors import OutputError
    from reportgen.verify.render import pdf_findings

    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as on an install without the extra
    with pytest.raises(OutputError, match=r"pip install 'reportgen\[render\]'"):
        pdf_findings("deck.pptx", tmp_path / "deck.pdf")
