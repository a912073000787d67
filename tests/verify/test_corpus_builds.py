"""Every corpus article builds and its untouched outputs verify clean: no false alarm on real
articles of every shape (the build runs verify; the planted-error suite proves it finds errors)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds every corpus article (a few minutes on two cores)

ROOT = Path(__file__).resolve().parents[2]


def _articles() -> list[Path]:
    spec = importlib.util.spec_from_file_location("corpus_gold", ROOT / "benchmarks/corpus_gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_gold", module)
    spec.loader.exec_module(module)
    return [module.load(path).article for path in module.gold_paths()]


def test_every_corpus_build_verifies_clean(tmp_path, monkeypatch) -> None:
    from reportgen.build import build
    from reportgen.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = _articles()
    assert len(articles) >= 40
    config = load_config().with_options(inputs=articles, out=tmp_path)
    report = build(config, force=True, jobs=2)
    failed = [f"{r.slug}: {r.status} {r.error}" for r in report.results if r.status != "built"]
    assert failed == []
    assert [f"{r.slug}: {f}" for r in report.results for f in r.findings] == []
    manifests = [tmp_path / r.slug / "manifest.json" for r in report.results]
    assert all('"verified": true' in m.read_text(encoding="utf-8") for m in manifests)
