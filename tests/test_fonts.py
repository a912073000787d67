"""Chart fonts: characters the chain lacks bring in the bundled face that has them."""

from __future__ import annotations

from reportgen.fonts import FontChain, covering, font_chain
from reportgen.theme import load_theme


def _chain() -> FontChain:
    return font_chain(load_theme().fonts)


def test_common_text_keeps_the_chain_as_it_is() -> None:
    chain = _chain()
    assert covering(chain, "规上工业总产值突破3700亿元（R&D 5.25%）— “新”") is chain


def test_hangul_brings_in_noto_sans_kr_after_the_chain() -> None:
    chain = _chain()
    wider = covering(chain, "其中한국甲5亿元")
    assert wider.families == [*chain.families, "Noto Sans KR"]
    assert len(wider.files) == len(chain.files) + 2  # regular and bold instances
    assert wider.choices[-1].script == "extra" and "한" in wider.choices[-1].reason
    assert wider.fingerprint() != chain.fingerprint()  # charts drawn with it get new names


def test_what_no_bundled_face_has_changes_nothing() -> None:
    chain = _chain()
    assert covering(chain, "其中\U0001f600甲") is chain


def test_the_common_ranges_are_drawn_by_the_default_chain() -> None:
    """What `covering` skips without reading a font must really be in the default chain."""
    from reportgen.fonts import _COMMON, _codepoints, _drawn_by

    chain = _chain()
    drawn = frozenset().union(*(_codepoints(p) for p in _drawn_by(chain)))
    lacking = [hex(cp) for lo, hi in _COMMON for cp in range(lo, hi + 1) if cp not in drawn]
    assert lacking == []


def test_what_no_font_draws_is_named() -> None:
    from reportgen.fonts import undrawable

    chain = _chain()
    assert undrawable(chain, "182.6\U0001f300 规上") == {"\U0001f300"}
    assert undrawable(chain, "规上工业 3700亿元") == set()
