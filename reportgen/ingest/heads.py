"""Section heads: marked, numbered, bare-numeral, two-line, bold and standalone heads, found
from their features and their neighbours (a head introduces longer prose)."""

from __future__ import annotations

import re

from reportgen.ingest.blocks import (
    CJK,
    Block,
    ends_sentence,
    is_cjk,
    width,
)

_QUOTED = re.compile(r"^[“「『\"'‘].+[”」』\"'’]$")
_LONE_FIGURE = re.compile(
    r"^[约近超逾]?\d[\d.,]*\s*[%‰]?[多余]?[万亿千百]?[多余]?[个家人次元吨台件项所座条户名辆亩倍]*$"
)
_LEAD_IN = re.compile(r"[:：,，;；、]$")
_SKIPPED = ("furniture", "credit", "caption", "byline", "dateline")


_SUBTITLE = re.compile(r"^(?:——|—|--)\s*\S")
NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部分章节]"
    r"|\d{1,2}[.、．]\s*(?=\D)|[IVX]+\.\s)"
)
_BARE_NUMERAL = re.compile(
    r"^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}[、.．]?"
    r"|第[一二三四五六七八九十\d]{1,3}[部分章节篇]?|\d{1,2}[.、．]?|[IVX]{1,4}\.?)$"
)
_CHINESE_NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")
_LONE_NAME = re.compile(f"^[{CJK}]\\s+[{CJK}]$")  # a two-character name set apart, print style
_LABEL_END = re.compile(r"(?:[:：]|——|—)$")


def _next_para(body: list[Block], k: int) -> int | None:
    """The index of the next paragraph after k, skipping captions, credits and furniture
    (a head is often followed by its picture's credit line)."""
    figure = False
    for j in range(k + 1, min(k + 5, len(body))):
        text = body[j].text
        if body[j].kind == "para" and _LONE_FIGURE.match(text):
            figure = True
            continue
        if body[j].kind == "para" and figure and _figure_label(text):
            figure = False  # the label under a figure set large ('80%' / '贡献率超过80%')
            continue
        if body[j].kind == "para":
            return j
        if body[j].kind not in _SKIPPED:
            return None
    return None


def _figure_label(text: str) -> bool:
    return width(text) <= 30 and not ends_sentence(text) and bool(re.search(r"\d", text))


def _head_like(block: Block) -> bool:
    """Short, one line, not a sentence cut at a colon or comma."""
    text = block.text
    limit = 30 if is_cjk(text) else 24
    if _LONE_FIGURE.match(text):
        return False
    return (
        block.lines <= 1
        and not block.item
        and width(text) <= limit
        and not _LEAD_IN.search(text)
        and not text.endswith(("。", "."))
        and not re.match(r"^[a-z]", text)
    )


def _question_head(block: Block) -> bool:
    """A short question standing alone ('谁可以参加？', 'Who can apply?'): not quoted, not a
    speaker's line ('问：…？', 'Q: …?')."""
    text = block.text
    limit = 30 if is_cjk(text) else 24
    if block.lines > 1 or block.item or width(text) > limit or not text.endswith(("？", "?")):
        return False
    return _single_sentence(text) and not re.search(r"[:：“”\"]", text)


def _single_sentence(text: str) -> bool:
    core = text.rstrip("。.!！?？”’\"' ")
    return not re.search(r"[。！？!?]|\.\s", core) and width(text) <= 60


def _prose(block: Block, than: Block) -> bool:
    return ends_sentence(block.text) and width(block.text) > 2 * width(than.text)


_THESIS = re.compile(r"^[^。！？!?]{4,30}[。！？!?]")


def split_theses(blocks: list[Block], start: int) -> None:
    """Bare numerals ('（一）') whose heading is the thesis sentence opening the next line, run
    into its paragraph: the thesis is split off as a line of its own (two numerals at least)."""
    found = [
        k for k in range(start, len(blocks) - 1) if _numeral_then_thesis(blocks[k], blocks[k + 1])
    ]
    if len(found) < 2:
        return
    paras = {k + 1 for k in found}
    out: list[Block] = []
    for i, para in enumerate(blocks):  # one pass, no inserts: linear in the article's size
        out.append(para)
        if i in paras:
            thesis = _THESIS.match(para.text).group(0)  # type: ignore[union-attr]
            out.append(Block("para", para.text[len(thesis) :].lstrip(), gap=0, lines=para.lines))
            para.text, para.lines, para.rows = thesis, 1, []
    blocks[:] = out


def _numeral_then_thesis(numeral: Block, para: Block) -> bool:
    if numeral.kind != "para" or para.kind != "para" or not _BARE_NUMERAL.match(numeral.text):
        return False
    thesis = _THESIS.match(para.text)
    return thesis is not None and width(para.text[thesis.end() :]) >= 20


_ATTRIBUTION = re.compile(r"^(?:——|—|--|–)\s*(?P<who>\S.*)$")


def join_attributions(blocks: list[Block], start: int) -> None:
    """A dash line naming who said or wrote the line above it ('——（宋）陆游', '——《诗经》',
    '— Mark Twain') belongs to that quotation: it is joined to its paragraph, never a head."""
    out = blocks[: max(start, 1)]
    for block in blocks[len(out) :]:
        prev = out[-1]
        if block.kind == "para" and prev.kind == "para" and _attributes(block.text, prev.text):
            glue = "" if is_cjk(prev.text) else " "
            prev.text = prev.text + glue + block.text
            prev.closed = True
            prev.joined += 1
            prev.lines += block.lines
        else:
            out.append(block)
    blocks[:] = out  # one pass: linear in the article's size


def _attributes(text: str, before: str) -> bool:
    """A short dash line that is only a name or a work's title, under a quotation, a sentence
    or a line of verse (what it attributes)."""
    match = _ATTRIBUTION.match(text)
    if match is None:
        return False
    who = match.group("who").strip()
    bare = re.sub(r"《[^》]*》|[（(][^）)]{1,8}[）)]", "", who)
    if re.search(r"[，。,；;！？!?：:“”\"]", bare) or width(who) > 20:
        return False
    if not is_cjk(who):
        return _english_name(bare) and (ends_sentence(before) or bool(_QUOTED.match(before)))
    if _QUOTED.match(before):
        return True
    verse = re.search(r"[，,]", before) and width(before) <= 60
    return bool(verse or ends_sentence(before)) and bool(_NAMED.match(who))


_NAMED = re.compile(  # a name ('陆游', '马克·吐温'), with its dynasty, or a work ('《诗经》')
    rf"^(?:[（(][{CJK}]{{1,4}}[）)]\s*[{CJK}·]{{2,6}}|[{CJK}]{{2,3}}|[{CJK}]{{1,4}}·[{CJK}·]{{1,8}})$"
    r"|^[^《》]{0,8}《[^》]{1,20}》[^《》]{0,6}$"
)


def _english_name(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'.-]*", text)
    return 1 <= len(words) <= 5 and all(w[0].isupper() for w in words if len(w) > 3)


def find_heads(blocks: list[Block], start: int) -> None:
    """Section heads when the markup marks none: bare numerals naming the next line, numbered
    lines, bold lines, and short standalone lines before prose (one family, at least two)."""
    body = blocks[start:]
    if any(b.kind == "heading" for b in body):
        _marked_labels(body)
        return
    # (numeral, head), numbered, bold, (head, tagline), heads beside clearer ones, questions
    numerals, numbered, bold, standalone, weak, questions = [], [], [], [], [], []  # type: ignore[var-annotated]
    taken: set[int] = set()
    prose_since = True  # a paragraph since the last standalone head
    for k, block in enumerate(body):
        if block.kind != "para" or id(block) in taken or _LONE_FIGURE.match(block.text):
            continue
        j = _next_para(body, k)
        nxt = body[j] if j is not None else None
        text = block.text
        j = _byline_under(body, block, nxt, j)
        if _bylined(body, k) and _head_like(block) and not ends_sentence(text) and prose_since:
            standalone.append((block, None))
            prose_since = False
            continue
        if _BARE_NUMERAL.match(text):
            if nxt is not None and _single_sentence(nxt.text) and nxt.lines <= 1:
                numerals.append((block, nxt))
            continue
        if NUMBERED.match(text) and _head_like_numbered(block):
            numbered += [] if _numbered_list(body, k, nxt) else [block]
        elif (
            block.emphasis == "strong" and nxt is not None and _bold_head(block) and not block.item
        ):
            bold.append(block)
        elif nxt is not None and _dash_head(block) and _prose(nxt, block):
            standalone.append((block, None))
        elif nxt is not None and _question_head(block) and _prose(nxt, block) and prose_since:
            questions.append(block)
        elif (
            nxt is not None
            and _head_like(block)
            and not ends_sentence(text)
            and (not _in_list(body, k) or _labelled(body, k) and _prose(nxt, block))
        ):
            if _prose(nxt, block) and prose_since:
                standalone.append((block, None))
                prose_since = False
                continue
            if ends_sentence(nxt.text) and width(nxt.text) > width(text) and prose_since:
                weak.append(block)  # a head only beside clearer ones
                prose_since = False
                continue
            if _slogan_pair(body, j, nxt):
                standalone.append((block, nxt))
                taken.add(id(nxt))
                prose_since = False
                continue
        prose_since = True
    chosen = _choose(numerals, numbered, bold, standalone, weak, questions)
    for block in chosen:
        block.kind, block.level = "heading", 2
    _labels(body)


def _byline_under(body: list[Block], block: Block, nxt: Block | None, j: int | None) -> int | None:
    """A head with its writer's name under it: the name is a byline, the head's next line the
    one after it."""
    if nxt is not None and _LONE_NAME.match(nxt.text) and _head_like(block):
        nxt.kind = "byline"
        return _next_para(body, j)
    return j


def _slogan_pair(body: list[Block], j: int, nxt: Block) -> bool:
    """The line after a head is a short quoted slogan with a sentence after it (a two-line
    head: a label, then its slogan)."""
    slogan = _QUOTED.match(nxt.text) and width(nxt.text) <= 40 and _single_sentence(nxt.text)
    j2 = _next_para(body, j)
    return bool(slogan) and j2 is not None and ends_sentence(body[j2].text)


def _choose(numerals, numbered, bold, standalone, weak, questions) -> list[Block]:
    """The one family of heads the article uses: numerals naming a line, numbered lines, bold
    lines (with the standalone ones beside them), standalone lines, or else the questions it
    answers; at least two of it (or an English page's one title-case head)."""
    chosen: list[Block] = []
    if len(numerals) >= 2:
        for numeral, head in numerals:
            numeral.kind = "numeral"
            chosen.append(head)
    elif len(numbered) >= 2 or (numbered and _CHINESE_NUMBERED.match(numbered[0].text)):
        chosen = numbered
    elif len(bold) >= 2 or len(bold) + len(standalone) >= 3 and bold:
        chosen = list(bold) + weak
        for head, tagline in standalone:
            chosen.append(head)
            if tagline is not None:
                tagline.kind = "tagline"
    elif len(standalone) >= 2:
        chosen = list(weak)
        for head, tagline in standalone:
            chosen.append(head)
            if tagline is not None:
                tagline.kind = "tagline"
    if not chosen and len(questions) >= 2:
        chosen = list(questions)
    return chosen or _lone_title(numbered + [h for h, _ in standalone] + weak)


def _in_list(body: list[Block], k: int) -> bool:
    """The line closes a run of short lines or follows a lead-in ('Recipients include:'): the
    last item of a list written without bullets, not a head (a head follows prose)."""
    for block in reversed(body[max(0, k - 4) : k]):
        if block.kind in _SKIPPED or block.kind == "numeral":
            continue
        if block.kind != "para":
            return False
        text = block.text
        listed = (block.item or width(text) <= 40) and not ends_sentence(text)
        return listed or bool(_LEAD_IN.search(text))
    return False


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def _lone_title(candidates: list[Block]) -> list[Block]:
    """The one head of an English text that has only one (a report page): a single candidate
    set in title case, three to eight words; never a Chinese line, whose case says nothing."""
    if len(candidates) != 1:
        return []
    text = NUMBERED.sub("", candidates[0].text).strip()
    words = re.findall(r"[A-Za-z][\w'-]*|\d[\w-]*", text)
    if is_cjk(text) or not 3 <= len(words) <= 8 or not re.match(r"^[A-Z0-9]", text):
        return []
    capped = all(w[0].isupper() or w[0].isdigit() or w in _SMALL_WORDS for w in words)
    return candidates if capped else []


def _bylined(body: list[Block], k: int) -> bool:
    """The block after this one (furniture and captions skipped) is a byline."""
    for block in body[k + 1 : k + 4]:
        if block.kind == "byline":
            return True
        if block.kind not in ("furniture", "credit", "caption"):
            return False
    return False


def _labels(body: list[Block]) -> None:
    """A two-line head whose first line is a label ending in a colon or dash ('英国《泰晤士报》：',
    '领航——'), or a short label over a head led by a dash ('产业升级' over '——拼出新天地'): the
    label is the heading, the head line after it the tagline."""
    for k in range(1, len(body)):
        head, label = body[k], body[k - 1]
        if head.kind != "heading" or label.kind != "para" or label.item:
            continue
        if width(label.text) <= 20 and (_LABEL_END.search(label.text) or _dashed(body, k)):
            label.kind, label.level = "heading", head.level
            head.kind = "tagline"


def _dashed(body: list[Block], k: int) -> bool:
    """A head led by a dash, no name ('——陆游'), under a short line after text: its label."""
    head, label = body[k], body[k - 1]
    before = body[k - 2] if k >= 2 else None
    after_text = before is None or before.kind != "para" or ends_sentence(before.text)
    match = _ATTRIBUTION.match(head.text)
    who = match.group("who").strip() if match else ""
    named = _NAMED.match(who) or (not is_cjk(who) and _english_name(who))
    dashed = bool(_SUBTITLE.match(head.text)) and not named
    return dashed and after_text and _head_like(label) and not ends_sentence(label.text)


def _labelled(body: list[Block], k: int) -> bool:
    """The line before is a short label ending in a colon or dash ('英国《泰晤士报》：'): with
    prose after this line, the two are a two-line head, not a lead-in and its list."""
    label = body[k - 1] if k > 0 else None
    if label is None or label.kind != "para" or width(label.text) > 20 or not is_cjk(label.text):
        return False
    return bool(_LABEL_END.search(label.text)) and not _LEAD_VERB.search(label.text)


# a lead-in clause, not a label: it ends in the verb that introduces what follows ('包括：')
_LEAD_VERB = re.compile(
    r"(?:包括|包含|如下|以下|有|是|为|即|在于|分别|如|例如|比如|表示|指出|认为)[:：]$"
)


def _marked_labels(body: list[Block]) -> None:
    """A marked heading that is a label ('英国《泰晤士报》：') with a smaller heading right under
    it: the smaller one is its tagline (a two-line head), not a heading of its own."""
    for k in range(1, len(body)):
        head, label = body[k], body[k - 1]
        if head.kind != "heading" or label.kind != "heading" or head.level <= label.level:
            continue
        if width(label.text) <= 20 and _LABEL_END.search(label.text):
            head.kind = "tagline"


def _dash_head(block: Block) -> bool:
    """A short single sentence led by a dash ('——思想领航，为推动高质量发展提供根本遵循。')."""
    text = block.text
    return bool(_SUBTITLE.match(text)) and width(text) <= 40 and _single_sentence(text)


def _numbered_list(body: list[Block], k: int, nxt: Block | None) -> bool:
    """A numbered line in a run of short lines numbered the same way with no prose between
    them ('1. 芬兰', '2. 丹麦'): an item of a list written as lines, not a head (a head has text
    after it; '一、总体要求' over '（一）指导思想' are two levels of heads, not a list)."""
    prev = next((b for b in reversed(body[max(0, k - 4) : k]) if b.kind not in _SKIPPED), None)
    style = _numbering(body[k].text)
    return any(
        b is not None and b.kind == "para" and _numbering(b.text) == style
        for b in (prev, nxt)
        if b is not None and _head_like_numbered(b)
    )


def _numbering(text: str) -> str:
    """The shape of a line's numbering ('#、', '（#）', '#.'), or '' when it has none."""
    match = NUMBERED.match(text)
    return re.sub(r"[一二三四五六七八九十IVX\d]+", "#", match.group(0).strip()) if match else ""


def _head_like_numbered(block: Block) -> bool:
    limit = 30 if is_cjk(block.text) else 60
    return block.lines <= 1 and width(block.text) <= limit and not block.text.endswith(("。", "."))


def _bold_head(block: Block) -> bool:
    """A paragraph set wholly in bold, short and one sentence at most, not a lead-in."""
    text = block.text
    limit = 40 if is_cjk(text) else 30
    short = width(text) <= limit and not block.item
    return short and _single_sentence(text) and not _LEAD_IN.search(text)


def pair_heads(blocks: list[Block], start: int) -> None:
    """Two heads with no text between them, text after the second: one two-line head (a label,
    then its slogan or sub-heading, longer than it or quoted or led by a dash), the second line
    its tagline, never a section left empty (a short head under a longer one, shaped like it,
    is a section of its own: an umbrella head over its first part, '环球市场' over '宏观').
    A second head numbered in another style opens a level under the first ('一、…' over
    '（一）…'): every head numbered that way goes one level down. A level whose heads also
    stand after text is a level of its own, left as it is. Two passes: linear."""
    seq = [b for b in blocks[start:] if b.kind not in _SKIPPED]
    after_text: set[int] = set()  # heading levels set after text somewhere
    for k, block in enumerate(seq):
        if block.kind == "heading" and (k == 0 or seq[k - 1].kind != "heading"):
            after_text.add(block.level)
    lower: set[str] = set()
    for k in range(len(seq) - 2):
        first, second, text = seq[k], seq[k + 1], seq[k + 2]
        if first.kind != "heading" or second.kind != "heading" or text.kind != "para":
            continue
        if width(first.text) > 40 or width(second.text) > 60:
            continue
        styles = _numbering(first.text), _numbering(second.text)
        if all(styles) and styles[0] != styles[1]:
            lower.add(styles[1])
            continue
        own_level = second.level != first.level and second.level in after_text
        if not styles[1] and not own_level and tagline_shaped(first, second):
            first.level = second.level = min(first.level, second.level)  # (a small label over)
            second.kind = "tagline"
    top = min((b.level for b in seq if b.kind == "heading"), default=0)
    for block in seq:
        if lower and block.kind == "heading" and _numbering(block.text) in lower:
            block.level = max(block.level, top + 1)


def tagline_shaped(label: Block, line: Block) -> bool:
    """The line under a label reads as its slogan or sub-heading: longer, quoted or dashed."""
    text = line.text
    return width(text) > width(label.text) or bool(_QUOTED.match(text) or _SUBTITLE.match(text))


def subtitle_heading(blocks: list[Block], start: int, block: Block) -> bool:
    """A heading right under the title, before any text, is its subtitle, not a section's head,
    when a dash leads it ('——来自某县的调查'), it is set in italics or classed as a summary
    (reportgen/ingest/html.py), or no heading of its size or smaller follows it
    (the sections are larger, or there are none); a short label ('概述', 'Summary') or a
    numbered head stays a head."""
    at = next((i for i in range(start, len(blocks)) if blocks[i] is block), None)
    if at is None or any(b.kind not in _SKIPPED for b in blocks[start:at]):
        return False
    text = block.text
    if _SUBTITLE.match(text) or block.emphasis == "em":  # (or set in italics, or classed so)
        return True
    label = width(text) < (6 if is_cjk(text) else 8) or bool(NUMBERED.match(text))
    later = (b for b in blocks[at + 1 :] if b.kind == "heading")
    return not label and all(b.level < block.level for b in later)
