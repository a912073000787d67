"""A Chinese sentence's topic: the name-like noun phrase it opens on, before its verb."""

from __future__ import annotations

from reportgen.extract import extract_text
from reportgen.extract.topic import colon_topic, topic


def test_the_noun_phrase_before_the_first_verb_is_the_topic() -> None:
    assert topic("蓝天家电表示，本月新开门店12家") == "蓝天家电"
    assert topic("在此之前，深交所今年共受理了30个项目") == "深交所"


def test_a_measure_or_a_general_noun_is_no_topic() -> None:
    assert topic("社会消费品零售总额同比增长4%") == ""
    assert topic("企业表示将扩大投资") == ""
    assert topic("12家门店已开业") == ""


def test_an_item_of_a_digest_is_about_its_own_topic() -> None:
    text = "早间要闻\n\n1、蓝天家电表示，本月新开门店12家。\n\n2、深交所今年共受理了30个项目。\n"
    facts = {f.text: f for f in extract_text(text).facts}
    assert facts["12家"].subject == "蓝天家电"
    assert facts["30个"].subject == "深交所"


def test_a_digest_item_is_about_the_name_before_its_colon() -> None:
    assert colon_topic("快讯，华光电子：拟5000万元收购子公司股权") == "华光电子"
    assert colon_topic("他说：今年销量增长了20%") == ""
    assert colon_topic("记者：今年销量增长了多少") == ""


def test_the_name_before_the_colon_is_the_subject_even_when_the_item_names_another() -> None:
    text = "公司快讯\n\n华光电子：确认中标远航公司设备采购项目，中标额3000万元。\n"
    facts = {f.text: f for f in extract_text(text).facts}
    assert facts["3000万元"].subject == "华光电子"


def test_a_sentence_opening_on_a_count_is_about_the_group_counted() -> None:
    from reportgen.extract.topic import counted_group

    assert counted_group("已有66家基金公司上半年经营情况曝光，合计实现营业收入") == "基金公司"
    assert counted_group("今年以来，合计实现营业收入") == ""
    assert counted_group("全市32家企业营业收入") == ""  # a count inside, not opening


def test_an_items_figures_are_about_the_group_its_sentence_opens_by_counting() -> None:
    from reportgen.extract import extract_text

    model = extract_text(
        "早餐\n\n3、已有66家基金公司上半年经营情况曝光，合计实现营业收入474.04亿元。\n\n"
        "4、光伏板块走强。\n"
    )
    assert {f.text: f.subject for f in model.facts}["474.04亿元"] == "基金公司"


def test_a_topic_never_opens_on_the_rest_of_a_date() -> None:
    """8月份钢铁行业PMI为40.4%: the topic is 钢铁行业PMI, never 月份钢铁行业PMI."""
    from reportgen.extract.topic import topic

    assert topic("8月份钢铁行业PMI为40.4%") == "钢铁行业PMI"
