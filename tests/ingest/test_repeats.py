"""Notes about the article rather than in it (an editor's note on its column or series), and
text set twice (pull quotes): kept out of the body, the body kept whole."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_text
from reportgen.ingest.patterns import furniture

P1 = "今年前三季度，全省进出口总值达到九千亿元，同比增长百分之六，增速高于全国平均水平。"
P2 = "在政策支持下，跨境电商快速发展，全省跨境电商进出口额增长百分之十八。"
P3 = "业内人士认为，稳外贸需要进一步降低企业物流成本，提升通关便利化水平。"


def _body(model) -> list[str]:
    return [p.text for p in model.lead] + [p.text for t in model.themes for p in t.paragraphs]


@pytest.mark.parametrize(
    "note",
    [
        "编者按：今年以来，各地多措并举稳增长。本报即日起推出系列报道，聚焦各地的探索与实践。",
        "【编者按】为深入学习宣传全会精神，本网开设专栏，邀请专家学者撰写理论文章，敬请关注。",
        "Editor's note: This story is part of our series on rural schools.",
        "Editor’s Note: This article was updated to correct the name of the county.",
    ],
)
def test_an_editors_note_on_the_series_is_furniture(note: str) -> None:
    assert furniture(note)
    m = extract_text(f"外贸稳中向好\n\n{note}\n\n{P1}\n\n{P2}\n\n{P3}\n")
    assert note in m.furniture
    assert _body(m) == [P1, P2, P3]


def test_an_editors_note_opening_the_subject_stays_text() -> None:
    note = "编者按：刚刚过去的一年，全省外贸顶住压力，规模再创新高，质量稳步提升。"
    assert not furniture(note)
    m = extract_text(f"外贸稳中向好\n\n{note}\n\n{P1}\n\n{P2}\n")
    assert _body(m) == [note, P1, P2]


def test_a_pull_quote_set_apart_is_furniture_once_and_the_body_keeps_it() -> None:
    quoted = "“我们的订单已经排到了明年二月。”一家电子企业的负责人说，企业今年开拓了新市场。"
    pull = "订单已经排到了明年二月"
    m = extract_text(f"外贸稳中向好\n\n{P1}\n\n{quoted}\n\n{pull}\n\n{P2}\n\n{P3}\n")
    assert pull in m.furniture
    assert _body(m) == [P1, quoted, P2, P3]


def test_english_pull_quote() -> None:
    paras = [
        "The county opened its new clinic on Monday after three years of planning and delays.",
        'Its director, Ana Ruiz, said: "We finally have room for everyone who needs care." '
        "She expects 200 patients a week.",
        "The clinic will add dental care next year, officials said on Monday.",
    ]
    pull = '"We finally have room for everyone who needs care."'
    text = f"Clinic Opens Its Doors\n\n{paras[0]}\n\n{pull}\n\n{paras[1]}\n\n{paras[2]}\n"
    m = extract_text(text)
    assert pull in m.furniture
    assert _body(m) == paras


def test_a_short_paragraph_said_once_stays() -> None:
    short = "订单排到了明年。"
    m = extract_text(f"外贸稳中向好\n\n{P1}\n\n{short}\n\n{P2}\n")
    assert _body(m) == [P1, short, P2]


def test_many_lines_opening_alike_are_a_list_not_pull_quotes() -> None:
    items = [f"全市今年新增重点项目{n}个" for n in "一二三四五六七八九十"]
    summary = "今年以来，" + "，".join(items) + "，投资规模创下新高，带动就业明显增加。"
    m = extract_text(f"重点项目加快建设\n\n{summary}\n\n" + "\n\n".join(items) + f"\n\n{P3}\n")
    assert not any(i in m.furniture for i in items)
