"""Which named entities are shown (a deck's case chips, a brief's "named" line): only names the
plans are sure of. The model keeps every entity extract found; a name shown as a company,
institution or project must be one, so a doubtful one stays in the model.

A Chinese name is sure when it holds a proper part (a word jieba tags as a place, person,
organisation, other proper noun, abbreviation or Latin word: 大连, 世界银行, DCCI) and no
clause words around it: no verb, adverb, time word or pronoun (减持公司, 当前高风险中小银行,
下周…公司), not opening on an adjective or verbal noun (独资医院, 投资某项目). An English name
is sure when each word is capitalized, it does not open on a quantifier (Total General Fund)
and it does not continue a capitalized phrase in the text (Employees' Retirement Association:
a fragment of a longer name).
"""

from __future__ import annotations

import re

# Tags of a proper part (jieba): places, persons, organisations, other proper nouns,
# abbreviations, Latin words.
_PROPER = frozenset({"ns", "nsf", "nr", "nrt", "nrfg", "nt", "nz", "j", "eng"})
# Tags that make a clause of a name: verbs, adverbs, time words, pronouns, prepositions,
# conjunctions, particles (a numeral may be a name's: 浙江兆奕科技).
_CLAUSE = frozenset({"v", "vd", "d", "t", "r", "p", "c", "u", "ul", "uj", "f"})
# Tags a name never opens on: adjectives, distinguishing words, verbal nouns, place words.
_NOT_FIRST = frozenset({"a", "ad", "an", "b", "vn", "s"})
# Words jieba tags as places that are none (上市公司: listed companies).
_NOT_PROPER = frozenset({"上市", "关联"})
# Latin abbreviations of common nouns, no names (IPO项目, ETF产品).
_GENERIC_LATIN = frozenset({"IPO", "ETF", "GDP", "CPI", "PPI", "PMI", "AI", "ESG", "APP", "REITS"})
_EN_QUANTIFIERS = frozenset(
    {"total", "all", "each", "every", "other", "some", "current", "overall", "combined", "net"}
)
_EN_SMALL = frozenset({"of", "and", "for", "the", "on", "in", "at", "&", "de"})
# A capitalized word (or a possessive) right before a name: the name continues a longer one
# (unless the word is one a sentence or a phrase opens with: The, In, By).
_EN_BEFORE = re.compile(r"([A-Za-z][\w.&-]*['’]?)\s+$")
_EN_OPENERS = frozenset(
    {"the", "a", "an", "in", "at", "on", "for", "by", "from", "to", "with", "and", "of", "as"}
    | {"while", "when", "but", "that", "this", "said", "says", "both", "its", "their", "our"}
)


def sure(entity, model) -> bool:
    """Whether ``entity`` may be shown as a named company, institution or project."""
    text = entity.text.strip()
    if not text:
        return False
    if model.language == "zh":
        return _sure_zh(text)
    return _sure_en(text, model.text[max(0, entity.span.start - 40) : entity.span.start])


def _sure_zh(text: str) -> bool:
    from reportgen.extract.segment import words

    pairs = list(words(text))
    if not pairs or pairs[0][1] in _NOT_FIRST:
        return False
    if any(tag in _CLAUSE for _, tag in pairs):
        return False
    return any(
        tag in _PROPER and word not in _NOT_PROPER and word.upper() not in _GENERIC_LATIN
        for word, tag in pairs
    )


def _sure_en(text: str, before: str) -> bool:
    words = text.split()
    if not words or words[0].casefold() in _EN_QUANTIFIERS:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _EN_SMALL for w in words):
        return False
    if before[-1:].isalnum():  # the span does not start at a word boundary
        return False
    m = _EN_BEFORE.search(before)
    if not m:
        return True
    word = m.group(1)
    return not (
        word.endswith(("'", "’")) or (word[0].isupper() and word.casefold() not in _EN_OPENERS)
    )


def sure_entities(model, theme: int) -> list:
    """The entities of section ``theme`` that may be shown, in article order (every one of
    them: the caller keeps each name once)."""
    own = sorted((e for e in model.entities if e.theme == theme), key=lambda e: e.span.start)
    return [e for e in own if sure(e, model)]
