"""Decoding and normalization of article files, and the errors for unreadable ones."""

from __future__ import annotations

import codecs

import pytest

from reportgen.errors import InputError
from reportgen.ingest.read import MAX_BYTES, decode, normalize, read_text

SAMPLE = "钱江新区:规上工业总产值突破1200亿元。\n\n“发展是第一要务。”负责人说。\n"


@pytest.mark.parametrize(
    "raw",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        (SAMPLE * 20).encode("gb18030"),
        (SAMPLE * 20).encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "gbk"],
)
def test_decode_detects_encoding(raw: bytes) -> None:
    assert decode(raw).startswith(SAMPLE)


def test_gbk_file_with_txt_suffix_is_detected_not_guessed(tmp_path) -> None:
    path = tmp_path / "article.md"
    path.write_bytes((SAMPLE * 20).encode("gbk"))
    assert read_text(path).startswith(SAMPLE.strip().split("\n")[0])


def test_normalize_entities_line_ends_invisibles_and_fullwidth_digits() -> None:
    raw = "R&amp;D投入\r\n增长１２．５％，\u200b达到&#36;５\r达标\x07"
    assert normalize(raw) == "R&D投入\n增长12.5%，达到$5\n达标"


def test_normalize_keeps_chinese_punctuation() -> None:
    text = "他说：“好！”（完）"
    assert normalize(text) == text


def test_normalize_trims_ideographic_indent() -> None:
    assert normalize("\u3000\u3000段落。") == "段落。"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the article is empty"),
        (b"  \n\t\n \xe3\x80\x80\n", "the article is empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary data, not a text article"),
        (b"abc" + b"x" * 100_001, "a line is 100,004 characters long"),
    ],
    ids=["empty", "whitespace", "binary", "long-line"],
)
def test_bad_files_raise_input_error(tmp_path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_text(path)
    assert message in info.value.message
    assert str(path) in info.value.message


def test_too_large_file(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="the limit is"):
        read_text(path)


def test_missing_and_directory(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_undecodable_bytes(tmp_path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd broken")
    with pytest.raises(InputError, match="not valid utf-8"):
        read_text(path)


def test_private_use_and_unassigned_characters_are_dropped() -> None:
    """No font draws them (a PDF's icon glyphs), so every output would show a box."""
    from reportgen.ingest.read import normalize

    assert normalize("182.6\ue000亿元\U00077d4c，한국😀") == "182.6亿元，한국😀"


def test_a_yaml_headers_indentation_is_kept_for_its_parser() -> None:
    from reportgen.extract import extract_text
    from reportgen.ingest.read import normalize

    text = (
        "---\nlayout: post\ntitle: Factory orders rise\npermalink: >\n  https://example.com/a\n"
        "tags:\n  - economy\n---\n\n  Factory orders rose 2.1 percent in March.  \n"
    )
    out = normalize(text)
    assert "\n  https://example.com/a\n" in out and "\n  - economy\n" in out
    assert out.endswith("\nFactory orders rose 2.1 percent in March.\n")  # the body trimmed
    model = extract_text(text)
    assert model.headline == "Factory orders rise"
    assert [p.text for p in model.lead] == ["Factory orders rose 2.1 percent in March."]
    assert normalize("  ---\nnot: a header\n  indented\n") == "---\nnot: a header\nindented\n"


def test_a_yaml_header_after_blank_lines_is_still_the_header() -> None:
    """Archive dumps often open with a blank line before ---: the header is still read (its
    title the headline), never printed as the first paragraph."""
    from reportgen.extract import extract_text

    text = "\n---\ntitle: '某县经济稳中向好'\nauthor: 某网\ndate: Mon, 07 Mar 2022 13:54:36 GMT\n---\n\n全县工业产值达到1200亿元。\n"
    m = extract_text(text)
    assert m.headline == "某县经济稳中向好"
    assert all("title:" not in p.text for p in m.lead)
