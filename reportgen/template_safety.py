"""Checks on a user's --template before any of it is used.

- A template folder may not reach outside itself: a symbolic link to a file elsewhere (your
  ~/.ssh, /etc/passwd) would be read by Jinja2 or copied into the outputs as a reference file.
- A reference .docx/.pptx is the base of every document made from it, so whatever it holds is
  copied into the outputs: macros (vbaProject.bin, ActiveX) and links to outside resources that
  Word or PowerPoint fetch on opening (an attached template, a linked picture, an OLE link) are
  refused with the part named. Plain hyperlinks are kept.
- Sizes are capped: a reference inflating past MAX_REFERENCE or a folder of more than
  MAX_ENTRIES entries is refused.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from pathlib import Path

from reportgen.errors import TemplateError

MAX_ENTRIES = 1000
MAX_REFERENCE = 64 * 1024 * 1024  # inflated bytes of all parts of a reference file
MAX_REFERENCE_FILE = 32 * 1024 * 1024
REFERENCE_SUFFIXES = (".docx", ".dotx", ".pptx", ".potx")
_MACRO_PART = re.compile(r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml|activeX/.*)$", re.IGNORECASE)
_MACRO_TYPE = re.compile(r"macroEnabled|vbaProject|activeX", re.IGNORECASE)
_REL = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_template(template: Path | None) -> None:
    """Refuse a --template (file or folder) that is unsafe to use; None passes."""
    if template is None:
        return
    template = Path(template)
    if template.is_dir():
        check_folder(template)
        for name in ("reference.docx", "reference.pptx"):
            if (template / name).is_file():
                check_reference(template / name)
    elif template.suffix.lower() in REFERENCE_SUFFIXES and os.path.lexists(template):
        check_reference(template)


def check_folder(folder: Path) -> None:
    """No entry of a template folder may lead outside it or be other than a file or folder."""
    root = folder.resolve()
    count = 0
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as exc:
            raise TemplateError(f"cannot read: {exc.strerror or exc}", path=current) from None
        for entry in entries:
            count += 1
            if count > MAX_ENTRIES:
                raise TemplateError(
                    f"the template folder has more than {MAX_ENTRIES:,} entries; it holds plan, "
                    "labels and reference files",
                    path=folder,
                )
            path = Path(entry.path)
            if entry.is_symlink():
                _check_link(path, root)
                continue
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISDIR(mode):
                pending.append(path)
                continue
            for test, kind in _KINDS:
                if test(mode):
                    raise TemplateError(f"not a regular file ({kind})", path=path)


def _check_link(link: Path, root: Path) -> None:
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        raise TemplateError(
            "a symbolic link that leads nowhere (or in a loop)", path=link
        ) from None
    if target != root and root not in target.parents:
        raise TemplateError(
            f"a symbolic link to {target}, outside the template folder; copy the file in instead",
            path=link,
        )


def check_reference(path: Path) -> None:
    """Refuse a reference .docx/.pptx with macros, links to outside resources, or too large.

    Files that are not zip packages at all are left to the writers, which say what is wrong.
    """
    from reportgen.limits import read_regular

    raw = read_regular(path, MAX_REFERENCE_FILE, TemplateError, what="template file")
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    with package:
        infos = package.infolist()
        total = sum(info.file_size for info in infos)
        if total > MAX_REFERENCE or len(infos) > 5000:
            raise TemplateError(
                f"the template's parts inflate to {total:,} bytes in {len(infos):,} parts; "
                f"the limit is {MAX_REFERENCE:,} bytes",
                path=path,
            )
        names = [info.filename for info in infos]
        for name in names:
            if _MACRO_PART.search(name):
                raise TemplateError(
                    f"the template contains macros ({name}); save it as a macro-free "
                    f"{path.suffix.lower()} and use that",
                    path=path,
                )
        from reportgen.limits import MemberTooLarge, read_member

        try:
            if "[Content_Types].xml" in names:
                types = read_member(package, "[Content_Types].xml", MAX_REFERENCE)
                if _MACRO_TYPE.search(types.decode("utf-8", "replace")):
                    raise TemplateError(
                        "the template is macro-enabled; save it as a macro-free "
                        f"{path.suffix.lower()} and use that",
                        path=path,
                    )
            for name in names:
                if name.endswith(".rels"):
                    _check_relationships(path, name, read_member(package, name, MAX_REFERENCE))
        except (MemberTooLarge, zipfile.BadZipFile, OSError, ValueError, EOFError):
            return  # a damaged package: the writers report it


def _check_relationships(path: Path, part: str, xml: bytes) -> None:
    for match in _REL.finditer(xml):
        attrs = {
            m.group(1).lower(): m.group(2) or m.group(3) or b""
            for m in _ATTR.finditer(match.group(0))
        }
        if attrs.get(b"targetmode", b"").lower() != b"external":
            continue
        kind = attrs.get(b"type", b"").rsplit(b"/", 1)[-1].decode("ascii", "replace")
        if kind == "hyperlink":
            continue  # a link the reader may click, not something fetched on opening
        target = attrs.get(b"target", b"").decode("utf-8", "replace")
        raise TemplateError(
            f"the template links to an outside resource ({kind} {target!r} in {part}); "
            "remove the link and save it again",
            path=path,
        )
