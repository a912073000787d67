"""The writer registry: one place that knows every output, cheap to import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.errors import ConfigError
from reportgen.writers import BRIEF, DECK, OUTPUTS, by_file, split_template


def test_outputs_have_distinct_names_files_and_template_types() -> None:
    assert [o.file for o in OUTPUTS] == ["brief.docx", "deck.pptx"]
    assert len({o.name for o in OUTPUTS}) == len(OUTPUTS)
    suffixes = [s for o in OUTPUTS for s in o.template_suffixes]
    assert len(suffixes) == len(set(suffixes))


def test_by_file_finds_each_output() -> None:
    assert by_file("brief.docx") is BRIEF and by_file("deck.pptx") is DECK
    with pytest.raises(KeyError):
        by_file("summary.md")


def test_each_output_takes_its_own_template_file(tmp_path: Path) -> None:
    assert BRIEF.template(Path("corp.DOTX")) == Path("corp.DOTX")
    assert DECK.template(Path("corp.docx")) is None
    assert DECK.template(tmp_path) == tmp_path and BRIEF.template(None) is None
    with pytest.raises(ConfigError, match=r"a \.docx \(brief\), a \.pptx \(deck\) or a folder"):
        split_template(Path("corp.odt"))


def test_options_come_from_the_build_settings() -> None:
    class Config:
        style = "gongwen"
        native_charts = True

    assert BRIEF.options(Config()) == {"style": "gongwen"}
    assert DECK.options(Config()) == {"native_charts": True}


def test_importing_the_registry_imports_no_writer() -> None:
    code = (
        "import sys, reportgen.writers;"
        "print(sorted(m for m in sys.modules if m.startswith(('docx', 'pptx', 'reportgen.writers.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_compose_and_read_back_through_the_registry(seed_model, tmp_path: Path) -> None:
    document = DECK.compose(seed_model, None, None, template=None, theme=None)
    path = tmp_path / DECK.file
    path.write_bytes(document.to_bytes())
    read = DECK.read_back(path)
    assert read.name == "deck.pptx"
    assert any(seed_model.headline in p.text for p in read.pieces)
