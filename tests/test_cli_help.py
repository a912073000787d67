"""--help is styled by Rich on a terminal, with the plain help's exact text, and plain elsewhere."""

from __future__ import annotations

import re
import sys

from typer.testing import CliRunner

from reportgen import cli_help
from reportgen.cli import app

runner = CliRunner()
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _help(*args: str, terminal: bool, monkeypatch) -> str:
    monkeypatch.setattr(cli_help, "on_terminal", lambda: terminal)
    result = runner.invoke(app, [*args, "--help"], prog_name="reportgen", color=True)
    assert result.exit_code == 0
    return result.output


def test_terminal_help_is_the_plain_help_styled(monkeypatch) -> None:
    for args in ([], ["build"], ["deck"], ["init"]):
        plain = _help(*args, terminal=False, monkeypatch=monkeypatch)
        styled = _help(*args, terminal=True, monkeypatch=monkeypatch)
        assert "\x1b[" not in plain
        assert "\x1b[1mUsage:\x1b[0m" in styled  # headings bold
        assert _ANSI.sub("", styled) == plain  # same words, same layout, nothing re-wrapped


def test_styles_mark_options_examples_and_comments(monkeypatch) -> None:
    styled = _help(terminal=True, monkeypatch=monkeypatch)
    assert "\x1b[1;36m--debug\x1b[0m" in styled  # an option
    assert "\x1b[32m    reportgen verify out/qiantang-2024\x1b[0m" in styled  # an example
    assert "\x1b[2m# the time of each stage\x1b[0m" in styled  # its comment
    assert "\x1b[1;32mbuild\x1b[0m" in styled  # a command of the group


def test_terminal_needs_a_tty_and_takes_no_color(monkeypatch) -> None:
    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Tty())
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli_help.on_terminal()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli_help.on_terminal()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not cli_help.on_terminal()
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setenv("TERM", "xterm")
    assert not cli_help.on_terminal()


def test_plain_help_never_imports_rich() -> None:
    import subprocess

    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom reportgen.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
