"""Each error class maps to one documented exit code; its message names the path."""

from __future__ import annotations

import pytest

from reportgen import errors


@pytest.mark.parametrize(
    ("cls", "code"),
    [
        (errors.ReportgenError, errors.EXIT_INTERNAL),
        (errors.InputError, errors.EXIT_BAD_INPUT),
        (errors.ModelError, errors.EXIT_BAD_INPUT),
        (errors.TemplateError, errors.EXIT_BAD_INPUT),
        (errors.ConfigError, errors.EXIT_BAD_INPUT),
        (errors.OutputError, errors.EXIT_BAD_INPUT),
        (errors.FindingsError, errors.EXIT_FINDINGS),
    ],
)
def test_exit_codes(cls, code) -> None:
    assert cls("x").exit_code == code
    assert issubclass(cls, errors.ReportgenError)


def test_the_documented_codes() -> None:
    assert (errors.EXIT_OK, errors.EXIT_FINDINGS, errors.EXIT_BAD_INPUT, errors.EXIT_INTERNAL) == (
        0,
        1,
        2,
        3,
    )


def test_message_names_the_path() -> None:
    assert errors.InputError("no such file", path="a/b.txt").message == "a/b.txt: no such file"
    assert errors.InputError("no such file").message == "no such file"
    assert errors.ConfigError("bad", path=None).path is None
    assert errors.ReportgenError(3).message == "3"
