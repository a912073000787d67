"""Word .docx articles: the seed built with python-docx, localized styles, corrupt packages,
and content sniffing of unsupported types."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from conftest import FIXTURES, ROOT

from reportgen.errors import InputError
from reportgen.extract import extract_path
from reportgen.ingest import SUPPORTED, sniff

GOLDEN = json.loads((FIXTURES / "golden" / "qiantang-2024.json").read_text(encoding="utf-8"))
TABLE = [("指标", "2024年"), ("规上工业总产值", "3700亿元"), ("R&D经费投入强度", "5.25%")]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def seed_docx() -> bytes:
    """The seed as a Word file: kicker, Title, byline, lead, Caption paragraphs, Heading 1
    sections, and a table closing the last section."""
    import docx

    document = docx.Document()
    document.add_paragraph(GOLDEN["series"])
    document.add_paragraph(GOLDEN["headline"], style="Title")
    document.add_paragraph(" ".join(GOLDEN["authors"]))

    def captions(theme: int | None) -> None:
        for caption in GOLDEN["captions"]:
            if caption["theme"] == theme:
                document.add_paragraph(caption["text"], style="Caption")

    for para in GOLDEN["lead"]:
        document.add_paragraph(para["text"])
    captions(None)
    for i, theme in enumerate(GOLDEN["themes"]):
        document.add_paragraph(theme["heading"], style="Heading 1")
        for para in theme["paragraphs"]:
            document.add_paragraph(para["text"])
        captions(i)
    table = document.add_table(rows=len(TABLE), cols=2)
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def signature(model) -> dict:
    """What must not depend on the input format: themes, facts, quotes, captions, front."""
    return {
        "front": (model.kicker, model.headline, model.authors),
        "themes": [
            (t.heading, t.verb, t.pair, t.tagline, [p.text for p in t.points]) for t in model.themes
        ],
        "facts": [(f.text, f.value, f.unit, f.qualifier, f.theme) for f in model.facts],
        "quotes": [(q.speaker, q.text, q.theme) for q in model.quotes],
        "captions": [(c.text, c.theme) for c in model.captions],
    }


@pytest.fixture(scope="module")
def seed_docx_bytes() -> bytes:
    return seed_docx()


def _extract(tmp_path, raw: bytes, name: str = "article.docx"):
    path = tmp_path / name
    path.write_bytes(raw)
    return extract_path(path)


def test_seed_docx_extracts_like_the_text(tmp_path, seed_model, seed_docx_bytes) -> None:
    model = _extract(tmp_path, seed_docx_bytes)
    assert model.source.format == "docx"
    rows = [" | ".join(row) for row in TABLE]
    last = model.themes[-1]
    assert [p.text for p in last.paragraphs][-3:] == rows
    table_facts = [f for f in model.facts if model.sentence_of(f) in rows]
    assert [(f.text, f.unit) for f in table_facts] == [("3700亿元", "亿元"), ("5.25%", "%")]
    text_facts = [f for f in model.facts if f not in table_facts]
    got = signature(model) | {"facts": signature(model)["facts"][: len(text_facts)]}
    assert got == signature(seed_model)
    assert model.text.startswith(seed_model.text[: seed_model.text.index("\n\n经济大省")])


def test_docx_renamed_bin_is_detected_by_content(tmp_path, seed_model, seed_docx_bytes) -> None:
    model = _extract(tmp_path, seed_docx_bytes, name="download.bin")
    assert model.source.format == "docx"
    assert model.headline == seed_model.headline
    assert [t.pair for t in model.themes] == [t.pair for t in seed_model.themes]


def _package(body: str, styles: str = "", rels: bool = True) -> bytes:
    """A minimal hand-written .docx: document.xml (+ styles.xml) and the package relations."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"/>',
        )
        if rels:
            zf.writestr(
                "_rels/.rels",
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                "</Relationships>",
            )
        zf.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/'
            f'markup-compatibility/2006"><w:body>{body}</w:body></w:document>',
        )
        if styles:
            zf.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
    return out.getvalue()


def _style(sid: str, name: str, extra: str = "") -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>{extra}</w:style>'
    )


def _p(text: str, style: str = "", runs: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{runs or f'<w:r><w:t>{text}</w:t></w:r>'}</w:p>"


BODY_TEXT = "这一年,园区新增企业{n}家,产值增长{n}%,发展势头良好。"


def test_localized_style_ids_and_names(tmp_path) -> None:
    """Chinese Word writes ids like 1/2/a3 with English names; WPS writes names like 标题 1."""
    styles = (
        _style("a3", "Title")
        + _style("1", "heading 1")
        + _style("21", "标题 2")
        + _style("a5", "题注")
        + _style("Sect", "Section head", '<w:basedOn w:val="21"/>')
        + _style("Lvl", "Custom", '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')
    )
    body = (
        _p("园区新观察", "a3")
        + _p("记者 王明")
        + _p(BODY_TEXT.format(n=11))
        + _p("产业升级", "1")
        + _p(BODY_TEXT.format(n=12))
        + _p("新厂房开工", "a5")
        + _p("二级小标题", "21")
        + _p(BODY_TEXT.format(n=13))
        + _p("人才引进", "Lvl")
        + _p(BODY_TEXT.format(n=14))
        + _p("园区配套", "1")
        + _p("基于二级的样式", "Sect")
        + _p(BODY_TEXT.format(n=15))
    )
    model = _extract(tmp_path, _package(body, styles))
    assert (model.headline, model.authors) == ("园区新观察", ["王明"])
    assert [t.heading for t in model.themes] == ["产业升级", "人才引进", "园区配套"]
    assert [p.text for p in model.themes[0].paragraphs] == [
        BODY_TEXT.format(n=12),
        "二级小标题",
        BODY_TEXT.format(n=13),
    ]
    assert [(c.text, c.theme) for c in model.captions] == [("新厂房开工", 0)]


def test_runs_tracked_changes_fields_breaks_and_text_boxes(tmp_path) -> None:
    runs = (
        "<w:r><w:t>园区新增企业</w:t></w:r>"
        "<w:del><w:r><w:delText>99</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>12</w:t></w:r></w:ins>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>家</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:t>,产值</w:t><w:br/><w:t>增长</w:t><w:tab/><w:t>5%。</w:t></w:r>"
        "<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>框内文字"
        "</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>备用"
        "</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    model = _extract(tmp_path, _package(_p("", runs=runs)))
    assert model.lead[0].text == "园区新增企业12家,产值增长 5%。"
    assert [f.text for f in model.facts] == ["12家", "5%"]


def test_image_paragraph_then_short_line_is_a_caption_and_bold_lines_are_sections(
    tmp_path,
) -> None:
    image = '<w:r><w:drawing><wp:inline xmlns:wp="urn:x"/></w:drawing></w:r>'
    bold = "<w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r>"
    body = (
        _p("园区新观察", "Title")
        + _p(BODY_TEXT.format(n=11))
        + _p("", runs=image)
        + _p("园区全景")
        + _p("", runs=bold.format("产业升级"))
        + _p(BODY_TEXT.format(n=12))
        + _p("", runs=bold.format("人才引进"))
        + _p(BODY_TEXT.format(n=13))
    )
    model = _extract(tmp_path, _package(body, _style("Title", "Title"), rels=False))
    assert model.headline == "园区新观察"
    assert [(c.text, c.theme) for c in model.captions] == [("园区全景", None)]
    assert [t.heading for t in model.themes] == ["产业升级", "人才引进"]


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda raw: raw[: len(raw) // 2], "corrupt .docx: the zip archive is truncated"),
        (
            lambda raw: _package("<w:p><w:r><w:t>unclosed"),
            "corrupt .docx: word/document.xml is not well-formed XML",
        ),
        (lambda raw: _package(""), "the .docx has no article text"),
        (lambda raw: _zip({"word/other.xml": "<x/>"}), "corrupt .docx: no word/document.xml"),
    ],
    ids=["truncated", "bad-xml", "empty", "no-document"],
)
def test_corrupt_docx_is_a_one_line_input_error(tmp_path, seed_docx_bytes, make, problem) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(make(seed_docx_bytes))
    with pytest.raises(InputError) as err:
        extract_path(path)
    assert err.value.message.startswith(f"{path}: {problem}")
    assert "\n" not in err.value.message


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "a legacy Office file"),
        (_zip({"notes/readme.txt": "hello"}), "a zip archive that is not a Word .docx"),
        (_zip({"ppt/presentation.xml": "<p/>"}), "a PowerPoint file (.pptx)"),
        (_zip({"mimetype": "application/epub+zip", "a.xhtml": "<html/>"}), "an EPUB book"),
    ],
    ids=["pdf", "png", "jpeg", "ole", "zip", "pptx", "epub"],
)
def test_unsupported_types_name_the_supported_ones(tmp_path, raw: bytes, label: str) -> None:
    path = tmp_path / "article.docx"
    path.write_bytes(raw)
    with pytest.raises(InputError) as err:
        extract_path(path)
    message = err.value.message
    assert message.startswith(f"{path}: unsupported file type: {label}")
    assert message.endswith(f"; supported: {SUPPORTED}")
    assert "\n" not in message


def test_sniff_zip_kinds(seed_docx_bytes) -> None:
    assert sniff(seed_docx_bytes) == "docx"
    assert sniff(seed_docx_bytes[:2000]) == "docx"  # truncated: told by its local headers
    assert sniff(_zip({"xl/workbook.xml": "<w/>"})) == "xlsx"


def test_ingest_imports_no_office_or_plotting_library(tmp_path, seed_docx_bytes) -> None:
    """Reading .docx and HTML never pulls in python-docx, python-pptx, matplotlib or jinja2."""
    (tmp_path / "a.docx").write_bytes(seed_docx_bytes)
    (tmp_path / "a.html").write_text("<html><body><h1>T</h1><p>Text, 5%.</p></body></html>")
    code = (
        "import sys; from reportgen.extract import extract_path; "
        f"[extract_path(p) for p in ({str(tmp_path / 'a.docx')!r}, {str(tmp_path / 'a.html')!r})]; "
        "print(sorted(m for m in ('docx', 'pptx', 'matplotlib', 'jinja2') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"
