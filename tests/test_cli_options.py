"""The CLI's choices are the library's: brief styles and label languages as config.py has them."""

from __future__ import annotations

from reportgen.cli_options import Format, Language, Style, _value
from reportgen.config import LANGUAGES, STYLES


def test_choices_match_the_configuration() -> None:
    assert tuple(s.value for s in Style) == STYLES
    assert tuple(x.value for x in Language) == LANGUAGES
    assert [f.value for f in Format] == ["yaml", "json"]


def test_a_choice_not_given_stays_unset() -> None:
    assert _value(None) is None and _value(Style.gongwen) == "gongwen"
