"""Meaning checks on read-back pieces: written form, the figure's own words, kinds, boundaries."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_text
from reportgen.verify.findings import Piece
from reportgen.verify.meaning import check_meaning
from reportgen.verify.source import Source

ARTICLE = (
    "钱塘经济\n\n2024年，钱塘区规上工业总产值突破3700亿元。总投资约5亿美元的工厂开工。"
    "力争到2027年营收突破4000亿元。集聚外资企业1600余家。\n"
)


@pytest.fixture(scope="module")
def model():
    return extract_text(ARTICLE)


def _found(model, *texts: str) -> list[str]:
    pieces = [Piece(f"deck.pptx slide 3, shape {i}", t) for i, t in enumerate(texts)]
    return [f.message for f in check_meaning(pieces, Source.of(model, []), model)]


def test_the_written_form_passes(model) -> None:
    assert _found(model, "规上工业总产值突破3700亿元", "总投资约5亿美元") == []


def test_a_changed_or_dropped_qualifier_is_found(model) -> None:
    assert _found(model, "总投资超5亿美元") == [
        "figure '超5亿美元' is written '约5亿美元' in the source"
    ]
    assert _found(model, "总投资5亿美元") == [
        "figure '5亿美元' is written '约5亿美元' in the source"
    ]


def test_a_target_needs_a_word_saying_so(model) -> None:
    assert _found(model, "营收突破4000亿元（目标）") == []
    assert _found(model, "营收突破4000亿元") == [
        "figure '突破4000亿元' is a target in the source, shown as a value"
    ]


def test_words_of_another_figure_are_found(model) -> None:
    assert _found(model, "外资企业数量突破3700亿元") != []


def test_a_card_label_cut_mid_word_is_found(model) -> None:
    assert _found(model, "突破3700亿元", "上工业总产") == [
        "label '上工业总产' cuts a word of the source"
    ]
    assert _found(model, "突破3700亿元", "规上工业总产值") == []


def test_a_label_whose_last_word_is_also_inside_an_earlier_word_passes() -> None:
    model = extract_text("企业\n\n全年新增科技型中小企业800家、省级“瞪羚”企业60家。\n")
    cell = "brief.docx paragraph 9 (table 1, row 3, cell 1)"
    pieces = [Piece(cell, "省级“瞪羚”企业"), Piece(cell.replace("cell 1", "cell 2"), "60家")]
    assert check_meaning(pieces, Source.of(model, []), model) == []
    cut = [Piece(cell, "型中小企"), Piece(cell.replace("cell 1", "cell 2"), "800家")]
    assert check_meaning(cut, Source.of(model, []), model) != []


def test_a_figure_in_the_articles_own_words_outside_the_body_passes() -> None:
    model = extract_text("汽车以旧换新超107万辆\n\n1至2月，全国汽车以旧换新超过107万辆。\n")
    pieces = [Piece("brief.docx paragraph 2", "汽车以旧换新超107万辆")]
    assert check_meaning(pieces, Source.of(model, []), model) == []
    moved = [Piece("brief.docx paragraph 9", "全国换新超107万辆")]
    assert check_meaning(moved, Source.of(model, []), model) != []


def test_a_row_label_quoting_the_figures_own_clause_passes() -> None:
    model = extract_text(
        "理财\n\n兴银理财期末规模为2.15万亿元，净利润为13.41亿元，位列行业第二。\n"
    )
    row = "brief.docx paragraph 9 (table 1, row 2, cell {})"
    pieces = [Piece(row.format(1), "净利润为13.41亿元"), Piece(row.format(2), "13.41亿元")]
    assert check_meaning(pieces, Source.of(model, []), model) == []


def test_a_caption_numbered_before_the_articles_own_words_passes(model) -> None:
    """图2 and Table 1 number a caption: the words after them that the article says (a section
    heading holding a target) are the article's, and pass; a target of the tool's own words
    still needs its word."""
    heading = "力争到2027年营收突破4000亿元"
    assert _found(model, f"图2 {heading}：数据对比（亿元）") == []
    assert _found(model, "图2 营收突破4000亿元：数据对比（亿元）") == [
        "figure '突破4000亿元' is a target in the source, shown as a value"
    ]
