"""The cases each theme names (model.entities) on its points slide, or on a slide of their own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from factories import ZH_TEXT, zh_model

from reportgen.model import Entity, Span
from reportgen.theme import TEMPLATES
from reportgen.verify import fit_problem
from reportgen.writers.deck import build_deck, sentence_at
from writers.test_deck import fake_charts


def _open(data: bytes):
    from pptx import Presentation

    return Presentation(io.BytesIO(data))


def _entity(text: str, kind: str, theme: int) -> Entity:
    i = ZH_TEXT.index(text)
    return Entity(text=text, kind=kind, theme=theme, span=Span(start=i, end=i + len(text)))


def _with_entities(*entities: Entity):
    return zh_model().model_copy(update={"entities": list(entities)})


@pytest.fixture
def every_name_sure(monkeypatch):
    """The strip's layout tests use the fixture article's generic nouns as names: which names
    the plans are sure of is tested in tests/plans/test_names.py."""
    import reportgen.plans.names

    monkeypatch.setattr(reportgen.plans.names, "sure", lambda entity, model: True)


def _chips(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.name == "Case"]


def _fits(prs) -> list[str]:
    out = []
    for n, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            assert shape.top + shape.height <= prs.slide_height, (n, shape.name)
            if shape.has_text_frame and shape.text_frame.text.strip():
                problem = fit_problem(shape, int(prs.slide_width))
                if problem:
                    out.append(f"slide {n} {shape.name}: {problem}")
    return out


def test_sentence_at_finds_the_sentence_of_a_span() -> None:
    text = "Sales rose 12.5 percent. Acme Corp opened a plant, he said. Then more.\n他说：“好。”宝驿集团落户于此。"
    for name, sentence in (
        ("Acme Corp", "Acme Corp opened a plant, he said."),
        ("Sales", "Sales rose 12.5 percent."),
        ("宝驿集团", "他说：“好。”宝驿集团落户于此。"),  # words after a quote finish it
    ):
        i = text.index(name)
        assert sentence_at(text, Span(start=i, end=i + len(name))) == sentence


def test_cases_strip_on_the_points_slide_with_sentences_in_the_notes(every_name_sure) -> None:
    model = _with_entities(
        _entity("整车企业", "company", 0), _entity("示范区主要负责人", "institution", 0)
    )
    prs = _open(build_deck(model))
    shown = [(n, _chips(s)) for n, s in enumerate(prs.slides) if _chips(s)]
    assert len(shown) == 1
    n, chips = shown[0]
    slide = prs.slides[n]
    assert chips == ["整车企业", "示范区主要负责人"]
    assert any(s.name == "Theme Tag" and s.text_frame.text == "守·变" for s in slide.shapes)
    assert any(s.name == "Point" for s in slide.shapes), "the strip shares the points slide"
    notes = slide.notes_slide.notes_text_frame.text
    assert "• 整车企业（企业）：示范区已集聚整车企业3家、上下游企业120余家。" in notes
    assert "“产业发展不是数量叠加,而是要立足自身优势。”示范区主要负责人说。" in notes
    # the strip sits below the points
    points = max(s.top + s.height for s in slide.shapes if s.name == "Point")
    assert min(s.top for s in slide.shapes if s.name == "Case") > points
    assert _fits(prs) == []


def test_only_names_the_model_holds_for_that_theme(tmp_path, every_name_sure) -> None:
    plan = (TEMPLATES / "default" / "deck.yaml.j2").read_text(encoding="utf-8")
    invented = (
        'cases: {{ ((t.cases | map(attribute="text") | list) + ["虚构集团", "外资企业"]) | q }}'
    )
    plan = plan.replace('cases: {{ t.cases | map(attribute="text") | list | q }}', invented)
    assert invented in plan
    (tmp_path / "deck.yaml.j2").write_text(plan, encoding="utf-8")
    # 外资企业 is theme 1's entity: not shown for theme 0, shown for theme 1 only if planned
    model = _with_entities(_entity("整车企业", "company", 0), _entity("外资企业", "company", 1))
    prs = _open(build_deck(model, template=tmp_path))
    chips = [c for s in prs.slides for c in _chips(s)]
    assert "虚构集团" not in chips
    assert sorted(chips) == ["外资企业", "整车企业"]


def test_many_cases_get_a_slide_of_their_own(every_name_sure) -> None:
    names = [
        "规上工业总产值",
        "研发投入强度",
        "示范区已集聚整车企业",
        "上下游企业",
        "产业发展不是数量叠加",
        "示范区主要负责人",
        "示范区累计形成制度创新成果",
        "800余家外资企业",
        "世界500强投资项目",
        "翻开创新这张卷",
        "示范区创新指数",
    ]
    prs = _open(build_deck(_with_entities(*[_entity(n, "company", 0) for n in names])))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "擦亮产业辨识度：案例" in titles
    slide = prs.slides[titles.index("擦亮产业辨识度：案例")]
    heads = [s.text_frame.paragraphs[0].text for s in slide.shapes if s.name == "Point"]
    assert heads[:2] == ["规上工业总产值", "研发投入强度"]  # article order
    assert "• 规上工业总产值（企业）：" in slide.notes_slide.notes_text_frame.text
    assert not any(_chips(s) for s in prs.slides)
    assert _fits(prs) == []


def test_seed_themes_show_the_cases_they_name(seed_model, tmp_path) -> None:
    data = build_deck(seed_model, charts=fake_charts(seed_model, tmp_path / "c"))
    prs = _open(data)
    text_by_theme: dict[str, str] = {}
    for slide in prs.slides:
        tag = next((s.text_frame.text for s in slide.shapes if s.name == "Theme Tag"), None)
        if tag:
            body = " ".join(s.text_frame.text for s in slide.shapes if s.name in ("Case", "Point"))
            text_by_theme[tag] = text_by_theme.get(tag, "") + body
    from reportgen.plans.names import sure_entities

    for i, t in enumerate(seed_model.themes):
        names = {e.text for e in sure_entities(seed_model, i)}
        assert names and all(n in text_by_theme["·".join(t.pair)] for n in names)
    everywhere = {
        e.text for i in range(len(seed_model.themes)) for e in sure_entities(seed_model, i)
    }
    chips = {c for s in prs.slides for c in _chips(s)}
    assert chips <= everywhere
    assert _fits(prs) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_case_labels_exist(lang: str) -> None:
    import yaml

    labels = yaml.safe_load(
        Path(TEMPLATES / "default" / f"deck_labels_{lang}.yaml").read_text(encoding="utf-8")
    )
    for key in ("cases", "case_company", "case_institution", "case_project", "notes_cases"):
        assert labels[key]


def test_a_cases_slide_never_repeats_its_names_as_chips(seed_model, tmp_path) -> None:
    # more names than two rows of chips hold: the section's cases need a slide of their own
    first = next(e for e in seed_model.entities if e.theme is not None)
    many = [first.model_copy(update={"text": f"{first.text}第{i}分公司"}) for i in range(1, 25)]
    model = seed_model.model_copy(update={"entities": [*seed_model.entities, *many]})
    prs = _open(build_deck(model, charts=fake_charts(model, tmp_path / "c")))
    own = [s for s in prs.slides if s.shapes.title.text_frame.text.endswith("：案例")]
    assert own, "a section whose cases need a slide of their own"
    for slide in own:
        assert any(s.name == "Point" for s in slide.shapes)
        assert _chips(slide) == []
