"""The blind gallery (tests/gallery: real articles no rule was tuned on, kept for the deck and
brief review of issue #17) builds, and its untouched outputs verify clean: verify raises no
false alarm on text its rules never saw."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds ten articles

GALLERY = Path(__file__).resolve().parents[1] / "gallery"


def test_every_gallery_build_verifies_clean(tmp_path, monkeypatch) -> None:
    from reportgen.build import build
    from reportgen.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = sorted(p for p in GALLERY.iterdir() if p.name != "SOURCES.md")
    assert len(articles) >= 10
    config = load_config().with_options(inputs=articles, out=tmp_path)
    report = build(config, force=True, jobs=2)
    assert [f"{r.slug}: {r.status} {r.error}" for r in report.results if r.status != "built"] == []
    assert [f"{r.slug}: {f}" for r in report.results for f in r.findings] == []
