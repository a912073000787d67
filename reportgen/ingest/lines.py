"""One line classifier for every article shape.

Every reader (text and Markdown, HTML, Word) gives blocks with layout features: the kind its
markup says (heading with a level, paragraph, caption), emphasis (bold or italic set on the
whole line), the blank lines before it and, for text, its source lines. This module decides
what each block is from features, not from any one article's words:

- position (the front matter before the first prose, the end of the article), length, end
  punctuation, quotation, numbering and emphasis of the line;
- its neighbours (a head introduces longer prose; a bare numeral names the line after it);
- known kinds of lines (reportgen/ingest/patterns.py): furniture, credits, photo credits,
  datelines and bylines.

Ambiguity resolves to body text: a block that is not clearly something else stays a paragraph,
and no block is ever dropped (furniture and credits are kept, out of the body). Every pass looks
at a block and a fixed number of neighbours, so the work is linear in the article's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.ingest import bylines, chrome, fallbacks, patterns
from reportgen.ingest.blocks import (
    PAGE_NUMBER,
    Block,
    ends_sentence,
    is_cjk,
    width,
)
from reportgen.ingest.heads import (  # noqa: F401
    _LONE_FIGURE,
    _SKIPPED,
    _SUBTITLE,
    NUMBERED,
    find_heads,
    join_attributions,
    pair_heads,
    split_theses,
    subtitle_heading,
)
from reportgen.ingest.rows import (  # noqa: F401 - the readers take them from here
    front_matter_yaml,
    meta_text,
    split_rows,
    title_from_meta,
)

_SERIES_AFTER = re.compile(r"^(?P<h>.{4,}?)\s*[（(](?P<s>[^()（）\d]{4,16})[)）]$")
_SERIES_BEFORE = re.compile(
    r"^(?:【(?P<s>[^【】]{2,16})】|(?P<s2>[^|｜\s]{2,10}?)\s*[|｜]\s*)(?P<h>.{6,})$"
)
_DATE_ZH = r"\d{4}年\d{1,2}月\d{1,2}日(?:\s*(?:星期|周)[一二三四五六日天])?"
_DATED_COLUMN = re.compile(
    rf"^(?P<s>[^\d（(]{{2,10}}?)\s*{_DATE_ZH}$"
    r"|^(?P<s2>[^\d（(【]{2,8}[（(][^（）()]*\d{1,2}月\d{1,2}日[^（）()]*[）)])\s*(?P<h>.{6,})$"
)
_SITE_SUFFIX = re.compile(
    r"\s*[-_|｜–—]{1,2}\s*[^-_|｜–—\s]{2,16}?"
    r"(?:网|报|社|台|频道|新闻|在线|客户端|网站|门户|专栏|栏目|中学|大学|学院|政府)$"
    r"|\s*_\s*[^_\s]{2,16}$"  # (a Chinese headline never has an underscore: '…_第一财经')
)


@dataclass
class Front:
    """What the classifier recognised besides sections: the front matter, wherever the
    writers are named, and the index of the first body block."""

    series: Block | None = None
    headline: Block | None = None
    dek: Block | None = None
    bylines: list[Block] = field(default_factory=list)
    start: int = 0
    headline_text: str = ""
    series_text: str = ""
    dateline: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""  # the publication date as written (reportgen/ingest/dates.py)

    @property
    def byline(self) -> Block | None:
        return self.bylines[0] if self.bylines else None


# ---------------------------------------------------------------- the classifier


def classify(blocks: list[Block], byline: str = "") -> Front:
    """Kinds for every block (front matter, heads, captions, credits, furniture), in place."""
    mark_known(blocks)
    chrome.menus(blocks)
    front = front_matter(blocks)
    fallbacks.fill_front(blocks, front)
    if not front.bylines and byline:
        bylines.place_byline(blocks, byline, front)
    bylines.dateline_in_body(blocks, front)
    _dek_heading(blocks, front)
    _repeated_title(blocks, front)
    chrome.release_header(blocks, front.start)
    _captions_over_credits(blocks, front.start)
    chrome.glued_tails(blocks, front.start)
    chrome.after_the_end(blocks, front.start)
    split_theses(blocks, front.start)
    join_attributions(blocks, front.start)
    find_heads(blocks, front.start)
    pair_heads(blocks, front.start)
    _first_head_in_title(blocks, front)
    _closing_box_heads(blocks, front)
    bylines.trailing_bylines(blocks, front)
    return front


def mark_known(blocks: list[Block]) -> None:
    """Furniture, credit, photo credit, byline and dateline lines, recognised by their words;
    from a release's end mark, or a 'related' or 'recommended' box (in the second half of the
    page, or under a heading after the article's prose), to the end: furniture."""
    related = False
    prose = 0  # paragraphs of prose so far: a related box closes an article, never opens one
    for i, block in enumerate(blocks):
        prose += block.kind == "para" and width(block.text) > 40 and ends_sentence(block.text)
        late = 2 * i >= len(blocks)
        if late and block.kind == "para" and patterns.end_mark(block.text):
            block.kind, related = "furniture", True  # the end mark of a release: all after it
            continue
        if block.kind == "para" and i >= 3 and len(block.text.strip()) == 1:
            block.kind = "furniture"  # one character alone is no paragraph
            continue
        figure = _LONE_FIGURE.match(block.text) and not patterns.dated(block.text)  # 2022.03.07
        if block.kind == "para" and figure and width(block.text) <= 10:
            block.item = True  # a figure set large on its own (a KPI graphic): body, but whole
            continue
        boxed = late or (block.kind == "heading" and prose > 0)
        if related or (boxed and patterns.RELATED.match(block.text)):
            related = related or block.kind in ("heading", "para")
            if related and block.kind in ("para", "heading", "caption"):
                block.kind = "furniture"
                continue
        if block.kind not in ("para", "heading", "caption", "furniture"):
            continue
        kind = patterns.kind(block.text)
        if not kind:
            continue
        if block.kind == "heading" and kind in ("byline", "dateline") and block.level <= 1:
            continue  # a headline that reads like a byline stays the headline
        if block.kind == "caption" and kind not in ("credit", "furniture"):
            continue  # (a date or an ad under a thumbnail is no caption)
        if block.kind == "furniture" and kind == "dateline":
            continue
        block.kind = kind


def front_matter(blocks: list[Block]) -> Front:
    """Series, headline, dek, dateline and byline: the short blocks before the first prose (a
    page number closes them, as does the title a page's running head repeats: the page's text
    follows). Furniture before the title (a menu, a date line) does not count to the ten."""
    front, zone, end, after_byline, skipped = Front(), [], 0, False, 0
    running = {b.text for b in blocks if b.kind == "furniture"}
    while end < len(blocks) and end - skipped < 10 and end < 80:
        block, nxt = blocks[end], blocks[end + 1] if end + 1 < len(blocks) else None
        if block.kind in ("furniture", "credit", "caption"):
            if block.kind == "furniture":
                front.authors.extend(patterns.labelled_names(block.text))
            end += 1
            skipped += block.kind == "furniture" and not zone
            if zone and PAGE_NUMBER.match(block.text):
                break
            continue
        if block.kind in ("byline", "dateline"):
            _front_pattern(block, front)
            after_byline = after_byline or block.kind == "byline"
            end += 1
            continue
        if after_byline and not (block.emphasis == "em" and front.dek is None):
            break
        if _after_marked(block, zone):
            if _dek_like(block, zone, front):
                front.dek, block.kind = block, "dek"
                end += 1
                continue
            if not _bare_byline(block, zone, nxt):
                break
        if block.kind == "heading":
            heads = [b for b in zone if b.kind == "heading"]
            if heads and not _title_group(block, heads, blocks, end):
                break
            if not heads and not _headline_heading(blocks, end):
                break
        elif zone and _ends_titles(blocks, end, zone, running):
            break
        if not _front_like(block):
            if _dek_like(block, zone, front):
                front.dek, block.kind = block, "dek"
                end += 1
                continue
            if front.dek is None and not front.bylines and _bare_byline(block, zone, nxt):
                _take_byline(block, front)
                end += 1
            break
        if zone and _bare_byline(block, zone, nxt):
            _take_byline(block, front)
            after_byline = True
            end += 1
            continue
        zone.append(block)
        end += 1
    _titles(zone, front, blocks)
    front.start = end
    _mark_front(zone)
    return front


def _ends_titles(blocks: list[Block], i: int, zone: list[Block], running: set[str]) -> bool:
    """No title line: a numbered head, a head over a numbered list, or the line after the title
    lines a page's running head repeats (the document's title)."""
    text = blocks[i].text
    after_running = zone[-1].text in running and text not in running
    return bool(NUMBERED.match(text)) or _opens_list(blocks, i) or after_running


def _take_byline(block: Block, front: Front) -> None:
    front.bylines.append(block)
    block.kind = "byline"


def _opens_list(blocks: list[Block], i: int) -> bool:
    """The block after i is the first item of a numbered list written out in prose."""
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    first = nxt is not None and nxt.kind == "para" and re.match(r"^1\s*[、.．)）]\s*\S", nxt.text)
    return bool(first) and width(nxt.text) > 40  # type: ignore[union-attr]


def _mark_front(zone: list[Block]) -> None:
    for block in zone:
        if block.kind in ("para", "heading", "caption"):
            block.kind = "front"


def _title_group(block: Block, heads: list[Block], blocks: list[Block], i: int) -> bool:
    """Headings of different sizes set together are one title: a smaller line over the headline
    (a pre-title) or under it when no prose follows straight away (a subtitle)."""
    top = min(b.level for b in heads)
    if any(b.level == block.level for b in heads) or width(block.text) > 60:
        return False
    if block.level < top:
        return True
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and (nxt.kind in _SKIPPED or _front_like(nxt) and nxt.kind == "para")


def _after_marked(block: Block, zone: list[Block]) -> bool:
    """A paragraph after a marked headline is body text unless it is a dek or a byline (an
    introduction is never taken for a title line)."""
    return block.kind == "para" and any(b.kind == "heading" for b in zone)


def _front_pattern(block: Block, front: Front) -> None:
    if block.kind == "byline":
        front.bylines.append(block)
        return
    match = patterns.dateline(block.text)
    front.dateline = front.dateline or match.group("d").strip()
    if match.groupdict().get("who"):
        front.authors.extend(patterns.names(match.group("who")))
    if match.groupdict().get("t"):
        front.headline_text = front.headline_text or match.group("t").strip()


def _titles(zone: list[Block], front: Front, blocks: list[Block]) -> None:
    """The headline (the first marked heading, else the last title line) and the series line
    before it; a dek after it; a series tag in brackets around it."""
    marked = [b for b in zone if b.kind == "heading"]
    titles = [b for b in zone if b.kind in ("para", "heading", "caption")]
    headline = min(marked, key=lambda b: b.level) if marked else None
    pre = zone[: zone.index(headline)] if headline is not None else []
    summary = [b for b in pre if b.emphasis == "em" and not _kicker(b.text)]  # (classed, italic)
    for b in marked + summary:  # a pre-title set as a heading is the dek, as in print
        if b is not headline and front.dek is None:
            front.dek, b.kind = b, "dek"
    titles = [b for b in titles if b.kind != "dek"]
    if headline is None:
        subtitle = [b for b in titles[1:] if _SUBTITLE.match(b.text) or b.emphasis == "em"]
        if subtitle and front.dek is None:
            front.dek = subtitle[0]
            subtitle[0].kind = "dek"
            titles = [b for b in titles if b is not subtitle[0]]
        three = len(titles) == 3 and width(titles[1].text) >= max(6, width(titles[2].text) / 2)
        # kicker, headline, subtitle (none marked, as print sets them; a middle line much
        # shorter than the last is a channel's name: '财经' over the title)
        if front.dek is None and (three or len(titles) > 1 and _sentence_under_title(*titles[-2:])):
            front.dek, titles[-1].kind = titles[-1], "dek"
            titles = titles[:-1]
        headline = titles[-1] if titles else None
    else:
        at = next(i for i, b in enumerate(titles) if b is headline)
        for b in titles[at + 1 :]:
            if front.dek is None and (_SUBTITLE.match(b.text) or b.emphasis == "em"):
                front.dek, b.kind = b, "dek"
    if headline is None and blocks and blocks[0].kind == "heading":
        headline = blocks[0]
    front.headline = headline
    if headline is None:
        return  # the title a wire dateline repeats after 题：, if any, is the headline
    at = next((i for i, b in enumerate(titles) if b is headline), 0)
    before = [b for b in titles[:at] if not _title_bar(b, headline)]
    front.series = before[0] if before else None
    text = headline.text
    if is_cjk(text):
        for _ in range(3):
            text = _SITE_SUFFIX.sub("", text)
    match = (_SERIES_AFTER.match(text) if is_cjk(text) else None) or _SERIES_BEFORE.match(text)
    front.headline_text = text  # (an English title's brackets are its own: '(again)')
    dated = _DATED_COLUMN.match(text) if is_cjk(text) else None
    if dated and front.series is None:
        front.series_text = (dated.group("s") or dated.group("s2")).strip()
        front.headline_text = (dated.group("h") or text).strip()
    elif match and (is_cjk(text) or match.group("s2")):  # 'Opinion | …' too
        front.headline_text = match.group("h").strip()
        if front.series is None:
            front.series_text = (match.groupdict().get("s") or match.group("s2")).strip()


def _kicker(text: str) -> bool:
    """A short label, no clause in it ('高质量发展调研行', 'Inside Politics'): a series line."""
    return width(text) <= (12 if is_cjk(text) else 8) and not re.search(r"[，,；;。：:]", text)


_BAR_TAIL = re.compile(r"^\s*[-–—|｜_·]{1,2}\s*\S.{0,40}$")


def _title_bar(block: Block, headline: Block) -> bool:
    """A saved page's title bar over its headline: the headline again, alone or with the site's
    name after it ('Orders jump in March - Site News'): furniture."""
    text, title = block.text, headline.text
    bar = text == title or (text.startswith(title) and bool(_BAR_TAIL.match(text[len(title) :])))
    if bar:
        block.kind = "furniture"
    return bar


def _sentence_under_title(title: Block, line: Block) -> bool:
    """A longer line of clauses under a title line ('多地表示，将通过展期等方式缓解压力'): the
    summary under the headline, not the headline under a kicker (a kicker is short)."""
    long = width(title.text) >= (12 if is_cjk(title.text) else 8)  # (4 English words)
    long = long and width(line.text) > width(title.text)
    if long and not is_cjk(title.text) and _title_case(title.text) and _sentence_case(line.text):
        return True  # 'Valley Town Bets on Batteries' over 'A new plant will hire 900 people'
    return long and bool(_CLAUSES.search(line.text)) and not _CLAUSES.search(title.text)


_CLAUSES = re.compile(r"[，,；;]")


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _sentence_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)[1:] if len(w) > 3]
    return len(words) >= 3 and sum(w[0].islower() for w in words) >= 0.6 * len(words)


def _headline_heading(blocks: list[Block], i: int) -> bool:
    """A heading opening the article is its headline unless it is a section's (a title precedes
    it, it is not a level-1 heading and no byline follows it)."""
    before = blocks[:i]
    if any(b.kind == "heading" for b in before):
        return False
    if not any(b.kind == "para" for b in before) or blocks[i].level == 1:
        return True
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and (nxt.kind == "byline" or patterns.bare_names(nxt.text))


def _front_like(block: Block) -> bool:
    if block.kind == "heading":
        return block.level <= 4 and width(block.text) <= 60
    if block.kind != "para":
        return block.kind == "caption" and width(block.text) <= 40
    text = block.text
    if text.endswith((":", "：")):
        return False  # a lead-in ('划重点：') opens the text; no title ends in a colon
    if width(text) > 40 or re.search(r"[。.]$|[。!?].|[！？].{20}", text.rstrip("”’\"'")):
        return False  # a sentence, or two; a title may ask and answer ('……？专家：……')
    return not ends_sentence(text) or text.rstrip("”’\"'").endswith(("？", "?", "！", "!"))


def _dek_like(block: Block, zone: list[Block], front: Front) -> bool:
    """An italic line (or a '——' subtitle) right after the title lines: the summary."""
    if front.dek is not None or not zone or block.kind != "para":
        return False
    return (block.emphasis == "em" or bool(_SUBTITLE.match(block.text))) and width(
        block.text
    ) <= 120


def _bare_byline(block: Block, zone: list[Block], nxt: Block | None = None) -> bool:
    """Names alone under the title: Chinese ones, or English ones over a date ('Jane Doe' /
    'May 2, 2023')."""
    dated = nxt is not None and nxt.kind == "furniture" and patterns.dated(nxt.text)
    named = patterns.bare_names(block.text) or dated and patterns.english_names(block.text)
    return bool(zone) and block.kind == "para" and bool(named)


def _repeated_title(blocks: list[Block], front: Front) -> None:
    """The headline set again at the top of the body (a bold repeat) is furniture."""
    if front.headline is None:
        return
    titles = {front.headline.text, front.headline_text}
    for block in blocks[front.start : front.start + 4]:
        if block.kind in ("para", "heading") and block.text.strip("*_ ") in titles:
            block.kind = "furniture"


def _dek_heading(blocks: list[Block], front: Front) -> None:
    """A whole sentence set as a heading right under the title is its summary, not a head; so
    is a subtitle set as a heading (reportgen/ingest/heads.py), and a line there that repeats
    the title ('“…”——习近平总书记引领…迈上新台阶')."""
    if front.dek is not None or front.headline is None:
        return
    first = next((b for b in blocks[front.start : front.start + 3] if b.kind == "para"), None)
    title = front.headline_text
    restated = first is not None and len(title) >= 6 and title in first.text != title
    if restated and width(first.text) <= 2 * width(title) + 20 and "—" in first.text:
        front.dek, first.kind = first, "dek"
        return
    for block in blocks[front.start : front.start + 3]:
        if block.kind != "heading":
            continue
        long = width(block.text) > (20 if is_cjk(block.text) else 24)
        if long and ends_sentence(block.text) or subtitle_heading(blocks, front.start, block):
            front.dek, block.kind = block, "dek"
        return


def _first_head_in_title(blocks: list[Block], front: Front) -> None:
    """The last of two title lines, right over the text, shaped like the heads found further on
    ('State Budget Outlook' / 'Revenue' / text … 'Spending' / text): the first section's head;
    the line over it is the headline."""
    title, head = front.series, front.headline
    if title is None or head is None or head.kind != "front" or front.dek is not None:
        return
    heads = [b for b in blocks[front.start :] if b.kind == "heading" and not b.marked]
    first = next((b for b in blocks[front.start :] if b.kind == "para"), None)
    follows = first is not None and blocks.index(head) + 1 == blocks.index(first)
    shaped = width(head.text) <= max((width(b.text) for b in heads), default=0)
    if len(heads) >= 2 and follows and shaped and not ends_sentence(head.text):
        head.kind, head.level = "heading", heads[0].level
        front.headline, front.series = title, None
        front.headline_text, front.series_text = title.text, ""


def _captions_over_credits(blocks: list[Block], start: int) -> None:
    """A short sentence right over a line that is nothing but a photo credit ('新华社记者 李四摄',
    '(AP Photo/Jane Doe)') is that photo's caption; a bare head over one stays a head, and so
    does a paragraph no shorter than the text's middle one (a picture credited, uncaptioned)."""
    sizes = sorted(width(b.text) for b in blocks[start:] if b.kind == "para")
    middle = sizes[len(sizes) // 2] if sizes else 0
    for i in range(max(start, 1), len(blocks)):
        block, prev = blocks[i], blocks[i - 1]
        if block.kind != "caption" or prev.kind != "para" or prev.item or i - 1 < start:
            continue
        if not patterns.photographer(block.text) or width(prev.text) > min(60, middle - 1):
            continue
        sentence = ends_sentence(prev.text) or re.search(r"[，,]", prev.text)
        if (
            sentence
            and not prev.text.rstrip().endswith((":", "："))
            and not _SAYS.search(prev.text)
        ):
            prev.kind = "caption"


# Someone saying something, or two sentences: a paragraph of the text, not a picture's caption.
_SAYS = re.compile(
    r"\b(?:said|says|told|according to)\b|表示|说[，,：:。“]|认为|指出|介绍[，,：:]"
    r"|[。！？!?]\s*\S.*[。！？!?]$|[.!?]\s+[A-Z].*[.!?]$"
)


def _closing_box_heads(blocks: list[Block], front: Front) -> None:
    """A heading with no text after it to the end, only furniture and credits, that introduces
    what is gone (a box of other stories: '理论新闻精选：') or nothing at all, is furniture."""
    for after, block in enumerate(reversed(blocks[front.start :])):
        if block.kind in ("para", "caption", "tagline"):
            return
        boxed = after == 0 or block.text.rstrip().endswith((":", "："))
        if block.kind == "heading" and block is not front.headline and boxed:
            block.kind = "furniture"
