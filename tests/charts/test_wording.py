"""The words charts use, per language, with number, qualifier and ordinal formatting."""

from __future__ import annotations

import pytest

from reportgen.charts.wording import Wording, load_wording
from reportgen.extract import extract_text
from reportgen.plans import template_dirs


def test_load_wording_per_language_and_from_a_folder(tmp_path) -> None:
    zh, en = load_wording("zh"), load_wording("en")
    assert zh["figures_title"] == "核心数据" and en["figures_title"] == "Key figures"
    (tmp_path / "chart_labels_zh.yaml").write_text("figures_title: 数据一览\n", encoding="utf-8")
    mine = load_wording("zh", [tmp_path, *template_dirs()])
    assert mine["figures_title"] == "数据一览"
    assert mine["remainder"] == zh["remainder"]  # the rest from the built-in labels


def test_number_groups_thousands_only_where_the_language_does() -> None:
    assert load_wording("zh").number(1234567.5) == "1234567.5"
    assert load_wording("en").number(1234567.5) == "1,234,567.5"
    assert load_wording("en").number(-1000.0) == "-1,000"
    assert Wording({}).number(3.0) == "3"


def test_display_keeps_the_articles_qualifier() -> None:
    zh = extract_text("# 标题\n\n产值突破1200亿元，企业180余家，近80个项目。\n", "a.md")
    assert [load_wording("zh").display(f) for f in zh.facts] == ["突破1200", "180余", "近80"]
    en = extract_text("# T\n\nMore than 1,600 firms and nearly 80 projects.\n", "a.md")
    assert [load_wording("en").display(f) for f in en.facts] == ["1,600+", "nearly 80"]


def test_fmt_words_with_unit_and_ordinal() -> None:
    w = Wording(
        {"t": "{a}-{b}", "list": "x, y ,,z", "value_unit": "{value}{unit}", "numerals": "零一二三"}
    )
    assert w.fmt("t", a=1, b=2) == "1-2"
    assert w.words("list") == {"x", "y", "z"} and w.words("missing") == set()
    assert w.with_unit("5", "亿元") == "5亿元" and w.with_unit("5", "") == "5"
    assert w.ordinal(3) == "三" and w.ordinal(9) == "9"


def test_a_counted_phrase_cut_after_a_dates_digits_names_the_bar_by_its_label() -> None:
    from reportgen.charts.plan import plan
    from reportgen.charts.wording import bar_label

    model = extract_text("标题\n\n2023年全省创新活力指数为121.5，比上年增长6.5%。\n")
    fact = next(f for f in model.facts if f.text == "121.5")
    cut = fact.model_copy(update={"counts": "年全省创新活力指数", "label": "全省创新活力指数"})
    assert bar_label(cut) == "全省创新活力指数"
    kept = fact.model_copy(update={"counts": "创新活力指数", "label": "指数"})
    assert bar_label(kept) == "创新活力指数"
    titles = [s.title for s in plan(model)]
    assert not any(t.startswith(("年", "月")) for t in titles)


def test_a_cut_date_tail_without_a_label_is_dropped_from_the_bar_label() -> None:
    from reportgen.charts.wording import bar_label

    model = extract_text("标题\n\n7月份钢厂开工指数为41.2，比上月下降1.5个点。\n")
    fact = model.facts[0].model_copy(update={"counts": "月份钢厂开工指数", "label": ""})
    assert bar_label(fact) == "钢厂开工指数"


@pytest.mark.parametrize(
    ("before", "language", "expected"),
    [
        ("国家统计局公布数据，8月份，我国制造业PMI为", "zh", "8月份"),
        ("2023年，我国经济发展新动能指数为", "zh", "2023年"),
        ("1-8月份累计销售额", "zh", "1-8月份"),
        ("据中物联，**8月份钢铁行业PMI为", "zh", "8月份"),  # emphasis marks no clause
        ("根据2023年全省科技进步统计监测报告显示，全区创新指数", "zh", ""),  # a name's year
        ("钱塘创新指数", "zh", ""),
        ("Unemployment in March was", "en", "March"),
        ("In 2023 the rate was", "en", "2023"),
    ],
)
def test_the_period_a_figure_is_stated_for(before, language, expected) -> None:
    """A change chart calls the stated value's bar by its period (8月份), not a bare 当前."""
    from reportgen.charts.wording import period

    assert period(before, language) == expected
