"""Chart fonts: static instances of the bundled variable font, and the notices of slow steps."""

from __future__ import annotations

import pytest

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


def test_matplotlib_listing_fonts_is_announced_only_the_first_time(tmp_path, monkeypatch) -> None:
    from reportgen import fonts

    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path))
    assert not fonts._font_list_cached()
    (tmp_path / "fontlist-v390.json").write_text("{}", encoding="utf-8")
    assert fonts._font_list_cached()
    monkeypatch.delenv("MPLCONFIGDIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert not fonts._font_list_cached()
    (tmp_path / "xdg" / "matplotlib").mkdir(parents=True)
    (tmp_path / "xdg" / "matplotlib" / "fontlist-v390.json").write_text("{}", encoding="utf-8")
    assert fonts._font_list_cached()


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
