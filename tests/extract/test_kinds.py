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
