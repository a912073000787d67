"""The CLI's plumbing: errors as one line and an exit code, `-` as standard input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import typer

from reportgen import cli_support
from reportgen.errors import ConfigError


def test_run_returns_the_result_and_says_the_time_when_verbose(capsys, monkeypatch) -> None:
    monkeypatch.setitem(cli_support.STATE, "verbose", True)

    def extract_command(x, y=0):
        return x + y

    assert cli_support._run(extract_command, 1, y=2) == 3
    assert capsys.readouterr().err.startswith("extract: ")


def test_run_turns_errors_into_one_line_and_an_exit_code(capsys) -> None:
    def bad():
        raise ConfigError("no good", path="x.toml")

    with pytest.raises(typer.Exit) as info:
        cli_support._run(bad)
    assert info.value.exit_code == 2
    assert capsys.readouterr().err == "Error: x.toml: no good\n"

    def broken():
        raise KeyError("boom")

    with pytest.raises(typer.Exit) as info:
        cli_support._run(broken)
    assert info.value.exit_code == 3
    err = capsys.readouterr().err
    assert err.startswith("Error: internal error (KeyError: 'boom')") and "--debug" in err


def test_env_flag(monkeypatch) -> None:
    for value, expected in (("1", True), ("yes", True), ("0", False), ("no", False), ("", False)):
        monkeypatch.setenv("RG_FLAG", value)
        assert cli_support._env_flag("RG_FLAG") is expected


def test_article_reads_dash_from_standard_input(monkeypatch) -> None:
    assert cli_support._article(None) is None
    assert cli_support._article(Path("a.md")) == Path("a.md")
    fake = io.TextIOWrapper(io.BytesIO("钱塘江".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    path = cli_support._article(Path("-"))
    assert path.name == "stdin" and path.read_text(encoding="utf-8") == "钱塘江"
