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
