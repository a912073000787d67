"""Print repair: page-break joins, captions and furniture."""

from __future__ import annotations

from reportgen.ingest.blocks import ends_sentence, join_text
from reportgen.ingest.layout import layout_from_text


def _kinds(text: str) -> list[tuple[str, str]]:
    layout = layout_from_text(text)
    return [(b.kind, b.text) for b in layout.blocks]


def test_page_break_is_joined() -> None:
    text = "标题\n\n## 一节\n\n产业新城,关键在产。企业要为浙江加\n\n快构建现代化产业体系赋能。\n"
    kinds = _kinds(text)
    assert ("para", "产业新城,关键在产。企业要为浙江加快构建现代化产业体系赋能。") in kinds


def test_complete_paragraphs_are_not_joined() -> None:
    text = "标题\n\n## 一节\n\n第一段结束了。\n\n第二段也结束了。\n"
    assert [k for k, _ in _kinds(text)].count("para") == 2


def test_short_line_in_a_wide_gap_is_a_caption() -> None:
    text = "标题\n\n## 一节\n\n正文第一段,说了很多内容,也有结尾。\n\n\n\n园区新貌。\n\n## 二节\n\n正文。\n"
    assert ("caption", "园区新貌。") in _kinds(text)


def test_unpunctuated_line_before_heading_is_a_caption() -> None:
    text = (
        "标题\n\n## 一节\n\n正文第一段,说了很多内容,也有结尾。\n\n鸟瞰新区\n\n## 二节\n\n正文。\n"
    )
    assert ("caption", "鸟瞰新区") in _kinds(text)


def test_trailing_labels_are_furniture() -> None:
    text = "标题\n\n## 一节\n\n正文第一段,说了很多内容。\n\n经济观察\n\n专栏\n\n杭州\n"
    kinds = _kinds(text)
    assert [t for k, t in kinds if k == "furniture"] == ["经济观察", "专栏", "杭州"]
    assert all(k != "para" or "经济观察" not in t for k, t in kinds)


def test_page_numbers_are_furniture() -> None:
    kinds = _kinds("标题\n\n## 一节\n\n正文。\n\n第 3 版\n\n更多正文。\n\n12\n\n结尾。\n")
    assert [t for k, t in kinds if k == "furniture"] == ["第 3 版", "12"]


def test_sentence_end_detection() -> None:
    assert ends_sentence("他说。”")
    assert ends_sentence("Growth returned.")
    assert not ends_sentence("为浙江加")
    assert not ends_sentence("in section 12.")


def test_join_text_spacing() -> None:
    assert join_text("为浙江加", "快构建") == "为浙江加快构建"
    assert join_text("the eco-", "nomy grew") == "the economy grew"
    assert join_text("the economy", "grew") == "the economy grew"


def test_heading_marks_run_into_a_chinese_title_still_make_a_heading() -> None:
    from reportgen.ingest.blocks import parse_markdown

    blocks = parse_markdown("#县域经济稳中向好\n\n##产业升级\n\n#两会# 代表们热议\n\n#1 seed\n")
    assert [(b.kind, b.level) for b in blocks] == [
        ("heading", 1),
        ("heading", 2),
        ("para", 0),
        ("para", 0),
    ]
