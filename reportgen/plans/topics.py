"""Topic slides of an article without sections: a slide per paragraph, titled with the key
clause of its opening sentence over its other sentences as short bullets (plans.deck's
``lead_slides``)."""

from __future__ import annotations

import re

from reportgen.ingest.sentences import SENTENCE_IN_LINE as _SENTENCE_IN_LINE
from reportgen.ingest.sentences import protect, unprotect
from reportgen.plans.bullets import bullets, chrome, clean, main_clause, trim_opening, weak
from reportgen.plans.deck import _OPENING_QUOTES, _unpunctuated

# Longest topic slide title (characters): about two lines of a title at its smallest size.
TITLE_MAX = {"zh": 30, "en": 110}


def topic_title(sentence: str, language: str) -> tuple[str, str]:
    """(title, rest): a paragraph's opening sentence as a slide title, trimmed of its dateline
    or connective and of its closing mark, cut at a clause boundary to its main clause (in
    Chinese at the first that stands; in English when longer than TITLE_MAX); ("", "") when it is a
    question, a bare transition or too long with no clause to cut at."""
    text = trim_opening(clean(sentence), language)
    if weak(text, language) or text[:1] in _OPENING_QUOTES or chrome(sentence):
        return "", ""
    longest = TITLE_MAX.get(language, 90)
    # a Chinese title is the sentence's first clause that stands (its rest opens the bullets);
    # an English one is cut only when too long (its rest, a relative clause, is no bullet)
    head, rest = main_clause(
        text, language, min(longest, len(text) - 1) if language == "zh" else longest
    )
    head = _unpunctuated(head)
    return (head, rest) if len(head) <= longest else ("", "")


def topic_slides(paragraphs, language: str, most: int = 6, per: int = 3) -> list[dict]:
    """Topic slides of an article without sections: one per paragraph, in article order, titled
    with the key clause of its opening sentence (``topic_title``; of its second when the
    opening is too long to be one) over its other sentences as short bullets (at most ``per``;
    in Chinese the rest of the cut sentence in its place, the notes reading it whole). A
    paragraph whose opening gives no title, or of one sentence, is a bullet of one slide of
    such points (at most LOOSE_MOST), titled "" (the plan names it). Paragraphs opening with a
    quote are left to the quote slides. No slide holds one short line (plans.deck._short). At
    most ``most`` slides: the brief keeps every paragraph."""
    out: list[dict] = []
    for para in paragraphs:
        sentences = [x for x in _sentences(para.text) if _speakable(x, language)]
        if not sentences or sentences[0][0] in _OPENING_QUOTES:
            continue
        title, rest = topic_title(sentences[0], language)
        at = 0
        if not title and len(sentences) > 2:  # an opening too long to title: the next may
            title, rest = topic_title(sentences[1], language)
            at = 1 if title else 0
        # an English rest opens on a relative word or conjunction (", which…"): no bullet alone
        rest = [rest] if rest and language == "zh" else []
        others = [*sentences[:at], *rest, *sentences[at + 1 :]]
        others = [x for x in others if x[0] not in _OPENING_QUOTES]
        # one sentence: a slide of its own when the rest of it says enough to be a bullet
        items = []
        if title and (len(sentences) > 1 or len("".join(rest)) >= TOPIC_REST_FEWEST):
            items = bullets(_heads(others), language)[:per]
        lines = [next((x for x in sentences if not weak(x, language)), "")]  # past a transition
        if len(items) == 1 and _short(items[0], language):
            items, lines = [], sentences  # a title over one short line: both loose points
        if items:
            if len(out) >= most:
                break
            if rest and items[0]["head"] == bullets(_heads(rest), language)[0]["head"]:
                items[0]["note"] = sentences[at]  # the notes read the titled sentence whole
            out.append({"title": title, "items": items})
            continue
        # no title of its own, or one line: its opening sentence is a bullet of the one slide
        # of such points (never under another paragraph's title, which it is not about)
        loose = next((t for t in out if not t["title"]), None)
        if loose is None:
            if len(out) >= most:
                break
            loose = {"title": "", "items": []}
            out.append(loose)
        for line in lines:
            if len(loose["items"]) < LOOSE_MOST and line and line[0] not in _OPENING_QUOTES:
                loose["items"] += bullets(_heads([line]), language)
    # no slide of one short line: it is left to the brief
    return [
        t
        for t in out
        if t["items"] and not (len(t["items"]) == 1 and _short(t["items"][0], language))
    ]


def _short(item: dict, language: str) -> bool:
    from reportgen.plans.deck import _short as short

    return short(item, language)


TOPIC_REST_FEWEST = 20  # characters of the rest of a one-sentence paragraph's titled sentence
LOOSE_MOST = 5  # points on the slide of paragraphs that give no topic slide of their own


def _sentences(text: str) -> list[str]:
    """The sentences of a paragraph, ended by Chinese or English marks (a period only before a
    space, never in an abbreviation), as ``sentence_at`` reads them; a quote of several
    sentences stays one, with the short attribution after it (“…。…。”站长说。), and an
    English clause after a semicolon (one opening in lower case) stays with its sentence."""
    line = protect(" ".join(text.split("\n")))
    out: list[str] = []
    for m in _SENTENCE_IN_LINE.finditer(line):
        x = unprotect(m.group(0)).strip()
        if not x:
            continue
        if out and (_open_quotes(out[-1]) or _attribution(out[-1], x) or x[0].islower()):
            out[-1] = f"{out[-1]}{x}" if _CJK.search(x[:1]) else f"{out[-1]} {x}"
        else:
            out.append(x)
    return out


_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_SAYS = re.compile(r"(?:说|表示|介绍|指出|称|强调|透露|坦言|告诉记者)[。.]?$")


def _open_quotes(text: str) -> bool:
    """Whether ``text`` opens a quote it does not close."""
    opened = sum(text.count(c) for c in "“「『") - sum(text.count(c) for c in "”」』")
    return opened > 0 or text.count('"') % 2 == 1


def _attribution(before: str, text: str) -> bool:
    """Whether ``text`` only says who spoke the quote ``before`` closes on (站长左廷介绍。)."""
    return before.rstrip()[-1:] in '”」』"' and len(text) <= 24 and bool(_SAYS.search(text))


def _speakable(sentence: str, language: str) -> bool:
    """Whether a sentence may be a title or a bullet at all: no table flattened into a line
    (plans.bullets) and no run-on longer than a point holds (plans.deck.LONGEST): those are
    left to the brief, never cut with an ellipsis."""
    from reportgen.plans.bullets import table
    from reportgen.plans.deck import LONGEST

    return not table(sentence) and len(sentence) <= LONGEST.get(language, 220)


def _heads(sentences: list[str]) -> list[dict]:
    return [{"head": x, "body": ""} for x in sentences]
