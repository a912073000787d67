"""Office helpers shared by the writers: XML-safe strings and reproducible zip packages."""

from __future__ import annotations

import io
import re
import zipfile

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF)."""
    return _NOT_XML.sub("", text)


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
