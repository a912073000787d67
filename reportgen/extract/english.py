"""English figures' subjects: the proper names (capitalised runs) of their sentence."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reportgen.ingest.numbers import EN_SCALES

# A run of capitalised words on one line (a name never runs over a line break: a heading's
# last word and the next line's first are two names).
_EN_PROPER = re.compile(r"\b(?:[A-Z][a-zA-Z.&'’-]+(?:[ \t]+(?:of[ \t]+)?[A-Z][a-zA-Z.&'’-]+)*)")
_EN_SKIP = {"The", "This", "That", "In", "It", "A", "An", "But", "And", "For", "On", "At", "By",
            "He", "She", "They", "We", "I", "Our", "Its", "His", "Her", "As", "If", "While",
            "With", "From", "After", "Before", "Since", "About", "More", "Over", "Some", "Nearly",
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "There", "Here", "These", "Those",
            "Both", "Each", "Every", "All", "Any", "Many", "Most", "Other", "Another", "Such",
            "Further", "Also", "However", "Today", "Yesterday", "Last", "Next", "Current",
            "Total", "See", "Only", "Even", "Now", "Then", "So", "Because", "When", "Where",
            "What", "Which", "Who", "How", "Why", "You", "Your", "My", "Their", "I’m", "I'm",
            "Generally", "Instead", "Though", "Although", "Whether", "To", "Under", "Up",
            "FY", "Table", "Figure", "Chart", "Exhibit", "Source", "Note", "Item"}  # fmt: skip


# Titles and forms of address: alone they name nobody ("the Minister said", "Ladies and
# gentlemen"); with a name they are part of it (Finance Minister Nicola Willis).
_TITLES = frozenset(
    {"Minister", "President", "Secretary", "Governor", "Mayor", "Chairman", "Chair", "Director",
     "Senator", "Mr", "Mrs", "Ms", "Dr", "Ladies", "Gentlemen", "Sir", "Madam", "Premier"}
)  # fmt: skip


def _en_names(text: str, common: frozenset[str] = frozenset()) -> list[str]:
    """The names in ``text``: runs of capitalised words, without the words that open sentences
    (The, In…); a lone word capitalised only by its place (opening a sentence or bullet, after
    an ordinal) is no name when the article writes it in lower case too (``common``: Funding
    for…, • Tuition: …, 21st Century)."""
    out = []
    for m in _EN_PROPER.finditer(text):
        name = m.group(0).removesuffix("’s").removesuffix("'s").rstrip("’'")
        name = _before_full_stop(name)
        words = [w for w in name.split() if w not in _EN_SKIP]
        if not words:
            continue
        if len(words) == 1 and _capital_by_position(text, m.start(), words[0], common):
            continue
        if len(words) == 1 and words[0] in _TITLES:
            continue  # "the Minister", "Mr President": a title alone names nobody
        out.append(" ".join(words))
    return out


def _capital_by_position(text: str, at: int, word: str, common: frozenset[str]) -> bool:
    before = text[max(0, at - 8) : at].rstrip(" *")
    if re.search(r"\d(?:st|nd|rd|th)$", before):
        return True
    opening = not before or before[-1] in ".!?:•\n“\"‘'-–—"
    return opening and word.lower() in common


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case (common words, not names)."""
    return frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", text))


def _before_full_stop(name: str) -> str:
    """A name ends at a sentence's full stop (Chicago. The -> Chicago), not at an initial
    (U.S. Treasury)."""
    parts = name.split()
    for i, part in enumerate(parts):
        if part.endswith(".") and part.count(".") == 1 and len(part) > 2:
            return " ".join([*parts[:i], part[:-1]])
    return name


def main_subject_en(headline: str, lead: str) -> str:
    """The name the headline and lead use most; a headline in Title Case names nothing by its
    capitals (every word has one), so only the lead counts then."""
    if _title_case(headline):
        headline = ""
    opening = (headline + "\n" + lead)[:1500]
    counts = Counter(_en_names(opening, _lower_words(opening)))
    return counts.most_common(1)[0][0] if counts else ""


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def bind_en(text: str, start: int, end: int, sentence_start: int, main: str) -> str:
    """The subject of the English figure at [start, end): whom money goes to, when the words
    after it say (… $2 billion on KiwiBuild, $31.7 million into the tertiary education sector),
    else the last name before it in its sentence, else the article's main subject."""
    recipient = _recipient(text[end : end + 80])
    if recipient:
        return recipient
    names = _en_names(text[sentence_start:start], _lower_words(text))
    return names[-1] if names else main


# Money spent on, put into or set aside for a named or defined recipient ("for the higher
# education institutions", "on KiwiBuild"); not a purpose ("for adjustments to", "for use").
_RECIPIENT = re.compile(
    r"^(?:\s+(?:million|billion|thousand|trillion))?(?:\s+[a-z]+){0,2}?\s+(?:for|on|into)\s+"
    r"(?:(?:the\s+)((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)|((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*))"
    r"(?=\s*(?:[,.;:)]|$|\s(?:and|to|in|of|that|which|who|with|from|by|over|based)\b))"
)


def _recipient(after: str) -> str:
    m = _RECIPIENT.match(after)
    if not m:
        return ""
    name = m.group(1) or m.group(2)
    return "" if name.split()[0] in _EN_SKIP else name


# "a reduction of $30.0", "the current rate of 6.8 percent": the noun before "of" names the
# measure; the nouns after the figure's scale ("$53.1 million cash funds", "$30.0 General
# Fund") say of what.
_NOUN_OF = re.compile(
    r"\b(?:an?|the|its|their)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+of\s+"
    r"(?:up to\s+|about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?$"
)
_OF_WHAT = re.compile(
    r"^(?:\s+(?:million|billion|thousand|trillion))?\s+"
    r"((?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*|[a-z]+\s+(?:funds?|money|spending|revenue|grants?))"
    r"(?=\s+(?:in|for|to|from|of|over|this|next|last)\b|[,.;:)]|$)"
)


def label_en(text: str, start: int, end: int, sentence_start: int) -> str:
    """What the English figure at [start, end) measures when its sentence says it as "a noun of
    <figure>": that noun, after the nouns that follow the figure ("General Fund reduction");
    "" when the sentence does not say it so."""
    m = _NOUN_OF.search(text, max(sentence_start, start - 60), start)
    if not m:
        return _noun_after(text, start, end, sentence_start) or _stated(text, start, sentence_start)
    of_what = _OF_WHAT.match(text[end : end + 60])
    noun = m.group(1)
    if of_what and of_what.group(1).split()[0] not in _EN_SKIP:
        return f"{of_what.group(1)} {noun}"
    return noun


# "a .07% fee on …", "a 15.0 percent reserve": a figure between an article and a noun
# qualifies that noun, which names what it measures.
_A_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:up to\s+|about\s+)?$")
_NOUN_AFTER = re.compile(r"^\s+([a-z][a-z-]+)(?=\s+(?:on|for|in|of|to|from|by)\b|[,.;:]|$)")


def _noun_after(text: str, start: int, end: int, sentence_start: int) -> str:
    if not _A_BEFORE.search(text, max(sentence_start, start - 16), start):
        return ""
    m = _NOUN_AFTER.match(text[end : end + 30])
    return m.group(1) if m and m.group(1) not in _SCALE_WORDS else ""


_SCALE_WORDS = {"million", "billion", "thousand", "trillion", "percent", "per", "cent", "a", "an"}


# "<noun phrase> is projected to be <figure>", "… was about …": the noun phrase the copula
# follows, from its clause's start, names what the figure measures (never the verbs: "projected
# be").
_COPULA = re.compile(
    r"^\s*(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+)?((?:[A-Za-z0-9–-][\w’'.-]*\s+){0,11}?"
    r"[A-Za-z][\w’'-]*)\s+(?:is|are|was|were|will be)"
    r"(?:\s+(?:projected|expected|estimated|forecast|budgeted|set|likely))?(?:\s+(?:to be|at))?"
    r"(?:\s+(?:about|around|nearly|almost|roughly|up to|more than|over|only|just))?\s*$"
)
_NOT_NOUN_PHRASE = {"it", "this", "that", "there", "which", "what", "he", "she", "they", "we"}


def _stated(text: str, start: int, sentence_start: int) -> str:
    """What a figure measures when its clause states it of a noun phrase ("Total tuition
    revenue for the boards is projected to be <figure>"): that phrase, else ""."""
    clause = re.split(r"[,;:()•]", text[max(sentence_start, start - 160) : start])[-1]
    m = _COPULA.match(clause)
    if not m:
        return ""
    phrase = re.sub(r"\s+", " ", m.group(1)).strip()
    if phrase.split()[0].lower() in _NOT_NOUN_PHRASE or re.search(
        r"\b(?:is|are|was|were)\b", phrase
    ):
        return ""
    return phrase


# What an English figure counts (moved from facts: the English half of ``counts``).
_EN_MONEY = {"USD", "EUR", "GBP", "CNY"}
_EN_STOPWORDS = {"last", "this", "next", "in", "of", "for", "and", "the", "a", "an", "to", "from"}
_EN_AFTER = re.compile(r"^\s+(?:in|of|for|worth of)\s+((?:[a-z][a-z-]*\s){0,2}[a-z][a-z-]*)")
# "$19 million for the Harbor Fund": money for a named recipient is labelled by it.
_EN_FOR_NAME = re.compile(r"^\s+for\s+((?:the\s+)?(?:[A-Z][\w'’-]*\s){0,3}[A-Z][\w'’-]*)")


def _en_figure_word(word: str) -> bool:
    """A word holding a figure; a year is none ("5.7% unemployment in March 2013 and 5.2%")."""
    return bool(re.search(r"\d", word)) and not re.fullmatch(r"(?:19|20)\d\d[.,;:]?", word)


_EN_EDGE = {"for", "in", "on", "with", "from", "as", "than", "per", "or"}  # never a label's end
_EN_SCALES = {"thousand", "million", "billion", "trillion", "percent", "per", "cent", "points"}
_EN_NOISE = re.compile(
    r"\b(?:was|were|is|are|reached|rose|fell|grew|increased|decreased|jumped|climbed|to|of|by|at|"
    r"stands|stood|remains|remained|totals|totaled|totalled|amounted|hit|dropped|declined|"
    r"about|over|more than|nearly|almost|some|around|its|their|the|a|an|and|up|down)\b",
    re.I,
)


def counts_en(text: str, q, sentence_start: int) -> str:
    """What an English figure counts: its unit's noun, the words after it naming the money's
    purpose or recipient, else the last words of its clause (another figure's never)."""
    words = q.unit.split()
    if words and words[0].lower() in EN_SCALES:
        words = words[1:]  # "million USD": the scale is no noun
    base = " ".join(words)  # a name counted keeps its words (160,000 New Zealanders)
    base = base.split("/")[0]  # a rate ($10.50 an hour: USD/hour) counts what its money counts
    if base and base not in _EN_MONEY and base not in ("%", "points"):
        return base
    after = _EN_AFTER.match(text[q.end : q.end + 60]) or _EN_FOR_NAME.match(
        text[q.end : q.end + 60]
    )
    if after and base in _EN_MONEY:
        words = after.group(1).split()
        cut = next((i for i, w in enumerate(words) if w in _EN_STOPWORDS), len(words))
        if cut:
            return " ".join(words[:cut])
    clause = re.split(r"[,;:()]", text[sentence_start : q.start])[-1]
    words = clause.split()
    figure = max((i for i, w in enumerate(words) if _en_figure_word(w)), default=-1)
    words = words[figure + 1 :]  # another figure's words never label this one
    if figure >= 0:
        while words and words[0].lower() in _EN_SCALES:
            words = words[1:]  # the rest of that figure ($44 million)
    words = _EN_NOISE.sub(" ", " ".join(w for w in words if not re.search(r"\d", w))).split()
    words = words[-4:]
    while words and words[-1].lower() in _EN_EDGE:
        words.pop()
    while words and words[0].lower() in _EN_EDGE:
        words.pop(0)
    return " ".join(words)
