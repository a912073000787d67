"""reportgen.ingest is the front door of the ingest layer: it re-exports the loader's API."""

from __future__ import annotations

import reportgen.ingest as ingest
from reportgen.ingest import load


def test_the_package_reexports_the_loader() -> None:
    for name in ingest.__all__:
        assert getattr(ingest, name) is getattr(load, name), name
    assert set(ingest.__all__) >= {"load_layout", "sniff", "clean_text", "SUPPORTED"}


def test_load_layout_through_the_package(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# 标题\n\n第一段，增长12%。\n\n## 小节\n\n第二段。\n", encoding="utf-8")
    layout, raw, fmt = ingest.load_layout(path)
    assert raw == path.read_bytes() and fmt == "text"
    assert layout.headline.text == "标题"
    assert [s.heading.text for s in layout.sections] == ["小节"]
    assert "第二段" in layout.text
