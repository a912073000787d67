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


def test_a_level_and_a_change_are_no_list() -> None:
    m = extract_text("标题\n\n全省百亿房企61家，较去年同期减少29家。\n")
    assert not enumerated(m.facts, m.text)
    assert problems(_spec("bar", m.facts), m)


def test_figures_of_different_years_are_not_compared() -> None:
    m = extract_text("标题\n\n甲市2023年外资企业52家。乙市2024年外资企业61家。\n")
    names = ("甲市", "乙市")
    facts = [
        f.model_copy(update={"subject": s, "label": "外资企业"})
        for f, s in zip(m.facts, names, strict=True)
    ]
    m = m.model_copy(update={"facts": facts})
    assert same_measure(m.facts)
    assert any("time frames" in p for p in problems(_spec("bar", m.facts), m))


def test_a_bar_without_its_subject_is_no_comparison() -> None:
    m = extract_text("标题\n\n甲市外资企业52家。乙市外资企业61家。\n")
    facts = [
        f.model_copy(update={"subject": s, "label": "外资企业"})
        for f, s in zip(m.facts, ("甲市", ""), strict=True)
    ]
    assert not same_measure(facts)


def test_hedged_or_quoted_figures_are_no_bars() -> None:
    m = extract_text("标题\n\n专家表示，甲地面积240平方公里，乙地面积100平方公里。\n")
    assert any("hedged" in p for p in problems(_spec("bar", m.facts), m))
    m = extract_text("标题\n\n他说：“甲地种了300亩，乙地种了500亩。”\n")
    assert any("someone's words" in p for p in problems(_spec("bar", m.facts), m))


def test_different_measures_of_one_subject_are_no_list() -> None:
    m = extract_text("标题\n\n三十家基金公司合计实现营业收入300.5亿元、净利润120.2亿元。\n")
    assert not enumerated(m.facts, m.text)
    assert problems(_spec("bar", m.facts), m)


def test_positions_in_a_ranking_are_no_bars() -> None:
    m = extract_text("标题\n\n在全国港口排行中，甲港排名第3位。乙港排名第7位。\n")
    facts = [
        f.model_copy(update={"subject": s, "label": "排名"})
        for f, s in zip(m.facts, ("甲港", "乙港"), strict=True)
    ]
    m = m.model_copy(update={"facts": facts})
    assert same_measure(facts) and all(f.kind == "rank" for f in facts)
    assert any("position in a ranking" in p for p in problems(_spec("bar", facts), m))


def test_a_whole_and_its_parts_are_no_pair_of_bars() -> None:
    text = (
        "Title\n\nThe plan adds $40.0 million for the county colleges and student aid. "
        "This includes $32.5 million for the county colleges and $7.5 million for student aid.\n"
    )
    m = extract_text(text)
    whole, part = m.facts[0], m.facts[1]
    pair = [
        whole.model_copy(update={"subject": "county colleges and student aid", "label": "adds"}),
        part.model_copy(update={"subject": "county colleges", "label": "adds"}),
    ]
    m = m.model_copy(update={"facts": [*pair, *m.facts[2:]]})
    assert any("whole and parts" in p for p in problems(_spec("bar", pair), m))
