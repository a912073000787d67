"""The atomic writer: all or nothing, parents made, one-line errors."""

from __future__ import annotations

import os

import pytest

from reportgen.atomic import write_bytes, write_text
from reportgen.errors import OutputError


def test_write_bytes_makes_parents_and_replaces(tmp_path) -> None:
    target = tmp_path / "a" / "b" / "out.bin"
    assert write_bytes(target, b"one") == target
    write_bytes(str(target), b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["out.bin"]  # no temp file left


def test_write_bytes_honours_the_umask(tmp_path) -> None:
    old = os.umask(0o027)
    try:
        path = write_bytes(tmp_path / "f", b"x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o640


def test_write_text_is_utf8(tmp_path) -> None:
    path = write_text(tmp_path / "t.txt", "钱塘 ok")
    assert path.read_bytes() == "钱塘 ok".encode()


def test_a_failed_write_keeps_the_old_file(tmp_path) -> None:
    target = tmp_path / "keep.txt"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_an_output_error(tmp_path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission denied"):
            write_bytes(folder / "x", b"x")
    finally:
        folder.chmod(0o700)


def test_a_file_in_place_of_the_folder_is_an_output_error(tmp_path) -> None:
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(OutputError, match="cannot write") as info:
        write_bytes(tmp_path / "file" / "x", b"x")
    assert info.value.path == str(tmp_path / "file")
