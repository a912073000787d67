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
    assert kinds["$15"] == "target" and kinds["$10.50 an hour"] == "measured"


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
