"""KPI cards: a figure split around its number and fitted by measurement."""

from __future__ import annotations

from reportgen.writers import textfit as tf
from reportgen.writers.deck.kpi import _kpi_label, _split_value, _value_fit


def test_split_value_in_digits_and_chinese_numerals() -> None:
    assert _split_value("突破1200亿元") == ("突破", "1200", "亿元")
    assert _split_value("二十五个百分点") == ("", "二十五", "个百分点")
    assert _split_value("about $300 million") == ("about ", "$300", " million")
    assert _split_value("no number") == ("", "no number", "")


def test_value_fit_never_exceeds_its_room() -> None:
    for text in ("突破3700亿元", "more than 200 firms", "5.25%"):
        for width, height in ((300.0, 120.0), (120.0, 60.0)):
            fit = _value_fit(text, width, height)
            assert fit.height <= height
            assert "".join(t for para in fit.paras for t, _, _ in para).replace(" ", "")


def test_kpi_label_is_what_the_figure_counts_else_its_sentence() -> None:
    class Fact:
        text, counts, sentence = "200 firms", "firms", "Some 200 firms moved in."
        label, subject = "", ""
        span = type("At", (), {"start": 0, "end": 9})()
        sentence_span = type("At", (), {"start": 0, "end": 24})()

    class Model:
        language, subject, relations = "en", "示范区", []
        text = Fact.sentence

        def sentence_of(self, fact) -> str:
            return fact.sentence

    assert _kpi_label(Fact(), Model()) == "Some 200 firms moved in."
    Fact.counts = "新增企业"
    assert _kpi_label(Fact(), Model()) == "新增企业"
    Fact.subject = "浦东新区"  # a comparator's figure says whose it is
    Model.language = "zh"
    assert _kpi_label(Fact(), Model()) == "浦东新区新增企业"
    Fact.subject = "示范区"
    assert _kpi_label(Fact(), Model()) == "新增企业"


def test_a_figure_too_wide_for_its_card_shrinks_whole_never_wrapped_inside() -> None:
    for text in ("37.5亿~52.5亿元", "约12345678.9万亿元人民币", "1234567890123"):
        fit = _value_fit(text, 90.0, 200.0)
        numbers = [t for para in fit.paras for t, _, big in para if big]
        assert len(numbers) == 1 and numbers[0] in text  # the number in one run, whole
        assert "".join(t for para in fit.paras for t, _, _ in para) == text  # never cut
        for para in fit.paras:  # every line fits the width: nothing left to rewrap
            assert sum(tf.text_width(t, s, True) for t, s, _ in para) <= 90.0 * 1.0001
