"""The publication date, as the article writes it: from a dated line around the title (a
portal's '2024-08-18 10:00 来源：…', a dated byline, 'First published …'), a print edition's
line ('《人民日报》（2020年08月23日 02 版）') or the page's metadata. Never a date from the story:
body paragraphs and the boxes of other stories after the article are not read."""

from __future__ import annotations

import re

from reportgen.ingest.blocks import Block, ends_sentence

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
DATE = re.compile(
    r"(?<!\d)(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTHS},?\s+\d{{4}})",
    re.I,
)
_PUBLISHED = re.compile(
    r"\b(?:first published|published|updated|posted)\b|发布(?:时间|日期)?", re.I
)
_PRINT_EDITION = re.compile(r"《\s*[^》]{1,14}\s*》\s*[(（][^()（）]{0,30}版\s*[)）]\s*$")
_NOT_STORY = ("furniture", "credit", "byline", "dateline", "front")
_ISO = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T\s]|$)")

# ---------------------------------------------------------------- lines that are a date

_WEEKDAY_ZH = r"(?:\s*(?:星期|周)[一二三四五六日天])?"
_WEEKDAY_END = re.compile(rf"^{_WEEKDAY_ZH}\s*$")
_YMD = r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?"
_DATE_LINE = re.compile(  # '2022年03月07日 星期一 15:21', '发布时间：2022-03-07 15:21 来源：某报',
    # '原创 张三 某某观察 2022年03月07日 15:21 北京' (an account's header: where it was sent from)
    rf"^(?:(?:发布|更新)?(?:时间|日期)\s*[:：]\s*|[^。！？!?，,]{{1,24}}?\s*(?={_YMD}\s*\d{{1,2}}[:：]))?"
    rf"{_YMD}{_WEEKDAY_ZH}(?:\s*\d{{1,2}}\s*[:：]\s*\d{{2}}(?:\s*[:：]\s*\d{{2}})?)?{_WEEKDAY_ZH}"
    r"(?:[\s|｜/·•]*(?:信息|文章|稿件)?(?:来源|作者|编辑|责编|浏览|阅读|点击|字号)[^\s:：]{0,3}"
    r"\s*[:：].{0,40}|\s*[\u4e00-\u9fff]{2,10}(?:网|报|社|台|新闻|客户端)|\s+[\u4e00-\u9fff]{2,4})?\s*$"
)
# A date and time with the source that published it ('2025年05月07日 10:30 某某财经').
_DATED_SOURCE = re.compile(
    r"^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
    r"\s+(?:来源\s*[:：]\s*)?[^\s。，,！？!?：:]{2,16}$"
)
# What an English date line holds besides its date: the label ('Published', 'Updated on:'),
# the weekday, the time and its zone ('3:04 PM EDT'), 'at', and a short section label after a
# bar ('March 14, 2024 | Press Release').
_EN_LABEL = re.compile(
    r"^\s*(?:(?:first|last|originally)\s+)?(?:published|updated|posted|modified|issued|released"
    r"|date)(?:\s+on)?\s*:?",
    re.I,
)
_EN_TAIL = re.compile(r"\s*[|｜·•]\s*(?!by\b)[A-Za-z][\w&'-]*(?:\s+[\w&'-]+){0,2}\s*$", re.I)
_EN_PIECES = re.compile(
    r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?"
    r"|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)?|\b(?:at|on|the|of)\b"
    r"|\b(?:published|updated|posted)\b|\d{1,2}\s*(?:minutes?|mins?|hours?|hrs?|days?)\s+ago"
    r"|(?-i:\b(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|AE[SD]T|NZ[SD]T|[IJ]ST|HKT|SGT|KST|AM|PM)\b)"
    r"(?:[+-]\d{1,2}(?::?\d{2})?)?|[\s,|｜·•/-]+",  # (the zones, not any word in capitals)
    re.I,
)

_RELATIVE = re.compile(  # a page's time since it was published ('3 hours ago', '2小时前')
    r"^(?:(?:published|updated|posted)\s+)?\d{1,2}\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?"
    r"|weeks?)\s+ago$|^\d{1,2}\s*(?:秒|分钟|小时|天|周)前$|^刚刚$",
    re.I,
)


def dated(text: str) -> bool:
    """A line that is a date (with a time or its source, as page headers set it, or with its
    label: 'Published 3:04 PM EDT, Tue May 2, 2023', 'Updated May 2, 2023 at 10:01 a.m. ET')."""
    if _DATE_LINE.match(text) or _DATED_SOURCE.match(text) or _RELATIVE.match(text):
        return True
    match = DATE.search(text) if len(text) <= 80 else None
    if match is None or re.search(r"[\u4e00-\u9fff]", text):
        return False
    rest = _EN_LABEL.sub("", text[: match.start()]) + " " + _EN_TAIL.sub("", text[match.end() :])
    return not _EN_PIECES.sub("", rest).strip(" .")


def publication_date(blocks: list[Block], start: int, meta: str = "") -> str:
    """The date the article was published, as written, or '' when none is certain.

    In order: a line labelled as the publication ('First published …', '发布时间：…'), a dated
    line around the title (before the first sentence, or a byline's under an introduction; at
    most six blocks into the body), a print edition's line, the page's metadata (its date
    part, 2024-08-18), then the date the text is signed with at its end."""
    labelled = front = edition = ""
    proses = (i for i, b in enumerate(blocks) if i >= start and _prose(b))
    prose, second = next(proses, len(blocks)), next(proses, len(blocks))
    for i, block in enumerate(blocks):
        bylined = "byline" in (block.kind, blocks[i - 1].kind if i else "")
        if bylined and i < min(second, start + 6):
            prose = max(
                prose, i + 1
            )  # a byline and its date under an introduction ('By …' / 'May 2, 2023')
        if block.kind not in _NOT_STORY:
            continue
        match = DATE.search(block.text)
        if match is None:
            continue
        date = _clean(match.group(0))
        if block.kind == "front" and not _WEEKDAY_END.match(block.text[match.end() :]):
            continue  # a title line's date is the edition's only when it closes the line
        if not labelled and _PUBLISHED.search(block.text[: match.start()]):
            labelled = date
        elif not front and i < min(prose, start + 6) and len(block.text) <= 120:
            front = date
        elif not edition and _PRINT_EDITION.search(block.text):
            edition = date
    return labelled or front or edition or meta_date(meta) or _signed(blocks, start)


_SIGNATURE_DATE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def _signed(blocks: list[Block], start: int) -> str:
    """The date a document is signed with at its end, under the name of the body that issues it
    ('某某市人民政府' / '2024年8月18日'): the last lines but credits and page numbers."""
    tail = [b for b in blocks[start:] if b.kind not in ("credit",) and b.text.strip()]
    if len(tail) < 3 or not _SIGNATURE_DATE.match(tail[-1].text):
        return ""
    signer = tail[-2]  # a line of the text (a box of other stories is furniture)
    named = signer.kind in ("para", "caption") and len(signer.text) <= 24
    return _clean(tail[-1].text) if named and not ends_sentence(signer.text) else ""


def _prose(block: Block) -> bool:
    return block.kind == "para" and ends_sentence(block.text)


def meta_date(value: object) -> str:
    """A metadata value's date: an ISO timestamp's day, or a date written in the value."""
    value = str(value or "")  # (a YAML header's date is read as a date)
    iso = _ISO.match(value)
    if iso:
        return iso.group(1)
    match = DATE.search(value)
    return _clean(match.group(0)) if match else ""


def _clean(date: str) -> str:
    date = re.sub(r"(?<=\d)(?:st|nd|rd|th)?\s+of\b|(?<=\d)(?:st|nd|rd|th)\b", "", date)  # 18th of
    return re.sub(r"\s+", " ", re.sub(r"\s*([年月])\s*", r"\1", date)).strip()


_DATE_BEFORE = re.compile(r"^(?P<date>.+?)[\s|｜•·,—–]+(?P<who>by\s+[A-Z].*)$", re.I)
_CUTS = re.compile(r"[\s|｜•·,—–]+(?=\S)")
_TAIL_START = re.compile(r"[\dA-Za-z]|发布|更新|时间|日期")


def undated(text: str) -> str:
    """A line less the date line set before or after it, as bylines carry their dates ('By Jane
    Doe | May 2, 2023', 'BY JANE DOE Updated 3:04 PM EDT, Tue May 2, 2023', 'Posted May 2,
    2023 by Jane Doe'): the longest dated tail after a space or a bar, else a dated head."""
    match = DATE.search(text) if len(text) <= 120 else None
    if match is None:
        return text
    for cut in _CUTS.finditer(text[: match.start() + 1]):
        tail = text[cut.end() :]  # (a date line's own words, not a name a Chinese one allows)
        if _TAIL_START.match(tail) and dated(tail):
            return text[: cut.start()]
    before = _DATE_BEFORE.match(text)
    return before.group("who") if before and dated(before.group("date")) else text


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NUMERIC_DAY = re.compile(r"^\D*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\D*$")
_WORDED_DAY = re.compile(r"(\d{1,2})?\s*([A-Za-z]{3})[a-z]*\.?\s*(\d{1,2})?,?\s+(\d{4})")


def day_of(date: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a publication date as the page wrote it (2022-03-07, 07 Mar 2022,
    March 7, 2022, 2022年3月7日); None when it names no single day."""
    digits = _NUMERIC_DAY.match(date)
    if digits:
        year, month, day = (int(g) for g in digits.groups())
    else:
        words = _WORDED_DAY.search(date)
        if not words or words.group(2).lower() not in _MONTH_NAMES:
            return None
        if not (words.group(1) or words.group(3)):
            return None
        year, day = int(words.group(4)), int(words.group(1) or words.group(3))
        month = _MONTH_NAMES.index(words.group(2).lower()) + 1
    return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def display_date(date: str, language: str) -> str:
    """A publication date as a Chinese reader expects it (2022年3月7日, not 07 Mar 2022); an
    English one, or one that names no single day, as written."""
    day = day_of(date) if language == "zh" else None
    return f"{day[0]}年{day[1]}月{day[2]}日" if day else date
