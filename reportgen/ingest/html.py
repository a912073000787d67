"""Web pages: decode by declared charset, strip page clutter, main text via readability, blocks."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree
from lxml import html as lhtml

from reportgen.errors import InputError
from reportgen.ingest import Parsed, clean_text, patterns
from reportgen.ingest.blocks import Block, ends_sentence, width
from reportgen.ingest.charsets import decode_html
from reportgen.ingest.clutter import (
    BYLINE_CLASS,
    CODE_TAGS,
    DROP_TAGS,
    in_clutter,
    listed,
    strip_clutter,
)
from reportgen.ingest.load import same_title

_CAPTION_CLASS = re.compile(
    r"caption|pic[-_]?te?xt|(?:img|image|photo|pic)[-_]?desc|imgtxt|图注", re.IGNORECASE
)
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LEAF = {"p", "li", "dt", "dd", "pre", "address", "figcaption", "caption", *_HEADING}
_BLOCK = _LEAF | {
    "div", "section", "article", "main", "header", "figure", "ul", "ol", "dl", "blockquote",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "body", "center", "hr", "br", "html",
}  # fmt: skip
_BOLD = {"strong", "b"}
_DEK_CLASS = re.compile(
    r"(?:^|[-_\s])(?:dek|deck|standfirst|subtitle|summary|article-?summary"
    r"|excerpt|abstract|teaser|lede)(?:[-_\s]|$)",
    re.IGNORECASE,
)
_TITLE_SUFFIX = re.compile(r"(?:\s+[-–—|·:]{1,2}\s+|\s*[|_]\s*)[^-–—|_·]{1,30}$")
_MARK = "data-reportgen-node"
_CAPTION_WIDTH = 60


def read_html(raw: bytes, path: str | Path = "<input>") -> Parsed:
    """The page's article as blocks (headings, paragraphs, captions), title and byline."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", decode_html(raw, path))
    try:
        doc = lhtml.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML page ({exc})", path=path) from None
    byline, published = _byline(doc), _published(doc)
    strip_clutter(doc)
    title, h1 = _title(doc)
    walker = _Walker()
    for element in _with_title_area(_main_content(doc), h1):
        walker.visit(element)
    walker.flush()
    blocks = _drop_empty_headings([b for b in walker.blocks if b.text], title)
    if not any(b.kind in ("para", "caption") for b in blocks):
        raise InputError("no article text found in the HTML page", path=path)
    subheads = [b for b in blocks if id(b) in walker.bold]
    return Parsed(blocks, title=title, byline=byline, subheads=subheads, date=published)


def _with_title_area(picked: list, h1) -> list:
    """When the headline stands outside the chosen content, its title area (the h1 with a
    kicker or date line beside it) goes first."""
    if h1 is None or any(h1 is el or el in h1.iterancestors() for el in picked):
        return picked
    area = h1.getparent()
    small = area is not None and len(clean_text(area.text_content())) <= 300
    if not small or any(area in el.iterancestors() or area is el for el in picked):
        return [*_title_neighbours(h1, picked), *picked]
    return [area, *picked]


def _title_neighbours(h1, picked: list) -> list:
    """The h1 with the small elements just before and after it (a path line over it, a byline
    and date line under it), none of them holding the chosen content."""
    out = [h1]
    for sibling in (h1.getprevious(), h1.getnext()):
        if sibling is None or not isinstance(sibling.tag, str):
            continue
        inside = any(sibling is el or sibling in el.iterancestors() for el in picked)
        holds = any(el in sibling.iterdescendants() for el in picked)
        if not inside and not holds and len(clean_text(sibling.text_content())) <= 200:
            out.insert(0 if sibling is h1.getprevious() else len(out), sibling)
    return out


def _drop_empty_headings(blocks: list[Block], title: str = "") -> list[Block]:
    """Headings with nothing under them (left over from removed link lists) are dropped, but
    for the first lines of two-line heads and a kicker over the headline (the page's title)."""
    kept = _two_line_heads(blocks)
    out: list[Block] = []
    for block in reversed(blocks):
        nxt = out[-1] if out else None
        empty = nxt is None or (nxt.kind == "heading" and 1 < nxt.level <= block.level)
        empty = empty and not (nxt is not None and title and nxt.text == title)
        if block.kind == "heading" and block.level > 1 and empty and id(block) not in kept:
            continue
        out.append(block)
    return out[::-1]


def _two_line_heads(blocks: list[Block]) -> set[int]:
    """The labels of two-line heads (a short heading, then its slogan as a heading its size or
    larger over text: reportgen/ingest/heads.py pairs them), when the page sets two or more
    of them or the slogan is quoted or dashed; a box's title ('相关新闻') is none."""
    from reportgen.ingest.heads import tagline_shaped

    pairs = []
    for label, line, text in zip(blocks, blocks[1:], blocks[2:], strict=False):
        heads = label.kind == line.kind == "heading" and label.level >= line.level
        if heads and text.kind == "para" and width(label.text) <= 30:
            boxed = patterns.kind(label.text) or patterns.RELATED.match(label.text)
            if tagline_shaped(label, line) and not boxed:
                pairs.append((label, line))
    marked = [(a, b) for a, b in pairs if re.match(r"^[“「『\"'‘—–-]", b.text)]
    return {id(a) for a, _ in (pairs if len(pairs) >= 2 else marked)}


def _title(doc) -> tuple[str, object | None]:
    """The page's headline and its h1 (the one matching the <title> if several), else the
    <title> less the site name (with the first h1, to find the title area by)."""
    named = [
        clean_text(v) for v in doc.xpath("//meta[@property='og:title']/@content|//title/text()")
    ]
    named = [n for n in named if n]
    heads = [(clean_text(h.text_content()), h) for h in doc.iter("h1")]
    heads = [(t, h) for t, h in heads if t]
    for text, h1 in [(t, h) for t, h in heads if _site_only(t, named)]:
        heads.remove((text, h1))
        h1.drop_tree()  # the site's name set as an h1 ('…orders jump - Site News' over it)
    for text, h1 in heads:
        if any(same_title(text, n) for n in named):
            return text, h1
    title = _shown_title(doc, named[0]) if named else ""
    if heads:  # no h1 is the page's title: the title is the evidence (reportgen/ingest/load.py)
        return (title or heads[0][0]), heads[0][1]
    return title, None


_TITLE_PARTS = re.compile(r"\s+[-–—|·:]{1,2}\s+|\s*[|_｜]\s*")


def _shown_title(doc, title: str) -> str:
    """The page title less the site's name: the longest run of its parts the page shows as a
    line of its own (the site's name may stand before it: '某某财经 - 县域经济稳中向好'; a
    headline may hold a separator: 'Covid-19 - what we know | Site'), else the title less the
    parts after its first ('…_财经频道_某某网')."""
    cuts = [(m.start(), m.end()) for m in _TITLE_PARTS.finditer(title)][:6]
    if cuts:
        starts, ends = [0] + [e for _, e in cuts], [s for s, _ in cuts] + [len(title)]
        parts = {title[a:b] for a in starts for b in ends if b - a >= 4}  # (runs of parts)
        shown = {clean_text(el.text_content()) for el in doc.xpath("//body//*[not(*)]")}
        part = max(parts & shown, key=len, default="")  # (the longest: not the logo's)
        if part:
            return part
    return _without_site(title)


def _site_only(text: str, named: list[str]) -> bool:
    """The text is only in the site-name part of a page title ('Orders jump - Site News')."""
    return any(text in n and text not in _without_site(n) for n in named)


def _without_site(title: str) -> str:
    """A page title less the site and channel names after it ('…_新闻频道_某某网')."""
    for _ in range(3):
        shorter = _TITLE_SUFFIX.sub("", title)
        if shorter == title or len(shorter) < 4:
            return title
        title = shorter
    return title


def _byline(doc) -> str:
    """The byline shown on the page (an author/byline element), else the author metadata."""
    for el in doc.xpath("//body//*[@class or @id or @itemprop or @rel]"):
        attrs = " ".join(el.get(a, "") for a in ("class", "id", "itemprop", "rel"))
        if el.tag in DROP_TAGS or not BYLINE_CLASS.search(attrs) or in_clutter(el):
            continue
        text = clean_text(_inline(el))
        if text and width(text) <= 40 and not listed(el) and not patterns.credit(text):
            return text  # (an 'author' element holding the editor's credit names no writer)
    metas = (
        "//meta[@name='author']/@content",
        "//meta[@name='author']/@value",
        "//meta[@property='article:author']/@content",
        "//meta[@name='byline']/@content",
    )
    for xpath in metas:
        for value in doc.xpath(xpath):
            text = clean_text(value)
            if text and "://" not in text:
                return text
    return _json_ld_author(doc)


_PUBLISHED_META = {
    "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
    "publish_date", "date", "dc.date.issued", "dcterms.issued", "dc.date", "parsely-pub-date",
    "sailthru.date", "article.published", "publication_date", "citation_publication_date",
}  # fmt: skip


_TIME_CLASS = re.compile(r"(?:^|[-_\s])(?:\w*time|\w*date|pub\w*|publish\w*)(?:[-_\s]|$)", re.I)


def _published(doc) -> str:
    """The publication date the page shows in a time or date element (the first one, not in a
    list of other stories), as written; else the date its metadata gives (its day), else ''."""
    from reportgen.ingest.dates import DATE, meta_date

    for el in doc.xpath("//body//*[@class or @id or @datetime]"):
        line = clean_text(el.getparent().text_content()) if el.tag == "time" else ""
        dateline = width(line) <= 40 and not ends_sentence(line)  # (no date in a sentence)
        stamp = meta_date(el.get("datetime")) if line and dateline else ""
        if stamp and not listed(el) and not in_clutter(el):
            return stamp  # <time datetime="2023-05-02T15:04:00Z">3 hours ago</time>
        if not _TIME_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            continue
        if el.tag in CODE_TAGS or listed(el):
            continue
        text = clean_text(el.text_content())
        match = DATE.search(text) if width(text) <= 60 else None
        if match and not in_clutter(el):
            return meta_date(match.group(0))

    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = meta.get("content") or meta.get("value") or ""
        if key in _PUBLISHED_META and (date := meta_date(value)):
            return date
    for script in doc.xpath("//script[@type='application/ld+json']/text()"):
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script)
        if match and (date := meta_date(match.group(1))):
            return date
    return ""


def _json_ld_author(doc) -> str:
    for script in doc.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            author = item.get("author") if isinstance(item, dict) else None
            authors = author if isinstance(author, list) else [author] if author else []
            names = [a.get("name", "") if isinstance(a, dict) else str(a) for a in authors]
            if any(names):
                return " ".join(n for n in names if n)
    return ""


def _main_content(doc) -> list:
    """The article's elements as chosen by readability (text density scoring), mapped back to
    the page so that figures and tables its own cleaning drops are kept; the whole remaining
    body when the choice holds less than half of the text left after clutter removal."""
    from readability import Document

    body = doc.find("body")
    body = doc if body is None else body
    nodes = {}
    for i, el in enumerate(doc.iter()):
        if isinstance(el.tag, str):
            el.set(_MARK, str(i))
            nodes[str(i)] = el
    try:
        summary = Document(lhtml.tostring(doc, encoding="unicode")).summary(html_partial=True)
        chosen = lhtml.fragment_fromstring(summary, create_parent="div")
    except Exception:  # noqa: BLE001 - any failure of the heuristic falls back to the body
        return [body]
    while len(chosen) == 1 and chosen[0].get(_MARK) is None:
        chosen = chosen[0]
    picked = [nodes[c.get(_MARK)] for c in chosen if c.get(_MARK) in nodes]
    kept = sum(len(clean_text(el.text_content())) for el in picked)
    if not picked or kept < 0.5 * len(clean_text(body.text_content())):
        return [body]
    return picked


class _Walker:
    """Blocks in document order: leaf block elements whole, loose inline text between blocks
    joined; a short line after an image-only block is that image's caption."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.bold: set[int] = set()
        self.buffer: list[str] = []
        self.after_image = False
        self.in_caption = False
        self.linked = 0

    def flush(self) -> None:
        raw = "".join(self.buffer)
        text = clean_text(raw)
        linked, self.linked = self.linked, 0
        self.buffer.clear()
        if text and (self.in_caption or not _mostly_links(linked, raw)):
            self.add(Block("para", text))

    def add(self, block: Block) -> None:
        short = width(block.text) <= _CAPTION_WIDTH
        if block.kind == "para" and short and (self.after_image or self.in_caption):
            block.kind = "caption"
        self.after_image = False
        self.blocks.append(block)

    def visit(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if self.is_leaf(el, tag):
            self.flush()
            self.leaf(el, tag)
        elif tag in _BLOCK or _has_block(el):
            self.flush()
            outer, self.in_caption = self.in_caption, self.in_caption or _is_caption(el)
            self.buffer.append(el.text or "")
            for child in el:
                self.visit(child)
                self.buffer.append(child.tail or "")
            self.flush()
            self.in_caption = outer
        elif tag == "img" and _seen(el) and not "".join(self.buffer).strip():
            self.after_image = True
        elif _linked_image(el) and not "".join(self.buffer).strip():
            self.after_image = True  # a picture inside a link (a video's poster frame)
        elif tag:
            piece = _inline(el)
            if len(self.buffer) >= 2 and not self.buffer[-1] and _run_on(self.buffer[-2], piece):
                piece = " " + piece  # ('<span>Jane Doe</span><span>Staff writer</span>')
            self.buffer.append(piece)
            self.linked += _link_chars(el)

    @staticmethod
    def is_leaf(el, tag: str) -> bool:
        """Read whole: data tables, and paragraph-like elements holding no block elements."""
        if tag == "table":
            return _data_table(el)
        return bool(tag) and (tag in _LEAF or _is_caption(el)) and not _has_block(el)

    def leaf(self, el, tag: str) -> None:
        if tag == "table":
            for block in _table_blocks(el):
                self.add(block)
            return
        text = clean_text(el.text_content())
        if tag in _HEADING:  # (a heading classed as the summary is one: its subtitle)
            summary = "em" if _dek(el) else ""
            self.add(Block("heading", text, _HEADING[tag], marked=True, emphasis=summary))
            return
        if not text and el.find(".//img") is not None:
            self.after_image = True
            return
        explicit = tag in ("figcaption", "caption") or _is_caption(el) or self.in_caption
        if not explicit and _mostly_links(_link_chars(el), el.text_content()):
            return
        self.after_image = self.after_image or _image_first(el)  # <p><img><br>its caption</p>
        for piece in _split_breaks(el):
            block = Block("caption" if explicit else "para", piece, item=tag == "li")
            self.add(block)
            if _bold_only(el, piece):
                self.bold.add(id(block))
            elif _dek(el):
                block.emphasis = "em"


def _image_first(el) -> bool:
    """A picture a reader sees, then a line break, before any of the element's text (an icon
    set inline with its paragraph's words is no picture with a caption)."""
    if (el.text or "").strip():
        return False
    pictured = False
    for node in el.iterdescendants():
        if node.tag == "img":
            pictured = pictured or _seen(node)
        elif node.tag == "br":
            return pictured
        if (node.text or "").strip() or (node.tail or "").strip():
            return False
    return False


def _seen(img) -> bool:
    """A picture a reader sees: not hidden, not a 0- or 1-pixel tracker."""
    style = re.sub(r"\s", "", img.get("style", "")).lower()
    sizes = [img.get("width", ""), img.get("height", "")] + re.findall(r"[wh]\w+:(\d+)px", style)
    return "display:none" not in style and not any(v.strip() in ("0", "1") for v in sizes)


def _linked_image(el) -> bool:
    """An inline element (a link) holding an image and no text."""
    return el.find(".//img") is not None and not clean_text(el.text_content())


def _link_chars(el) -> int:
    return sum(len(re.sub(r"\s", "", a.text_content())) for a in el.iter("a"))


def _mostly_links(linked: int, text: str) -> bool:
    """Text that is nearly all link text (menus, 'read more', related lists) is no article."""
    return linked > 0 and linked >= 0.8 * len(re.sub(r"\s", "", text))


def _data_table(table) -> bool:
    """A table of data (rows of short cells), not one used to lay out a whole page."""
    if table.xpath(".//table|.//h1|.//h2|.//h3|.//article|.//section"):
        return False
    cells = table.xpath(".//td|.//th")
    return all(width(clean_text(c.text_content())) <= 80 for c in cells)


def _has_block(el) -> bool:
    return any(isinstance(d.tag, str) and d.tag in _BLOCK - {"br"} for d in el.iterdescendants())


def _is_caption(el) -> bool:
    attrs = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(_CAPTION_CLASS.search(attrs)) and width(clean_text(el.text_content())) <= 120


def _bold_only(el, text: str) -> bool:
    """A short unpunctuated paragraph set wholly in bold: a subheading on many CMS pages."""
    bold = "".join(b.text_content() for b in el.iter(*_BOLD))
    return (
        width(text) <= 40
        and not ends_sentence(text)
        and clean_text(bold) == clean_text(el.text_content())
    )


def _dek(el) -> bool:
    """A summary paragraph: classed as one (dek, standfirst, summary...) or set in italics."""
    if _DEK_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return True
    italic = "".join(i.text_content() for i in el.iter("em", "i"))
    return bool(italic.strip()) and clean_text(italic) == clean_text(el.text_content())


def _split_breaks(el) -> list[str]:
    """A leaf's text, split into paragraphs at <br> (CMS pages separate paragraphs with it)."""
    parts = [""]

    def visit(node) -> None:
        if node.tag == "br":
            parts.append("")
        elif isinstance(node.tag, str):
            parts[-1] += node.text or ""
            for child in node:
                before = child.getprevious()
                if before is not None and not before.tail and _run_on(parts[-1], _inline(child)):
                    parts[-1] += " "
                visit(child)
                parts[-1] += child.tail or ""

    visit(el)
    return [t for t in (clean_text(p) for p in parts) if t]


def _inline(el) -> str:
    """An element's text, a space put between inline elements that run two words together
    ('<span>Jane Doe</span><span>Staff writer</span>': a page's style sets them apart)."""
    text = el.text or ""
    for child in el:
        piece = _inline(child) if isinstance(child.tag, str) else ""
        before = child.getprevious()
        text += " " if before is not None and not before.tail and _run_on(text, piece) else ""
        text += piece + (child.tail or "")
    return text


def _run_on(text: str, after: str) -> bool:
    """A word ends and a capitalised one begins with nothing between them (Latin letters)."""
    return bool(re.search(r"[a-z0-9.]$", text)) and bool(re.match(r"[A-Z]", after))


def _table_blocks(table) -> list[Block]:
    """A data table's rows, each a paragraph; a table that sets a picture and a line or two
    under it (old pages lay pictures out so) gives those lines as the picture's captions."""
    blocks = [Block("caption", clean_text(c.text_content())) for c in table.iter("caption")]
    rows = []
    for row in table.iter("tr"):
        cells = [clean_text(c.text_content()) for c in row if c.tag in ("td", "th")]
        if any(cells):
            rows.append(" | ".join(c for c in cells if c))
    pictured = any(_seen(img) for img in table.iter("img")) and len(rows) <= 2
    kind = "caption" if pictured and all(width(r) <= _CAPTION_WIDTH for r in rows) else "para"
    return blocks + [Block(kind, row) for row in rows]
