"""The deck plan's context: headline figures, sentences, cases and quotes chosen from the model."""

from __future__ import annotations

from reportgen.model import Span
from reportgen.plans.deck import case_text, headline_facts, sentence_at, strongest_quote


def test_headline_facts_prefer_amounts_and_shares_over_spans_of_time(seed_model) -> None:
    chosen = headline_facts(seed_model)
    texts = {f.id: f.text for f in seed_model.facts}
    assert [texts[i] for i in chosen][:3] == ["约5亿美元", "突破3700亿元", "5.25%"]
    assert "近十年" not in texts.values()  # a span of time is no figure at all
    assert len(headline_facts(seed_model, limit=2)) == 2


def test_sentence_at_keeps_decimals_and_quotes() -> None:
    text = "增速达12.5%，位居前列。“我们很有信心。”他说。下一句。"
    at = text.index("12.5")
    assert sentence_at(text, Span(start=at, end=at + 4)) == "增速达12.5%，位居前列。"
    at = text.index("信心")
    assert sentence_at(text, Span(start=at, end=at + 2)) == "“我们很有信心。”"
    at = text.index("他说")  # words after a closing quote finish the quoted sentence
    assert sentence_at(text, Span(start=at, end=at + 2)) == "“我们很有信心。”他说。"


def test_case_text_is_the_sentence_after_a_point(seed_model) -> None:
    theme = next(t for t in seed_model.themes if t.points)
    point = theme.points[0]
    case = case_text(theme, point)
    assert case and case in theme.paragraphs[point.paragraph].text
    assert not case.startswith(point.text)


def test_strongest_quote_belongs_to_its_theme(seed_model) -> None:
    for i in range(len(seed_model.themes)):
        qid = strongest_quote(seed_model, i)
        if qid is not None:
            assert next(q for q in seed_model.quotes if q.id == qid).theme == i
    assert strongest_quote(seed_model, len(seed_model.themes) + 5) is None


def test_a_clipped_topic_never_ends_inside_a_figure() -> None:
    from reportgen.plans.deck import _clip

    text = "word " * 40 + "Jordan has 7,000 jobs in the sector and many more words after it " * 3
    clipped = _clip(text, "en")
    assert clipped.endswith("…") and not clipped[:-1].rstrip()[-1:].isdigit()
    assert len(clipped) <= 220


def test_a_range_on_a_card_is_one_piece() -> None:
    from reportgen.writers.deck.kpi import _split_value

    assert _split_value("37.5~52.5亿") == ("", "37.5~52.5亿", "")
    assert _split_value("突破1200亿元") == ("突破", "1200", "亿元")
