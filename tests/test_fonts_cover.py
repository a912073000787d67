"""Characters a font chain lacks bring in the bundled face that has them; installed fonts as a
renderer found them (what verify --render checks glyphs against)."""

from __future__ import annotations

from pathlib import Path

from reportgen.fonts import FontChain, bundled_font_path, font_chain
from reportgen.fonts_cover import (
    InstalledFonts,
    base_font_name,
    covering,
    fc_list,
    read_codepoints,
    undrawable,
)
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
    chain = _chain()
    assert undrawable(chain, "182.6\U0001f300 规上") == {"\U0001f300"}
    assert undrawable(chain, "规上工业 3700亿元") == set()


# --- installed fonts ----------------------------------------------------------------------------


def test_read_codepoints_reads_a_font_and_refuses_a_non_font(tmp_path) -> None:
    cmap = read_codepoints(str(bundled_font_path(400)))
    assert cmap is not None and ord("中") in cmap and ord("A") in cmap
    assert ord("한") not in cmap  # Noto Sans SC has no Hangul
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font")
    assert read_codepoints(str(junk)) is None


def test_base_font_name_drops_only_a_subset_tag() -> None:
    assert base_font_name("ABCDEF+NotoSansCJKsc-Regular") == "NotoSansCJKsc-Regular"
    assert base_font_name("NotoSansCJKsc-Regular") == "NotoSansCJKsc-Regular"
    assert base_font_name("abcdef+Font") == "abcdef+Font"  # the tag is six capitals


def _installed(files: dict[str, tuple[str, int]]) -> InstalledFonts:
    fonts = InstalledFonts()
    fonts._files = files  # as fc-list would have listed them
    return fonts


def test_installed_fonts_answer_from_the_font_file() -> None:
    fonts = _installed({"NotoSansSC-Regular": (str(bundled_font_path(400)), 0)})
    assert fonts.covers("ABCDEF+NotoSansSC-Regular", "中")
    assert not fonts.covers("ABCDEF+NotoSansSC-Regular", "한")
    # LibreOffice's suffixes are taken off until an installed name is found
    assert fonts.covers("NotoSansSC-Regular-VKana", "中")


def test_fonts_not_installed_are_judged_by_their_name(tmp_path) -> None:
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font")
    fonts = _installed({"Unreadable": (str(junk), 0)})
    assert fonts.covers("ABCDEF+SomeCJKFont", "中")
    assert fonts.covers("XYZABC+SimHei", "中")
    assert not fonts.covers("ABCDEF+LiberationSerif", "中")
    assert not fonts.covers("Unreadable", "中")


def test_fc_list_names_font_files_by_postscript_name() -> None:
    import shutil

    found = fc_list()
    if shutil.which("fc-list") is None:
        assert found == {}
        return
    assert found, "fc-list lists no font"
    for name, (path, index) in list(found.items())[:20]:
        assert name and Path(path).is_absolute() and index >= 0
    assert InstalledFonts().files() == found


def test_fc_list_uses_the_fontconfig_file_given(tmp_path) -> None:
    import shutil

    if shutil.which("fc-list") is None:
        assert fc_list(tmp_path / "fonts.conf") == {}
        return
    folder = tmp_path / "fonts"
    folder.mkdir()
    (folder / "sc.ttf").write_bytes(bundled_font_path(400).read_bytes())
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{folder}</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    assert fc_list(conf) == {"NotoSansSC-Regular": (str(folder / "sc.ttf"), 0)}
