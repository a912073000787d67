"""Themes from headings: the dialectical pair and tagline; lead sentences as points."""

from __future__ import annotations

from reportgen.extract.themes import lead_sentence, split_heading

PARAGRAPH = "今年以来，全区规上工业总产值突破3700亿元，同比增长12%，增速居全省前列。"


def test_split_heading_finds_the_pair() -> None:
    assert split_heading("一、统筹“稳”与“进” 夯实产业根基", "zh") == (
        "统筹",
        ["稳", "进"],
        "夯实产业根基",
    )
    assert split_heading("Balancing growth and stability: the plan", "en") == (
        "Balancing",
        ["growth", "stability"],
        "the plan",
    )


def test_a_heading_opening_on_dashes_has_no_tagline_of_itself() -> None:
    assert split_heading("——思想领航，为发展提供遵循。", "zh") == (None, [], "")
    assert split_heading("路径——从试点到推广", "zh") == (None, [], "从试点到推广")
    assert split_heading("— Where the money goes", "en") == (None, [], "")


def test_split_heading_without_a_pair() -> None:
    assert split_heading("二、产业发展", "zh") == (None, [], "")
    assert split_heading("（三）创新驱动：打造新引擎", "zh") == (None, [], "打造新引擎")


def test_lead_sentence() -> None:
    assert lead_sentence("产业加快升级。" + PARAGRAPH, "zh") == "产业加快升级。"
    assert lead_sentence("然而问题仍在。" + PARAGRAPH, "zh") is None  # a connective
    assert lead_sentence("产业加快升级。短。", "zh") is None  # too little follows
