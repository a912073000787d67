"""Figure forms: ranges, ranks, shares, fractions, rates, number words; and what is no figure."""

from __future__ import annotations

import pytest

from reportgen.ingest.numbers import find_quantities


def _zh(text: str):
    return [(q.text, q.value, q.unit, q.kind, q.high) for q in find_quantities(text, "zh")]


def _en(text: str):
    return [(q.text, q.value, q.unit, q.kind, q.high) for q in find_quantities(text, "en")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("投资10-20亿元", [("10-20亿元", 10, "亿元", "range", 20)]),
        ("增长10%至20%", [("10%至20%", 10, "%", "range", 20)]),
        ("测试1.5万至2万次", [("1.5万至2万次", 1.5, "万次", "range", 2)]),
        ("位居全省第二", [("全省第二", 2, "位", "rank", None)]),
        ("排名全国第十位", [("全国第十位", 10, "位", "rank", None)]),
        ("近七成企业", [("近七成", 7, "成", "", None)]),
        ("人均33万元/人", [("33万元/人", 33, "万元/人", "", None)]),
        ("GDP52853亿元", [("52853亿元", 52853, "亿元", "", None)]),
        ("收入2亿多元", [("2亿多元", 2, "亿元", "", None)]),
        ("占比33.3%左右", [("33.3%左右", 33.3, "%", "", None)]),
        ("产量3万来斤", [("3万来斤", 3, "万斤", "", None)]),
    ],
)
def test_chinese_forms(text, expected) -> None:
    assert _zh(text) == expected


def test_fractions_are_shares() -> None:
    got = find_quantities("三分之一的企业，1/3左右", "zh")
    assert [(q.text, q.normalized) for q in got] == [
        ("三分之一", pytest.approx(100 / 3, rel=1e-4)),
        ("1/3左右", pytest.approx(100 / 3, rel=1e-4)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "城乡二元结构",
        "二次开发",
        "三次产业",
        "上世纪八十年代",
        "数十年来",
        "近十年来",
        "连续5年",
        "三年行动",
        "五大主导产业",
        "第二批名单",
        "2020-2024年",
    ],
)
def test_chinese_non_figures(text) -> None:
    assert _zh(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rates of 1.75% to 2%", [("1.75% to 2%", 1.75, "%", "range", 2)]),
        ("$15 an hour", [("$15 an hour", 15, "USD/hour", "", None)]),
        ("$116 per credit hour", [("$116 per credit hour", 116, "USD/credit hour", "", None)]),
        ("$30/month", [("$30/month", 30, "USD/month", "", None)]),
        ("the second busiest airport", [("second", 2, "rank", "rank", None)]),
        ("14th in the nation", [("14th", 14, "rank", "rank", None)]),
        ("twelve schools opened", [("twelve schools", 12, "schools", "", None)]),
    ],
)
def test_english_forms(text, expected) -> None:
    assert _en(text) == expected


@pytest.mark.parametrize("text", ["all 50 states", "on 6 September", "over five years"])
def test_english_non_figures(text) -> None:
    assert _en(text) == []


def test_a_blocked_word_before_keeps_the_qualifier_after_the_number() -> None:
    (q,) = find_quantities("公司流转附近600多亩藕塘", "zh")
    assert (q.text, q.qualifier, q.qualifier_word) == ("600多亩", "over", "多")


def test_a_date_with_slashes_is_no_fraction() -> None:
    assert [t for t, *_ in _zh("2015/06/09 收盘，占1/3左右")] == ["1/3左右"]


def test_halves_are_shares_and_half_words_are_not() -> None:
    from reportgen.ingest.numbers import find_quantities

    found = {
        q.text: (q.normalized, q.qualifier)
        for q in find_quantities("近半数企业，利润一半来自海外，占比超过半数", "zh")
    }
    assert found == {"近半数": (50.0, "under"), "一半": (50.0, "exact"), "超过半数": (50.0, "over")}
    assert find_quantities("上半年，半导体产业增长", "zh") == []


def test_a_price_per_unit_may_be_written_with_each() -> None:
    """8元每小时 is one rate like 8元/小时; a count before 每 (3个每人) is no rate."""
    from reportgen.ingest.numbers import find_quantities

    assert [q.text for q in find_quantities("收费8元每小时，", "zh")] == ["8元每小时"]
    assert [q.text for q in find_quantities("发放3个每人", "zh")] == ["3个"]


def test_a_rate_written_with_its_unit_before_or_an_adverb_after() -> None:
    """每吨960美元 and 每周5天 are rates per ton and per week, written from 每 on (每年增长5%
    is no rate: a verb stands between); "$15 hourly" is a rate per hour."""
    from reportgen.ingest.numbers import find_quantities

    zh = [
        (q.text, q.unit) for q in find_quantities("价格为每吨960美元，每周5天，每年增长5%。", "zh")
    ]
    assert zh == [("每吨960美元", "美元/吨"), ("每周5天", "天/周"), ("5%", "%")]
    en = [(q.text, q.unit) for q in find_quantities("They want a $15 hourly wage.", "en")]
    assert en == [("$15 hourly", "USD/hour")]


@pytest.mark.parametrize(
    ("text", "ranks"),
    [
        ("中国是世界第二大经济体。", ["世界第二大"]),
        ("净利润位列行业第二。", ["第二"]),
        ("排名前五的券商。", ["前五"]),
        ("票房榜前5位为甲、乙。", ["前5位"]),
        ("跻身全国前十。", ["全国前十"]),
        ("前五年增长较快，前三季度回落。", []),  # spans, not ranks
        ("居民第二次参加。", []),
    ],
)
def test_ranks_with_a_rank_word_a_short_scope_or_a_top_n(text, ranks) -> None:
    from reportgen.ingest.numbers import find_quantities

    assert [q.text for q in find_quantities(text, "zh") if q.kind == "rank"] == ranks
