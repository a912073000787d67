"""Fuzzing: any article either builds to documents that reopen and pass verify, or is refused
with a ReportgenError. A short deterministic profile runs in CI; REPORTGEN_FUZZ=long runs
10,000 cases per test (REPORTGEN_FUZZ_EXAMPLES=N sets the count)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from reportgen.errors import ReportgenError

with warnings.catch_warnings():
    # hypothesis writes a patch for a failing example with libcst, whose import warns (mypy
    # TypedDict deprecation); with warnings as errors that hides the failure behind an
    # INTERNALERROR. Import it once here, quietly, when it is installed.
    warnings.simplefilter("ignore")
    with contextlib.suppress(ImportError):
        import libcst  # noqa: F401

SEED = Path(__file__).resolve().parent.parent / "seeds" / "qiantang-2024.txt"
LONG = os.environ.get("REPORTGEN_FUZZ", "").lower() == "long"


def profile(short: int):
    """Hypothesis settings: ``short`` examples (deterministic) in CI, 10,000 in the long run."""
    count = int(os.environ.get("REPORTGEN_FUZZ_EXAMPLES", 0)) or (10_000 if LONG else short)
    return settings(
        max_examples=count,
        deadline=None,
        derandomize=not LONG,
        database=None if not LONG else settings.default.database,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


# --- strategies -------------------------------------------------------------------------------

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PIECES = [
    "钱塘", "产业", "发展", "创新", "企业", "。", "，", ",", "、", "；", "：", "！", "？", "\n", "\n\n",
    "“", "”", "‘", "’", "「", "」", "……", "——", "(", ")", "（", "）", "《", "》", "#", "## ", "- ",
    "亿元", "万元", "万", "亿", "%", "个百分点", "家", "项", "个", "人", "名", "倍", "年", "月",
    "突破", "超过", "近", "约", "余", "以上", "第", "全省第三", "其中", "较上年提升", "增长",
    "12", "3700", "5.25", "1,600", "０１２", "二十五", "五", "两", "十四", "2024", "182.6", "0.5",
    "\u00a0", "\u3000", "\t", "\r\n", "\u200b", "\ufeff", "\u202e", "\u200f", "\u00ad",
    "\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\ufffe", "\ud800", "\udfff",
    "שלום", "مرحبا", "😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "e\u0301", "Ａ", "ｶﾀｶﾅ", "ㄅ", "한국",
    "&amp;", "&#20013;", "<b>", "*", "_", "`", "> ", "|", "说。", "表示。", "负责人说。",
]  # fmt: skip
SOUP = st.lists(st.one_of(st.sampled_from(PIECES), HAN, st.characters()), max_size=200).map("".join)
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=400)


@st.composite
def structured(draw) -> str:
    """An article of the expected shape: headline, lead, sections with pairs, facts, quotes."""
    word = st.text(alphabet=HAN, min_size=1, max_size=6)
    number = st.one_of(
        st.integers(0, 99_999).map(str),
        st.decimals(0, 9999, places=2, allow_nan=False).map(str),
        st.sampled_from(["十四", "二十五", "两", "1,600", "3700"]),
    )
    unit = st.sampled_from(["亿元", "万元", "%", "个百分点", "家", "项", "个", "名", "万人", ""])
    qual = st.sampled_from(["", "突破", "超过", "近", "约"])

    def sentence() -> str:
        kind = draw(st.integers(0, 3))
        if kind == 0:
            return f"{draw(word)}{draw(qual)}{draw(number)}{draw(unit)},{draw(word)}。"
        if kind == 1:
            return f"“{draw(word)}{draw(word)},{draw(word)}{draw(word)}。”{draw(word)}负责人说。"
        if kind == 2:
            return f"其中{draw(word)}{draw(number)}{draw(unit)}、{draw(word)}{draw(number)}{draw(unit)}。"
        return f"{draw(word)}{draw(word)}{draw(SOUP)}。"

    parts = [draw(word) + draw(word), f"{draw(word)}:{draw(word)}", ""]
    parts += [sentence() for _ in range(draw(st.integers(0, 3)))]
    for _ in range(draw(st.integers(1, 4))):
        a, b = draw(HAN), draw(HAN)
        parts.append(f"{draw(word)}“{a}”与“{b}” {draw(word)}{draw(word)}")
        parts += [" ".join(sentence() for _ in range(draw(st.integers(1, 3)))) for _ in range(2)]
    return "\n\n".join(parts)


@st.composite
def english(draw) -> str:
    """An English article: Markdown headings, figures with currencies and scales, quotes."""
    word = st.sampled_from(["port", "city", "jobs", "plan", "growth", "firms", "the", "new", "Ada"])
    figure = st.sampled_from(
        ["$1.2 billion", "4.2%", "13,000 jobs", "more than 200 firms", "0.5 percentage points",
         "€30m", "about 7 million people", "2024", "1,600 projects", "12.5%"]
    )  # fmt: skip

    def sentence() -> str:
        words = " ".join(draw(st.lists(word, min_size=1, max_size=6)))
        if draw(st.booleans()):
            return f'"{words.capitalize()}, {draw(figure)} and {words}," the mayor said.'
        return f"{words.capitalize()} reached {draw(figure)} in {draw(word)}."

    parts = [f"# {draw(word).title()} {draw(word)}", " ".join(sentence() for _ in range(2))]
    for _ in range(draw(st.integers(0, 3))):
        parts.append(f"## {draw(word).title()} and {draw(word)}")
        parts += [" ".join(sentence() for _ in range(draw(st.integers(1, 3))))]
    return "\n\n".join(parts)


@st.composite
def mutated_seed(draw) -> str:
    """The seed article with slices deleted, duplicated, swapped for soup, digits changed."""
    text = SEED.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = min(n, a + draw(st.integers(0, 400)))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "digits", "truncate"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif op == "insert":
            text = text[:a] + draw(SOUP) + text[a:]
        elif op == "digits":
            text = (
                text[:a]
                + "".join(str(draw(st.integers(0, 9))) if c.isdigit() else c for c in text[a:b])
                + text[b:]
            )
        else:
            text = text[:b]
    return text


ARTICLES = st.one_of(ANY_TEXT, SOUP, structured(), english(), mutated_seed())


FUZZ_FINDS = Path(__file__).parent / "fixtures" / "fuzz"


def write_article(folder: Path, text: str, suffix: str = ".md") -> Path:
    """The article as a file (lone surrogates become invalid UTF-8 bytes, as in a bad file)."""
    path = folder / f"article{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


# --- properties -------------------------------------------------------------------------------


@profile(short=60)
@given(text=st.one_of(ANY_TEXT, SOUP, structured()))
def test_numbers_read_back_their_own_text(text) -> None:
    from reportgen.ingest.numbers import find_en, find_zh

    for q in [*find_zh(text), *find_en(text)]:
        assert text[q.start : q.end] == q.text
        assert q.normalized == q.normalized  # not NaN


@profile(short=80)
@given(text=ARTICLES, suffix=st.sampled_from([".md", ".txt"]))
def test_extract_gives_a_valid_model_or_a_clear_error(text, suffix) -> None:
    from reportgen.extract import extract_path
    from reportgen.model import Model

    with tempfile.TemporaryDirectory() as tmp:
        path = write_article(Path(tmp), text, suffix)
        try:
            model = extract_path(path)
        except ReportgenError as exc:
            event(f"refused: {type(exc).__name__}")
            assert exc.message and "\n" not in exc.message
            return
    again = Model.model_validate_json(model.to_json())  # spans still match the text
    assert again == model


@pytest.mark.slow  # about 20 s: documents for every case and example
@profile(short=18)
@given(text=ARTICLES)
# found by long runs: a label cut into the figure before it; a card label cut inside a figure;
# a bare 万元/亿元 read as a number; an English unit taken from the next line
@example(text="# 新区发展\n\n钱塘32家企业产业链上下游企业180余家。\n")
@example(text="# 新区发展\n\n全区研发投入研发11个百分点、投入25个百分点。\n")
@example(text="。乃\n\n捗亱檹8万元4万元。\n\n乓\n\n百分点。\n")
@example(text="标题\n\n导语:内容\n\n甲5亿元,一。 乙6亿元,一。 丙7亿元,一。 丁1000亿元,一。\n")
@example(text="# Port plan 5\n\nThe port grew.\n")
@example(text="标题\n\n导语:内容\n\n其中한甲5亿元、乙6亿元。\n")  # Hangul in a chart label
@example(text="# 新区发展\n\n园区投入1,6005.25，增长很快。\n")  # a thousands group of four digits
@example(text="# 新区发展\n\n甲4亿元,乙。\n\n甲超过9亿元,乙。\n")  # two figures on one short line
@example(text="182.6\ue000.")  # a private-use character no font draws
@example(text="182.6\U0001f300.")  # an emoji no chart font has
# five points packed to the frame: the last one was drawn shorter than it measured
@example(text=(FUZZ_FINDS / "points-packed-to-the-frame.md").read_text(encoding="utf-8"))
def test_writers_give_sound_documents_or_a_clear_error(text) -> None:
    import docx
    from pptx import Presentation

    from reportgen.atomic import write_text
    from reportgen.charts import run
    from reportgen.extract import extract_path
    from reportgen.verify import verify_outputs
    from reportgen.writers.brief import write_brief
    from reportgen.writers.deck import write_deck

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        try:
            model = extract_path(write_article(Path(tmp), text))
            charts = run(model, out / "charts")
            write_brief(model, out / "brief.docx", charts=charts)
            write_deck(model, out / "deck.pptx", charts=charts)
        except ReportgenError as exc:
            event(f"refused: {type(exc).__name__}")
            assert exc.message and "\n" not in exc.message
            return
        event(f"built: {len(model.themes)} themes, {len(charts)} charts")
        write_text(out / "content.json", model.to_json())
        assert docx.Document(str(out / "brief.docx")).paragraphs
        assert len(Presentation(str(out / "deck.pptx")).slides) >= 1
        assert [str(f) for f in verify_outputs(out)] == []
