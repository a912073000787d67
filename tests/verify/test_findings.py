"""What verify reports and the small facts it shares between readers."""

from __future__ import annotations

import datetime as dt

from reportgen.verify.findings import Finding, file_name, own_dates


def test_a_finding_is_one_line_naming_where() -> None:
    assert str(Finding("deck.pptx slide 3", "number '42' is not in the source")) == (
        "deck.pptx slide 3: number '42' is not in the source"
    )


def test_own_dates_are_the_forms_a_generated_on_line_takes() -> None:
    class Props:
        created = dt.datetime(2023, 11, 14, 22, 13, 20)

    dates = own_dates(Props())
    assert "2023-11-14" in dates and "2023年11月14日" in dates and "November 14, 2023" in dates
    assert own_dates(object()) == []


def test_file_names_are_not_alt_text() -> None:
    assert file_name("chart-1.png") and file_name("IMG_0042.JPG")
    assert not file_name("规上工业总产值突破3700亿元")
