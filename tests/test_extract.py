"""The extract entry points: a file or a text to the content model."""

from __future__ import annotations

import hashlib

from conftest import ARTICLES

from reportgen.extract import build_model, extract_path, extract_text
from reportgen.ingest.layout import layout_from_text

TEXT = "# 钱塘新区\n\n导语：去年产值增长12.5%。\n\n## 一、产业\n\n规上工业总产值突破3700亿元。\n"


def test_extract_path_names_and_hashes_the_source() -> None:
    path = ARTICLES / "zh_numbered.txt"
    model = extract_path(path)
    assert model.source.name == "zh_numbered.txt"
    assert model.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert model.language == "zh" and model.facts


def test_extract_text_finds_the_headline_and_figures() -> None:
    model = extract_text(TEXT, name="x.md")
    assert model.headline == "钱塘新区" and model.source.name == "x.md"
    values = {f.value for f in model.facts}
    assert 12.5 in values and 3700 in values


def test_build_model_is_what_extract_text_does() -> None:
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    built = build_model(layout_from_text(TEXT), name="x.md", sha256=digest)
    assert built == extract_text(TEXT, name="x.md")
    assert (
        build_model(layout_from_text("Sales rose 5% to $3 billion."), name="e", sha256="0").language
        == "en"
    )
