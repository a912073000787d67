"""Office helpers shared by the writers: XML-safe strings and reproducible zip packages."""

from __future__ import annotations

import io
import re
import zipfile

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# A space before a Chinese closing mark (卢伟冰 、, 增长 。) or after an opening one is no part
# of what is shown (``**`` marks bold in the brief's text and may stand between).
_CJK_CLOSE = "，。；：、！？）」』”》〉】"
_SPACE_BEFORE_CJK = re.compile(rf"[ \t\u00a0\u3000]+(?=(?:\*\*)?[{_CJK_CLOSE}])")
_SPACE_AFTER_CJK = re.compile(r"(?<=[（「『“《〈【])[ \t\u00a0\u3000]+")


def xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF)."""
    return _NOT_XML.sub("", text)


def shown(text: str, following: str = "") -> str:
    """Text as a reader sees it: XML-safe, with no space before a Chinese closing mark or after
    an opening one; ``following`` is the text of the next run (a trailing space before a mark
    there goes too)."""
    text = _SPACE_AFTER_CJK.sub("", _SPACE_BEFORE_CJK.sub("", xml_safe(text)))
    if following[:1] and following[0] in _CJK_CLOSE:
        text = text.rstrip(" \t\u00a0\u3000")
    return text


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip package with fixed timestamps and attributes, entries in their order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()
