"""Reading a .docx back for verify: every text with its place and kind, and its own checks."""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.errors import InputError
from reportgen.verify.read_docx import paragraph_text, read_docx


def _docx(path):
    import docx

    document = docx.Document()
    document.core_properties.created = dt.datetime(2024, 5, 1)
    document.add_heading("统筹“稳”与“进”", level=1)
    document.add_paragraph("规上工业总产值突破3700亿元。")
    document.add_paragraph("从签约到开工仅用半年", style="Quote")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "1600余家"
    document.sections[0].header.is_linked_to_previous = False
    document.sections[0].header.paragraphs[0].text = "钱塘简报"
    document.save(str(path))
    return path


def test_read_docx_gives_pieces_with_place_and_kind(tmp_path) -> None:
    doc = read_docx(_docx(tmp_path / "brief.docx"))
    assert doc.name == "brief.docx"
    assert doc.headings == ["统筹“稳”与“进”"]
    kinds = {p.text: (p.kind, p.where) for p in doc.pieces}
    assert kinds["规上工业总产值突破3700亿元。"] == ("text", "brief.docx paragraph 2")
    assert kinds["从签约到开工仅用半年"][0] == "quote"
    assert kinds["1600余家"][1].endswith("(table 1, row 1, cell 2)")
    assert kinds["钱塘简报"][1] == "brief.docx section 1 header paragraph 1"
    assert "2024-05-01" in doc.dates and "2024年5月1日" in doc.dates


def test_read_docx_refuses_a_broken_file(tmp_path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable .docx"):
        read_docx(bad)


def test_paragraph_text_leaves_out_page_number_fields() -> None:
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    p = parse_xml(
        f'<w:p xmlns:w="{w}"><w:r><w:t>第</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>12</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:t>页，共3700亿元</w:t></w:r></w:p>"
    )
    assert paragraph_text(p) == "第页，共3700亿元"
