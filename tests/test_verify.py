"""verify: clean on the seed's real outputs; finds planted numbers, quotes, alt text, titles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.errors import FindingsError, InputError
from reportgen.verify import (
    Finding,
    Piece,
    Source,
    _heading_has,
    check_attribution,
    fit_problem,
    fold,
    quote_ok,
    raise_for,
    unsupported_numbers,
    verify_outputs,
)

runner = CliRunner()


def build_outputs(model, out: Path, *, native_charts: bool = False) -> Path:
    """content.json, charts/, brief.docx and deck.pptx for ``model`` in ``out`` (like build)."""
    from reportgen.atomic import write_text
    from reportgen.charts import run
    from reportgen.writers.brief import write_brief
    from reportgen.writers.deck import write_deck

    out.mkdir(parents=True, exist_ok=True)
    write_text(out / "content.json", model.to_json())
    charts = run(model, out / "charts")
    write_brief(model, out / "brief.docx", charts=charts)
    write_deck(model, out / "deck.pptx", charts=charts, native_charts=native_charts)
    return out


@pytest.fixture(scope="module")
def seed_out(seed_model, tmp_path_factory) -> Path:
    return build_outputs(seed_model, tmp_path_factory.mktemp("verify") / "qiantang-2024")


@pytest.fixture
def out(seed_out, tmp_path) -> Path:
    """A private copy of the seed's outputs to plant errors in."""
    return Path(shutil.copytree(seed_out, tmp_path / "qiantang-2024"))


@pytest.fixture(scope="module")
def source(seed_model) -> Source:
    from reportgen.charts import specs_for

    return Source.of(seed_model, specs_for(seed_model))


def messages(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings]


# --- the seed's real outputs ------------------------------------------------------------------


def test_seed_outputs_are_clean(seed_out) -> None:
    assert messages(verify_outputs(seed_out)) == []


def test_cli_clean_exit_0(seed_out) -> None:
    result = runner.invoke(app, ["verify", str(seed_out)])
    assert result.exit_code == 0, result.output
    assert (
        result.output == f"{seed_out}: clean (every number, quote and theme traced to the source)\n"
    )


def test_native_chart_deck_is_clean_and_its_data_is_read(seed_model, tmp_path) -> None:
    out = build_outputs(seed_model, tmp_path / "native", native_charts=True)
    assert messages(verify_outputs(out)) == []
    from pptx import Presentation

    prs = Presentation(str(out / "deck.pptx"))
    frame = next(s for slide in prs.slides for s in slide.shapes if s.has_chart)
    plot = frame.chart.plots[0]
    values = list(plot.series[0].values)
    from pptx.chart.data import CategoryChartData

    data = CategoryChartData()
    data.categories = list(plot.categories)
    data.add_series(plot.series[0].name, [v + 1000.5 for v in values])
    frame.chart.replace_data(data)
    prs.save(str(out / "deck.pptx"))
    found = messages(verify_outputs(out))
    assert any("chart" in f and "is not in the source" in f for f in found), found


# --- planted errors ---------------------------------------------------------------------------


def _deck(out: Path):
    from pptx import Presentation

    return Presentation(str(out / "deck.pptx"))


def test_changed_number_in_a_slide(out) -> None:
    prs = _deck(out)
    slide_no, shape = next(
        (i, s)
        for i, slide in enumerate(prs.slides, 1)
        for s in slide.shapes
        if s.has_text_frame and "3700亿元" in s.text_frame.text
    )
    run = next(r for p in shape.text_frame.paragraphs for r in p.runs if "3700" in r.text)
    run.text = run.text.replace("3700", "3800")
    prs.save(str(out / "deck.pptx"))
    found = messages(verify_outputs(out))
    assert found, "a changed figure must be found"
    assert all(f.startswith(f"deck.pptx slide {slide_no}, shape {shape.name!r}") for f in found)
    assert any("3800亿元" in f and "is not in the source" in f for f in found), found


def test_invented_quote_in_the_memo(out) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(out / "brief.docx"))
    document.add_paragraph("负责人表示：“我们明年要把产值翻三番，再造一个新区。”")
    document.save(str(out / "brief.docx"))
    n = len(list(document.element.body.iter(qn("w:p"))))
    found = messages(verify_outputs(out))
    assert found == [
        f"brief.docx paragraph {n}: quote '我们明年要把产值翻三番，再造一个新区。' is not in the source"
    ]


def test_altered_quote_block_in_the_deck(out) -> None:
    prs = _deck(out)
    shapes = [s for slide in prs.slides for s in slide.shapes if s.name == "Quote"]
    assert shapes, "the deck names its quote text boxes 'Quote'"
    run = shapes[0].text_frame.paragraphs[0].runs[0]
    run.text = "据说" + run.text
    prs.save(str(out / "deck.pptx"))
    found = messages(verify_outputs(out))
    assert len(found) == 1 and "quote '据说" in found[0] and "is not in the source" in found[0]
    assert "shape 'Quote'" in found[0]


def test_quote_block_of_an_older_deck_is_found_beside_its_mark(out) -> None:
    """Decks written before the quote box had a name: the text box beside the "Quote Mark"."""
    prs = _deck(out)
    shape = next(s for slide in prs.slides for s in slide.shapes if s.name == "Quote")
    shape.name = "TextBox 7"
    run = shape.text_frame.paragraphs[0].runs[0]
    run.text = "据说" + run.text
    prs.save(str(out / "deck.pptx"))
    found = messages(verify_outputs(out))
    assert len(found) == 1 and "'TextBox 7': quote '据说" in found[0]


def test_removed_alt_text(out) -> None:
    prs = _deck(out)
    slide_no, pic = next(
        (i, s)
        for i, slide in enumerate(prs.slides, 1)
        for s in slide.shapes
        if "PICTURE" in str(s.shape_type)
    )
    pic._element.nvPicPr.cNvPr.set("descr", "")
    prs.save(str(out / "deck.pptx"))
    assert messages(verify_outputs(out)) == [
        f"deck.pptx slide {slide_no}, shape {pic.name!r}: picture has no alt text"
    ]


def test_removed_alt_text_in_the_brief(out) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(out / "brief.docx"))
    docpr = next(document.element.body.iter(qn("wp:docPr")))
    docpr.set("descr", "chart.png")
    document.save(str(out / "brief.docx"))
    assert messages(verify_outputs(out)) == [
        "brief.docx picture 1: alt text is a file name ('chart.png')"
    ]


def test_the_documents_own_date_is_not_a_figure(out, seed_model, monkeypatch) -> None:
    import docx

    from reportgen.charts import run
    from reportgen.writers.brief import write_brief

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")  # 2017-07-14, a "generated on" line
    write_brief(seed_model, out / "brief.docx", charts=run(seed_model, out / "charts"))
    assert messages(verify_outputs(out)) == []
    document = docx.Document(str(out / "brief.docx"))
    para = next(p for p in document.paragraphs if "2017-07-14" in p.text)
    for run_ in para.runs:
        run_.text = run_.text.replace("2017-07-14", "2017-07-15")
    document.save(str(out / "brief.docx"))
    n = 1 + [p._p for p in document.paragraphs].index(para._p)
    assert messages(verify_outputs(out)) == [
        f"brief.docx paragraph {n}: number '2017-' is not in the source",
        f"brief.docx paragraph {n}: number '15' is not in the source",
    ]


def test_slide_without_a_title(out) -> None:
    prs = _deck(out)
    prs.slides[2].shapes.title.text_frame.text = ""
    prs.save(str(out / "deck.pptx"))
    assert messages(verify_outputs(out)) == ["deck.pptx slide 3: slide has no title"]


def test_missing_theme_in_the_brief(out, seed_model) -> None:
    import docx

    document = docx.Document(str(out / "brief.docx"))
    heading = seed_model.themes[1].heading
    for p in document.paragraphs:
        if p.style.name.startswith("Heading") and heading in p.text:
            p._p.getparent().remove(p._p)
    document.save(str(out / "brief.docx"))
    assert messages(verify_outputs(out)) == [
        f"brief.docx: theme 2 {heading!r} has no heading in this document"
    ]


def test_text_that_does_not_fit_its_box(out) -> None:
    prs = _deck(out)
    slide_no, shape = next(
        (i, s) for i, slide in enumerate(prs.slides, 1) for s in slide.shapes if s.name == "Point"
    )
    shape.height = shape.height // 4
    prs.save(str(out / "deck.pptx"))
    found = messages(verify_outputs(out))
    assert len(found) == 1
    assert found[0].startswith(f"deck.pptx slide {slide_no}, shape 'Point': text needs ")
    assert found[0].endswith("(it overflows)")


def test_cli_prints_findings_and_exits_1(out) -> None:
    prs = _deck(out)
    prs.slides[1].shapes.title.text_frame.text = ""
    prs.save(str(out / "deck.pptx"))
    result = runner.invoke(app, ["verify", str(out)])
    assert result.exit_code == 1
    assert result.stdout == "deck.pptx slide 2: slide has no title\n"
    assert result.stderr == f"Error: {out}: 1 finding\n"


# --- bad input --------------------------------------------------------------------------------


def test_missing_folder_exit_2(tmp_path) -> None:
    result = runner.invoke(app, ["verify", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nope'}: no such folder\n"


def test_folder_without_outputs_or_model(tmp_path, seed_out) -> None:
    result = runner.invoke(app, ["verify", str(tmp_path)])
    assert result.exit_code == 2
    assert (
        result.stderr == f"Error: {tmp_path}: no content.json (the content model) in this folder\n"
    )
    shutil.copy(seed_out / "content.json", tmp_path / "content.json")
    result = runner.invoke(app, ["verify", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path}: neither brief.docx nor deck.pptx in this folder\n"


def test_corrupt_deck_exit_2(out) -> None:
    (out / "deck.pptx").write_bytes(b"not a zip")
    result = runner.invoke(app, ["verify", str(out)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: {out / 'deck.pptx'}: not a readable .pptx file (PackageNotFoundError)\n"
    )


def test_only_one_document_is_checked_alone(out) -> None:
    (out / "brief.docx").unlink()
    assert verify_outputs(out) == []


def test_raise_for() -> None:
    raise_for([], Path("x"))
    with pytest.raises(FindingsError) as info:
        raise_for([Finding("a", "b"), Finding("c", "d")], Path("x"))
    assert info.value.message == "x: 2 findings"
    assert info.value.exit_code == 1
    assert str(Finding("deck.pptx slide 7, shape 'Content 2'", "m")) == (
        "deck.pptx slide 7, shape 'Content 2': m"
    )


def test_bad_chart_index(out) -> None:
    (out / "charts" / "charts.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid chart index"):
        verify_outputs(out)


# --- the rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "规上工业总产值突破3700亿元",  # as in the article
        "产值3,700亿元",  # thousands separator
        "产值0.37万亿元",  # the same quantity at another scale
        "产值370000000000元",
        "师生250,000名",  # 25万名
        "3700",  # a value shown without its unit
        "钱塘创新指数182.6",
        "2024年",  # a year the article names
        "上年（推算）157.6",  # a derived chart value
        "其他（推算）27项",
        "图1 表2 第3 D12 Q4 X1 C919",  # labels and ordinals
        "R&D经费5.3%",  # 5.25% rounded to the shown decimals
        "规上工业总产值突破3700亿…",  # a cut (…) may shorten the unit: read as a bare number
    ],
)
def test_numbers_the_source_supports(source, text) -> None:
    assert unsupported_numbers(text, source) == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("规上工业总产值突破3800亿元", ["突破3800亿元"]),
        ("师生26万名", ["26万名"]),
        ("3700万元", ["3700万元"]),  # same digits, another quantity
        ("钱塘创新指数183", ["183"]),  # rounding to an integer hides the decimal
        ("2031年", ["2031年"]),
        ("新增17个", ["17个"]),
        ("其他（推算）28项", ["28项"]),
        ("规上工业总产值突破3800亿…", ["3800亿…"]),
    ],
)
def test_numbers_the_source_does_not_support(source, text, bad) -> None:
    assert unsupported_numbers(text, source) == bad


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("规上工业总产值突破4000万元", ["突破4000万元"]),  # the 校企技术交易额's figure
        ("外资企业180余家", ["180余家"]),  # the 产业链上下游企业's count
    ],
)
def test_figures_said_of_other_things(source, text, bad) -> None:
    """Figures the article states, moved beside the words of another figure of their unit."""
    found = [str(f).split(": ", 1)[1] for f in check_attribution([Piece("p", text)], source)]
    assert [f.split("'")[1] for f in found] == bad


@pytest.mark.parametrize(
    "text",
    [
        "规上工业总产值突破3700亿元",
        "外资企业1600余家、中企国际港签约36家",  # a list: each item is its own clause
        "较上期提升 25个点",  # template wording the article does not use is not evidence
        "1600余家",  # a bare card value: no words to compare
        "平衡“守”与“变”——产业链上下游企业180余家",
    ],
)
def test_figures_beside_their_own_words(source, text) -> None:
    assert check_attribution([Piece("p", text)], source) == []


def test_figures_said_of_other_things_in_english() -> None:
    from reportgen.extract import extract_path

    model = extract_path(Path(__file__).parent / "fixtures" / "articles" / "en_plain.txt")
    english = Source.of(model, [])
    swapped = check_attribution([Piece("p", "Hotel occupancy reached 18% in summer")], english)
    assert [str(f) for f in swapped] == [
        "p: number '18%' is not what the source says of 'Hotel occupancy reached…'"
    ]
    right = [Piece("p", "Hotel occupancy reached 81.5%"), Piece("q", "2.4 million, up 18%")]
    assert check_attribution(right, english) == []


def test_swapped_figure_in_the_memo_is_found(out) -> None:
    import docx

    document = docx.Document(str(out / "brief.docx"))
    paragraph = next(
        p
        for p in document.paragraphs
        if "规上工业总产值突破3700亿元" in p.text and len(p.text) < 80
    )
    run = next(r for r in paragraph.runs if "3700亿元" in r.text)
    run.text = run.text.replace("3700亿元", "4000万元")
    document.save(str(out / "brief.docx"))
    found = messages(verify_outputs(out))
    assert any(
        f.startswith("brief.docx paragraph ")
        and f.endswith("number '突破4000万元' is not what the source says of '规上工业总产值'")
        for f in found
    ), found
    assert not any("is not in the source" in f for f in found)  # every figure is the article's


def test_quote_rules(source) -> None:
    assert quote_ok("从签约到开工仅用半年,一年后将正式投产", source)
    assert quote_ok("从签约到开工仅用半年，一年后将正式投产", source)  # punctuation width
    assert quote_ok("从签约到开工仅用半年……是我们集团全球所有工厂中建设速度最快的。", source)
    assert quote_ok("其他（推算）", source)  # a chart label, quoted in a note
    assert not quote_ok("从签约到开工仅用三个月", source)
    assert not quote_ok("是我们集团全球所有工厂中建设速度最快的……从签约到开工仅用半年", source)


def test_theme_heading_cut_with_an_ellipsis() -> None:
    key = "平衡“守”与“变”"
    assert _heading_has(fold("平衡“守”与“变”：企业（家）"), key)
    assert _heading_has(fold("主题：平衡“守”与…"), key)  # cut after 4+ of its characters
    assert not _heading_has(fold("主题：平衡…"), key)
    assert not _heading_has(fold("把握“时”与“势”"), key)


def test_fit_problem_on_a_wide_unwrapped_line(tmp_path) -> None:
    from pptx import Presentation
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Pt(100), Pt(40))
    box.text_frame.word_wrap = False
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "一二三四五六七八九十"
    run.font.size = Pt(20)
    # python-pptx's text box grows with its text (spAutoFit): only the slide edge limits it
    assert fit_problem(box, prs.slide_width) is None
    box.left = prs.slide_width - Pt(100)
    assert fit_problem(box, prs.slide_width) == "text runs 114 pt past the slide's right edge"
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    assert fit_problem(box) == "text is 200 pt wide but the box is 86 pt wide"
    box.width = Pt(220)
    assert fit_problem(box) is None


# --- rendering --------------------------------------------------------------------------------


@pytest.mark.slow
def test_render_clean_on_the_seed(seed_out) -> None:
    assert messages(verify_outputs(seed_out, render=True)) == []


@pytest.mark.slow
def test_render_finds_text_off_the_slide_and_tofu(out) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Emu, Pt

    prs = _deck(out)
    slide = prs.slides[1]
    off = slide.shapes.add_textbox(Emu(prs.slide_width - Pt(40)), Pt(200), Pt(300), Pt(40))
    off.name = "Off"
    off.text_frame.word_wrap = False
    off.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    run = off.text_frame.paragraphs[0].add_run()
    run.text = "守变守变守变守变"
    run.font.size = Pt(20)
    tofu = slide.shapes.add_textbox(Pt(40), Pt(300), Pt(300), Pt(40))
    tofu.name = "Tofu"
    run = tofu.text_frame.paragraphs[0].add_run()
    run.text = "守\u9ffc变"  # U+9FFC: no installed font has it
    run.font.size = Pt(20)
    prs.save(str(out / "deck.pptx"))
    found = messages(verify_outputs(out, render=True))
    assert any(f.startswith("deck.pptx slide 2: ") and "leave the page" in f for f in found), found
    assert any(f.startswith("deck.pptx slide 2: ") and "(tofu)" in f for f in found), found


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (Path(__file__).parent / "fixtures" / "articles").iterdir())
)
def test_every_fixture_article_builds_clean(name: str, tmp_path) -> None:
    """Each article shape, Chinese and English, gives outputs verify passes (no false alarms)."""
    from reportgen.extract import extract_path

    model = extract_path(Path(__file__).parent / "fixtures" / "articles" / name)
    out = build_outputs(model, tmp_path / "out")
    assert messages(verify_outputs(out)) == []


@pytest.mark.parametrize("name", ["en_plain.txt", "en_markdown.md"])
def test_english_gongwen_heading_numbers_are_no_figures(name: str, tmp_path, monkeypatch) -> None:
    """A gongwen brief numbers its English heads "1." "2."; they are marks, not figures."""
    from reportgen.build import build
    from reportgen.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    article = Path(__file__).parent / "fixtures" / "articles" / name
    config = load_config().with_options(inputs=[article], out=tmp_path, style="gongwen")
    (result,) = build(config, force=True, jobs=1).results
    assert result.status == "built" and result.findings == []
