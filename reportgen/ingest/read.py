"""Read an article file: size and type checks, charset detection, text normalization."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from pathlib import Path

from reportgen.errors import InputError

MAX_BYTES = 8 * 1024 * 1024
MAX_LINE = 100_000
# A feature article, a fact sheet or a budget chapter has tens to a few thousand paragraphs and
# a few dozen sections; past these an article is refused before extraction, so that a build
# stays within a minute and 1 GB (docs/performance.md, "Hostile inputs").
MAX_PARAGRAPHS = 10_000
MAX_SECTIONS = 200
# Figures (quantities) extracted: each costs some 7 ms of CPU across the brief, the deck and
# verify; extraction stops and refuses the article at the first one past this.
MAX_FIGURES = 4_000
# Lines of text (not blank), checked before the layout is recovered (which costs ~0.1 ms a
# line): room for 10,000 paragraphs hard-wrapped over five lines each.
MAX_LINES = 50_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_INVISIBLE = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_FULLWIDTH_NUMBER = re.compile("[０-９]+(?:[．，][０-９]+)*％?|(?<=[0-9])[．％]")
_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, or an InputError naming the file (missing, not a regular file, too
    large). Read with a hard cap: a FIFO, a device or a growing file cannot hang or flood us."""
    from reportgen.limits import read_regular

    return read_regular(path, limit, InputError, what="article file")


def decode(raw: bytes, path: str | Path = "<input>") -> str:
    """Decode by BOM, then strict UTF-8, then detection (GB18030/GBK/Big5...); never by suffix."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _plausible(_strict(raw[len(bom) :], encoding, path), encoding, path)
    if _looks_binary(raw):
        raise InputError("binary data, not a text article", path=path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(raw, path)


def _strict(raw: bytes, encoding: str, path: str | Path) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding} at byte {exc.start}", path=path) from None


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return len(sample) > 0 and controls / len(sample) > 0.05


def _detect(raw: bytes, path: str | Path) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:262144]).best()
    if best is None:
        raise InputError("cannot detect the text encoding", path=path)
    encoding = "gb18030" if best.encoding in ("gbk", "gb2312", "hz") else best.encoding
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"undecodable bytes (best guess {encoding})", path=path) from None
    return _plausible(text, encoding, path)


def _plausible(text: str, encoding: str, path: str | Path) -> str:
    """Reject decodings that are mojibake (random bytes read as UTF-16 or a legacy codec)."""
    from charset_normalizer.md import mess_ratio

    if mess_ratio(text[:65536], maximum_threshold=1.0) > 0.4:
        raise InputError(f"undecodable bytes (read as {encoding} they are gibberish)", path=path)
    return text


def normalize(text: str) -> str:
    """Decode HTML entities, unify line ends, drop invisible, control, private-use and unassigned
    characters, trim lines.

    Chinese punctuation is left alone (no NFKC); only full-width digits inside numbers are
    folded to ASCII so that numbers parse and verify the same way everywhere.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    text = _CONTROL.sub("", text)
    text = _drop_undrawable(text)
    text = _FULLWIDTH_NUMBER.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    header = YAML_HEADER.match(text)  # its indentation is YAML syntax (permalink: >, lists)
    kept = text[: header.end()].count("\n") if header else 0
    return "\n".join(
        line.rstrip(" \u3000") if i < kept else line.strip(" \u3000")
        for i, line in enumerate(text.split("\n"))
    )


# A YAML header (--- … --- at the top, as static sites and archive dumps write).
# Blank lines may stand before it (archive dumps often start with one).
YAML_HEADER = re.compile(
    r"\A(?:[ \t]*\n){0,5}---[ \t]*\n(?P<body>(?:.*\n){1,80}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)"
)


def _drop_undrawable(text: str) -> str:
    """Without private-use and unassigned code points: no font draws them (a PDF's icon glyphs
    end up there), so they would show as boxes in every output. Checked per distinct character."""
    if text.isascii():
        return text
    bad = {ord(ch): None for ch in set(text) if unicodedata.category(ch) in ("Co", "Cn")}
    return text.translate(bad) if bad else text


def check_text(text: str, path: str | Path) -> None:
    """Reject text no article can be made of: empty, or lines too long to be prose."""
    if not text.strip():
        raise InputError("the article is empty (no text after decoding)", path=path)
    _check_numbers(text, path)
    lines = text.split("\n")
    filled = len(lines) - lines.count("")
    if filled > MAX_LINES:
        raise InputError(
            f"the article has {filled:,} lines of text; an article has at most {MAX_LINES:,}",
            path=path,
        )
    longest = max(len(line) for line in lines)
    if longest > MAX_LINE:
        raise InputError(
            f"a line is {longest:,} characters long; an article line is at most {MAX_LINE:,}",
            path=path,
        )


MAX_DIGITS = 50  # 10**50 is far beyond any figure; 400 digits overflow a float to inf
_DIGIT_RUN = re.compile(r"[0-9](?:[0-9]|[,，](?=[0-9]{3}))*")


def _check_numbers(text: str, path: str | Path) -> None:
    """Reject numbers no figure can be: more digits than a float holds meaningfully."""
    for match in _DIGIT_RUN.finditer(text):
        if match.end() - match.start() > MAX_DIGITS:
            digits = sum(c.isdigit() for c in match.group(0))
            if digits > MAX_DIGITS:
                raise InputError(
                    f"a number is {digits:,} digits long; an article number has at most "
                    f"{MAX_DIGITS}",
                    path=path,
                )


def read_text(path: str | Path) -> str:
    """Read, decode, normalize and check a .txt/.md article."""
    text = normalize(decode(read_bytes(path), path))
    check_text(text, path)
    return text


def check_layout(layout, path: str | Path) -> None:
    """Reject an article with more paragraphs or sections than the limits (its layout known,
    before any extraction)."""
    sections = [layout.lead, *layout.sections]
    paragraphs = sum(1 for sec in sections for block in sec.blocks if block.kind == "para")
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(
            f"the article has {paragraphs:,} paragraphs; an article has at most {MAX_PARAGRAPHS:,}",
            path=path,
        )
    if len(layout.sections) > MAX_SECTIONS:
        raise InputError(
            f"the article has {len(layout.sections):,} sections; an article has at most "
            f"{MAX_SECTIONS:,}",
            path=path,
        )
