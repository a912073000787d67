"""Ingest: bytes to normalized text to blocks to the article's layout; pure text work, no
Office or plotting imports. This package only re-exports; the work is in its modules."""

from reportgen.ingest.load import (
    DESCRIPTIONS,
    SUPPORTED,
    Parsed,
    clean_text,
    layout_from_parsed,
    load_layout,
    sniff,
)

__all__ = [
    "DESCRIPTIONS",
    "SUPPORTED",
    "Parsed",
    "clean_text",
    "layout_from_parsed",
    "load_layout",
    "sniff",
]
