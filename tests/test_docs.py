"""Docs that cannot drift: the CLI reference and the README's commands."""

from __future__ import annotations

import re

from conftest import ROOT

from reportgen.clidoc import reference


def test_cli_reference_is_current() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == reference(), "regenerate: python -m reportgen.clidoc > docs/cli.md"


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", readme)[:2]


def test_readme_starts_with_install_and_test_commands() -> None:
    run, test = _readme_commands()
    assert run.startswith("pip install -e . && reportgen ")
    assert test == 'pip install -e ".[test]" && python -m pytest'


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci.splitlines()
