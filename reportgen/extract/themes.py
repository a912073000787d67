"""Themes from section headings: the dialectical pair, the tagline and the lead-sentence points."""

from __future__ import annotations

import re

from reportgen.ingest.sentences import LEAD_EN, LEAD_ZH, protect

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、]\s*|[IVX]+\.\s+)"
)
_PAIR_ZH = re.compile(
    r"^(?P<verb>[\u4e00-\u9fff]{0,4}?)\s*[“\"「『](?P<a>[^”\"」』]{1,8})[”\"」』]\s*"
    r"(?:与|和|及|同|对|、)\s*[“\"「『](?P<b>[^”\"」』]{1,8})[”\"」』]\s*[:：,，—\-\s]*(?P<tag>.*)$"
)
_PAIR_EN = re.compile(
    r"^(?P<verb>[A-Z][a-z]+ing)?\s*(?:(?i:between)\s+)?[\"“']?(?P<a>[A-Za-z][\w -]{0,30}?)[\"”']?"
    r"\s+(?:and|vs\.?|versus)\s+[\"“']?(?P<b>[A-Za-z][\w -]{0,30}?)[\"”']?\s*[:—–]\s*(?P<tag>.+)$"
)
_CONNECTIVE = re.compile(
    r"^(?:然而|但是|但|同时|此外|因此|而且|不过|However\b|But\b|Meanwhile\b|Still\b)"
)


def split_heading(heading: str, language: str) -> tuple[str | None, list[str], str]:
    """(verb, pair, tagline) of a heading such as 统筹“稳”与“进” 夯实产业根基."""
    text = _NUMBERING.sub("", heading).strip()
    m = (_PAIR_ZH if language == "zh" else _PAIR_EN).match(text)
    if not m:
        return None, [], _tagline_only(text, language)
    verb = (m.group("verb") or "").strip() or None
    return verb, [m.group("a").strip(), m.group("b").strip()], m.group("tag").strip()


def _tagline_only(text: str, language: str) -> str:
    """The part after a heading's label and its separator (a colon, a run of dashes, a space in
    Chinese); a dash the heading opens with is typography, no separator (——思想领航，… is one
    heading, not an empty label and a tagline '—思想领航，…')."""
    text = text.lstrip("—–－- \u3000")
    separators = r"\s*(?:[:：]|—+)\s*|\s+" if language == "zh" else r"\s*(?:[:]|[—–]+)\s+"
    parts = re.split(separators, text, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 and parts[0] and parts[1].strip() else ""


def lead_sentence(paragraph: str, language: str) -> str | None:
    """The short sentence that opens and heads a paragraph, or None."""
    m = (LEAD_ZH if language == "zh" else LEAD_EN).match(protect(paragraph))
    if not m:
        return None
    sentence = paragraph[: m.end("s")]
    if _CONNECTIVE.match(sentence):
        return None
    limit = 32 if language == "zh" else 90
    rest = paragraph[len(sentence) :].strip()
    if len(sentence) > limit or len(rest) < max(10, len(sentence)):
        return None
    return sentence
