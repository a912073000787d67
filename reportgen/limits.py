"""Bounded reading: only regular files, never more than a cap, whatever ``st_size`` says.

A FIFO, a character device (/dev/zero), a file that grows while it is read or an archive
member that inflates to gigabytes must not hang the tool or exhaust memory: every read of
user input goes through these functions, which stop at the cap and raise a one-line error.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from reportgen.errors import InputError, ReportgenError

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "not a regular file (a FIFO)"),
    (stat.S_ISCHR, "not a regular file (a character device)"),
    (stat.S_ISBLK, "not a regular file (a block device)"),
    (stat.S_ISSOCK, "not a regular file (a socket)"),
)


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    return f"cannot read: {exc.strerror or exc}"


def open_regular(
    path: str | Path, error: type[ReportgenError] = InputError, what: str = "file"
) -> int:
    """A read-only descriptor of ``path`` when it is a regular file, else ``error``.

    Opened without blocking (a FIFO with no writer would block ``open``), then checked with
    fstat on the descriptor itself, so nothing can be swapped in between the check and the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise error(_why(exc), path=path) from None
    try:
        mode = os.fstat(fd).st_mode
        for test, problem in _KINDS:
            if test(mode):
                article = "an" if what[0] in "aeiou" else "a"
                raise error(problem.replace("a file", f"{article} {what}"), path=path)
        if not stat.S_ISREG(mode):
            raise error("not a regular file", path=path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(
    path: str | Path, limit: int, error: type[ReportgenError] = InputError, what: str = "file"
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (read with a hard cap)."""
    fd = open_regular(path, error, what)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise error(f"file is {size:,} bytes; the limit is {limit:,}", path=path)
        chunks, total = [], 0
        while True:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            except OSError as exc:
                raise error(_why(exc), path=path) from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise error(f"file is more than {limit:,} bytes; the limit is {limit:,}", path=path)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text_file(
    path: str | Path, limit: int, error: type[ReportgenError] = InputError, what: str = "file"
) -> str:
    """A regular UTF-8 text file of at most ``limit`` bytes (a BOM is dropped)."""
    raw = read_regular(path, limit, error, what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"not valid UTF-8 at byte {exc.start}", path=path) from None


def digest_regular(path: str | Path, limit: int) -> str:
    """Hex sha256 of a regular file of at most ``limit`` bytes (InputError otherwise)."""
    return hashlib.sha256(read_regular(path, limit)).hexdigest()


class MemberTooLarge(ValueError):
    """An archive member that inflates past its cap."""


def read_member(zf, name, limit: int) -> bytes:
    """One zip member's bytes, inflated at most ``limit`` bytes (MemberTooLarge past it).

    The member's declared size is not trusted: the stream is read with a cap.
    """
    info = zf.getinfo(name) if isinstance(name, str) else name
    too_large = f"{info.filename} inflates to more than {limit:,} bytes"
    if info.file_size > limit:
        raise MemberTooLarge(too_large)
    with zf.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise MemberTooLarge(too_large)
    return data


def printable(path: str | Path) -> str:
    """A path as text that can always be printed (undecodable bytes shown as \\xNN)."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "backslashreplace")
    return text


def utf8_name(path: str | Path) -> bool:
    """Whether a file name is valid UTF-8 (it must be: it is written into manifests)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
