"""Parity: worked corpus articles' structures (headline, dek, section heads with their taglines,
paragraphs) written as .txt, .md, .html (h1/h2/h3/p) and .docx (Title/Heading styles) give the
same headline, heads and paragraph texts from every reader. A tagline is written as a line under
its head, one level smaller. Held-aside articles are never used."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportgen.extract import extract_path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# Worked articles (none in heldout.txt) with sections, of both languages and several sources.
WORKED = [
    "zh-rmrb-print-sannong-data.txt",
    "zh-gne-thepaper-powerbank-prices.html",
    "zh-gov-report-2025-work-review.txt",
    "zh-gne-cjn-wuhan-holiday-foreign-media.html",  # two-line heads: a label, then its tagline
    "zh-gne-qq-finance-data-crawler.html",
    "en-colorado-jbc-general-fund-overview.md",
]


@dataclass
class Structure:
    headline: str
    dek: str
    lead: list[str]
    sections: list[tuple[str, str, list[str]]]


def _structure(model) -> Structure:
    return Structure(
        " ".join(model.headline.split()),  # a web page shows a run of spaces as one
        model.dek,
        [p.text for p in model.lead],
        [
            (t.heading, _own(t.tagline, t.heading), [p.text for p in t.paragraphs])
            for t in model.themes
        ],
    )


def _own(tagline: str, heading: str) -> str:
    """A tagline of its own line ('' when the model reads it out of the heading itself)."""
    return "" if tagline in heading else tagline


def _source(name: str) -> Path:
    held = (CORPUS / "heldout.txt").read_text(encoding="utf-8").split()
    assert Path(name).stem not in held
    found = [p for p in CORPUS.glob(Path(name).stem + ".*") if not p.name.endswith(".yaml")]
    return found[0]


def _txt(s: Structure) -> bytes:
    parts = [s.headline, *([s.dek] if s.dek else []), *s.lead]
    for head, tagline, paras in s.sections:
        parts += [head, *([tagline] if tagline else []), *paras]
    return "\n\n".join(parts).encode()


def _md(s: Structure) -> bytes:
    parts = [f"# {s.headline}", *([f"*{s.dek}*"] if s.dek else []), *s.lead]
    for head, tagline, paras in s.sections:
        parts += [f"## {head}", *([f"### {tagline}"] if tagline else []), *paras]
    return "\n\n".join(parts).encode()


def _html(s: Structure) -> bytes:
    e = html.escape
    body = [f"<h1>{e(s.headline)}</h1>", *([f"<p><em>{e(s.dek)}</em></p>"] if s.dek else [])]
    body += [f"<p>{e(p)}</p>" for p in s.lead]
    for head, tagline, paras in s.sections:
        body += [f"<h2>{e(head)}</h2>", *([f"<h3>{e(tagline)}</h3>"] if tagline else [])]
        body += [f"<p>{e(p)}</p>" for p in paras]
    page = f"<html><head><meta charset='utf-8'><title>{e(s.headline)}</title></head>"
    return (page + "<body><article>" + "".join(body) + "</article></body></html>").encode()


def _docx(s: Structure) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(s.headline, style="Title")
    if s.dek:
        document.add_paragraph(s.dek, style="Subtitle")
    for para in s.lead:
        document.add_paragraph(para)
    for head, tagline, paras in s.sections:
        document.add_paragraph(head, style="Heading 1")
        if tagline:
            document.add_paragraph(tagline, style="Heading 2")
        for para in paras:
            document.add_paragraph(para)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


WRITERS = {".txt": _txt, ".md": _md, ".html": _html, ".docx": _docx}


@pytest.mark.slow
@pytest.mark.parametrize("name", WORKED)
def test_the_same_article_in_every_format_gives_the_same_structure(tmp_path, name) -> None:
    want = _structure(extract_path(_source(name)))
    assert want.sections, "a worked article with sections"
    for suffix, write in WRITERS.items():
        path = tmp_path / f"article{suffix}"
        path.write_bytes(write(want))
        got = _structure(extract_path(path))
        assert got.headline == want.headline, suffix
        assert got.dek == want.dek, suffix
        assert [h[:2] for h in got.sections] == [h[:2] for h in want.sections], suffix
        assert got.lead == want.lead, suffix
        assert got.sections == want.sections, suffix
