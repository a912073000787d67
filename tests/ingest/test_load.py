"""Reading an article file: its type from its bytes, never its name."""

from __future__ import annotations

import pytest
from conftest import SEED

from reportgen.ingest import load_layout, sniff


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"%PDF-1.4", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"<!doctype html><html><body><p>x</p></body></html>", "html"),
        ("钱塘新区".encode(), "text"),
        (b"PK\x03\x04", "zip"),
    ],
)
def test_sniff_reads_the_type_from_the_bytes(raw: bytes, kind: str) -> None:
    assert sniff(raw) == kind


def test_load_layout_of_the_seed(tmp_path) -> None:
    layout, raw, fmt = load_layout(SEED)
    assert fmt == "text" and raw == SEED.read_bytes()
    assert layout.headline is not None and len(layout.sections) >= 3
    copy = tmp_path / "article.html"  # the name says html, the bytes say text
    copy.write_bytes(raw)
    assert load_layout(copy)[2] == "text"
