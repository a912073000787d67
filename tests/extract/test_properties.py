"""Property-based: arbitrary text either extracts to a valid model or fails with our own error."""

from __future__ import annotations

from conftest import SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.errors import ReportgenError
from reportgen.extract import extract_text
from reportgen.ingest.read import check_text, normalize

PIECES = st.sampled_from(
    [
        "## ",
        "\n\n",
        "\n",
        "“",
        "”",
        "。",
        ",",
        "说。",
        "突破",
        "约",
        "亿元",
        "%",
        "家",
        "余",
        "12",
        "3.5",
        "第三",
        "全省",
        "其中",
        "较上年提升",
        "五大",
        "记者 ",
        "\u3000",
        "&amp;",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


def _extract(raw: str) -> None:
    text = normalize(raw)
    try:
        check_text(text, "<fuzz>")
        model = extract_text(text)
    except ReportgenError:
        return
    for fact in model.facts:
        assert model.text[fact.span.start : fact.span.end] == fact.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_arbitrary_text(raw: str) -> None:
    _extract(raw)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=0, max_value=8000),
    st.integers(min_value=0, max_value=400),
    st.text(max_size=20),
)
def test_mutated_seed(cut: int, length: int, insert: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    _extract(seed[:cut] + insert + seed[cut + length :])
