"""Every corpus article builds and its untouched outputs verify clean: no false alarm on real
articles of every shape (the build runs verify; the planted-error suite proves it finds errors),
and no line the gold calls furniture (credits, ads, page chrome) is printed in its documents."""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds every corpus article (a few minutes on two cores)

ROOT = Path(__file__).resolve().parents[2]


def _gold() -> list:
    spec = importlib.util.spec_from_file_location("corpus_gold", ROOT / "benchmarks/corpus_gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_gold", module)
    spec.loader.exec_module(module)
    return [module.load(path) for path in module.gold_paths()]


def _shown_lines(folder: Path) -> str:
    """Every paragraph of the brief and of the deck (slides and notes), one per line."""
    lines = []
    for name in ("brief.docx", "deck.pptx"):
        with zipfile.ZipFile(folder / name) as zf:
            for part in zf.namelist():
                if part.endswith(".xml") and ("document" in part or "slide" in part):
                    xml = zf.read(part).decode("utf-8")
                    for para in re.findall(r"<(?:w|a):p[ >].*?</(?:w|a):p>", xml, re.S):
                        lines.append("".join(re.findall(r"<(?:w|a):t[^>]*>([^<]*)<", para)))
    return "\n".join(lines)


_DATE_ONLY = re.compile(
    r"^(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"
    r"|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?)$"
)


_SOURCE_LINE = re.compile(r"^(?:来源|稿源|Source|Press Release)\s*[:：]\s*(.+)$")


def _provenance(folder: Path) -> str:
    """The publication the outputs name as the article's source (plans.deck.publication)."""
    from reportgen.model import load
    from reportgen.plans.deck import publication

    return publication(load(folder / "content.json"))


def _printed_furniture(gold, shown: str, publication: str = "") -> list[str]:
    """The gold's furniture, credit and ad lines printed in the documents (lines the article also
    uses as its headline, a head, a caption or body text are not counted, nor a source line
    that says no more than the publication the outputs name on purpose: 来源：人民网)."""
    d = gold.data
    used = [d.get("headline") or "", *(d.get("paragraphs") or [])]
    used += [s.get("heading", "") for s in d.get("sections") or []]
    used += list(d.get("captions") or [])
    printed = []
    for line in d.get("furniture") or []:
        line = line.strip()
        if _DATE_ONLY.match(line):
            continue  # the publication date: shown on purpose, as the article's date
        source = _SOURCE_LINE.match(line)
        if source and publication and source.group(1).strip() == publication:
            continue  # the article's source: shown on purpose, as its provenance
        if len(line) >= 8 and line in shown and not any(line in u for u in used):
            printed.append(f"{gold.name}: {line}")
    return printed


def test_every_corpus_build_verifies_clean(tmp_path, monkeypatch) -> None:
    from reportgen.build import build
    from reportgen.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    golds = _gold()
    assert len(golds) >= 40
    config = load_config().with_options(inputs=[g.article for g in golds], out=tmp_path)
    report = build(config, force=True, jobs=2)
    failed = [f"{r.slug}: {r.status} {r.error}" for r in report.results if r.status != "built"]
    assert failed == []
    assert [f"{r.slug}: {f}" for r in report.results for f in r.findings] == []
    manifests = [tmp_path / r.slug / "manifest.json" for r in report.results]
    assert all('"verified": true' in m.read_text(encoding="utf-8") for m in manifests)
    folders = {r.slug: tmp_path / r.slug for r in report.results}
    printed = [
        p
        for g in golds
        for p in _printed_furniture(g, _shown_lines(folders[g.name]), _provenance(folders[g.name]))
    ]
    assert len(printed) <= PRINTED_FURNITURE, "\n".join(printed)


# Gold furniture lines still printed in the corpus's documents (page chrome the structure step
# leaves in the body: related-story links, ad labels, running heads). A ceiling, lowered as
# structure recovery improves (37 -> 11 -> 4 -> 3 on 2026-12-02); issue #14's target is 0.
PRINTED_FURNITURE = 3


def test_a_source_line_naming_the_shown_publication_is_provenance() -> None:
    gold = type(
        "Gold",
        (),
        {"name": "a", "data": {"furniture": ["来源：人民网-文化频道", "责任编辑：张三李四"]}},
    )
    shown = "来源：人民网-文化频道\n责任编辑：张三李四"
    assert _printed_furniture(gold, shown, "人民网-文化频道") == ["a: 责任编辑：张三李四"]
    assert len(_printed_furniture(gold, shown, "")) == 2
