"""A boxed commentary (【点评】) the page sets under a section belongs with that section: a
callout slide after its section's, never an agenda entry, a divider or a summary card."""

from __future__ import annotations

import io

from factories import zh_model

from reportgen.model import Paragraph, Span, Theme
from reportgen.plans.deck import commentary_of, theme_number
from reportgen.writers.deck import build_deck

COMMENT = "园区的经验说明，产业升级要立足自身优势，久久为功，不能只做数量叠加。"


def _with_commentary():
    model = zh_model()
    text = model.text + "\n\n【点评】\n\n" + COMMENT
    head = text.index("【点评】")
    at = text.index(COMMENT)
    box = Theme(
        heading="【点评】",
        paragraphs=[Paragraph(text=COMMENT, span=Span(start=at, end=at + len(COMMENT)))],
        span=Span(start=head, end=at + len(COMMENT)),
    )
    themes = [model.themes[0], box, *model.themes[1:]]
    return model.model_copy(update={"text": text, "themes": themes})


def test_commentary_belongs_to_the_section_before_it() -> None:
    model = _with_commentary()
    assert commentary_of(model, 1) == 0 and commentary_of(model, 2) is None
    assert [theme_number(model, i) for i in range(4)] == ["01", "01", "02", "03"]


def test_commentary_is_a_callout_slide_not_a_section() -> None:
    from pptx import Presentation

    model = _with_commentary()
    prs = Presentation(io.BytesIO(build_deck(model)))
    slides = list(prs.slides)
    titles = [s.shapes.title.text_frame.text for s in slides]
    agenda = slides[titles.index("目录")]
    agenda_text = " ".join(s.text_frame.text for s in agenda.shapes if s.has_text_frame)
    assert "【点评】" not in agenda_text
    assert "【点评】" not in titles  # no divider of its own
    callout = [t for t in titles if t.startswith("【点评】")]
    assert callout == ["【点评】" + model.themes[0].heading.split(" ")[0]]
    slide = slides[titles.index(callout[0])]
    points = " ".join(s.text_frame.text for s in slide.shapes if s.name == "Point")
    assert COMMENT[:10] in points
    tag = next(s.text_frame.text for s in slide.shapes if s.name == "Theme Tag")
    assert tag == "·".join(model.themes[0].pair)  # the chip of the section it belongs to
    # it comes after its section's slides and before the next section's divider
    assert titles.index(callout[0]) < titles.index(model.themes[2].heading.split(" ")[0])
    summary = slides[titles.index("总结")]
    assert "【点评】" not in " ".join(s.text_frame.text for s in summary.shapes if s.has_text_frame)


def test_the_brief_sets_commentary_under_its_section_and_names_the_publication() -> None:
    import docx

    from reportgen.writers.brief import render_brief

    model = _with_commentary().model_copy(update={"credits": ["（来源：东海日报）"]})
    document = docx.Document(io.BytesIO(render_brief(model, charts=None)))
    styles = {p.text: p.style.name for p in document.paragraphs if p.text.strip()}
    assert styles["【点评】"] == "Heading 2"
    assert styles[model.themes[0].heading] == "Heading 1"
    texts = [p.text for p in document.paragraphs]
    assert COMMENT in texts  # the commentary's words reach the brief whole
    assert any(t.startswith("来源：东海日报") for t in texts)
    toc = [p.text for p in document.paragraphs if p.style.name.startswith("TOC")]
    assert not any("【点评】" in t for t in toc)
    points = next(i for i, t in enumerate(texts) if t == "核心要点")
    keys = " ".join(texts[points : points + 8])
    assert "【点评】" not in keys  # no key point of its own


def test_a_deck_of_many_sections_has_no_divider_before_a_plain_points_slide() -> None:
    """Eight sections of two points each, no chart, no quote: one slide each, no dividers."""
    from pptx import Presentation

    from reportgen.extract import extract_text

    parts = ["各区重点工作概览"]
    for k in range(8):
        parts += [
            f"## 第{k + 1}区推进道路改造",
            f"全区完成道路改造{k + 11}公里，新增停车位{k + 300}个。",
            f"区里新建口袋公园{k + 3}处，居民出行更加便利。",
        ]
    model = extract_text("\n\n".join(parts))
    assert len(model.themes) == 8
    prs = Presentation(io.BytesIO(build_deck(model)))
    layouts = [s.slide_layout.name for s in prs.slides]
    assert "Section Header" not in layouts
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    for theme in model.themes:
        assert theme.heading in titles  # each section still has its slide, under its heading


def test_the_gongwen_brief_numbers_sections_only() -> None:
    import docx

    from reportgen.theme import TEMPLATES
    from reportgen.writers.brief import render_brief

    model = _with_commentary()
    data = render_brief(model, charts=None, template=TEMPLATES / "gongwen")
    heads = [
        (p.style.name, p.text)
        for p in docx.Document(io.BytesIO(data)).paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert ("Heading 2", "【点评】") in heads
    numbered = [t for s, t in heads if s == "Heading 1" and "、" in t[:3]]
    assert [t.split("、")[0] for t in numbered][-3:] == ["三", "四", "五"]  # none skipped
