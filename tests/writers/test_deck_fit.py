"""Deck text fit beyond the happy path: figures in any script, cut text, verify's own check."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.verify import fit_problem
from reportgen.writers import textfit as tf
from reportgen.writers.deck import _split_value, _value_fit, build_deck
from reportgen.writers.deck.kpi import MIN_SIZE

CN_FIGURES = """五大产业齐发力

今年以来，新区经济运行稳中有进，研发投入占比提高二十五个百分点，五大产业集群全面成势。

全区已培育国家级专精特新企业三十二家，引进重大项目一百二十个。

“我们要把五大产业做成百年产业。”新区负责人说。
"""


def _problems(data: bytes) -> list[str]:
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    found = []
    for n, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                problem = fit_problem(shape, int(prs.slide_width))
                if problem:
                    found.append(f"slide {n} {shape.name}: {problem}")
    return found


@pytest.fixture(scope="module")
def cn_model(tmp_path_factory):
    from reportgen.extract import extract_path

    path = tmp_path_factory.mktemp("cn") / "cn.txt"
    path.write_text(CN_FIGURES, encoding="utf-8")
    return extract_path(path)


def test_chinese_numeral_figures_fit_their_cards(cn_model) -> None:
    from pptx import Presentation

    assert any(f.text == "二十五个百分点" for f in cn_model.facts)
    data = build_deck(cn_model)
    assert _problems(data) == []
    prs = Presentation(io.BytesIO(data))
    values = [s for slide in prs.slides for s in slide.shapes if s.name == "KPI Value"]
    shown = {s.text_frame.text.replace("\n", "") for s in values}
    assert {"二十五个百分点", "三十二家"} <= shown  # 五大 names a set: no figure
    # one figure size per card row, so the cards look alike
    sizes = {max(r.font.size.pt for p in s.text_frame.paragraphs for r in p.runs) for s in values}
    assert len(sizes) == 1 and sizes.pop() >= 24


def test_chinese_numerals_split_like_digits() -> None:
    assert _split_value("二十五个百分点") == ("", "二十五", "个百分点")
    assert _split_value("突破3700亿元") == ("突破", "3700", "亿元")
    assert _split_value("约五成") == ("约", "五", "成")
    assert _split_value("翻番") == ("", "翻番", "")
    assert _split_value("about $300 million") == ("about ", "$300", " million")


@settings(max_examples=80, deadline=None)
@given(
    st.text(
        alphabet="二十五百千亿个分点大约突破余家more than firms 0123456789,.%$", min_size=1
    ).filter(str.strip),
    st.floats(min_value=60, max_value=260),
    st.floats(min_value=40, max_value=140),
)
def test_a_figure_always_fits_its_room(text: str, width: float, height: float) -> None:
    fit = _value_fit(text, width, height)
    shown = "".join(t for runs in fit.paras for t, _, _ in runs)
    assert shown.replace(" ", "") == text.replace(" ", "")  # whole: never cut
    # the number in one run, each line measured to fit: nothing for a renderer to rewrap
    assert sum(big for runs in fit.paras for _, _, big in runs) == 1
    wide = [sum(tf.text_width(t, s, True) for t, s, _ in r) for r in fit.paras]
    assert all(w <= width * 1.0001 for w in wide) or fit.size == 6.0
    assert fit.height + 0.1 * fit.size <= height or fit.size <= MIN_SIZE
