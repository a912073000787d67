"""Text measurement, kinsoku wrapping and the shrink / continue decisions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.writers import textfit as tf

CJK = "示范区集聚整车企业上下游产业发展不是数量叠加而是要立足自身优势"
PUNCT = "，。、；：？！“”（）《》%,.;:?!()"


def test_ideographs_and_fullwidth_punctuation_are_one_em() -> None:
    assert tf.text_width("示范区", 20) == pytest.approx(60)
    assert tf.text_width("，。（）", 10) == pytest.approx(40)


def test_latin_and_digits_are_proportional_and_measured() -> None:
    assert tf.text_width("1", 10) < tf.text_width("W", 10) < 10 * 1.2
    assert tf.text_width("i", 10) < tf.text_width("1", 10)
    assert tf.text_width("1200", 10, bold=True) > tf.text_width("1200", 10)


def test_chinese_breaks_between_characters_and_fills_lines() -> None:
    lines = tf.wrap("一二三四五六七八九十一二三四五", 100, 20)
    assert lines == ["一二三四五", "六七八九十", "一二三四五"]


def test_no_line_starts_with_closing_punctuation() -> None:
    # the break would fall right before "，": the character before it moves down with it
    lines = tf.wrap("一二三四五，六七八九", 100, 20)
    assert lines == ["一二三四", "五，六七八", "九"]
    lines = tf.wrap("一二三四五。”六七", 100, 20)
    assert not lines[1].startswith(("。", "”"))


def test_no_line_ends_with_opening_punctuation() -> None:
    lines = tf.wrap("一二三四“五六七”", 100, 20)
    assert lines[0] == "一二三四"
    assert lines[1].startswith("“")


def test_ascii_punctuation_in_chinese_also_obeys_kinsoku() -> None:
    lines = tf.wrap("一二三四五,六七八九", 100, 20)
    assert not any(line.startswith(",") for line in lines)


def test_latin_wraps_at_spaces_and_keeps_numbers_whole() -> None:
    text = "The district gathered 3 carmakers and over 120 suppliers, a 5.25% share."
    lines = tf.wrap(text, 150, 14)
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert any("5.25%" in line for line in lines)
    assert all(tf.text_width(line, 14) <= 150 for line in lines)


def test_word_longer_than_the_line_is_split() -> None:
    lines = tf.wrap("Supercalifragilisticexpialidocious", 60, 14)
    assert "".join(lines) == "Supercalifragilisticexpialidocious"
    assert all(tf.text_width(line, 14) <= 60 for line in lines)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=CJK + PUNCT + "12 ", min_size=1, max_size=80))
def test_wrap_keeps_text_width_and_kinsoku(text: str) -> None:
    width, size = 120, 16
    lines = tf.wrap(text, width, size)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for i, line in enumerate(lines):
        # a line may only exceed the width when kinsoku left nothing else to move
        if tf.text_width(line, size) > width:
            assert len(line) <= 3
        if i > 0 and len(lines[i - 1]) > 1:
            assert line[0] not in tf.NO_START or lines[i - 1][-1] in tf.NO_START
        if i < len(lines) - 1 and len(line) > 1:
            assert line[-1] not in tf.NO_END


def test_shrink_keeps_nominal_size_when_it_fits() -> None:
    fit = tf.shrink(["短句"], 200, 100, 18, 14)
    assert fit.fits and fit.size == 18


def test_shrink_reduces_size_until_it_fits() -> None:
    text = "一" * 40  # 40 em
    fit = tf.shrink([text], 300, 3 * 16 * tf.LINE, 18, 14)
    assert fit.fits and 14 <= fit.size < 18
    assert fit.height <= 3 * 16 * tf.LINE


def test_shrink_reports_overflow_at_the_floor() -> None:
    fit = tf.shrink(["一" * 400], 300, 60, 18, 14)
    assert not fit.fits and fit.size == 14


def test_max_lines_forces_shrinking() -> None:
    fit = tf.shrink(["一" * 36], 300, 1000, 20, 14, max_lines=2)
    assert fit.line_count <= 2 and fit.size < 20


def test_paginate_continues_instead_of_overflowing() -> None:
    paras = ["一二三四五六七八九十" * 4] * 6
    pages = tf.paginate(paras, 300, 150, 18, 14)
    assert len(pages) > 1
    assert sum(len(p.lines) for p in pages) == 6
    for page in pages:
        assert page.fits and page.height <= 150 and page.size >= 14


def test_paginate_single_page_when_shrinking_is_enough() -> None:
    pages = tf.paginate(["一" * 40], 300, 70, 18, 14)
    assert len(pages) == 1 and pages[0].fits


def test_pack_groups_items_and_regrows_pages() -> None:
    items = list(range(7))
    pages = tf.pack(items, lambda i, s: 3 * s, 100, 18, 14)
    assert [i for _, group in pages for i in group] == items
    for size, group in pages:
        assert 14 <= size <= 18
        assert len(group) * 3 * size + (len(group) - 1) * 0.8 * size <= 100


def test_ellipsize_cuts_to_the_line_budget() -> None:
    text = "一二三四五六七八九十" * 5
    cut = tf.ellipsize(text, 100, 20, 2)
    assert cut.endswith("…") and len(tf.wrap(cut, 100, 20)) <= 2
    assert tf.ellipsize("短", 100, 20, 1) == "短"


@pytest.mark.parametrize("bold", [False, True])
def test_direct_font_reader_matches_fonttools(bold: bool) -> None:
    from reportgen.fonts import bundled_font_path

    path = bundled_font_path(700 if bold else 400)
    direct = tf._Advances.read(path)
    reference = tf._advances_fonttools(path)
    assert len(reference) > 1000
    assert all(direct.get(cp, -1.0) == width for cp, width in reference.items())
    assert direct.get(0x10FFFF, -1.0) == -1.0


def _naive_wrap(text: str, width: float, size: float, bold: bool) -> list[str]:
    """The plain algorithm: re-measure the whole line for every token (the incremental one in
    textfit must give the same lines)."""

    def fits(parts: list[str]) -> bool:
        return tf.text_width("".join(parts), size, bold) <= width

    lines, line = [], []
    for token in tf._TOKEN.findall(text.strip()):
        if token.isspace():
            line += [" "] if line else []
            continue
        if fits(line + [token]):
            line.append(token)
            continue
        pieces, cur = [], ""
        for ch in token if not fits([token]) else []:
            if cur and not fits([cur + ch]):
                pieces.append(cur)
                cur = ""
            cur += ch
        for piece in pieces + ([cur] if cur else []) if not fits([token]) else [token]:
            if line and fits(line + [piece]):
                line.append(piece)
                continue
            line, carried = tf._break(line, piece)
            if line:
                lines.append(line)
            line = carried
    if line:
        lines.append(line)
    return ["".join(t).strip() for t in lines if "".join(t).strip()]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=CJK + PUNCT + "12 WiKé-/.", min_size=1, max_size=90),
    st.sampled_from([30.0, 75.5, 120.0, 333.3]),
    st.sampled_from([11.0, 14.0, 17.5, 28.0]),
    st.booleans(),
)
def test_incremental_wrap_equals_remeasuring(text: str, width: float, size: float, bold) -> None:
    assert tf.wrap(text, width, size, bold) == _naive_wrap(text, width, size, bold)


def test_ellipsize_cuts_latin_at_a_word_end() -> None:
    text = "Over 200 firms have moved in since the district opened its gates to investors"
    for width in (90, 150, 220, 300):
        cut = tf.ellipsize(text, width, 14, 1)
        assert cut.endswith("…") and len(tf.wrap(cut, width, 14)) == 1
        kept = cut[:-1]
        assert text.startswith(kept) and text[len(kept)] == " ", cut


def test_ellipsize_keeps_a_number_with_its_unit() -> None:
    assert tf.ellipsize("Over 200 firms have moved in", 95, 14, 1) == "Over…"
    assert tf.ellipsize("示范区累计投资200亿元建设新城区", 120, 14, 1) == "示范区累计投资…"
    assert tf.ellipsize("研发投入占比提高二十五个百分点全面成势", 180, 14, 1) == "研发投入占比提高…"
    assert tf.ellipsize("示范区累计投资200亿元建设新城区", 175, 14, 1) == "示范区累计投资200亿元…"


def test_ellipsize_chinese_cuts_anywhere_but_not_after_opening_punctuation() -> None:
    cut = tf.ellipsize("他说：“我们要把产业做成百年产业。”", 100, 14, 1)
    assert cut == "他说：“我们…"
    assert tf.ellipsize("他说：“我们要把产业做成百年产业。”", 64, 14, 1) == "他说…"
    assert tf.ellipsize("示范区，集聚整车企业", 70, 14, 1) == "示范区…"


def test_ellipsize_splits_a_word_longer_than_the_line() -> None:
    cut = tf.ellipsize("Supercalifragilisticexpialidocious", 60, 14, 1)
    assert cut.endswith("…") and len(cut) > 2 and len(tf.wrap(cut, 60, 14)) == 1


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=CJK + PUNCT + "abc 0123456789二十五百亿元个", min_size=1, max_size=60),
    st.floats(min_value=30, max_value=300),
    st.integers(min_value=1, max_value=3),
)
def test_ellipsize_always_fits_its_budget(text: str, width: float, lines: int) -> None:
    cut = tf.ellipsize(text, width, 14, lines)
    assert len(tf.wrap(cut, width, 14)) <= lines
    assert cut == text or (cut.endswith("…") and text.startswith(cut[:-1]))
