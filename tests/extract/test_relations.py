"""Relations the text states between facts: part-of (其中), change (同比下降), rank (全省第三)."""

from __future__ import annotations

from reportgen.extract import extract_text
from reportgen.extract.relations import find_relations
from reportgen.ingest.layout import layout_from_text


def _relations(text: str, language: str):
    model = extract_text(text, "a.md")
    return find_relations(layout_from_text(text).text, model.facts, language)


def test_part_of_and_a_fall() -> None:
    text = "# 标题\n\n全市GDP达5000亿元，其中第二产业2000亿元、第三产业2500亿元。出口额300亿元，同比下降5%。\n"
    found = {r.kind: r for r in _relations(text, "zh")}
    assert (found["part_of"].whole, found["part_of"].parts) == ("f1", ["f2", "f3"])
    change = found["change"]
    assert (change.fact, change.of, change.direction, change.text) == (
        "f5",
        "f4",
        "down",
        "同比下降5%",
    )


def test_a_rise_against_last_year_and_a_rank() -> None:
    text = "# 标题\n\n全区规上工业总产值3700亿元，较上年增长12%，总量居全省第三。\n"
    found = {r.kind: r for r in _relations(text, "zh")}
    assert (found["change"].direction, found["change"].reference) == ("up", "上年")
    rank = found["rank"]
    assert (rank.position, rank.scope, rank.top, rank.text) == (3, "全省", False, "全省第三")


def test_a_year_on_year_change_is_measured_against_the_same_period_a_year_before() -> None:
    text = "# 标题\n\n前三季度地区生产总值5000亿元，同比增长8%；环比增长2%。\n"
    changes = [r for r in _relations(text, "zh") if r.kind == "change"]
    assert [(r.text, r.reference) for r in changes] == [
        ("同比增长8%", "上年同期"),
        ("环比增长2%", ""),
    ]


def test_english_change() -> None:
    text = "# Title\n\nSales rose to $5 billion, up 12% from last year.\n"
    [change] = _relations(text, "en")
    assert (change.kind, change.fact, change.direction, change.text) == (
        "change",
        "f2",
        "up",
        "up 12%",
    )


def test_no_facts_no_relations() -> None:
    assert find_relations("其中没有数字。", [], "zh") == []
