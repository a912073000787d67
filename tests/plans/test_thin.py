"""Thin input: an article with no figures or no sections builds a minimal deck and brief and
says, on one warning line, what was missing."""

from __future__ import annotations

import subprocess
import sys

from pptx import Presentation


def _build(tmp_path, text: str) -> tuple[str, object]:
    article = tmp_path / "thin.txt"
    article.write_text(text, encoding="utf-8")
    cmd = [sys.executable, "-m", "reportgen", "build", str(article), "-o", str(tmp_path / "out")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True)
    return done.stderr, Presentation(str(tmp_path / "out" / "thin" / "deck.pptx"))


def test_no_figures_and_no_sections_warns_once_and_still_builds(tmp_path) -> None:
    text = "一篇没有数字的文章\n\n这里只有文字，没有任何数据。我们讨论发展的方向。\n\n另一段也只有文字。\n"
    stderr, deck = _build(tmp_path, text)
    warnings = [line for line in stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "no figures" in warnings[0] and "no sections" in warnings[0]
    shown = " ".join(
        s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame
    )
    assert "这里只有文字" in shown  # a topic slide from the paragraphs


def test_a_full_article_gives_no_warning(tmp_path) -> None:
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "seeds" / "qiantang-2024.txt"
    stderr, _ = _build(tmp_path, seed.read_text(encoding="utf-8"))
    assert "warning" not in stderr
