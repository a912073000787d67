"""The segmenter: jieba's tags from a compact cached dictionary, words on their boundaries."""

from __future__ import annotations

from pathlib import Path

from reportgen.extract import segment


def test_names_places_and_bodies_are_tagged() -> None:
    pairs = dict(segment.words("中国银行研究院高级研究员梁婧表示浙江增长"))
    assert pairs["梁婧"] in segment.PERSON
    assert pairs["浙江"] in segment.PLACE
    assert pairs["中国银行"] in segment.ORG


def test_boundaries_fall_between_words() -> None:
    text = "对浙江来说"
    cuts = segment.boundaries(text)
    assert {0, len(text)} <= cuts
    assert text.index("来说") in cuts and text.index("说") not in cuts


def test_compact_dictionary_is_cached(tmp_path, monkeypatch) -> None:
    import jieba

    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    full = Path(jieba.__file__).with_name("dict.txt")
    target = segment._compact_path(full)
    first = segment._compact_dictionary(full, target)
    assert first == target and first.parent == tmp_path / "jieba"
    assert len(first.read_text(encoding="utf-8").splitlines()) == segment.WORDS
    mtime = first.stat().st_mtime_ns
    assert segment._compact_dictionary(full, target) == first
    assert first.stat().st_mtime_ns == mtime


def test_a_slow_first_use_says_what_it_is_doing(tmp_path, monkeypatch) -> None:
    """Only the first use (no jieba cache beside the word list yet) is announced."""
    from reportgen import notices

    announced: list[str] = []
    monkeypatch.setattr(notices, "announced", lambda what, **_: announced.append(what) or _Null())
    small = tmp_path / "dict.txt"
    segment._first_use(small)
    small.with_suffix(".cache").write_bytes(b"")
    segment._first_use(small)
    assert announced == [segment.FIRST_USE]


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_cities_jieba_tags_as_common_words_are_places() -> None:
    """大连 is an adverb and 合肥 a noun in jieba's dictionary; both are cities."""
    for city in ("大连", "合肥", "嘉兴"):
        assert dict(segment.words(f"{city}经济增长")).get(city) in segment.PLACE, city
