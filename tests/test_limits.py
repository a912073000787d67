"""Bounded reading of user input: regular files only, hard caps, one-line errors."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile

import pytest

from reportgen import limits
from reportgen.errors import ConfigError, InputError


def test_open_regular_gives_a_descriptor_of_a_regular_file(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    fd = limits.open_regular(path)
    try:
        assert os.read(fd, 10) == b"abc"
    finally:
        os.close(fd)


def test_open_regular_refuses_folders_fifos_and_missing_files(tmp_path) -> None:
    with pytest.raises(InputError, match="is a directory, not an article"):
        limits.open_regular(tmp_path, what="article")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="FIFO"):
        limits.open_regular(fifo, ConfigError)
    with pytest.raises(InputError, match="no such file"):
        limits.open_regular(tmp_path / "missing")


def test_read_regular_caps_the_size(tmp_path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 10)
    assert limits.read_regular(path, 10) == b"x" * 10
    with pytest.raises(InputError, match="the limit is 9"):
        limits.read_regular(path, 9)


def test_read_text_file_drops_a_bom_and_refuses_non_utf8(tmp_path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes("\ufeff钱塘".encode())
    assert limits.read_text_file(path, 100) == "钱塘"
    path.write_bytes(b"ok\xff")
    with pytest.raises(InputError, match="not valid UTF-8 at byte 2"):
        limits.read_text_file(path, 100)


def test_digest_regular(tmp_path) -> None:
    path = tmp_path / "d"
    path.write_bytes(b"data")
    assert limits.digest_regular(path, 100) == hashlib.sha256(b"data").hexdigest()
    with pytest.raises(InputError):
        limits.digest_regular(path, 3)


def test_read_member_caps_what_a_member_inflates_to() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.xml", b"0" * 10_000)
    with zipfile.ZipFile(buffer) as zf:
        assert limits.read_member(zf, "big.xml", 10_000) == b"0" * 10_000
        with pytest.raises(limits.MemberTooLarge, match="big.xml inflates to more than 9,999"):
            limits.read_member(zf, zf.getinfo("big.xml"), 9_999)


def test_printable_and_utf8_name() -> None:
    bad = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 system
    assert limits.printable(bad) == "caf\\xe9.txt"
    assert limits.printable("钱塘.txt") == "钱塘.txt"
    assert limits.utf8_name("钱塘.txt") and not limits.utf8_name(bad)
