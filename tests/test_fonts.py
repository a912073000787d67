"""Chart fonts: characters the chain lacks bring in the bundled face that has them."""

from __future__ import annotations

import pytest

from reportgen.fonts import FontChain, font_chain
from reportgen.fonts_cover import covering
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
    from reportgen.fonts_cover import _COMMON, _codepoints, _drawn_by

    chain = _chain()
    drawn = frozenset().union(*(_codepoints(p) for p in _drawn_by(chain)))
    lacking = [hex(cp) for lo, hi in _COMMON for cp in range(lo, hi + 1) if cp not in drawn]
    assert lacking == []


def test_what_no_font_draws_is_named() -> None:
    from reportgen.fonts_cover import undrawable

    chain = _chain()
    assert undrawable(chain, "182.6\U0001f300 规上") == {"\U0001f300"}
    assert undrawable(chain, "规上工业 3700亿元") == set()


# --- static instances of the bundled variable font --------------------------------------------


def _file_checksum(data: bytes) -> int:
    import struct

    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def test_the_bold_instance_is_a_named_static_font() -> None:
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager

    from reportgen.fonts import bundled_font_path

    path = bundled_font_path(700)
    assert _file_checksum(path.read_bytes()) == 0xB1B0AFBA  # head.checkSumAdjustment is right
    with TTFont(path, lazy=True) as font:
        assert "fvar" not in font and "gvar" not in font
        names = {r.nameID: r.toUnicode() for r in font["name"].names if r.platformID == 3}
        bits = font["head"].macStyle & 1, font["OS/2"].fsSelection & (1 << 5)
    assert (names[1], names[2], names[4], names[6]) == (
        "Noto Sans SC",
        "Bold",
        "Noto Sans SC Bold",
        "NotoSansSC-Bold",
    )
    assert 16 not in names and 17 not in names
    assert all(bits)
    entry = font_manager.ttfFontProperty(font_manager.get_font(str(path)))
    assert (entry.name, entry.weight) == ("Noto Sans SC", 700)


def test_instances_are_made_once_into_the_cache_and_reproducibly(tmp_path, monkeypatch) -> None:
    from reportgen import fonts

    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    fonts.bundled_font_path.cache_clear()
    try:
        made = fonts.bundled_font_path(400)
        assert made.parent == tmp_path / "fonts"
    finally:
        fonts.bundled_font_path.cache_clear()
    again = tmp_path / "again"
    monkeypatch.setenv("REPORTGEN_CACHE", str(again))
    try:
        assert fonts.bundled_font_path(400).read_bytes() == made.read_bytes()
    finally:
        fonts.bundled_font_path.cache_clear()


def test_without_harfbuzz_fonttools_instances_and_says_so(tmp_path, monkeypatch, capsys) -> None:
    import sys

    from reportgen import fonts

    made = fonts.bundled_font_path(400).read_bytes()
    calls = []

    def slow(source, weight):
        calls.append(weight)
        return made

    monkeypatch.setitem(sys.modules, "uharfbuzz", None)
    monkeypatch.setattr(fonts, "_instantiate_fonttools", slow)
    target = tmp_path / "x.ttf"
    fonts._instantiate(fonts.variable_font_path(), 400, target)
    assert calls == [400] and target.read_bytes() == made
    err = capsys.readouterr().err
    assert "making the chart font Noto Sans SC Regular with fontTools" in err
    assert "pip install uharfbuzz" in err


def test_a_slow_one_time_step_says_what_it_does(capsys) -> None:
    import time

    from reportgen.fonts import announced

    with announced("doing something quick", after=5):
        pass
    with announced("doing something slow", after=0.05):
        time.sleep(0.3)
    assert capsys.readouterr().err == "reportgen: doing something slow\n"


def test_a_notifier_takes_the_messages(capsys) -> None:
    from reportgen import fonts

    seen = []
    fonts.set_notifier(seen.append)
    try:
        fonts.notify("making a font")
    finally:
        fonts.set_notifier(None)
    assert seen == ["making a font"] and capsys.readouterr().err == ""


@pytest.mark.slow
def test_harfbuzz_and_fonttools_instances_agree(tmp_path) -> None:
    """Same outlines, overlap flags, advances and kerning as fontTools' instancer, on a small
    variable font cut from the bundled one (instancing the whole font with fontTools takes
    minutes)."""
    import io

    import uharfbuzz as hb
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from reportgen import fonts

    def advances(data: bytes) -> list[int]:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(hb.Font(hb.Face(data)), buf, {"kern": True})
        return [p.x_advance for p in buf.glyph_positions]

    text = "规上工业AVAToWa12.5%（）"
    small = TTFont(fonts.variable_font_path())
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    cutter = subset.Subsetter(options)
    cutter.populate(text=text)
    cutter.subset(small)
    source = tmp_path / "small.ttf"
    small.save(source)
    for weight in (400, 700):
        by_fonttools = fonts._instantiate_fonttools(source, weight)
        by_harfbuzz = fonts._instantiate_harfbuzz(source, weight, "Noto Sans SC")
        assert advances(by_fonttools) == advances(by_harfbuzz)  # kerning (GPOS) included
        a, b = TTFont(io.BytesIO(by_fonttools)), TTFont(io.BytesIO(by_harfbuzz))
        cmap_a, cmap_b = a.getBestCmap(), b.getBestCmap()
        assert cmap_a.keys() == cmap_b.keys()
        for code in cmap_a:
            ga, gb = a["glyf"][cmap_a[code]], b["glyf"][cmap_b[code]]
            assert list(ga.getCoordinates(a["glyf"])[0]) == list(gb.getCoordinates(b["glyf"])[0])
            assert ga.flags[0] == gb.flags[0]  # the overlap flag FreeType renders by
            assert a["hmtx"][cmap_a[code]] == b["hmtx"][cmap_b[code]]
        for record in (1, 2, 4, 6):
            assert a["name"].getDebugName(record) == b["name"].getDebugName(record)
        assert (a["head"].macStyle, a["OS/2"].fsSelection, a["OS/2"].usWeightClass) == (
            b["head"].macStyle,
            b["OS/2"].fsSelection,
            b["OS/2"].usWeightClass,
        )
