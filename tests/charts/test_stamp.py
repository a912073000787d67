"""`reportgen charts --model FILE -o DIR` skips loading the model when nothing changed."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEED
from typer.testing import CliRunner

from reportgen.cli import app

runner = CliRunner()


def _setup(tmp_path):
    model = tmp_path / "m.json"
    assert (
        runner.invoke(app, ["extract", str(SEED), "--format", "json", "-o", str(model)]).exit_code
        == 0
    )
    out = tmp_path / "charts"
    first = runner.invoke(app, ["charts", "--model", str(model), "-o", str(out)])
    assert first.exit_code == 0, first.output
    return model, out


def _modules_after_charts(model, out) -> str:
    code = (
        "import sys; from reportgen.cli import app; "
        f"sys.argv = ['reportgen', 'charts', '--model', {str(model)!r}, '-o', {str(out)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('|' + ','.join(m for m in ('pydantic', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.rsplit("|", 1)[-1].strip()


def test_unchanged_run_loads_neither_the_model_nor_matplotlib(tmp_path) -> None:
    model, out = _setup(tmp_path)
    assert _modules_after_charts(model, out) == ""


def test_changed_model_or_missing_file_redraws(tmp_path) -> None:
    model, out = _setup(tmp_path)
    model.write_text(model.read_text(encoding="utf-8").replace("  ", "   "), encoding="utf-8")
    assert "pydantic" in _modules_after_charts(model, out)
    assert _modules_after_charts(model, out) == ""
    victim = next(out.glob("*-slide.png"))
    victim.unlink()
    assert "matplotlib" in _modules_after_charts(model, out)
    assert victim.is_file()


def test_unchanged_article_is_not_even_extracted(tmp_path) -> None:
    out = tmp_path / "charts"
    assert runner.invoke(app, ["charts", str(SEED), "-o", str(out)]).exit_code == 0
    code = (
        "import sys; from reportgen.cli import app; "
        f"sys.argv = ['reportgen', 'charts', {str(SEED)!r}, '-o', {str(out)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('|' + ','.join(m for m in ('pydantic', 'matplotlib', 'markdown_it') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.rsplit("|", 1)[-1].strip() == ""
    assert "wrote 3 charts" in done.stdout
