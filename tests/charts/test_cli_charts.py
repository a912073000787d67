"""The charts and fonts commands through Typer's CliRunner."""

from __future__ import annotations

import json

from factories import zh_model
from typer.testing import CliRunner

from reportgen.cli import app

runner = CliRunner()


def test_charts_command_writes_files(tmp_path) -> None:
    model = tmp_path / "model.json"
    model.write_text(zh_model().to_json(), encoding="utf-8")
    out = tmp_path / "charts"
    result = runner.invoke(app, ["charts", "--model", str(model), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote 4 charts to {out}\n"
    index = json.loads((out / "charts.json").read_text(encoding="utf-8"))
    for chart in index["charts"]:
        for name in chart["files"].values():
            assert (out / name).stat().st_size > 1000


def test_charts_command_bad_model_exit_2(tmp_path) -> None:
    model = tmp_path / "model.json"
    model.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["charts", "--model", str(model), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")


def test_fonts_command_names_both_scripts() -> None:
    result = runner.invoke(app, ["fonts", "--no-system-fonts"])
    assert result.exit_code == 0, result.output
    assert "CJK    Noto Sans SC  [bundled]" in result.output
    assert "Latin  " in result.output and "why: system fonts excluded" in result.output


def test_fonts_command_missing_file_exit_2(tmp_path) -> None:
    result = runner.invoke(app, ["fonts", "--font-file", str(tmp_path / "none.ttf")])
    assert result.exit_code == 2
    assert "chart font file not found" in result.output
