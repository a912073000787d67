"""分别: figures listed after it take, in order, the items listed before it."""

from __future__ import annotations

from reportgen.extract import extract_text


def _facts(body: str) -> dict[str, tuple[str, str]]:
    model = extract_text(f"# 标题\n\n{body}\n")
    return {f.text: (f.subject, f.label) for f in model.facts}


def test_each_item_takes_the_shared_measure() -> None:
    found = _facts("1至2月，钢材、水泥、玻璃产量同比分别增长3.1%、4.7%、2.2%。")
    assert [found[v][1] for v in ("3.1%", "4.7%", "2.2%")] == ["钢材产量", "水泥产量", "玻璃产量"]


def test_the_measure_follows_the_word_the_first_item_ends_with() -> None:
    found = _facts("批发和零售业、住宿和餐饮业增加值分别增长5.5%、6.4%。")
    assert found["5.5%"][1] == "批发和零售业增加值"
    assert found["6.4%"][1] == "住宿和餐饮业增加值"


def test_named_places_become_the_subjects() -> None:
    found = _facts("其后的珠三角、京津冀比重分别为7.5%、6.1%。")
    assert found["7.5%"] == ("珠三角", "比重")
    assert found["6.1%"] == ("京津冀", "比重")


def test_a_year_range_gives_each_year_its_figure() -> None:
    found = _facts("该公司2021年-2023年的营业收入分别为6000万元、2.6亿元、5.4亿元。")
    labels = [found[v][1] for v in ("6000万元", "2.6亿元", "5.4亿元")]
    assert labels == ["2021年营业收入", "2022年营业收入", "2023年营业收入"]


def test_items_named_by_an_apposition_keep_only_the_measure() -> None:
    found = _facts("其中，甲电、乙电2家头部企业的市场份额占比分别为28.6%、27%。")
    assert found["28.6%"][1] == "甲电市场份额占比"
    assert found["27%"][1] == "乙电市场份额占比"


def test_lists_of_different_lengths_change_nothing() -> None:
    plain = _facts("钢材、水泥、玻璃产量同比增长3.1%、4.7%。")
    listed = _facts("钢材、水泥、玻璃产量同比分别增长3.1%、4.7%。")
    assert listed == plain


def test_a_label_keeps_a_noun_whose_last_character_is_tagged_a_verb() -> None:
    found = _facts("消费对经济增长的贡献率保持在30%左右。")
    assert found["30%左右"][1].endswith("贡献率")


def test_a_label_does_not_reach_back_over_a_range() -> None:
    found = _facts("该公司2021年-2023年的营业收入为6000万元。")
    assert found["6000万元"][1] == "营业收入"


def test_a_list_of_bodies_closed_by_和_after_a_preposition_takes_its_values() -> None:
    """我国与欧盟、东盟和美国分别进出口A、B和C: each value is about its partner (the list opens
    after 与 and its last item follows 和); the measure comes after 分别."""
    from reportgen.extract import extract_text

    m = extract_text(
        "外贸\n\n前2个月我国与欧盟、东盟和美国分别进出口8746.4亿元、8704.7亿元和7859.2亿元，"
        "分别增长12.4%、10.5%和9.7%。\n"
    )
    assert [(f.text, f.subject, f.label) for f in m.facts] == [
        ("8746.4亿元", "欧盟", "进出口"),
        ("8704.7亿元", "东盟", "进出口"),
        ("7859.2亿元", "美国", "进出口"),
        # a second 分别 with no list of its own: the same partners
        ("12.4%", "欧盟", "进出口"),
        ("10.5%", "东盟", "进出口"),
        ("9.7%", "美国", "进出口"),
    ]
