"""Sentences: the one home of every sentence rule (extract, plans and verify import from here).

Common ground: Chinese sentences end at 。！？!?；; (and …… / …), closing quotes stay with the
sentence they close, an ASCII period inside a number (12.5) never ends one, and neither does the
period of an abbreviation or an initial (U.S., N. Mississippi Ave., 9 p.m., John W. Houston):
``protect`` hides those periods behind a stand-in of the same length before any cut.

The uses still differ in detail, and each is kept exactly as the outputs were recorded with
(changing one changes documents; see tests/output_hashes.py):

- ``spans`` / ``SentenceIndex``: the canonical text cut into sentence spans (a line break ends a
  sentence; a period ends one only before a space): what facts and quotes cite.
- ``paragraph_sentences``: a paragraph cut into sentences for the brief (an English period ends
  a sentence only before a capital, a quote or a bracket: "U.S. firms" is one sentence).
- ``SENTENCE_IN_LINE`` / ``FIRST_IN_TEXT``: the deck's sentence around a span within its line,
  and the first sentence of a text.
- ``LEAD_ZH`` / ``LEAD_EN``: a short sentence that opens and heads a paragraph (a point).
- ``SPLIT_FOR_SEARCH``: verify's looser cut of the source, to find the sentence a figure's
  words come from.
"""

from __future__ import annotations

import bisect
import re

# spans / SentenceIndex (extract: facts and quotes)
_END = re.compile(r"(?:[。！？!?；;]|……|…)[”’」』）)]*|\.[”’\"')]*(?=\s|$)|\n")
# paragraph_sentences (plans: the brief)
_PARAGRAPH_ZH = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』）》\"']*|$)")
_PARAGRAPH_EN = re.compile(r".+?(?:[.!?]+[\"'”’)]*(?=\s+[A-Z\"“(])|$)", re.S)
# plans: the deck
SENTENCE_IN_LINE = re.compile(r"[^\n]+?(?:[。！？!?；;]+[”’」』）)\"]*|\.[”’)\"]*(?=\s)|$)")
FIRST_IN_TEXT = re.compile(r".+?(?:[。！？!?；;]+[”’」』）)]*|$)", re.S)
CLOSING_QUOTES = ("”", "’", "」", "』")
# extract: the lead sentence of a paragraph
LEAD_ZH = re.compile(
    r"^(?P<s>[^。！？!?“”\"]{1,40}?(?:“[^”]{1,10}”[^。！？!?“”]{0,30}?)*[。！？!?])"
)
LEAD_EN = re.compile(r"^(?P<s>[^.!?\"“”]{2,120}?[.!?])\s")
# verify: the source cut for searching
SPLIT_FOR_SEARCH = re.compile(r"(?<=[。！？!?])|\n|(?<=[.?!])\s+(?=[A-Z\"“])")


# Periods that end no sentence (U.S., Gov., J., Ave., p.m.); the stand-in has the same length,
# so offsets found in the protected text are those of the text.
_ABBREVIATION = re.compile(
    r"\b(?:U\.S|U\.K|U\.N|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|St|Inc|Co|Corp|Ltd|Jr|Sr|Lt|Gen|Col|Sgt|Prof|"
    r"Dept|No|Nos|Ave|Blvd|Rd|Mt|Ft|vs|etc|approx|e\.g|i\.e|a\.m|p\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sept|Sep|Oct|Nov|Dec|[A-Z])\.(?=\s*[^\s.])"
)
DOT = "\u2024"


# The period of a list item's number ("1. Norway") ends no sentence either.
_LIST_NUMBER = re.compile(r"(?m)^(\s*\d{1,3})\.(?=[ \t]+\S)")


def protect(text: str) -> str:
    """``text`` with the periods of abbreviations, initials and list numbers replaced by
    ``DOT``."""
    if "." not in text:
        return text
    text = _LIST_NUMBER.sub(lambda m: m.group(1) + DOT, text)
    return _ABBREVIATION.sub(lambda m: m.group(0).replace(".", DOT), text)


def unprotect(text: str) -> str:
    """``text`` with ``protect``'s stand-ins back as periods."""
    return text.replace(DOT, ".")


def spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the canonical text (Chinese and English punctuation, never 12.5)."""
    found = []
    start = 0
    for m in _END.finditer(protect(text)):
        end = m.end() if m.group() != "\n" else m.start()
        if text[start:end].strip():
            found.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        found.append(_trim(text, start, len(text)))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentenceIndex:
    """Find the sentence around a character offset in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = spans(text)
        self.starts = [s for s, _ in self.spans]

    def around(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.spans[i] if self.spans else (0, len(self.text))


def paragraph_sentences(text: str, language: str) -> list[str]:
    """Split a paragraph into sentences (Chinese ends keep closing quotes; 12.5 is not an end)."""
    if language == "zh":
        return [s.strip() for s in _PARAGRAPH_ZH.findall(text) if s.strip()]
    return [unprotect(s.strip()) for s in _PARAGRAPH_EN.findall(protect(text)) if s.strip()]
