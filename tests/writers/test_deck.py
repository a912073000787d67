"""The deck writer: slide plan, titles, notes, alt text, East Asian fonts, numbers, fit, bytes."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from factories import zh_model
from lxml import etree
from PIL import Image, ImageDraw

from reportgen.charts.plan import plan as plan_charts
from reportgen.errors import TemplateError
from reportgen.model import ChartSpec, Model
from reportgen.writers import textfit as tf
from reportgen.writers.deck import DEFAULT_TEMPLATE, INSET, build_deck, write_deck

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
EMU_PT = 12700
_NUM = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class FakeChart:
    spec: ChartSpec
    slide_png: Path
    page_png: Path
    svg: Path
    alt: str


@dataclass
class FakeChartSet:
    directory: Path
    entries: list = field(default_factory=list)


def fake_charts(model: Model, folder: Path) -> FakeChartSet:
    """The chart stage's planned specs, each with a plain 16:9 PNG standing in for the drawing."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for spec in plan_charts(model):
        png = folder / f"{spec.id}.png"
        image = Image.new("RGB", (800, 450), "white")
        ImageDraw.Draw(image).rectangle([100, 150, 700, 300], fill=(31, 78, 121))
        image.save(png)
        entries.append(FakeChart(spec, png, png, png.with_suffix(".svg"), spec.alt or spec.title))
    return FakeChartSet(folder, entries)


@pytest.fixture(scope="module")
def zh_charts(tmp_path_factory) -> FakeChartSet:
    return fake_charts(zh_model(), tmp_path_factory.mktemp("charts"))


@pytest.fixture(scope="module")
def zh_deck(zh_charts) -> bytes:
    return build_deck(zh_model(), charts=zh_charts)


def _open(data: bytes):
    from pptx import Presentation

    return Presentation(io.BytesIO(data))


def _titles(prs) -> list[str]:
    return [slide.shapes.title.text_frame.text for slide in prs.slides]


def test_slides_in_plan_order_with_titles_in_title_placeholders(zh_deck) -> None:
    prs = _open(zh_deck)
    assert prs.slide_width == 12192000 and prs.slide_height == 6858000
    model = zh_model()
    assert _titles(prs) == [
        model.headline,
        "目录",
        "核心数据",  # the lead figures panel is skipped: the KPI cards show those figures
        "平衡“守”与“变”",
        "擦亮产业辨识度",
        "平衡“守”与“变”：企业（家）",
        "观点",
        "把握“时”与“势”",
        "构筑开放新格局",
        "制度创新成果构成",
        "统筹“硬”与“软”",
        "打造人才强引擎",
        "创新指数变化",
        "总结",
        "来源与说明",
    ]
    for slide in prs.slides:
        assert slide.shapes.title.is_placeholder


def test_layouts_chosen_by_name(zh_deck) -> None:
    names = [slide.slide_layout.name for slide in _open(zh_deck).slides]
    assert names[0] == "Title Slide"
    assert names[3] == "Section Header" and names[7] == "Section Header"
    assert names[1] == "Title Only" and names[-1] == "Title Only"


def test_section_slide_shows_the_pair_big(zh_deck) -> None:
    slide = _open(zh_deck).slides[3]
    mark = next(s for s in slide.shapes if s.name == "Section Mark")
    assert mark.text_frame.text == "守 · 变"
    assert mark.text_frame.paragraphs[0].runs[0].font.size.pt >= 96


def test_kpi_cards_show_fact_surfaces_with_qualifiers(zh_deck) -> None:
    slide = _open(zh_deck).slides[2]
    values = [s.text_frame.text.replace("\n", "") for s in slide.shapes if s.name == "KPI Value"]
    assert values[:2] == ["突破1200亿元", "4.1%"]
    text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "规上工业总产值" in text and "研发投入强度" in text


def test_quote_slide_has_the_quote_and_the_speaker(zh_deck) -> None:
    slide = _open(zh_deck).slides[6]
    text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "产业发展不是数量叠加" in text and "示范区主要负责人" in text


def test_speaker_notes_on_every_slide_carry_source_sentences(zh_deck) -> None:
    prs = _open(zh_deck)
    model = zh_model()
    for slide in prs.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
    kpi_notes = prs.slides[2].notes_slide.notes_text_frame.text
    assert model.sentence_of(model.fact("f1")) in kpi_notes
    assert model.sentence_of(model.quotes[0]) in prs.slides[6].notes_slide.notes_text_frame.text


def test_every_picture_has_alt_text_that_is_not_a_file_name(zh_deck) -> None:
    prs = _open(zh_deck)
    pictures = 0
    for slide in prs.slides:
        for pic in slide.shapes._spTree.iter(f"{{{P}}}pic"):
            descr = pic.find(".//p:cNvPr", NS).get("descr", "")
            assert descr and not descr.lower().endswith((".png", ".jpg", ".svg"))
            pictures += 1
    assert pictures == 3


def _parts(data: bytes, prefixes=("ppt/slides/slide", "ppt/notesSlides/", "ppt/charts/chart")):
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith(prefixes) and name.endswith(".xml"):
                yield name, etree.fromstring(zf.read(name))


def test_east_asian_font_and_language_on_every_run(zh_deck) -> None:
    checked = 0
    for name, root in _parts(zh_deck):
        for rpr in root.iter(f"{{{A}}}rPr", f"{{{A}}}endParaRPr"):
            children = [c.tag.split("}")[1] for c in rpr if isinstance(c.tag, str)]
            assert "ea" in children, name
            ea = rpr.find("a:ea", NS).get("typeface")
            assert ea == "Microsoft YaHei"
            assert children.index("ea") == children.index("latin") + 1, name
            assert rpr.get("lang") == "zh-CN"
            checked += 1
    assert checked > 100


# Boxes of one measured line each (a KPI figure, a summary card's mark or figure) never wrap:
# a figure is never broken inside its value by a renderer whose metrics differ.
ONE_LINE_BOXES = ("KPI Value", "Card Line")


def test_text_boxes_wrap_and_never_autofit(zh_deck) -> None:
    for _, root in _parts(zh_deck, ("ppt/slides/slide",)):
        for sp in root.iter(f"{{{P}}}sp"):
            body = sp.find(f".//{{{A}}}bodyPr")
            name = sp.find(f".//{{{P}}}cNvPr").get("name")
            if body is not None:
                assert (body.get("wrap") == "none") == (name in ONE_LINE_BOXES), name
        for body in root.iter(f"{{{A}}}bodyPr"):
            assert body.find("a:normAutofit", NS) is None
            assert body.find("a:spAutoFit", NS) is None


def _allowed_numbers(model: Model) -> set[str]:
    """Numbers of facts, plus the justified labels: section ordinals of themes without a pair."""
    allowed = set()
    for fact in model.facts:
        allowed.update(_NUM.findall(fact.text))
    allowed.update(f"{i + 1:02d}" for i, t in enumerate(model.themes) if not t.pair)
    return allowed


def _check_numbers(data: bytes, model: Model) -> int:
    """Every number on a slide is a fact's, or sits in text quoted verbatim from the article."""
    allowed = _allowed_numbers(model)
    seen = 0
    for slide in _open(data).slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            if shape.is_placeholder and "SLIDE_NUMBER" in str(shape.placeholder_format.type):
                continue
            for para in shape.text_frame.paragraphs:
                text = para.text
                quoted = text.rstrip("…")
                verbatim = quoted in model.text or quoted.replace(" ", "") in model.text
                # the sources slide names the input file (a justified label)
                text = text.replace(model.source.name, "")
                for number in _NUM.findall(text):
                    seen += 1
                    assert verbatim or number in allowed, f"{number!r} in {text!r}"
    return seen


def test_every_number_on_a_slide_is_traceable(zh_deck) -> None:
    assert _check_numbers(zh_deck, zh_model()) >= 5


def _inner(shape) -> tuple[float, float]:
    return ((shape.width - 2 * INSET) / EMU_PT, (shape.height - 2 * INSET) / EMU_PT)


def _needed_height(shape) -> tuple[float, float]:
    """Height the text needs at its written sizes (own measurement), and the widest line."""
    width, _ = _inner(shape)
    total, widest = 0.0, 0.0
    for k, para in enumerate(shape.text_frame.paragraphs):
        runs = [r for r in para.runs if r.text]
        if not runs:
            continue
        pitch = para.line_spacing.pt
        sizes = [r.font.size.pt for r in runs]
        if len(runs) == 1:
            lines = tf.wrap(runs[0].text, width, sizes[0], bool(runs[0].font.bold))
            widest = max([widest] + [tf.text_width(x, sizes[0]) for x in lines])
        else:
            one = sum(tf.text_width(r.text, r.font.size.pt, bool(r.font.bold)) for r in runs)
            lines, widest = [one], max(widest, one)
        total += len(lines) * pitch + (para.space_before.pt if k and para.space_before else 0)
    return total, widest


def _check_fit(data: bytes) -> int:
    prs = _open(data)
    checked = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= prs.slide_width
            assert shape.top + shape.height <= prs.slide_height
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            if shape.is_placeholder and "SLIDE_NUMBER" in str(shape.placeholder_format.type):
                continue
            for para in shape.text_frame.paragraphs:
                for run in para.runs:
                    assert run.font.size is not None, "every run has an explicit size"
            width, height = _inner(shape)
            need, widest = _needed_height(shape)
            assert need <= height + 1.0, f"{shape.name}: {shape.text_frame.text!r}"
            assert widest <= width * 1.02, f"{shape.name}: {shape.text_frame.text!r}"
            checked += 1
    return checked


def test_all_text_fits_its_box_at_the_written_sizes(zh_deck) -> None:
    assert _check_fit(zh_deck) > 30


def test_size_floors_hold(zh_deck) -> None:
    for slide in _open(zh_deck).slides:
        title = slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt
        assert title >= 24
        for shape in slide.shapes:
            if shape.name in ("Point", "Sources", "Card"):
                for para in shape.text_frame.paragraphs:
                    assert all(r.font.size.pt >= 14 for r in para.runs)


def test_same_input_same_bytes(zh_charts, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_deck(zh_model(), charts=zh_charts) == build_deck(zh_model(), charts=zh_charts)


def test_core_properties_from_the_article(zh_deck, zh_charts, monkeypatch) -> None:
    core = _open(zh_deck).core_properties
    assert core.title == zh_model().headline
    assert core.author == "张三; 李四"
    assert core.last_modified_by == "reportgen"
    assert core.created.year == 2000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    later = _open(build_deck(zh_model(), charts=zh_charts)).core_properties
    assert later.created.year == 2023 and later.modified == later.created


def test_no_template_leftovers(zh_deck) -> None:
    with zipfile.ZipFile(io.BytesIO(zh_deck)) as zf:
        names = zf.namelist()
        app = zf.read("docProps/app.xml").decode()
        core = zf.read("docProps/core.xml").decode()
    assert len(names) == len(set(names))
    assert not any("thumbnail" in n or "printerSettings" in n for n in names)
    assert "python-pptx" not in core and "Steve" not in core
    assert "<Slides>15</Slides>" in app and "Office Theme" not in app


def test_write_deck_writes_the_file(tmp_path, zh_charts) -> None:
    out = write_deck(zh_model(), tmp_path / "sub" / "deck.pptx", charts=zh_charts)
    assert out.is_file() and len(_open(out.read_bytes()).slides) == 15


def test_without_charts_the_deck_still_builds() -> None:
    prs = _open(build_deck(zh_model(), charts=None))
    assert "创新指数变化" not in _titles(prs)
    # without its chart the third theme holds one point: one slide under its heading, no divider
    assert len(prs.slides) == 11
    assert "统筹“硬”与“软”：打造人才强引擎" in _titles(prs)


# --- native charts ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def native_deck(zh_charts) -> bytes:
    return build_deck(zh_model(), charts=zh_charts, native_charts=True)


def test_native_charts_hold_the_spec_data(native_deck, zh_charts) -> None:
    specs = {e.spec.title: e.spec for e in zh_charts.entries}
    found = 0
    for slide in _open(native_deck).slides:
        for shape in slide.shapes:
            if not getattr(shape, "has_chart", False) or not shape.has_chart:
                continue
            spec = specs[slide.shapes.title.text_frame.text]
            first = spec.series[0]
            plot = shape.chart.plots[0]
            if spec.kind == "stacked":
                assert [s.name for s in plot.series] == first.labels
                assert [list(s.values) for s in plot.series] == [[v] for v in first.values]
            else:
                assert list(plot.categories) == first.labels
                assert list(plot.series[0].values) == first.values
            descr = shape._element.find(".//p:cNvPr", NS).get("descr")
            assert descr
            found += 1
    assert found == 3  # bar, stacked, change; the figures panel stays as text cards


def test_native_chart_text_has_east_asian_font(native_deck) -> None:
    charts = list(_parts(native_deck, ("ppt/charts/chart",)))
    assert charts
    for _, root in charts:
        for rpr in root.iter(f"{{{A}}}defRPr"):
            assert rpr.find("a:ea", NS).get("typeface") == "Microsoft YaHei"


def test_native_deck_is_reproducible_including_workbooks(zh_charts) -> None:
    first = build_deck(zh_model(), charts=zh_charts, native_charts=True)
    assert first == build_deck(zh_model(), charts=zh_charts, native_charts=True)
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        books = [n for n in zf.namelist() if n.endswith(".xlsx")]
        assert books
        inner = zipfile.ZipFile(io.BytesIO(zf.read(books[0])))
        core = inner.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


# --- templates --------------------------------------------------------------------------------


def test_not_a_pptx_is_a_template_error(tmp_path) -> None:
    bad = tmp_path / "corp.pptx"
    bad.write_text("not a presentation")
    with pytest.raises(TemplateError, match=r"not a \.pptx"):
        build_deck(zh_model(), template=bad)
    with pytest.raises(TemplateError, match="not found"):
        build_deck(zh_model(), template=tmp_path / "missing.pptx")


def test_docx_is_not_a_pptx(tmp_path) -> None:
    import docx

    path = tmp_path / "corp.pptx"
    docx.Document().save(str(path))
    with pytest.raises(TemplateError, match=r"not a \.pptx"):
        build_deck(zh_model(), template=path)


def test_missing_layout_is_named(tmp_path) -> None:
    from pptx import Presentation

    prs = Presentation(str(DEFAULT_TEMPLATE))
    for layout in prs.slide_layouts:
        if layout.name == "Section Header":
            layout._element.cSld.set("name", "Divider")
    path = tmp_path / "corp.pptx"
    prs.save(str(path))
    with pytest.raises(TemplateError, match="'Section Header'.*section.*'Divider'"):
        build_deck(zh_model(), template=path)


def test_user_template_sample_slides_are_removed(tmp_path, zh_charts) -> None:
    from pptx import Presentation

    prs = Presentation(str(DEFAULT_TEMPLATE))
    for _ in range(3):
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.shapes.title.text = "SAMPLE SLIDE"
        slide.notes_slide.notes_text_frame.text = "sample notes"
    prs.core_properties.author = "Corp Designer"
    path = tmp_path / "corp.pptx"
    prs.save(str(path))
    data = build_deck(zh_model(), charts=zh_charts, template=path)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        assert len(names) == len(set(names))
        slides = [n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        assert len(slides) == 15
        assert not any(b"SAMPLE SLIDE" in zf.read(n) for n in names if n.endswith(".xml"))
    reopened = _open(data)
    assert len(reopened.slides) == 15 and reopened.core_properties.author == "张三; 李四"


# --- English ----------------------------------------------------------------------------------


def test_english_article_gives_an_english_deck(tmp_path) -> None:
    from charts.models import en_model

    model = en_model()
    data = build_deck(model, charts=fake_charts(model, tmp_path / "c"))
    prs = _open(data)
    titles = _titles(prs)
    assert titles[0] == model.headline or titles[0]
    assert "Sources and notes" in titles and "目录" not in titles
    for _, root in _parts(data, ("ppt/slides/slide",)):
        for rpr in root.iter(f"{{{A}}}rPr"):
            assert rpr.get("lang") == "en-US"
    _check_numbers(data, model)
    _check_fit(data)


# --- seed article -----------------------------------------------------------------------------


def test_seed_deck_fits_and_traces_numbers(seed_model, tmp_path) -> None:
    data = build_deck(seed_model, charts=fake_charts(seed_model, tmp_path / "c"))
    prs = _open(data)
    titles = _titles(prs)
    assert sum(1 for s in prs.slides if s.slide_layout.name == "Section Header") == 3
    marks = [
        s.text_frame.text for slide in prs.slides for s in slide.shapes if s.name == "Section Mark"
    ]
    assert marks == ["守 · 变", "时 · 势", "硬 · 软"]
    assert len(titles) == len(prs.slides)
    _check_numbers(data, seed_model)
    assert _check_fit(data) > 40


def test_a_section_without_lead_sentences_shows_its_opening_sentences() -> None:
    """News paragraphs of one sentence give no points; the deck still says what the section says,
    verbatim, and leaves quotes to the quote slide."""
    from reportgen.extract import extract_text

    article = (
        "# Port plan\n\nBy A. Writer\n\nThe port grew last year.\n\n"
        "## A costly transition\n\nThe plan will cost about $2.3 billion over ten years.\n\n"
        '"We are betting on clean fuel," said the mayor.\n\n'
        "Critics say the timeline is too short. Others disagree.\n"
    )
    model = extract_text(article)
    assert model.themes and not model.themes[0].points
    prs = _open(build_deck(model))
    slide = next(
        s
        for s in prs.slides
        if s.shapes.title.text_frame.text == "A costly transition"
        and any(sh.name == "Point" for sh in s.shapes)
    )
    texts = [sh.text_frame.text for sh in slide.shapes if sh.name == "Point"]
    assert texts == [
        "The plan will cost about $2.3 billion over ten years.",
        "Critics say the timeline is too short.",
    ]
    notes = slide.notes_slide.notes_text_frame.text
    assert "The plan will cost about $2.3 billion over ten years." in notes
