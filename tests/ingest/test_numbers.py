"""Quantities: values, units, scales, qualifiers and what is not a quantity."""

from __future__ import annotations

import pytest

from reportgen.ingest.numbers import find_en, find_quantities, find_zh, read_cn


def _one(text: str):
    found = find_zh(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier", "normalized"),
    [
        ("产值突破3700亿元。", "突破3700亿元", 3700, "亿元", "over", 3.7e11),
        ("总投资约5亿美元,", "约5亿美元", 5, "亿美元", "approx", 5e8),
        ("集聚1600余家外资企业", "1600余家", 1600, "家", "over", 1600),
        ("项目数量近80个", "近80个", 80, "个", "under", 80),
        ("10多个部门", "10多个", 10, "个", "over", 10),
        ("占全市95%以上。", "95%以上", 95, "%", "over", 95),
        ("25万名师生", "25万名", 25, "万名", "exact", 250000),
        ("交易额超4000万元", "超4000万元", 4000, "万元", "over", 4e7),
        ("提升25个点", "25个点", 25, "个点", "exact", 25),
        ("提高3个百分点", "3个百分点", 3, "个百分点", "exact", 3),
        ("引进二十五家企业", "二十五家", 25, "家", "exact", 25),
        ("投入高达5.25%,", "5.25%", 5.25, "%", "exact", 5.25),
        ("指数182.6,位列", "182.6", 182.6, "", "exact", 182.6),
        ("约1,200家左右", "约1,200家左右", 1200, "家", "approx", 1200),
        ("全年检测441批次农产品", "441批次", 441, "批次", "exact", 441),
        ("发运箱量54423标准箱，", "54423标准箱", 54423, "标准箱", "exact", 54423),
        ("接待游客3400多万人次，", "3400多万人次", 3400, "万人次", "over", 3.4e7),
        ("用户5600余万，", "5600余万", 5600, "万", "over", 5.6e7),
        ("营收531.8亿印度卢比，", "531.8亿印度卢比", 531.8, "亿印度卢比", "exact", 5.318e10),
        ("共涉及95只A股，", "95只", 95, "只", "exact", 95),
        ("减持至不超过10%，", "不超过10%", 10, "%", "under", 10),
        ("累计降息125个基点，", "125个基点", 125, "个基点", "exact", 125),
    ],
)
def test_zh_quantities(text, surface, value, unit, qualifier, normalized) -> None:
    q = _one(text)
    assert (q.text, q.value, q.unit, q.qualifier, q.normalized) == (
        surface,
        value,
        unit,
        qualifier,
        pytest.approx(normalized),
    )
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "2024年,",
        "《规划(2021—2035年)》",
        "C919大型客机",
        "世界500强",
        "3个500亿级产业集群中的500",
        "十四五规划",
        "五大主导产业",
        "跃居全省前三",
        "一以贯之",
        "一系列设备",
        "去年12月",
        "四季度",
        "零件制造",
        "千亿级",
        "数据对比（万元）",  # a unit on its own: 万 is its prefix, not ten thousand
        "单位：亿元",
        "以百分点计",
        "千米",
        "提出“四个着力点”的要求",  # a quoted name that opens with a count
        "每5年增长1岁",  # 5年: an interval; 1岁 stays a figure
    ],
)
def test_zh_non_quantities(text: str) -> None:
    assert [q.text for q in find_zh(text) if q.text not in ("3个", "1岁")] == []


def test_chinese_numerals() -> None:
    assert read_cn("十四") == 14
    assert read_cn("两") == 2
    assert read_cn("二十五") == 25
    assert read_cn("统一") is None


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier", "normalized"),
    [
        ("attracted $1.2 billion in", "$1.2 billion", 1.2, "billion USD", "exact", 1.2e9),
        ("grew 4.2% last year", "4.2%", 4.2, "%", "exact", 4.2),
        ("created 13,000 jobs.", "13,000 jobs", 13000, "jobs", "exact", 13000),
        ("hosts more than 200 firms in", "more than 200 firms", 200, "firms", "over", 200),
        (
            "nearly 1,500 graduates joined",
            "nearly 1,500 graduates",
            1500,
            "graduates",
            "under",
            1500,
        ),
        ("added 3 percentage points", "3 percentage points", 3, "percentage points", "exact", 3),
    ],
)
def test_en_quantities(text, surface, value, unit, qualifier, normalized) -> None:
    found = find_en(text)
    assert len(found) == 1, found
    q = found[0]
    assert (q.text, q.value, q.unit, q.qualifier, q.normalized) == (
        surface,
        value,
        unit,
        qualifier,
        pytest.approx(normalized),
    )


def test_en_counted_noun_is_the_word_after_a_qualifier_never_a_verb() -> None:
    """After a word that qualifies a noun (existing, foreign-funded) the next word is what a
    figure counts; after a noun without a plural -s (people, staff) the next word is a verb."""
    assert [q.text for q in find_en("It will help 1,500 people become work-ready.")] == [
        "1,500 people"
    ]
    assert [q.text for q in find_en("It trains 120 existing shearers.")] == [
        "120 existing shearers"
    ]
    assert [q.text for q in find_en("It has 300 local staff.")] == ["300 local staff"]


def test_en_digit_grouped_number_is_a_figure_with_no_noun() -> None:
    """65,281 with no noun after it is still a figure (a year or a bare 1380 is not)."""
    found = find_en("It rose by 1380 last month, to 65,281, in 2024.")
    assert [q.text for q in found] == ["65,281"]


def test_en_compound_or_participle_before_a_plural_qualifies_what_is_counted() -> None:
    assert [q.text for q in find_en("It approved 12 foreign-funded projects.")] == [
        "12 foreign-funded projects"
    ]
    assert [q.text for q in find_en("It has 25 registered voters.")] == ["25 registered voters"]


def test_en_years_are_not_quantities() -> None:
    assert find_en("In 2024 the town grew, and in 1999 it shrank.") == []


def test_en_unit_never_comes_from_the_next_line() -> None:
    assert [q.text for q in find_en("Port plan 5\nFiles are attached.")] == []
    assert [q.text for q in find_en("It built 5 ports.")] == ["5 ports"]
    assert [q.text for q in find_en("$1.2\nbillion")] == ["$1.2\nbillion"]  # a scale may wrap


def test_a_thousands_group_has_exactly_three_digits() -> None:
    assert [(q.text, q.value) for q in find_zh("共1,600家、2,300,000元")] == [
        ("1,600家", 1600.0),
        ("2,300,000元", 2300000.0),
    ]
    assert [q.text for q in find_zh("共1,6005家企业")] == ["6005家"]  # never "5家" after "1,600"


def test_an_age_naming_a_group_is_no_figure() -> None:
    found = find_quantities(
        "65周岁及以上人口1.7亿，60岁以上老人增多，平均年龄45岁，年龄在60岁以上。", "zh"
    )
    assert [q.text for q in found] == ["1.7亿", "45岁", "60岁以上"]


def test_a_number_naming_a_part_of_the_document_is_no_figure() -> None:
    text = "Section 1 summarizes the fund. Table 2 shows it. The fund holds 3 reserves."
    assert [q.text for q in find_quantities(text, "en")] == ["3 reserves"]


def test_a_decimal_without_its_leading_zero_is_read_whole() -> None:
    (q,) = find_quantities("levy a .07% fee on the biggest banks", "en")
    assert (q.text, q.value) == (".07%", 0.07)


def test_a_short_number_opening_a_line_before_a_capital_is_a_note_mark() -> None:
    assert [q.text for q in find_quantities("2 Current law requires a reserve.", "en")] == []
    assert [q.text for q in find_quantities("12 jobs were created.", "en")] == ["12 jobs"]


def test_an_english_figure_counts_nothing_past_a_conjunction() -> None:
    from reportgen.ingest.numbers import find_en

    assert [q.text for q in find_en("The tap room seats 18 and offers 12 ounce bottles.")] == [
        "12 ounce bottles"
    ]  # not '18 and offers'
    assert [(q.text, q.unit) for q in find_en("It added 18 new jobs.")] == [("18 new jobs", "jobs")]


def test_an_english_figure_counts_no_participle() -> None:
    from reportgen.ingest.numbers import find_en

    found = find_en("prime-age workers between 25 and 54 compared to 10 wealthy countries")
    assert [q.text for q in found] == ["10 wealthy countries"]  # not '54 compared'


def test_grams_are_a_unit() -> None:
    from reportgen.ingest.numbers import find_zh

    found = [(q.text, q.unit) for q in find_zh("充绒可精确到0.01克，每袋含蛋白质20毫克。")]
    assert found == [("0.01克", "克"), ("20毫克", "毫克")]


def test_zh_lengths_basis_points_and_two_of_a_counter() -> None:
    """毫米 and 厘米 are lengths, bps/BP basis points; 两 before a counter is a count, but not
    两个 (set phrases: 两个维护), 两年 (a span) nor 两位数 (double digits)."""
    found = [(q.text, q.base_unit) for q in find_quantities("降雨2150毫米，降息25bps。", "zh")]
    assert found == [("2150毫米", "米"), ("25bps", "个基点")]
    texts = lambda t: [q.text for q in find_quantities(t, "zh")]  # noqa: E731
    assert texts("两家公司各买两台设备。") == ["两家", "两台"]
    assert texts("做到两个维护，两年来实现两位数增长。") == []


def test_en_a_name_counted_keeps_its_words_and_case() -> None:
    """160,000 New Zealanders counts "New Zealanders" (a name), 200 firms counts "firms"."""
    found = [(q.text, q.unit) for q in find_en("Over 160,000 New Zealanders and 200 firms.")]
    assert found == [("Over 160,000 New Zealanders", "New Zealanders"), ("200 firms", "firms")]


def test_en_a_number_inside_a_name_is_no_figure() -> None:
    """Fortune 500 companies, S&P 500: a bare number after a capitalised word inside a
    sentence is a name's; a sentence's first word (The 500 firms) names nothing."""
    assert [q.text for q in find_en("It joined the Fortune 500 companies last year.")] == []
    assert [q.text for q in find_en("The S&P 500 index rose 2%.")] == ["2%"]
    assert [q.text for q in find_en("The 500 firms hired 30 people.")] == [
        "500 firms",
        "30 people",
    ]
