"""The brief's reference .docx and plan: blocks and styles checked, broken references named."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from reportgen.errors import TemplateError
from reportgen.theme import TEMPLATES
from reportgen.writers.brief_reference import KINDS, check_plan, check_styles, open_reference


def test_check_plan_accepts_known_blocks_and_names_the_first_unknown() -> None:
    plan = {"blocks": [{"kind": "title"}, {"kind": "section", "blocks": [{"kind": "points"}]}]}
    assert check_plan(plan) is plan
    with pytest.raises(TemplateError, match=r"blocks\[1\]\.blocks\[0\]: unknown block kind 'poem'"):
        check_plan(
            {"blocks": [{"kind": "title"}, {"kind": "section", "blocks": [{"kind": "poem"}]}]}
        )
    with pytest.raises(TemplateError, match="'blocks' list"):
        check_plan(["title"])
    with pytest.raises(TemplateError, match=r"blocks\[0\]\.blocks must be a list"):
        check_plan({"blocks": [{"kind": "section", "blocks": "x"}]})
    assert "annex" in KINDS and "chart" in KINDS


def test_open_reference_opens_the_default_and_a_dotx(tmp_path) -> None:
    reference = TEMPLATES / "default" / "reference.docx"
    document = open_reference(reference)
    assert "Heading 1" in {s.name for s in document.styles}
    data = io.BytesIO()
    with zipfile.ZipFile(reference) as source, zipfile.ZipFile(data, "w") as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(
                    b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
                )
            target.writestr(info, blob)
    dotx = tmp_path / "mine.dotx"
    dotx.write_bytes(data.getvalue())
    assert "Heading 1" in {s.name for s in open_reference(dotx).styles}


def test_open_reference_names_what_is_wrong(tmp_path) -> None:
    plain = tmp_path / "plain.docx"
    plain.write_bytes(b"text")
    with pytest.raises(TemplateError, match="not a zip package"):
        open_reference(plain)
    deck = TEMPLATES / "default" / "reference.pptx"
    with pytest.raises(TemplateError, match="no Word document part"):
        open_reference(deck)
    with pytest.raises(TemplateError, match="cannot read template"):
        open_reference(tmp_path / "missing.docx")


def test_check_styles_names_the_first_missing_style() -> None:
    document = docx.Document()
    check_styles(document, {"blocks": [{"kind": "paragraph", "style": "Brief Note"}]})
    with pytest.raises(TemplateError, match="no paragraph style 'Fancy'"):
        check_styles(document, {"blocks": [{"kind": "section", "blocks": [{"style": "Fancy"}]}]})
