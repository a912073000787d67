"""Code style is part of the build: ruff check and ruff format (line length 100) must be clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

PATHS = ["reportgen", "tests", "benchmarks", "templates"]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("ruff") or pytest.skip("ruff is not installed")
    return subprocess.run([exe, *args, *PATHS], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check() -> None:
    result = _ruff("check")
    assert result.returncode == 0, result.stdout[-3000:]


def test_ruff_format() -> None:
    result = _ruff("format", "--check")
    assert result.returncode == 0, result.stdout[-3000:]


def test_layers_do_not_import_office_or_plotting() -> None:
    """ingest and extract stay pure text: no python-docx, python-pptx, matplotlib or jinja2."""
    code = (
        "import sys; import reportgen.extract, reportgen.ingest.html, reportgen.ingest.docx;"
        "from reportgen.extract import extract_path;"
        f"extract_path({str(ROOT / 'seeds' / 'qiantang-2024.txt')!r});"
        "bad = [m for m in ('docx', 'pptx', 'matplotlib', 'jinja2') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
