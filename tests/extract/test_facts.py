"""What a quantity counts: never a piece of the figure before it, never the next figure."""

from __future__ import annotations

from reportgen.extract import extract_text


def _counts(body: str) -> dict[str, str]:
    model = extract_text(f"# 标题\n\n{body}\n")
    return {f.text: f.counts for f in model.facts}


def test_a_subject_starts_after_the_figure_before_it() -> None:
    assert _counts("钱塘32家企业产业链上下游企业180余家。")["180余家"] == "企业产业链上下游企业"


def test_a_noun_after_a_measure_word_stops_at_the_next_figure() -> None:
    assert _counts("园区有32家企业180家。")["32家"] == "企业"


def test_names_with_digits_are_not_figures() -> None:
    found = _counts("已形成1个千亿级和3个500亿级产业集群,世界500强投资项目数量近80个。")
    assert found["3个"] == "500亿级产业集群"
    assert found["近80个"] == "世界500强投资项目数量"


def test_a_label_cut_to_length_never_starts_inside_a_number() -> None:
    found = _counts("园区_18钱塘钱塘钱塘钱塘年约一2.6万元。")
    assert all(not label[:1].isdigit() for label in found.values()), found
