"""The one home of sentence rules: spans for citations, paragraph sentences for the brief."""

from __future__ import annotations

from reportgen.ingest.sentences import (
    LEAD_ZH,
    SPLIT_FOR_SEARCH,
    SentenceIndex,
    paragraph_sentences,
    spans,
)


def test_spans_never_end_inside_a_decimal_and_keep_closing_quotes() -> None:
    text = "增速达12.5%。“我们有信心！”他说。\nNext line. Done"
    assert [text[a:b] for a, b in spans(text)] == [
        "增速达12.5%。",
        "“我们有信心！”",
        "他说。",
        "Next line.",
        "Done",
    ]


def test_sentence_index_finds_the_sentence_around_an_offset() -> None:
    text = "第一句。第二句有12.5亿元。第三句。"
    index = SentenceIndex(text)
    a, b = index.around(text.index("12.5"))
    assert text[a:b] == "第二句有12.5亿元。"
    assert SentenceIndex("").around(0) == (0, 0)


def test_paragraph_sentences_in_both_languages() -> None:
    assert paragraph_sentences("产值突破3700亿元；增长5.25%。“好！”", "zh") == [
        "产值突破3700亿元；",
        "增长5.25%。",
        "“好！”",
    ]
    assert paragraph_sentences("U.S. firms grew 5.2%. Then More came.", "en") == [
        "U.S. firms grew 5.2%.",
        "Then More came.",
    ]


def test_lead_sentence_and_search_cut() -> None:
    assert LEAD_ZH.match("坚持创新驱动。全区研发投入增长很快。").group("s") == "坚持创新驱动。"
    assert [s for s in SPLIT_FOR_SEARCH.split("甲。乙！\nC d. E f") if s] == [
        "甲。",
        "乙！",
        "C d.",
        "E f",
    ]


def test_an_english_sentence_ends_after_its_closing_quote() -> None:
    text = "MoBIE is forecasting 6.2% for 2013.” “Treasury forecasts fell. Next one."
    assert [text[a:b] for a, b in spans(text)] == [
        "MoBIE is forecasting 6.2% for 2013.”",
        "“Treasury forecasts fell.",
        "Next one.",
    ]


ABBREVIATED = (
    "The project—funded by the U.S. Agency for International Development—aims high. It opens at "
    "4214 N. Mississippi Ave. from 3 to 9 p.m. Tuesday. PORTLAND -- John W. Houston said so. "
    "Growth was 12.5 percent."
)
WHOLE = [
    "The project—funded by the U.S. Agency for International Development—aims high.",
    "It opens at 4214 N. Mississippi Ave. from 3 to 9 p.m. Tuesday.",
    "PORTLAND -- John W. Houston said so.",
    "Growth was 12.5 percent.",
]


def test_abbreviations_and_initials_end_no_sentence_in_any_cut() -> None:
    from reportgen.ingest.sentences import paragraph_sentences, spans

    assert paragraph_sentences(ABBREVIATED, "en") == WHOLE
    assert [ABBREVIATED[a:b] for a, b in spans(ABBREVIATED)] == WHOLE


def test_deck_sentence_around_a_figure_keeps_its_abbreviations() -> None:
    from reportgen.model import Span
    from reportgen.plans.deck import sentence_at

    at = ABBREVIATED.index("4214")
    assert sentence_at(ABBREVIATED, Span(start=at, end=at + 4)) == WHOLE[1]


def test_protect_keeps_offsets_and_a_final_abbreviation_still_ends() -> None:
    from reportgen.ingest.sentences import protect, unprotect

    text = "Jobs moved to the U.S. Then they left the U.S."
    assert len(protect(text)) == len(text)
    assert unprotect(protect(text)) == text
    assert protect(text)[-1] == "."  # the last period still ends the paragraph


def test_a_list_items_number_ends_no_sentence() -> None:
    from reportgen.ingest.sentences import paragraph_sentences, spans
    from reportgen.model import Span
    from reportgen.plans.deck import sentence_at

    item = "1. Finland"
    assert paragraph_sentences(item, "en") == [item]
    assert [item[a:b] for a, b in spans(item)] == [item]
    assert sentence_at(item, Span(start=0, end=1)) == item
    assert paragraph_sentences("Sales rose 5. Then they fell.", "en") == [
        "Sales rose 5.",
        "Then they fell.",
    ]  # a number ending a sentence mid-line still ends it
