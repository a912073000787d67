"""The final move of a build: a fully written folder takes the place of the old one in one step.

The new outputs, manifest included, are written into ``OUT/.staging/<slug>-<pid>/``; files of
the old folder that are not outputs (``preview/``, your own notes) are linked into it; then the
two folders are swapped. On Linux the swap is one ``renameat2(RENAME_EXCHANGE)``: at every
instant ``OUT/<slug>`` is the old set or the new set. Elsewhere (or on a file system without
it) the old folder is renamed to ``OUT/.staging/<slug>.old`` and the new one into place; a kill
between the two renames leaves the old set there, and the next build (``recover``) puts it back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
from pathlib import Path

from reportgen.errors import OutputError

OLD = ".old"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def check_folder(folder: Path, subfolders: tuple[str, ...] = ()) -> None:
    """An output folder (and its subfolders) must be folders when they exist: a file there is
    the user's, and is neither replaced nor deleted."""
    for path in (folder, *(folder / name for name in subfolders)):
        if path.is_symlink():
            raise OutputError(
                "is a symbolic link; output folders are replaced whole, so it must be a folder",
                path=path,
            )
        if os.path.lexists(path) and not path.is_dir():
            raise OutputError(
                "is not a folder; move it away (outputs are written there)", path=path
            )


def publish(new: Path, folder: Path, managed: set[str]) -> None:
    """Put the complete folder ``new`` in the place of ``folder``; the old set is kept until the
    new one is in place, then removed. Entries of the old folder not in ``managed`` (the
    outputs' names) are carried over into the new one first (hard links; copies if need be)."""
    trash = new.parent / f"{folder.name}{OLD}"
    if not os.path.lexists(folder):
        os.rename(new, folder)
        return
    carry_over(folder, new, managed)
    if _exchange(new, folder):  # now ``new`` names the old set
        shutil.rmtree(new, ignore_errors=True)
        return
    shutil.rmtree(trash, ignore_errors=True)
    os.rename(folder, trash)
    os.rename(new, folder)
    shutil.rmtree(trash, ignore_errors=True)


def recover(staging: Path, out: Path) -> list[str]:
    """After a kill between the two renames of the fallback swap: old sets whose folder is
    missing are put back. Call with the build lock held, before clearing ``staging``."""
    restored = []
    if not staging.is_dir():
        return restored
    for path in sorted(staging.iterdir()):
        if path.name.endswith(OLD) and path.is_dir():
            target = out / path.name[: -len(OLD)]
            if not os.path.lexists(target):
                os.rename(path, target)
                restored.append(target.name)
    return restored


def carry_over(old: Path, new: Path, managed: set[str]) -> None:
    """Link the old folder's other entries (preview/, notes) into the new one."""
    for entry in old.iterdir():
        name = entry.name
        if name in managed or os.path.lexists(new / name) or _leftover(name):
            continue
        _link_tree(entry, new / name)


def _leftover(name: str) -> bool:
    """A temp file a killed write left behind (reportgen.atomic names them .<name>.*.tmp)."""
    return name.startswith(".") and name.endswith(".tmp")


def _link_tree(source: Path, target: Path) -> None:
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_dir():
        target.mkdir()
        for entry in source.iterdir():
            _link_tree(entry, target / entry.name)
    elif source.is_file():
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories atomically (Linux renameat2); False when not available here."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # the file system cannot exchange: use the two renames
    raise OSError(code, os.strerror(code), str(b))


def discard(path: Path) -> None:
    """Remove a staging folder, whatever it holds."""
    with contextlib.suppress(OSError):
        shutil.rmtree(path)
