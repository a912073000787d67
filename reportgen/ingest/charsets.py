"""Web page charsets as the HTML standard reads them: each label to the Python codec that
decodes its WHATWG encoding; a page's bytes decoded by its BOM or declared charset."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reportgen.errors import InputError
from reportgen.ingest.read import _BOMS, _detect, _looks_binary

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""")
_GB_FAMILY = {"gbk", "gb2312", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030"}

# Python codec (codecs.lookup(label).name) -> the codec that decodes the WHATWG encoding.
WHATWG = {
    "utf-8": "utf-8",
    "utf-16": "utf-8",  # "utf-16be/le" declared in a byte stream (no BOM) means UTF-8
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
    "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
    "ascii": "ascii",  # (windows-1252 in the standard; ascii lets mislabelled UTF-8 through)
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "cp874": "cp874",
    "cp866": "cp866",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "mac-roman": "mac-roman",
    "mac-cyrillic": "mac-cyrillic",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "cp950": "big5hkscs",
    "euc_jp": "euc_jp",
    "iso2022_jp": "iso2022_jp",
    "shift_jis": "cp932",
    "cp932": "cp932",
    "euc_kr": "cp949",
    "cp949": "cp949",
    **{f"iso8859-{n}": f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)},
    **{f"cp125{n}": f"cp125{n}" for n in range(9)},
}
# WHATWG labels Python does not know by these names.
LABELS = {
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "ms932": "cp932",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "windows-874": "cp874",
    "dos-874": "cp874",
    "iso-8859-8-i": "iso8859-8",
    "logical": "iso8859-8",
    "visual": "iso8859-8",
    "x-user-defined": "cp1252",
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "x-gbk": "gb18030",
    "x-cp1252": "cp1252",
    "x-euc-jp": "euc_jp",
}


def decode_html(raw: bytes, path: str | Path = "<input>") -> str:
    """Decode by BOM, then the page's declared charset (unless many bytes do not fit it), then
    strict UTF-8, then detection.

    A declared charset is read as the HTML standard reads it: labels name WHATWG encodings
    (latin1 is windows-1252, gbk is gb18030), utf-16 and utf-32 declared in a byte stream mean
    UTF-8, and a label that names no text encoding the standard knows is refused."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace")
    if _looks_binary(raw):
        raise InputError("binary data, not an HTML page", path=path)
    declared = _declared_encoding(raw[:4096], path)
    if declared:
        text = raw.decode(declared, errors="replace")
        if text.count("\ufffd") <= max(3, len(text) // 1000):
            return text  # as browsers do: the declaration wins over a few bad bytes
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(raw, path)


def _declared_encoding(head: bytes, path: str | Path = "<input>") -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").strip().lower()
    if name in _GB_FAMILY:
        return "gb18030"
    if name in LABELS:
        return LABELS[name]
    try:
        codec = codecs.lookup(name)
    except LookupError:
        codec = None
    if codec is None or codec.name not in WHATWG:
        raise InputError(
            f"the page declares charset {name!r}, which is not a text encoding web pages use",
            path=path,
        )
    return WHATWG[codec.name]
