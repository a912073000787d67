"""verify's rules on text pieces: numbers, which figure the words belong to, quotes, themes."""

from __future__ import annotations

import pytest

from reportgen.verify.checks import (
    Source,
    check_attribution,
    check_document,
    check_numbers,
    check_quotes,
    check_themes,
    fold,
    quote_ok,
    quoted_spans,
    theme_keys,
    unsupported_numbers,
)
from reportgen.verify.findings import Document, Piece


@pytest.fixture(scope="module")
def source(seed_model) -> Source:
    from reportgen.charts import specs_for

    return Source.of(seed_model, specs_for(seed_model))


def test_source_of_the_seed(source, seed_model) -> None:
    assert source.language == "zh" and source.text == seed_model.text
    assert 3700.0 in source.values
    assert source.statements_of("元")  # sentences stating amounts of money
    assert source.statements_of("nonesuch") == []
    assert source.uses("产业") and not source.uses("火星")
    values, postings = source.unit_index("元")
    assert values == sorted(values) and postings
    assert all(len(gram) == 2 for gram in postings)


def test_fold_ignores_spaces_and_punctuation_width() -> None:
    assert fold("从签约到开工，仅用 半年") == fold("从签约到开工,仅用半年")


def test_unsupported_numbers(source) -> None:
    assert unsupported_numbers("规上工业总产值突破3700亿元", source) == []
    assert unsupported_numbers("规上工业总产值突破3800亿元", source) == ["突破3800亿元"]


def test_check_numbers_names_the_piece_and_spares_the_documents_date(source) -> None:
    pieces = [Piece("slide 2", "新增17个"), Piece("footer", "生成于2031-05-04")]
    found = [str(f) for f in check_numbers(pieces, source, ["2031-05-04"])]
    assert found == ["slide 2: number '17个' is not in the source"]


def test_check_attribution_finds_a_figure_beside_another_figures_words(source) -> None:
    [finding] = check_attribution([Piece("p", "外资企业180余家")], source)
    assert finding.where == "p" and "'180余家'" in finding.message
    assert check_attribution([Piece("p", "外资企业180余家")], source)
    assert check_attribution([Piece("n", "外资企业180余家", kind="notes")], source) == []


def test_quotes(source) -> None:
    assert quote_ok("从签约到开工仅用半年，一年后将正式投产", source)
    assert not quote_ok("从签约到开工仅用三个月", source)
    assert list(quoted_spans("他说：“从签约到开工仅用半年”，又说“好”", "zh")) == [
        "从签约到开工仅用半年"
    ]
    pieces = [Piece("p1", "“从签约到开工仅用三个月”"), Piece("p2", "从签约到开工仅用半年", "quote")]
    assert [str(f) for f in check_quotes(pieces, source)] == [
        "p1: quote '从签约到开工仅用三个月' is not in the source"
    ]


def test_themes(seed_model) -> None:
    theme = seed_model.themes[0]
    keys = theme_keys(theme)
    assert keys[0] == theme.heading.strip() and "平衡“守”与“变”" in keys
    carried = Document("deck.pptx", headings=[t.heading for t in seed_model.themes])
    assert check_themes(carried, seed_model) == []
    missing = Document("deck.pptx", headings=[t.heading for t in seed_model.themes[1:]])
    [finding] = check_themes(missing, seed_model)
    assert finding.message.startswith("theme 1 ") and finding.where == "deck.pptx"


def test_a_heading_shown_without_the_dash_it_opens_with_is_carried(seed_model) -> None:
    dashed = seed_model.themes[0].model_copy(
        update={"heading": "——思想领航，指明方向", "tagline": ""}
    )
    model = seed_model.model_copy(update={"themes": [dashed, *seed_model.themes[1:]]})
    shown = ["思想领航，指明方向", *[t.heading for t in seed_model.themes[1:]]]
    assert check_themes(Document("deck.pptx", headings=shown), model) == []
    assert check_themes(Document("deck.pptx", headings=shown[1:]), model) != []


def test_a_theme_with_nothing_in_it_needs_no_heading(seed_model) -> None:
    # a group heading with no paragraph is on the deck's agenda only (no divider of its own)
    group = seed_model.themes[0].model_copy(update={"points": [], "paragraphs": [], "tagline": ""})
    model = seed_model.model_copy(update={"themes": [group, *seed_model.themes[1:]]})
    shown = Document("deck.pptx", headings=[t.heading for t in seed_model.themes[1:]])
    assert check_themes(shown, model) == []


def test_check_document_gathers_every_rule(source, seed_model) -> None:
    doc = Document(
        "brief.docx",
        pieces=[Piece("p", "新增17个"), Piece("q", "“从签约到开工仅用三个月”")],
        headings=[t.heading for t in seed_model.themes],
    )
    found = [str(f) for f in check_document(doc, source, seed_model)]
    assert found == [
        "p: number '17个' is not in the source",
        "q: number '三个月' is not in the source",
        "q: quote '从签约到开工仅用三个月' is not in the source",
    ]


def test_a_talking_points_number_in_the_notes_is_no_figure(source) -> None:
    notes = "Talking points:\n• 12: Give it back\n• 13：热点聚焦"
    assert unsupported_numbers(notes, source) == []
    assert unsupported_numbers("• 规上工业13: 3800亿元", source) != []
