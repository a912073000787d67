"""Figure kinds from the figure's own clause: targets, limits, forecasts, ranks, ranges."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_text


def _kinds(body: str) -> list[tuple[str, str]]:
    return [(f.text, f.kind) for f in extract_text("标题\n\n" + body).facts]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("全市地区生产总值增长6.1%。", [("6.1%", "measured")]),
        ("力争到2027年营收突破4000亿元。", [("突破4000亿元", "target")]),
        ("研发投入占比不低于30%。", [("不低于30%", "limit")]),
        ("预计全年增长5%左右。", [("5%左右", "forecast")]),
        ("今年全年销量会接近90万辆。", [("接近90万辆", "forecast")]),
        ("明年销量可能达到100万辆。", [("100万辆", "forecast")]),
        ("协会12家会员单位参加。", [("12家", "measured")]),
        ("创新指数位列全省第三。", [("全省第三", "rank")]),
        ("计划投资10-20亿元。", [("10-20亿元", "range")]),
        ("完成全年5%的目标难度加大。", [("5%", "target")]),
        ("全省将新增装机约2000万千瓦。", [("约2000万千瓦", "target")]),
        (
            "主要预期目标是：增长5%左右；失业率5.5%左右；粮食产量1.4万亿斤左右。去年增长5%。",
            [
                ("5%左右", "target"),
                ("5.5%左右", "target"),
                ("1.4万亿斤左右", "target"),
                ("5%", "measured"),
            ],
        ),
        ("主要目标是：增长5%左右；一季度已增长4%。", [("5%左右", "target"), ("4%", "measured")]),
        # a bound and its verb: 最高罚, 最多可领
        ("违规者最高罚五万元。", [("五万元", "limit")]),
        # a bound naming a class before a noun, or a measure's bound before 的 and a noun
        ("8000元以下电脑销量增长12%。", [("8000元以下", "limit"), ("12%", "measured")]),
        ("地区生产总值超过500亿元的县有8个。", [("超过500亿元", "limit"), ("8个", "measured")]),
        # a count or a share before 的 is a value, not a class
        ("超过80%的居民参加了体检。", [("超过80%", "measured")]),
        ("实现了对全县70%以上的覆盖。", [("70%以上", "measured")]),
        ("全市增长10%以上，领跑全省。", [("10%以上", "measured")]),
        # 预期寿命 is no forecast; 预期目标 is a target
        ("人均预期寿命提高到80岁。", [("80岁", "measured")]),
        ("增长预期目标为6%左右。", [("6%左右", "target")]),
        # a past value set against a forecast is measured
        ("今年销量有望超过去年的90万辆。", [("90万辆", "measured")]),
        ("今年销量有望超过2023年的90万辆。", [("90万辆", "measured")]),
        # a span of years is no deadline
        ("2020年至2023年平均增长4.5%。", [("4.5%", "measured")]),
        # a maybe right after the figure
        ("全省约3000万人次可能出游。", [("约3000万人次", "forecast")]),
        # now-words after the aim: today's value
        ("目标是将目前的30种制度合并。", [("30种", "measured")]),
        # an elliptic clause carries the plan of the clause before it
        (
            "规划总面积约50平方公里，其中陆域30平方公里，总投资80亿元。",
            [("约50平方公里", "target"), ("30平方公里", "target"), ("80亿元", "target")],
        ),
        (
            "今年赤字率拟按3%左右安排、比上年提高0.5个百分点。",
            [("3%左右", "target"), ("0.5个百分点", "target")],
        ),
        # 将 before a verb: a future (a forecast); 将 bringing a thing to a level: an aim;
        # 将近 (nearly) is neither
        ("航空公司表示，明日将取消三分之一的航班。", [("三分之一", "forecast")]),
        ("央行将通胀率降到2%的努力仍在继续。", [("2%", "target")]),
        ("全村将近300户参加。", [("将近300户", "measured")]),
        # a clause of its own (a time, a done-word) stops the carry
        (
            "计划新建学校12所，去年建成8所。",
            [("12所", "target"), ("8所", "measured")],
        ),
    ],
)
def test_chinese_kinds(body, expected) -> None:
    assert _kinds(body) == expected


def test_english_kinds() -> None:
    m = extract_text(
        "Title\n\nThe state awarded $2 million. Grants of up to $50 million are available. "
        "The plant is expected to create 500 jobs. The city aims to cut emissions by 40%.\n"
    )
    assert [(f.text, f.kind) for f in m.facts] == [
        ("$2 million", "measured"),
        ("up to $50 million", "limit"),
        ("500 jobs", "forecast"),
        ("40%", "target"),
    ]


def test_a_figure_someone_is_forecasting_is_a_forecast() -> None:
    m = extract_text(
        "Title\n\nThe state awarded $2 million. The ministry is forecasting a much higher 6.2%.\n"
    )
    assert [(f.text, f.kind) for f in m.facts if f.unit == "%"] == [("6.2%", "forecast")]


def test_the_noun_projects_is_no_forecast() -> None:
    from reportgen.extract.kinds import kind_of

    sentence = "The district approved 35 projects, including 12 foreign-funded projects."
    at = sentence.index("12")
    assert kind_of(sentence, at, at + 26, 0, "", "en") == "measured"


def test_an_english_demand_is_a_target() -> None:
    from reportgen.extract import extract_text

    model = extract_text(
        "Title\n\nJanitors and wheelchair attendants are asking for a $15 hourly wage. Some "
        "currently make $10.50 an hour."
    )
    kinds = {f.text: f.kind for f in model.facts}
    assert kinds["$15 hourly"] == "target" and kinds["$10.50 an hour"] == "measured"


def test_as_of_a_year_end_is_no_target() -> None:
    from reportgen.extract.kinds import kind_of

    for text, kind in [
        ("截至2024年底，全市企业164家。", "measured"),
        ("截止到2024年底，全市企业164家。", "measured"),
        ("到2027年底，全市企业达到200家。", "target"),
        ("企业数量从2020年的52家提升到2024年的164家。", "measured"),  # rose to, done
    ]:
        at = text.index("家") - 3
        assert kind_of(text, at, at + 4, 0, "", "zh") == kind, text


def test_a_figure_risen_to_by_a_past_year_is_measured() -> None:
    from reportgen.extract.kinds import kind_of

    text = "技术合同成交额从2020年的52亿元提升到2024年的235亿元。"
    at = text.index("235")
    assert kind_of(text, at, at + 6, 0, "", "zh") == "measured"
    goal = "力争到2027年底，技术合同成交额达到300亿元。"
    at = goal.index("300")
    assert kind_of(goal, at, at + 6, 0, "", "zh") == "target"


def test_english_requirements_and_current_values() -> None:
    m = extract_text(
        "Title\n\nCurrent law requires a 12.5 percent reserve. Forecasts of falling prices "
        "were overtaken by the current rate of 4.1 percent.\n"
    )
    assert [(f.text, f.kind) for f in m.facts] == [
        ("12.5 percent", "limit"),
        ("4.1 percent", "measured"),
    ]


def test_english_slated_and_poised_are_forecasts() -> None:
    m = extract_text(
        "Title\n\nThe hub is slated to create 150 jobs. The plant is poised to hire 40 staff.\n"
    )
    assert [(f.text, f.kind) for f in m.facts] == [
        ("150 jobs", "forecast"),
        ("40 staff", "forecast"),
    ]
