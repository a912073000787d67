"""--template is checked before use: no links out of the folder, no macros, bounded size."""

from __future__ import annotations

import io
import zipfile

import pytest

from reportgen.errors import TemplateError
from reportgen.template_safety import check_folder, check_reference, check_template


def _package(path, parts: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def test_check_template_passes_none_a_plain_folder_and_a_clean_reference(tmp_path) -> None:
    check_template(None)
    (tmp_path / "deck.yaml.j2").write_text("x", encoding="utf-8")
    _package(tmp_path / "reference.pptx", {"[Content_Types].xml": b"<Types/>"})
    check_template(tmp_path)
    check_template(tmp_path / "reference.pptx")


def test_check_folder_refuses_a_link_outside(tmp_path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (tmp_path / "secret").write_text("s", encoding="utf-8")
    (folder / "labels.yaml").symlink_to(tmp_path / "secret")
    with pytest.raises(TemplateError, match="outside the template folder"):
        check_folder(folder)
    (folder / "labels.yaml").unlink()
    (folder / "inside.yaml").write_text("x", encoding="utf-8")
    (folder / "labels.yaml").symlink_to(folder / "inside.yaml")
    check_folder(folder)  # a link inside the folder is fine
    (folder / "dangling").symlink_to(folder / "nowhere")
    with pytest.raises(TemplateError, match="leads nowhere"):
        check_folder(folder)


def test_check_reference_refuses_macros(tmp_path) -> None:
    path = tmp_path / "macro.docx"
    _package(path, {"[Content_Types].xml": b"<Types/>", "word/vbaProject.bin": b"\0"})
    with pytest.raises(TemplateError):
        check_reference(path)
    check_template(tmp_path / "missing.docx")  # not there: left to the writers
    (tmp_path / "notzip.docx").write_bytes(b"plain")
    check_reference(tmp_path / "notzip.docx")  # not a package: left to the writers
