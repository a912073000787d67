"""The brief's first page is what an analyst would send: key points without the wire's
dateline (the source they name kept), the dek's figure among the lead figures."""

from __future__ import annotations

import io

from docx import Document
from pptx import Presentation

from reportgen.extract import extract_text
from reportgen.plans.select import headline
from reportgen.writers.brief import render_brief
from reportgen.writers.deck import build_deck

ARTICLE = "\n\n".join(
    [
        "# 前三季度港口运输稳中向好",
        "## 集装箱吞吐量超2.1亿标箱",
        "> 《港航日报》（2025年10月10日第 01 版）",
        "本报北京10月9日电  （记者王五）记者从交通运输部获悉：前三季度，全国港口运输保持平稳，"
        "港口货物吞吐量继续增长，外贸航线持续加密。",
        "运输保障更加有力。专项资金规模增加至500亿元，首批120亿元资金已于7月下达。"
        "前三季度，港口完成集装箱吞吐量超过2.1亿标箱，带动港口营业收入达860亿元。",
        "航线网络更加完善。新开外贸航线45条，覆盖共建国家港口130个。",
    ]
)


def test_the_deks_figure_is_a_lead_figure_and_a_card() -> None:
    model = extract_text(ARTICLE)
    facts = headline(model, 2)  # the brief's figures line shows two
    assert any("2.1亿标箱" in f.text for f in facts)  # the dek states it (超 for 超过)
    deck = Presentation(io.BytesIO(build_deck(model)))
    cards = [s.text_frame.text for sl in deck.slides for s in sl.shapes if s.name == "KPI Value"]
    assert any("2.1" in c for c in cards)


def test_key_points_drop_the_dateline_and_keep_the_named_source() -> None:
    doc = Document(io.BytesIO(render_brief(extract_text(ARTICLE))))
    points = [p.text for p in doc.paragraphs if p.style.name.startswith("List")]
    assert not any("本报北京" in p or "记者王五" in p for p in points)
    assert any(p.startswith("记者从交通运输部获悉：前三季度") for p in points)
