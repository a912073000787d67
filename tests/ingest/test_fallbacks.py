"""Front matter from a portal's marks: a bracketed abstract is the dek, 原标题 the headline."""

from __future__ import annotations

from reportgen.extract import extract_text

ABSTRACT = "这两天一家投资机构发布分析报告，认为这家公司过于务虚，并因此受到质疑，股价连日下跌也与这份报告有关。"
BODY = (
    "这家公司每次促销活动都公布一大堆数据，就是不说成交总额，这样的做法越来越难让人信服。\n\n"
    "公司给出的这些数据都是有潜台词的，都是想以模糊的方式显示销售规模，外界自然会有疑问。"
)


def test_a_bracketed_abstract_is_the_dek_and_the_original_title_the_headline() -> None:
    model = extract_text(
        f"[摘要：{ABSTRACT}]\n原标题：[观察]No.552 数字游戏，何不直接公布？\n{BODY}"
    )
    assert model.headline == "数字游戏，何不直接公布？"
    assert model.series == "观察"
    assert model.dek == ABSTRACT  # without its brackets and label
    assert not any(ABSTRACT in p.text for p in model.lead)


def test_an_abstract_without_a_title_leaves_the_headline_empty() -> None:
    model = extract_text(f"[{ABSTRACT}]\n\n{BODY}")
    assert model.dek == ABSTRACT
    assert model.headline == ""


def test_a_short_bracketed_line_is_no_abstract() -> None:
    model = extract_text(f"标题一行\n\n[图]\n\n{BODY}")
    assert model.dek == ""
