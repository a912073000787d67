"""`-` as an article: standard input copied to a private temporary file named `stdin`, so its
outputs go to out/stdin/ and a build records it as `-` (not as the temporary path)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

PREFIX = "reportgen-stdin-"
NAME = "stdin"
SHOWN = "-"


def is_dash(path: Path | None) -> bool:
    """Whether an article argument means standard input."""
    return path is not None and str(path) == SHOWN


def copy_stdin(stream: BinaryIO) -> Path:
    """``stream``'s bytes in a fresh private folder as `stdin`; removed when the process ends."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    atexit.register(shutil.rmtree, folder, True)
    target = folder / NAME
    target.write_bytes(stream.read())
    return target


def is_stdin_copy(path: Path) -> bool:
    """Whether ``path`` is a copy of standard input made by :func:`copy_stdin`."""
    return path.name == NAME and path.parent.name.startswith(PREFIX)
