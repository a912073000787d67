"""Page clutter: what a web page sets around its article (scripts, menus, share bars, comments,
related lists), found by tag, class and role and dropped before the article is read; never an
element holding the headline or most of the page's text. Also whether an element sits in such
clutter or in a list of other stories (their writers and dates are not the article's)."""

from __future__ import annotations

import re

from lxml import etree

from reportgen.ingest.blocks import width
from reportgen.ingest.load import clean_text

CODE_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "canvas",
    "button", "select", "input", "textarea",
)  # fmt: skip
DROP_TAGS = (*CODE_TAGS, "nav", "aside", "footer", "form", "dialog", "menu")
_CLUTTER = re.compile(
    r"(?:^|[-_\s])(?:share|sharing|social|comments?|replies|related|recommend(?:ed|s)?"
    r"|read-?more|breadcrumbs?|crumbs?|nav|navbar|navigation|menu|sidebar|footer|copyright"
    r"|advert\w*|ads?|banner|sponsor\w*|subscribe|newsletter|toolbar|pager|pagination"
    r"|popup|modal|cookies?|login|signup|qrcode|hot-?news|more-?news|tags?)(?:[-_\s]|$)",
    re.IGNORECASE,
)
_CLUTTER_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
BYLINE_CLASS = re.compile(r"byline|author(?!i[sz]|it)|writer|reporter", re.I)  # not authorized


def strip_clutter(doc) -> None:
    """Drop scripts, navigation, share bars, comments and related lists, but never the article."""
    for el in list(doc.iter(etree.Comment, etree.ProcessingInstruction)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(doc.iter(*CODE_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    total = len(doc.text_content()) or 1
    for el in list(doc.iter(*DROP_TAGS)):
        if el.getparent() is not None and not _holds_article(el, total):
            el.drop_tree()
    for el in list(doc.xpath("//body//*[@class or @id or @role]")):
        if el.getparent() is None or el.tag in ("body", "main", "article"):
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        cluttered = _CLUTTER.search(attrs) or el.get("role", "") in _CLUTTER_ROLES
        if cluttered and not BYLINE_CLASS.search(attrs) and not _holds_article(el, total):
            el.drop_tree()
    for el in list(doc.iter("header")):
        if el.getparent() is not None and not el.xpath(".//h1|.//h2"):
            el.drop_tree()


def _holds_article(el, total: int) -> bool:
    """An element holding the headline or a large share of the page's text is never clutter."""
    return bool(el.xpath(".//h1")) or len(el.text_content()) > 0.4 * total


def listed(el) -> bool:
    """Inside a link, or an item of a list of other stories (a list item that links a title):
    those stories' writers and dates, not the article's."""
    for anc in el.iterancestors():
        if anc.tag == "a":
            return True
        if anc.tag == "li":
            titles = [a for a in anc.iter("a") if width(clean_text(a.text_content())) > 10]
            return any(el not in a.iterdescendants() for a in titles)
    return False


def in_clutter(el) -> bool:
    """The element is clutter, or sits in some (a dropped tag, a clutter class)."""
    for anc in el.iterancestors():
        attrs = f"{anc.get('class', '')} {anc.get('id', '')}"
        if anc.tag in DROP_TAGS or (_CLUTTER.search(attrs) and not BYLINE_CLASS.search(attrs)):
            return True
    attrs = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(_CLUTTER.search(attrs))
