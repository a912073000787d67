"""Chart planning: honest specs (values equal facts, derived values marked, one unit per axis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import zh_model

from charts.models import empty_model, en_model, lonely_model
from reportgen.charts.plan import plan
from reportgen.charts.wording import load_wording
from reportgen.model import ChartSpec, Model


def _check_honest(model: Model, specs: list[ChartSpec]) -> None:
    """Every drawn value equals its fact's value, or is derived, marked and explained."""
    for spec in specs:
        for series in spec.series:
            assert len(series.labels) == len(series.values) == len(series.facts)
            for value, fid, derived in zip(
                series.values, series.facts, series.derived, strict=True
            ):
                if fid is None:
                    assert derived, f"{spec.id}: unsourced value {value} not marked derived"
                    assert spec.derived, f"{spec.id}: derived value without a description"
                else:
                    assert not derived
                    assert value == model.fact(fid).value, f"{spec.id}: {value} != fact {fid}"
        for fid in spec.facts:
            model.fact(fid)  # provenance ids exist
        if spec.kind == "bar":
            units = {model.fact(f).unit for f in spec.series[0].facts}
            assert units == {spec.unit}, f"{spec.id}: mixed units {units}"
            assert len(spec.series[0].values) >= 2, f"{spec.id}: single-number bar chart"
        if spec.kind in ("bar", "stacked", "change"):
            assert len(spec.series[0].values) >= 2
        assert spec.alt and spec.title and spec.source


def test_zh_model_plans_every_kind() -> None:
    model = zh_model()
    specs = plan(model)
    assert [s.kind for s in specs] == ["figures", "bar", "stacked", "change"]
    _check_honest(model, specs)


def test_figures_panel_keeps_qualifiers_and_rank() -> None:
    figures = plan(zh_model())[0].series[0]
    shown = dict(zip(figures.facts, figures.display, strict=True))
    assert shown["f1"] == "突破1200亿元"
    assert shown["f8"] == "800余家"
    assert figures.badges[figures.facts.index("f10")] == "全省第三"
    assert len(figures.labels) <= 6


def test_part_of_remainder_is_derived_and_labelled() -> None:
    stacked = next(s for s in plan(zh_model()) if s.kind == "stacked")
    parts, total = stacked.series
    assert parts.values == [5, 12, 23]
    assert parts.facts == ["f6", "f7", None]
    assert parts.derived == [False, False, True]
    assert "推算" in parts.labels[-1]
    assert total.values == [40] and total.facts == ["f5"]
    assert "40 − 5 − 12" in stacked.derived[0]


def test_change_previous_value_is_derived_with_how() -> None:
    change = next(s for s in plan(zh_model()) if s.kind == "change")
    series = change.series[0]
    assert series.values == [pytest.approx(138.2), 150.2]
    assert series.derived == [True, False]
    assert "150.2 − 12" in change.derived[0]
    assert "较上年提升12个点" in change.derived[0]
    assert change.notes == ["提升12个点"]
    assert series.badges[-1] == "全省第三"


def test_bar_groups_one_unit_with_qualifier_in_labels() -> None:
    bar = next(s for s in plan(zh_model()) if s.kind == "bar")
    assert bar.unit == "家"
    assert bar.series[0].display == ["120余", "3"]
    assert bar.series[0].values == [120, 3]  # sorted, largest first


def test_alt_text_states_the_numbers() -> None:
    for spec in plan(zh_model()):
        for series in spec.series[:1]:
            for shown in series.display:
                assert shown.rstrip("亿元家%") in spec.alt


def test_english_model_gets_english_labels() -> None:
    model = en_model()
    specs = plan(model)
    _check_honest(model, specs)
    assert [s.kind for s in specs] == ["figures", "bar", "stacked"]
    text = " ".join(s.title + s.alt + " ".join(s.derived) + s.source for s in specs)
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert specs[0].title == "Key figures"
    assert specs[0].series[0].display[:2] == ["370+ billion yuan", "1,600+ companies"]
    assert specs[2].series[0].labels[-1] == "Other (derived)"
    assert specs[0].source == "Source: Harbour zone grows"


def test_no_comparable_figures_gives_only_the_panel() -> None:
    specs = plan(lonely_model())
    assert [s.kind for s in specs] == ["figures"]


def test_no_facts_gives_no_charts() -> None:
    assert plan(empty_model()) == []


def test_single_number_never_becomes_a_bar() -> None:
    model = zh_model()
    facts = [f for f in model.facts if f.id != "f3"]  # leaves one 家 fact in section 1
    specs = plan(model.model_copy(update={"facts": facts}))
    assert not any(s.kind == "bar" and s.theme == 0 for s in specs)


def test_wording_comes_from_label_files() -> None:
    zh, en = load_wording("zh"), load_wording("en")
    assert zh.number(1600) == "1600" and en.number(1600) == "1,600"
    assert zh["figures_title"] != en["figures_title"]


def test_seed_article_plans_honest_charts(seed_model) -> None:
    specs = plan(seed_model)
    _check_honest(seed_model, specs)
    kinds = [s.kind for s in specs]
    assert kinds[0] == "figures" and "stacked" in kinds and "change" in kinds
    stacked = next(s for s in specs if s.kind == "stacked")
    assert stacked.series[0].values == [7, 18, 27] and stacked.series[1].values == [52]
    change = next(s for s in specs if s.kind == "change")
    assert change.series[0].values == [pytest.approx(157.6), 182.6]
    figures = specs[0].series[0]
    assert "突破3700亿元" in figures.display and "1600余家" in figures.display


def test_seed_vague_labels_are_neither_bars_nor_headline_cards(seed_model) -> None:
    """企业 (counted twice), 县, 部门 do not say what they count: no bar, no card carries them."""
    specs = plan(seed_model)
    for spec in specs:
        if spec.kind in ("bar", "figures"):
            labels = spec.series[0].labels
            assert not [x for x in labels if len(x) <= 2], (spec.id, labels)
    # 整车企业 4, 产业链上下游企业 180余, 产业链企业 52: counts from different links of the
    # chain, neither listed together nor one measure of different subjects: no bar
    assert not [s for s in specs if s.kind == "bar" and s.theme == 0]


def test_english_labels_are_kept_as_the_article_counts_them() -> None:
    figures = plan(en_model())[0].series[0]
    assert all(figures.labels)


def test_english_money_on_a_card_is_written_as_the_article_writes_it() -> None:
    from reportgen.extract import extract_path

    model = extract_path(Path(__file__).resolve().parents[1] / "fixtures/articles/en_markdown.md")
    shown = plan(model)[0].series[0].display
    assert "$1.2 billion" in shown and "about $300 million" in shown
    assert not [s for s in shown if "USD" in s]


def test_percent_change_derivation_states_the_formula_it_used() -> None:
    """同比增长6.5% on 860亿元: the earlier value is 860 ÷ (1 + 6.5%), and the note says so."""
    from conftest import ARTICLES

    from reportgen.charts.plan import plan
    from reportgen.extract import extract_path

    model = extract_path(ARTICLES / "zh_numbered.txt")
    change = next(s for s in plan(model) if s.kind == "change")
    previous = next(
        v for v, d in zip(change.series[0].values, change.series[0].derived, strict=True) if d
    )
    assert previous == round(860 / 1.065)  # no finer than the 860 it comes from
    assert any("860 ÷ (1 + 6.5%)" in how for how in change.derived)


def test_a_derived_count_is_a_whole_number() -> None:
    from reportgen.charts.plan import plan
    from reportgen.extract import extract_text

    model = extract_text("标题\n\n## 产业\n\n截至2024年底，全市新入规企业164家，同比增长112%。")
    change = next(s for s in plan(model) if s.kind == "change")
    assert 77 in change.series[0].values and "77" in change.series[0].display


def test_charts_are_bounded_by_the_figure_ranking() -> None:
    """An article of many figure groups gets at most MAX_CHARTS charts: the figures panel, then
    the charts of the best-ranked figures, in their planned order."""
    from reportgen.charts.plan import MAX_CHARTS, bounded
    from reportgen.extract import extract_text
    from reportgen.plans.select import ranked

    body = "\n\n".join(
        f"今年第{i}号园区产值达到{i + 100}亿元，同比增长{i % 30}.5%，企业{i % 90 + 10}家。"
        for i in range(60)
    )
    lead = "全市工业总产值达到9000亿元，外贸进出口额达到3200亿元。"  # two headline cards
    model = extract_text(f"# 数字段落\n\n{lead}\n\n{body}\n")
    specs = plan(model)
    assert len(specs) == MAX_CHARTS and specs[0].kind == "figures"
    ids = [s.id for s in specs]
    assert len(set(ids)) == len(ids)
    order = {f.id: i for i, f in enumerate(ranked(model.facts, model))}
    best = [min(order[f] for f in s.facts) for s in specs[1:]]
    small = bounded(specs, model, limit=5)
    assert [s.id for s in small] == [s.id for s in specs if s in small]
    assert small[0] is specs[0] and len(small) == 5
    kept = [min(order[f] for f in s.facts) for s in small[1:]]
    assert sorted(kept) == sorted(best)[:4]


def test_few_charts_are_left_as_planned() -> None:
    from reportgen.charts.plan import bounded

    model = zh_model()
    specs = plan(model)
    assert bounded(specs, model) is specs


def test_no_chart_of_figures_without_words_or_of_unlike_measures() -> None:
    from reportgen.charts.plan import plan as plan_charts
    from reportgen.extract import extract_text

    text = (
        "基金观察\n\n## 一、经营\n\n三十家基金公司合计实现营业收入300.5亿元、净利润120.2亿元。"
        "公司数量稳步增加。\n\n## 二、退市\n\n今年以来退市公司47家，其中，45家为A股退市，2家为B股退市。"
        "市场生态持续优化。\n"
    )
    kinds = [s.kind for s in plan_charts(extract_text(text))]
    assert "bar" not in kinds and "stacked" not in kinds
