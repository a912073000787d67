"""The one build time: SOURCE_DATE_EPOCH, read in one place, one error for a bad value."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEED
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.clock import FIXED_DATE, source_date
from reportgen.errors import ConfigError

runner = CliRunner()


def test_source_date_reads_the_epoch_in_utc(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1700000000 ")
    assert source_date() == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("value", ["", "   "])
def test_no_epoch_is_no_date(monkeypatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert source_date() is None
    assert FIXED_DATE.year == 2000 and FIXED_DATE.tzinfo is dt.timezone.utc


def test_a_bad_epoch_is_a_config_error(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    with pytest.raises(ConfigError, match="SOURCE_DATE_EPOCH is not a Unix time: 'abc'"):
        source_date()


@pytest.mark.parametrize("command", ["brief", "deck", "build"])
def test_every_dated_command_rejects_a_bad_epoch_alike(tmp_path, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    result = runner.invoke(app, [command, str(SEED)])
    assert result.exit_code == 2
    assert result.stderr == "Error: SOURCE_DATE_EPOCH is not a Unix time: 'abc'\n"
    assert not (tmp_path / "out").exists()
