"""Ingest: bytes to normalized text to blocks; pure text work, no Office or plotting imports."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import InputError

SUPPORTED = ".txt, .md (plain text or Markdown)"


def sniff(raw: bytes) -> str:
    """The article's format from its content: 'docx', 'html' or 'text'."""
    head = raw[:2048].lstrip().lower()
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "text"


def load_layout(path: Path):
    """(layout, raw bytes, format) for an article file of any supported type."""
    from reportgen.extract.structure import layout_from_text
    from reportgen.ingest.read import check_text, decode, normalize, read_bytes

    raw = read_bytes(path)
    fmt = sniff(raw)
    if fmt != "text":
        raise InputError(f"{fmt} articles are not supported yet; supported: {SUPPORTED}", path=path)
    text = normalize(decode(raw, path))
    check_text(text, path)
    return layout_from_text(text), raw, fmt
