"""Ingest: bytes to normalized text to blocks. Pure text processing, no Office or plotting imports."""
