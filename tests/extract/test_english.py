"""English figures: their subject among the sentence's names, and the noun naming the measure."""

from __future__ import annotations

from reportgen.extract import extract_text
from reportgen.extract.english import _en_names, main_subject_en


def _facts(text: str):
    return {f.text: f for f in extract_text(text).facts}


def test_money_for_a_recipient_is_about_the_recipient() -> None:
    facts = _facts(
        "Budget notes\n\nThe council will spend $4 million on Riverside Library, and the "
        "plan adds $2.5 million for the county road crews.\n"
    )
    assert facts["$4 million"].subject == "Riverside Library"
    assert facts["$2.5 million"].subject == "county road crews"


def test_a_noun_of_a_figure_names_what_it_measures() -> None:
    facts = _facts(
        "Budget notes\n\nThe county plan includes a reduction of $12.0 million General Fund for "
        "next year, officials said on Monday.\n"
    )
    assert facts["$12.0 million"].label == "General Fund reduction"


def test_a_figure_between_an_article_and_a_noun_measures_the_noun() -> None:
    facts = _facts("Bank levy\n\nThe mayor proposes a 0.5% levy on large landlords.\n")
    assert facts["0.5%"].label == "levy"


def test_a_word_capitalised_by_its_place_is_no_name_when_written_lower_case_too() -> None:
    common = frozenset({"funding", "tuition", "century"})
    assert _en_names("Funding for schools rose.", common) == []
    assert _en_names("skills for the 21st Century economy", common) == []
    assert _en_names("• Tuition: the bill", common) == []
    assert _en_names("Denver added jobs.", common) == ["Denver"]
    assert _en_names("said Mayor Lee Park.", common) == ["Mayor Lee Park"]


def test_an_article_that_writes_a_word_in_lower_case_too_does_not_take_it_for_a_name() -> None:
    facts = _facts(
        "School money\n\nThe state raised school funding this year. Funding for the "
        "district rose by $3 million, officials in Denver said.\n"
    )
    assert facts["$3 million"].subject != "Funding"


def test_a_name_does_not_run_over_a_line_break() -> None:
    assert main_subject_en("notes", "Weekly Address\nDenver workers earn more.") != (
        "Weekly Address Denver"
    )


def test_a_noun_phrase_a_figure_is_stated_of_names_what_it_measures() -> None:
    """ "<noun phrase> is projected to be <figure>": the phrase, never "projected be"."""
    facts = _facts(
        "Budget notes\n\nTotal FY 2025-26 fee revenue for the five county colleges is "
        "projected to be $182.0 million.\n"
    )
    label = facts["$182.0 million"].label
    assert label.startswith("Total FY 2025-26 fee revenue") and "projected" not in label


def test_a_title_or_form_of_address_alone_names_nobody() -> None:
    """ "Ladies and gentlemen", "the Minister": no subject; a title with its name stays."""
    assert main_subject_en("", "Ladies and gentlemen, Ladies of the jury. Paul Smith spoke.") == (
        "Paul Smith"
    )
    assert "Finance Minister Ann Lee" in _en_names("Finance Minister Ann Lee and the Minister met.")
    assert "Minister" not in _en_names("Finance Minister Ann Lee and the Minister met.")


def test_a_name_counted_is_its_label_whole() -> None:
    from reportgen.extract import extract_text

    m = extract_text("Title\n\nThere are over 160,000 New Zealanders out of work.\n")
    assert [(f.label, f.counts) for f in m.facts] == [("New Zealanders", "New Zealanders")]
