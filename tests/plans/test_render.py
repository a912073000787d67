"""What --template means, decided in one place (plans.locate)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import TemplateError
from reportgen.plans import locate, template_dirs
from reportgen.theme import TEMPLATES


def test_no_template_is_the_built_in_reference() -> None:
    dirs, reference, user = locate(None, "reference.pptx")
    assert dirs == [TEMPLATES / "default"]
    assert reference == TEMPLATES / "default" / "reference.pptx" and not user


def test_a_style_comes_before_the_default() -> None:
    dirs, reference, user = locate(None, "reference.docx", "gongwen")
    assert dirs == template_dirs("gongwen") == [TEMPLATES / "gongwen", TEMPLATES / "default"]
    assert reference.parent == TEMPLATES / "gongwen" and not user


def test_a_file_is_the_users_reference_with_the_built_in_plan(tmp_path: Path) -> None:
    mine = tmp_path / "corp.pptx"
    dirs, reference, user = locate(mine, "reference.pptx")
    assert (dirs, reference, user) == ([TEMPLATES / "default"], mine, True)


def test_a_folder_lends_what_it_has(tmp_path: Path) -> None:
    dirs, reference, user = locate(tmp_path, "reference.docx")
    assert dirs[0] == tmp_path and reference == TEMPLATES / "default" / "reference.docx"
    assert not user
    (tmp_path / "reference.docx").write_bytes(b"")
    assert locate(tmp_path, "reference.docx")[1:] == (tmp_path / "reference.docx", True)


def test_an_unchanged_copy_of_the_built_in_reference_counts_as_built_in(tmp_path: Path) -> None:
    builtin = TEMPLATES / "default" / "reference.docx"
    (tmp_path / "reference.docx").write_bytes(builtin.read_bytes())  # as `reportgen init` does
    assert locate(tmp_path, "reference.docx")[1:] == (tmp_path / "reference.docx", False)
    assert locate(tmp_path / "reference.docx", "reference.docx")[2] is False
    assert locate(tmp_path / "reference.docx", "reference.docx", "gongwen")[2] is True  # not its
    (tmp_path / "reference.docx").write_bytes(builtin.read_bytes() + b"\0")  # edited
    assert locate(tmp_path, "reference.docx")[2] is True


def test_a_reference_found_nowhere_is_named() -> None:
    with pytest.raises(TemplateError, match="no reference.odp found"):
        locate(None, "reference.odp")
