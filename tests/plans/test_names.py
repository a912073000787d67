"""Named entities shown only when the plans are sure of them: a proper part, no clause words,
no fragment of a longer name."""

from __future__ import annotations

import io

from reportgen.model import Entity, Model, Source, Span
from reportgen.plans.names import sure, sure_entities


def _model(text: str, names: list[str], language: str) -> Model:
    entities = []
    for name in names:
        i = text.index(name)
        entities.append(
            Entity(text=name, kind="company", theme=0, span=Span(start=i, end=i + len(name)))
        )
    return Model(
        language=language,
        source=Source(name="t.txt", sha256="0" * 64),
        text=text,
        entities=entities,
    )


ZH = (
    "苏州星河光电有限公司今年新建两条产线。本地数据公司也在增加。"
    "业内人士表示，下周多家上市公司将披露业绩，分析师预计减持公司会减少。"
    "市属独资医院与南湖大学附属医院合作，启动民生项目。"
)


def test_chinese_names_need_a_proper_part_and_no_clause_words() -> None:
    names = ["苏州星河光电有限公司", "数据公司", "上市公司", "预计减持公司", "独资医院"]
    names += ["南湖大学附属医院", "启动民生项目"]
    model = _model(ZH, names, "zh")
    shown = [e.text for e in model.entities if sure(e, model)]
    assert "苏州星河光电有限公司" in shown
    for generic in ("数据公司", "上市公司", "预计减持公司", "独资医院", "启动民生项目"):
        assert generic not in shown, generic


EN = (
    "The Public Employees' Retirement Association pays pensions. Total General Fund revenue "
    "rose, and Harbor Valley College hired staff, said Marsh & Lane Inc."
)


def test_english_names_are_whole_capitalized_and_no_fragment() -> None:
    names = ["Retirement Association", "Total General Fund", "Harbor Valley College"]
    names += ["Marsh & Lane Inc"]
    model = _model(EN, names, "en")
    shown = [e.text for e in model.entities if sure(e, model)]
    assert shown == ["Harbor Valley College", "Marsh & Lane Inc"]


def test_the_deck_shows_only_sure_names_as_cases(seed_model) -> None:
    """The seed's points slides carry chips of sure names only; a generic noun the model holds
    as an entity is not shown (rendered .pptx reopened)."""
    from pptx import Presentation

    from reportgen.writers.deck import build_deck

    theme = next(i for i, t in enumerate(seed_model.themes) if sure_entities(seed_model, i))
    start, end = seed_model.themes[theme].span.start, seed_model.themes[theme].span.end
    section = seed_model.text[start:end]
    word = next(w for w in ("企业", "项目", "公司", "平台", "基地", "中心") if w in section)
    at = section.index(word) + start
    generic = Entity(text=word, kind="company", theme=theme, span=Span(start=at, end=at + 2))
    model = seed_model.model_copy(update={"entities": [*seed_model.entities, generic]})
    prs = Presentation(io.BytesIO(build_deck(model)))
    chips = [s.text_frame.text for slide in prs.slides for s in slide.shapes if s.name == "Case"]
    assert chips and word not in chips
    assert set(chips) <= {e.text for e in seed_model.entities if sure(e, seed_model)}
