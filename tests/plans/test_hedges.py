"""Figures no card shows as a measured value: a condition's, a rule's, a baseline, a range end
read alone, a bound that sorts what a count counts (plans.hedges.hedged, through
plans.select.card_worthy)."""

from __future__ import annotations

from reportgen.extract import extract_text
from reportgen.plans.hedges import hedged
from reportgen.plans.select import card_worthy, headline


def _worthy(text: str) -> dict[str, bool]:
    model = extract_text(text)
    return {f.text: card_worthy(f, model) for f in model.facts}


def test_a_conditions_figure_is_no_card() -> None:
    got = _worthy("标题\n\n全市今年新增岗位3.2万个。如果订单回升，产值可增加80亿元。\n")
    assert got["3.2万个"] and not got["80亿元"]
    got = _worthy(
        "Title\n\nThe county hired 420 nurses. If funding holds, it could add 900 beds.\n"
    )
    assert got["420 nurses"] is True
    assert not any(v for k, v in got.items() if "900" in k)


def test_a_rules_figure_is_no_card_in_english() -> None:
    got = _worthy(
        "Title\n\nState law requires a 12 percent reserve. Revenue reached $8.1 billion.\n"
    )
    assert not any(v for k, v in got.items() if k.startswith("12"))
    assert any(v for k, v in got.items() if "8.1" in k)


def test_a_baseline_and_a_lone_range_end_are_no_cards() -> None:
    got = _worthy("标题\n\n三年来，全省千亿县从9个增至59个。\n\n价格区间为每吨15万元至20万元。\n")
    assert not got.get("9个", False)
    assert got.get("59个")
    assert not got.get("20万元", False) and not got.get("15万元", False)
    # a fall and the level after it: the level is no range end
    got = _worthy("标题\n\n全市汽车销量下滑16%至14561辆，出口增长35%。\n")
    assert got.get("14561辆")


def test_a_bound_sorting_a_count_is_no_total() -> None:
    got = _worthy("标题\n\n截至6月末，11家理财公司规模超过1万亿元；全市存款余额达5.2万亿元。\n")
    assert not got.get("超过1万亿元", False)
    assert got.get("5.2万亿元")


def test_the_headline_figures_skip_them() -> None:
    model = extract_text("标题\n\n全市外贸进出口总额达1.2万亿元。若汇率回稳，出口可再增300亿元。\n")
    assert [f.text for f in headline(model)] == ["1.2万亿元"]


def test_a_list_of_counts_is_no_bound() -> None:
    got = _worthy("标题\n\n园区已集聚整车企业3家、上下游企业120余家。\n")
    assert got["3家"] and got["120余家"]


def test_a_card_label_never_loses_its_negation() -> None:
    from reportgen.plans.select import card_label

    model = extract_text(
        "标题\n\n8月份，全国非制造业商务活动指数为50.3%，比上月上升0.1个百分点。\n"
    )
    fact = next(f for f in model.facts if f.text == "50.3%")
    lost = fact.model_copy(update={"label": "制造业商务活动指数", "counts": "非制造业商务活动指数"})
    assert card_label(lost, model).startswith("非制造业")


def test_a_footnote_number_opening_a_sentence_is_no_card() -> None:
    got = _worthy(
        "Title\n\nThe fund ends the year at $2.4 billion.\n2 Current law sets the rules.\n"
    )
    assert not any(v for k, v in got.items() if k.startswith("2 "))
    assert any(v for k, v in got.items() if "2.4" in k)


def test_hedged_reads_a_plan_stated_before_the_figure() -> None:
    model = extract_text("标题\n\n去年全市产值达到900亿元。今年力争产值突破1000亿元。\n")
    got = {f.text: hedged(f, model) for f in model.facts}
    assert got == {"900亿元": False, "突破1000亿元": True}


def test_a_four_character_phrase_the_tagger_calls_a_name_is_no_person() -> None:
    """jieba tags some four-character phrases as names (高温多雨); a Chinese name has two or
    three characters, so the figure after them is no one's story."""
    from reportgen.extract import extract_text
    from reportgen.plans.hedges import hedged

    m = extract_text("标题\n\n受近期高温多雨等因素影响，8月份，全国制造业PMI为49.1%。\n")
    assert not hedged(m.facts[0], m)


def test_a_figure_of_what_cannot_be_is_hedged() -> None:
    """在200公里的范围内不可能建设三个港口: the distance frames what cannot be, no value."""
    from reportgen.extract import extract_text
    from reportgen.plans.hedges import hedged

    m = extract_text(
        "标题\n\n专家认为，在200公里的范围内不可能建设三个大型港口。全港吞吐量达到3亿吨。\n"
    )
    by_text = {f.text: f for f in m.facts}
    assert hedged(by_text["200公里"], m)
    assert not hedged(by_text["3亿吨"], m)
