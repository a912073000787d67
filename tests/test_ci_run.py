""".ci/run on a fresh machine, with stand-ins for apt-get, sudo and python3: it installs what is
missing (as root, or through sudo as another user) and then runs the README's test command."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.skipif(
    os.name != "posix" or not Path("/bin/bash").exists(), reason="needs bash"
)

STUBS = {
    "id": 'if [ "$1" = -u ]; then echo "$FAKE_UID"; else echo "uid=$FAKE_UID"; fi\n',
    "sudo": 'echo "sudo $*" >> "$LOG"\n[ "$1" = -n ] && shift\nexec "$@"\n',
    "apt-get": 'echo "apt-get $*" >> "$LOG"\n',
    "python3": """\
case "$*" in
  "-c import ensurepip, venv") [ -n "$HAS_VENV" ] ;;
  "-m venv .venv")
    mkdir -p .venv/bin
    printf '%s\\n' 'python() { echo "python $*" >> "$LOG"; }' 'pip() { echo "pip $*" >> "$LOG"; }' \\
      > .venv/bin/activate ;;
  *) exit 9 ;;
esac
""",
}


def run_ci(tmp_path: Path, *, uid: int, sudo: bool = True, has_venv: bool = False):
    project = tmp_path / "project"
    (project / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", project / ".ci" / "run")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in STUBS.items():
        if name == "sudo" and not sudo:
            continue
        (bin_dir / name).write_text("#!/bin/bash\n" + body, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    for tool in ("dirname", "env", "mkdir"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    log = tmp_path / "log"
    log.touch()
    env = {
        "PATH": str(bin_dir),
        "LOG": str(log),
        "FAKE_UID": str(uid),
        "HAS_VENV": "1" if has_venv else "",
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        ["/bin/bash", str(project / ".ci" / "run")], env=env, capture_output=True, text=True
    )
    return done, log.read_text(encoding="utf-8").splitlines()


def test_as_a_user_with_sudo_it_installs_what_is_missing_then_tests(tmp_path) -> None:
    done, log = run_ci(tmp_path, uid=1000)
    assert done.returncode == 0, done.stderr
    apt = [line for line in log if "apt-get" in line]
    assert apt[0] == "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update"
    assert apt[-1].startswith("apt-get install -y --no-install-recommends libreoffice-writer")
    assert apt[-1].endswith("poppler-utils python3-venv")
    assert log[-2:] == ["pip install -e .[test]", "python -m pytest"]


def test_as_root_it_needs_no_sudo(tmp_path) -> None:
    done, log = run_ci(tmp_path, uid=0, has_venv=True)
    assert done.returncode == 0, done.stderr
    assert not any(line.startswith("sudo") for line in log)
    assert "apt-get update" in log and "python3-venv" not in "".join(log)


def test_without_root_or_sudo_it_says_what_it_cannot_install(tmp_path) -> None:
    done, log = run_ci(tmp_path, uid=1000, sudo=False)
    assert done.returncode == 1
    assert "needs root or sudo to install: libreoffice-writer" in done.stderr
    assert log == []
