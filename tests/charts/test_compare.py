"""A chart compares like with like, or it is reported."""

from __future__ import annotations

from reportgen.charts.compare import enumerated, problems, same_measure
from reportgen.extract import extract_text
from reportgen.model import ChartSpec


def _spec(kind: str, facts) -> ChartSpec:
    return ChartSpec(id="c", kind=kind, title="t", facts=[f.id for f in facts])


def test_a_listed_ranking_is_comparable() -> None:
    m = extract_text("标题\n\n研发投入强度北京6.5%、上海4.4%、广东3.5%，均居全国前列。\n")
    assert enumerated(m.facts, m.text)
    assert problems(_spec("bar", m.facts), m) == []


def test_counts_of_different_things_are_not_comparable() -> None:
    m = extract_text("标题\n\n集聚整车企业4家。另有产业链上下游企业180余家。\n")
    assert not same_measure(m.facts)
    assert problems(_spec("bar", m.facts), m) == [
        "its bars measure different things and are not listed together"
    ]


def test_a_target_is_no_value_to_show() -> None:
    m = extract_text("标题\n\n力争到2027年营收突破4000亿元。\n")
    assert problems(_spec("figures", m.facts), m) == [
        "突破4000亿元 is a target, not a measured value"
    ]


def test_mixed_units_are_reported() -> None:
    m = extract_text("标题\n\n全市外资企业52家、外资占比12%。\n")
    assert "mixes units" in " ".join(problems(_spec("bar", m.facts), m))
