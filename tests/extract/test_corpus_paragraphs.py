"""Every body paragraph of the corpus gold reaches the model (tests/corpus, docs/corpus-gold.md).

One test per article; none when the corpus is absent. Text the readers cannot reach is listed
in KNOWN with the reason, so that a new loss shows at once.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOLDS = sorted(CORPUS.glob("*.gold.yaml"))
# article name -> (paragraph prefixes not reached, why)
KNOWN: dict[str, tuple[list[str], str]] = {
    "en-whitehouse-weekly-address-community-college": (
        [
            "In this week’s address, the Vice President laid out",
            "Access to higher education has a tangible impact on",
            "Making two years of community college free is good",
        ],
        "a summary block outside the page's main content (readability picks the transcript)",
    ),
    # Held-aside articles (never tuned on): losses this test found, left for a later, honest fix.
    "en-cnnmoney-birth-lottery-mobility": (
        [
            "The U.S. has long been heralded as a land",
            "Among its key findings: the class you're born",
            "The overall rankings of the countries were as follows:",
        ],
        "held aside: found by this test, not examined",
    ),
    "en-dai-jordan-competitiveness": (
        ["The [Jordan Competitiveness Program (JCP)][1] has officially launched"],
        "held aside: the gold keeps a Markdown reference link the model renders as text",
    ),
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s*_#\\]+", "", text).lower()


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.name.removesuffix(".gold.yaml") for p in GOLDS])
def test_every_gold_paragraph_reaches_the_body(gold_path: Path) -> None:
    from reportgen.extract import extract_path

    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    model = extract_path(gold_path.parent / gold["file"])
    body = [p.text for p in model.lead] + [p.text for t in model.themes for p in t.paragraphs]
    folded = [_fold(p) for p in body]
    lost = [p for p in gold["paragraphs"] if not any(_fold(p) in b for b in folded)]
    name = gold_path.name.removesuffix(".gold.yaml")
    known = KNOWN.get(name, ([], ""))[0]
    assert [p for p in lost if p not in known] == []
