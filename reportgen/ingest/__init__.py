"""Ingest: bytes to normalized text to blocks; pure text work, no Office or plotting imports."""
