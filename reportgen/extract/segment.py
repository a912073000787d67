"""Chinese words with part-of-speech tags (jieba), loaded lazily from a compact cached dictionary.

jieba's full dictionary (349k words) takes over a second to load in every process; the words an
article's labels and speakers need are the common ones, and the HMM finds names and rare words
without the dictionary. So the first use writes the most frequent words of jieba's own
dictionary (with their tags) to reportgen's cache, keyed by jieba's dictionary hash, and every
later process loads that in about a tenth of a second.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from functools import lru_cache
from pathlib import Path

# Words kept from jieba's dictionary (by frequency): loads in ~0.1 s, keeps the boundaries of
# every common word; rarer words and names are still found by jieba's HMM.
WORDS = 60_000
PERSON = frozenset({"nr", "nrfg", "nrt"})
PLACE = frozenset({"ns", "nsf"})
ORG = frozenset({"nt"})


FIRST_USE = "preparing the Chinese word list (jieba; once per machine)"


@lru_cache(maxsize=1)
def _tokenizer():
    with warnings.catch_warnings():  # jieba imports pkg_resources, deprecated in setuptools
        warnings.simplefilter("ignore")
        import jieba

        jieba.setLogLevel(60)
        full = Path(jieba.__file__).with_name("dict.txt")
        small = _compact_path(full)
        with _first_use(small):
            return _load(jieba, _compact_dictionary(full, small))


def _first_use(small: Path):
    """Say what a first use is doing if it lasts over a second (writing the compact word list
    and jieba's cache of it); later uses say nothing, however slow the machine."""
    import contextlib

    from reportgen.notices import announced

    if small.with_suffix(".cache").exists():
        return contextlib.nullcontext()
    return announced(FIRST_USE)


def _load(jieba, small: Path):
    """A tagger on the compact dictionary ``small``, with the genre words and tag fixes."""
    tokenizer = jieba.Tokenizer(str(small))
    tokenizer.tmp_dir = str(small.parent)
    tokenizer.cache_file = small.with_suffix(".cache").name
    # jieba.posseg builds a tagger for jieba.dt when imported, reading the full dictionary:
    # hand it the compact one instead.
    jieba.dt = tokenizer
    import jieba.posseg

    tagger = jieba.posseg.POSTokenizer(tokenizer)
    for word, tag in _genre_words():
        tokenizer.add_word(word, freq=_GENRE_FREQ, tag=tag)
        tagger.word_tag_tab[word] = tag
    tagger.word_tag_tab.update(_word_list("tag_fixes.txt"))
    return tagger


# Frequent enough to win over the chance words they overlap (区规 in 东城区规上工业).
_GENRE_FREQ = 50_000


def _genre_words() -> list[tuple[str, str]]:
    return _word_list("genre_words.txt")


def _word_list(name: str) -> list[tuple[str, str]]:
    """The (word, tag) rows of a word list shipped beside this module."""
    path = Path(__file__).with_name(name)
    rows = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    return [(r[0], r[1]) for r in rows if len(r) == 2 and not r[0].startswith("#")]


def _compact_path(full: Path) -> Path:
    """Where the compact word list of jieba's dictionary ``full`` is kept (keyed by its hash)."""
    from reportgen.fonts import cache_dir

    key = hashlib.sha256(full.read_bytes()).hexdigest()[:16]
    return cache_dir() / "jieba" / f"dict-{WORDS}-{key}.txt"


def _compact_dictionary(full: Path, target: Path) -> Path:
    """``target``: the most frequent words of ``full`` (written the first time)."""
    if target.exists():
        return target
    raw = full.read_bytes()
    rows = [line.split(" ") for line in raw.decode("utf-8").splitlines() if line.count(" ") == 2]
    rows.sort(key=lambda r: (-int(r[1]), r[0]))
    text = "".join(" ".join(r) + "\n" for r in rows[:WORDS])
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
    return target


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[tuple[str, str], ...]:
    """``text`` cut into (word, tag) pairs with jieba's tags (nr person, ns place, nt org...)."""
    if not text:
        return ()
    return tuple((w.word, w.flag) for w in _tokenizer().cut(text))


def known(word: str) -> bool:
    """``word`` is in the tagger's dictionary (else the segmenter guessed it: a rare word or a
    name)."""
    return bool(_tokenizer().tokenizer.FREQ.get(word))


@lru_cache(maxsize=64)
def starts(text: str) -> tuple[int, ...]:
    """The offset in ``text`` where each of its words starts (kept: every figure of a long
    sentence looks its words up here, by bisection)."""
    out, pos = [], 0
    for word, _ in words(text):
        out.append(pos)
        pos += len(word)
    return tuple(out)


@lru_cache(maxsize=64)
def boundaries(text: str) -> frozenset[int]:
    """The offsets in ``text`` where a word starts or ends (0 and len(text) included)."""
    return frozenset((*starts(text), len(text)))
