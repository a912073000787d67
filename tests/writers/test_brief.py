"""The Word briefing: structure, Word craft, Chinese typography, provenance, templates, bytes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from charts.models import en_model
from factories import zh_model

from reportgen.errors import ConfigError, TemplateError
from reportgen.writers.brief import render_brief, write_brief
from writers.brief_support import NUMBER, W, body_texts, fake_charts, parts

EPOCH = "1735689600"  # 2025-01-01T00:00:00Z


@pytest.fixture(scope="module")
def zh(tmp_path_factory):
    """The sample model's brief, written once for the read-only checks below."""
    tmp = tmp_path_factory.mktemp("brief")
    model = zh_model()
    charts = fake_charts(model, tmp / "charts")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        out = write_brief(model, tmp / "brief.docx", charts=charts)
    return model, charts, out, docx.Document(str(out))


def styled(document, name: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == name]


def test_title_headings_and_one_section_per_theme(zh):
    model, _, _, document = zh
    assert styled(document, "Title") == [model.headline]
    assert styled(document, "Brief Kicker") == [model.kicker]
    heads = styled(document, "Heading 1")
    for theme in model.themes:
        assert theme.heading in heads
    assert heads.index(model.themes[0].heading) < heads.index(model.themes[2].heading)
    meta = " ".join(styled(document, "Brief Meta"))
    assert "张三、李四" in meta and "2025-01-01" in meta


def test_key_points_one_per_theme_plus_lead_figures(zh):
    model, _, _, document = zh
    section = []
    started = False
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            started = p.text == "核心要点"
            continue
        if started and p.style.name == "List Bullet":
            section.append(p.text)
    assert 3 <= len(section) <= 6
    assert "突破1200亿元" in section[0]
    for theme, point in zip(model.themes, section[1:], strict=True):
        assert point.startswith(theme.heading.split()[0])
    # the strongest figure of a theme: the whole of a part-of, the ranked index
    assert "制度创新成果40项" in section[2] and "创新指数150.2" in section[3]


def test_figures_table_repeats_its_header_and_keeps_qualifiers(zh):
    model, _, _, document = zh
    table = document.tables[0]
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    values = [row.cells[1].text for row in table.rows[1:]]
    assert "突破1200亿元" in values and "近50个" in values and "120余家" in values
    assert len(values) == sum(1 for f in model.facts if f.counts)


def test_pictures_have_alt_text_and_numbered_captions(zh):
    _, charts, out, document = zh
    xml = parts(out)["word/document.xml"].decode()
    descrs = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert len(descrs) == len(charts.entries) == len(document.inline_shapes)
    assert all(descrs) and all(e.alt in descrs for e in charts.entries)
    assert "/" not in "".join(re.findall(r'<pic:cNvPr [^>]*name="([^"]*)"', xml))
    captions = [t for t in styled(document, "Caption") if t.startswith("图")]
    assert [c.split()[0] for c in captions] == [f"图{i}" for i in range(1, len(descrs) + 1)]
    assert "SEQ 图" in xml


def test_east_asian_fonts_language_and_kinsoku(zh):
    _, _, out, _ = zh
    files = parts(out)
    styles = files["word/styles.xml"].decode()
    for style_id in ("Normal", "Title", "Heading1", "Heading2", "Caption", "Quote"):
        block = re.search(rf'w:styleId="{style_id}".*?</w:style>', styles, re.S).group(0)
        assert 'w:eastAsia="Microsoft YaHei"' in block, style_id
        assert "Theme=" not in block and "cstheme" not in block, style_id
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
    assert 'w:eastAsia="zh-CN"' in defaults and 'w:eastAsia="Microsoft YaHei"' in defaults
    assert re.search(
        r'<w:themeFontLang [^>]*w:eastAsia="zh-CN"', files["word/settings.xml"].decode()
    )
    normal = re.search(r'w:styleId="Normal".*?</w:style>', styles, re.S).group(0)
    assert '<w:kinsoku w:val="1"/>' in normal
    assert 'w:hint="eastAsia"' in files["word/document.xml"].decode()


def test_footer_page_field_and_header_title(zh):
    model, _, out, document = zh
    footers = "".join(v.decode() for k, v in parts(out).items() if "footer" in k)
    assert "<w:instrText" in footers and " PAGE " in footers
    assert document.sections[0].header.paragraphs[0].text == model.headline
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_toc_is_filled_with_linked_heading_entries(zh):
    _, _, out, document = zh
    xml = parts(out)["word/document.xml"].decode()
    assert re.search(r"<w:instrText[^>]*> TOC \\o", xml)
    entries = [p.text for p in document.paragraphs if p.style.name == "TOC 1"]
    assert entries == styled(document, "Heading 1")
    anchors = re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml)
    marks = re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml)
    assert anchors and set(anchors) <= set(marks)


def test_quotes_are_block_quotes_with_speaker(zh):
    model, _, _, document = zh
    quotes = styled(document, "Quote")
    assert any(model.quotes[0].text in q for q in quotes)
    assert "——示范区主要负责人" in quotes


def test_annex_traces_every_fact_and_quote_and_marks_derived(zh):
    model, _, _, document = zh
    rows = {}
    for table in document.tables[1:]:
        for row in table.rows[1:]:
            rows[row.cells[0].text] = [c.text for c in row.cells]
    facts = sorted(model.facts, key=lambda f: f.span.start)
    for i, fact in enumerate(facts, 1):
        assert rows[f"D{i}"][2] == model.sentence_of(fact)
    assert rows["Q1"][2] == model.sentence_of(model.quotes[0])
    derived = [r for k, r in rows.items() if k.startswith("X")]
    assert derived and all("派生" in r[1] for r in derived)


def test_core_properties_and_no_template_leftovers(zh):
    model, _, out, document = zh
    core = document.core_properties
    assert core.title == model.headline and core.author == "张三、李四"
    assert core.created.isoformat().startswith("2025-01-01") and core.modified == core.created
    assert core.language == "zh-CN" and core.comments == ""
    files = parts(out)
    assert not any("thumbnail" in name for name in files)
    assert b"python-docx" not in files["docProps/core.xml"]
    assert b"Normal.dotm" not in files["docProps/app.xml"]
    assert b"savePreviewPicture" not in files["word/settings.xml"]


def test_no_empty_paragraphs_for_spacing(zh):
    _, _, _, document = zh
    body = document.element.body
    for p in body.iter(f"{W}p"):
        if p.getparent() is not body:
            continue
        has = "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
        drawing = p.find(f".//{W}drawing") is not None or p.find(f".//{W}br") is not None
        assert has or drawing, "empty paragraph used for spacing"


def _verbatim(model) -> list[str]:
    found = [model.headline, model.kicker, model.source.name, *model.authors]
    for f in model.facts:
        found += [model.sentence_of(f), f.text, f.counts]
    for q in model.quotes:
        found += [model.sentence_of(q), q.text]
    for t in model.themes:
        found += [t.heading, *(p.text for p in t.paragraphs), *(p.text for p in t.points)]
    found += [p.text for p in model.lead] + [c.text for c in model.captions]
    return sorted({s for s in found if s}, key=len, reverse=True)


def test_every_number_is_a_fact_a_derived_value_or_a_label(zh):
    model, charts, _, document = zh
    texts = body_texts(document)
    derived = {
        f"{v:g}"
        for e in charts.entries
        for s in e.spec.series
        for v, d in zip(s.values, s.derived, strict=True)
        if d
    }
    stray = []
    for text in texts:
        for surface in _verbatim(model):
            text = text.replace(surface, " ")
        text = re.sub(r"(?:图|表)\d+|\b[DQX]\d+\b|2025-01-01", " ", text)
        for number in NUMBER.findall(text):
            if not (number in derived and "派生" in text):
                stray.append((number, text))
    assert not stray


def test_same_input_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    model = zh_model()
    charts = fake_charts(model, tmp_path / "c")
    assert render_brief(model, charts=charts) == render_brief(model, charts=charts)


def test_without_source_date_epoch_there_is_no_date(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    document = docx.Document(io.BytesIO(render_brief(zh_model(), charts=None)))
    assert not any("生成日期" in t for t in styled(document, "Brief Meta"))
    assert document.core_properties.created.year == 2000
    assert not document.inline_shapes


def test_english_article_gets_an_english_memo(tmp_path):
    model = en_model()
    charts = fake_charts(model, tmp_path / "c")
    document = docx.Document(io.BytesIO(render_brief(model, charts=charts)))
    heads = styled(document, "Heading 1")
    assert heads[:2] == ["Key points", "Key figures"] and "Opening up" in heads
    text = "\n".join(body_texts(document))
    assert not re.search("[\u4e00-\u9fff]", text)
    # "figure (what it counts)": never two colons in one key point
    assert "Figure 1" in text and "passed 370 billion yuan (output)" in text
    assert not [t for t in text.splitlines() if t.count(": ") > 1]
    assert document.core_properties.language == "en-US"


def test_gongwen_layout(tmp_path):
    model = zh_model()
    data = render_brief(model, charts=fake_charts(model, tmp_path / "c"), style="gongwen")
    document = docx.Document(io.BytesIO(data))
    s = document.sections[0]
    margins = [round(m.mm) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)]
    assert margins == [37, 35, 28, 26]
    styles = document.styles
    assert styles["Title"].font.size.pt == 22 and styles["Normal"].font.size.pt == 16
    east = {
        n: styles[n].element.rPr.rFonts.get(f"{W}eastAsia")
        for n in ("Title", "Normal", "Heading 1", "Heading 2")
    }
    assert east == {
        "Title": "方正小标宋简体",
        "Normal": "仿宋_GB2312",
        "Heading 1": "黑体",
        "Heading 2": "楷体_GB2312",
    }
    heads = styled(document, "Heading 1")
    assert heads[0] == "一、核心要点" and heads[2] == "三、" + model.themes[0].heading
    assert any(t.startswith("（一）") for t in styled(document, "Heading 2"))
    assert s.footer.paragraphs[0].text == "— 1 —" and s.even_page_footer.paragraphs[0].text
    assert "方正小标宋简体" in parts_from(data)["word/fontTable.xml"].decode()


def parts_from(data: bytes) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_user_template_styles_and_letterhead_are_kept(tmp_path):
    template = docx.Document()
    template.styles["Normal"].font.name = "Georgia"
    template.sections[0].header.paragraphs[0].text = "ACME Policy Office"
    path = tmp_path / "mine.docx"
    template.save(str(path))
    document = docx.Document(io.BytesIO(render_brief(zh_model(), template=path)))
    assert document.sections[0].header.paragraphs[0].text == "ACME Policy Office"
    rfonts = document.styles["Normal"].element.rPr.rFonts
    assert rfonts.get(f"{W}ascii") == "Georgia" and rfonts.get(f"{W}eastAsia")


def test_template_missing_a_style_is_named(tmp_path):
    template = docx.Document()
    template.styles["Quote"].element.getparent().remove(template.styles["Quote"].element)
    path = tmp_path / "noquote.docx"
    template.save(str(path))
    with pytest.raises(TemplateError, match="'Quote'"):
        render_brief(zh_model(), template=path)


def test_template_that_is_not_a_docx(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(TemplateError, match="not a .docx"):
        render_brief(zh_model(), template=path)
    broken = tmp_path / "broken.docx"
    import zipfile

    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(TemplateError, match="not a usable .docx"):
        render_brief(zh_model(), template=broken)


def test_plan_folder_with_unknown_block_kind(tmp_path):
    (tmp_path / "brief.yaml.j2").write_text("blocks:\n  - kind: fireworks\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="fireworks"):
        render_brief(zh_model(), template=tmp_path)


def test_plan_folder_reorders_the_memo_without_python(tmp_path):
    plan = (
        "header: ''\nblocks:\n"
        "{% for t in themes | reverse %}\n"
        "  - kind: theme_section\n    heading: {{ t.heading | q }}\n"
        "{% endfor %}\n"
    )
    (tmp_path / "brief.yaml.j2").write_text(plan, encoding="utf-8")
    document = docx.Document(io.BytesIO(render_brief(zh_model(), template=tmp_path)))
    heads = styled(document, "Heading 1")
    assert heads == [t.heading for t in reversed(zh_model().themes)]


def test_unknown_style_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown brief style"):
        render_brief(zh_model(), style="../default")


def test_control_characters_are_dropped(tmp_path):
    model = zh_model()
    model.kicker = "以改革\x0b推动发展"
    document = docx.Document(io.BytesIO(render_brief(model)))
    assert styled(document, "Brief Kicker") == ["以改革推动发展"]


def test_reference_docx_is_regenerable():
    import importlib.util

    root = Path(__file__).resolve().parents[2] / "templates"
    spec = importlib.util.spec_from_file_location("make_reference", root / "make_reference_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for style in ("default", "gongwen"):
        assert module.build(style) == (root / style / "reference.docx").read_bytes(), style


def test_seed_brief_has_the_three_pairs_and_only_traced_numbers(seed_model, tmp_path):
    document = docx.Document(
        io.BytesIO(render_brief(seed_model, charts=fake_charts(seed_model, tmp_path)))
    )
    heads = "".join(styled(document, "Heading 1"))
    for pair in ("平衡“守”与“变”", "把握“时”与“势”", "统筹“硬”与“软”"):
        assert pair in heads
    assert "突破3700亿元" in "".join(body_texts(document))
    verbatim = _verbatim(seed_model)
    for text in body_texts(document):
        for surface in verbatim:
            text = text.replace(surface, " ")
        text = re.sub(r"(?:图|表)\d+|\b[DQX]\d+\b", " ", text)
        assert not [n for n in NUMBER.findall(text) if "派生" not in text], text


def test_theme_sections_list_the_named_entities(tmp_path, seed_model) -> None:
    """Each theme section names the companies, institutions and projects of that theme."""
    from docx import Document

    from reportgen.charts import run
    from reportgen.writers.brief import write_brief

    out = tmp_path / "brief.docx"
    write_brief(seed_model, out, charts=run(seed_model, tmp_path / "charts"))
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    for entity in seed_model.entities:
        if entity.theme is not None:
            assert entity.text in text
    assert "文中提及的企业、机构与项目" in text


ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _fixture_brief(name: str, tmp_path, style: str = "default"):
    from reportgen.extract import extract_path

    model = extract_path(ARTICLES / name)
    data = render_brief(model, charts=fake_charts(model, tmp_path / "c"), style=style)
    return model, data, docx.Document(io.BytesIO(data))


def test_vague_counts_show_the_clause_that_states_them(seed_model, tmp_path):
    """企业 twice, 部门, 县: the table quotes the clause; a clear word (博士) stays."""
    document = docx.Document(
        io.BytesIO(render_brief(seed_model, charts=fake_charts(seed_model, tmp_path)))
    )
    labels = [row.cells[0].text for row in document.tables[0].rows[1:]]
    assert "钱塘32家企业榜上有名" in labels and "在全省90个县(市、区)中" in labels
    assert "企业" not in labels and "县" not in labels and "博士" in labels
    sentences = {seed_model.sentence_of(f) for f in seed_model.facts}
    for label in labels:
        assert label in {f.counts for f in seed_model.facts} or any(label in s for s in sentences)


def test_annex_writes_a_shared_sentence_once_in_a_merged_cell(zh):
    model, _, out, document = zh
    xml = parts(out)["word/document.xml"].decode()
    of = model.sentence_of
    shared = {of(f) for f in model.facts if sum(of(g) == of(f) for g in model.facts) > 1}
    assert shared and xml.count('<w:vMerge w:val="restart"/>') == len(shared)
    annex = document.tables[1]
    written = [t.text for t in annex._tbl.iter(f"{W}t")]
    assert sorted(t for t in written if t in shared) == sorted(shared)  # each written once
    assert all(row.cells[2].text for row in annex.rows[1:])  # read back for every row


def test_sections_without_points_show_their_paragraphs_and_trim_quote_commas(tmp_path):
    _, _, document = _fixture_brief("en_plain.txt", tmp_path)
    normal = [p.text for p in document.paragraphs if p.style.name == "Normal"]
    assert any(t.startswith("Local businesses created roughly 3,200 jobs") for t in normal)
    quotes = styled(document, "Quote")
    assert "“The waterfront is finally working for residents and visitors alike”" in quotes
    values = [row.cells[1].text for row in document.tables[0].rows[1:]]
    assert "roughly 3,200 jobs" in values
    assert all(c.text[:1].isupper() for c in document.tables[0].columns[0].cells)


def test_article_without_headings_gets_its_text_and_quote(tmp_path):
    model, _, document = _fixture_brief("zh_noheadings.txt", tmp_path)
    assert "主要内容" in styled(document, "Heading 1")
    normal = [p.text for p in document.paragraphs if p.style.name == "Normal"]
    assert model.lead[0].text in normal
    assert any(model.quotes[0].text in q for q in styled(document, "Quote"))


def test_annex_flows_in_default_and_starts_a_page_in_gongwen(tmp_path):
    model = zh_model()
    for style, breaks in (("default", 0), ("gongwen", 1)):
        data = render_brief(model, charts=fake_charts(model, tmp_path / style), style=style)
        xml = parts_from(data)["word/document.xml"].decode()
        assert xml.count('w:type="page"') == breaks, style


def test_gongwen_numbers_headings_once(tmp_path):
    _, _, document = _fixture_brief("zh_numbered.txt", tmp_path, style="gongwen")
    heads = styled(document, "Heading 1")
    assert "三、聚焦“稳”与“进” 夯实产业根基" in heads
    assert not [
        h for h in heads if re.match(r"^[一二三四五六七八九十]+、[一二三四五六七八九十]+、", h)
    ]


def test_derived_values_say_how_without_the_chart_note_prefix(zh):
    _, _, _, document = zh
    how = [row.cells[3].text for row in document.tables[-1].rows[1:]]
    assert how and not [h for h in how if h.startswith("注")]


def test_english_headings_and_body_are_not_justified():
    from reportgen.theme import load_theme
    from reportgen.writers.brief_look import default_specs

    en, zh_specs = default_specs(load_theme(), "en"), default_specs(load_theme(), "zh")
    assert en["Normal"]["align"] == "left" and zh_specs["Normal"]["align"] == "both"
    assert en["Heading 1"]["align"] == zh_specs["Heading 1"]["align"] == "left"


def test_core_properties_are_cut_to_the_format_limit() -> None:
    import datetime as dt

    from reportgen.writers.docx_helpers import set_core_properties

    document = docx.Document()
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    set_core_properties(
        document, title="题" * 300, author="作者" * 200, when=when, language="zh-CN"
    )
    assert len(document.core_properties.title) == 255
    assert len(document.core_properties.author) == 255


def test_the_publication_date_is_a_meta_line_under_the_title_only_when_there_is_one(tmp_path):
    model = zh_model()
    plain = docx.Document(str(write_brief(model, tmp_path / "a.docx")))
    assert not any("发布日期" in t for t in styled(plain, "Brief Meta"))
    model.date = "2020年08月23日"
    dated = docx.Document(str(write_brief(model, tmp_path / "b.docx")))
    assert "发布日期：2020年8月23日" in styled(dated, "Brief Meta")
    texts = [p.text for p in dated.paragraphs]
    assert texts.index("发布日期：2020年8月23日") < texts.index(styled(dated, "TOC Heading")[0])
    gongwen = docx.Document(io.BytesIO(render_brief(model, style="gongwen")))
    assert "发布日期：2020年8月23日" in [p.text for p in gongwen.paragraphs[:6]]


def test_no_space_before_chinese_marks_in_the_brief_or_the_deck(tmp_path) -> None:
    from pptx import Presentation

    from reportgen.extract import extract_text
    from reportgen.writers.deck import write_deck

    model = extract_text(
        "# 某县经济稳步增长\n\n## 一、产业\n\n全县地区生产总值达到320亿元 ，同比增长6% 。"
        "董事长张三 、总裁李四出席。\n\n## 二、消费\n\n社会消费品零售总额达到120亿元 。\n"
    )
    brief = docx.Document(str(write_brief(model, tmp_path / "brief.docx")))
    texts = [p.text for p in brief.paragraphs]
    texts += [c.text for t in brief.tables for row in t.rows for c in row.cells]
    deck = Presentation(str(write_deck(model, tmp_path / "deck.pptx")))
    texts += [s.text_frame.text for sl in deck.slides for s in sl.shapes if s.has_text_frame]
    assert any("320亿元，" in t for t in texts)
    assert not [t for t in texts if re.search(r"\s[，。、；：]", t)]
