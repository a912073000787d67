"""Slide bullets in a built deck: a long sentence shows its main clause as the head and the rest
as the body, a question gives way, the speaker notes read the article's sentence whole."""

from __future__ import annotations

import io

from reportgen.extract import extract_text
from reportgen.writers.deck import build_deck

LONG = (
    "今年以来，全市新能源汽车产业规模持续扩大，整车产量同比增长35%，零部件企业新增120家，"
    "带动就业岗位增加约8000个，产业链条更加完整。"
)
ARTICLE = "\n\n".join(
    [
        "新能源汽车产业观察",
        "本报东湖5月6日电（记者张三）" + LONG + "这是第二句。",
        "怎样把产业链留在本地？",
        "园区新建了三座配套仓库，物流成本下降两成。",
        "据统计，全市充电桩数量达到5.6万个。",
    ]
)


def _points(data: bytes) -> list[tuple[str, str, str]]:
    from pptx import Presentation

    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        for shape in slide.shapes:
            if shape.name == "Point":
                paras = [p.text for p in shape.text_frame.paragraphs]
                out.append((paras[0], "".join(paras[1:]), notes))
    return out


def test_bullets_are_key_sentences_and_main_clauses() -> None:
    from pptx import Presentation

    data = build_deck(extract_text(ARTICLE))
    points = _points(data)
    heads = [h for h, _, _ in points]
    titles = [s.shapes.title.text_frame.text for s in Presentation(io.BytesIO(data)).slides]
    # an article without sections: its paragraph's key clause titles a topic slide (no dateline,
    # no reporter), the rest of that sentence opens its bullets
    assert "今年以来，全市新能源汽车产业规模持续扩大" in titles
    assert heads[0].startswith("整车产量同比增长35%")
    assert all("…" not in h + b for h, b, _ in points)
    assert "怎样把产业链留在本地？" not in heads  # a lone question is left to the brief
    assert "全市充电桩数量达到5.6万个。" in heads  # 据统计， trimmed
    notes = points[0][2]
    assert "今年以来，全市新能源汽车产业规模持续扩大，整车产量同比增长35%" in notes


TURNS = "\n\n".join(
    [
        "港口物流观察",
        "去年，港区的集装箱吞吐量达到120万标箱，比前年多出两成。",
        "过去这里只有一条泊位。",
        "如今情况不同了。新建的三座码头让船舶靠港时间缩短了一半。",
        "Things changed. 园区引进了十二家货代企业，开通了五条航线。",
    ]
)


def test_a_bare_transition_is_never_a_bullets_head() -> None:
    heads = [h for h, _, _ in _points(build_deck(extract_text(TURNS)))]
    assert "如今情况不同了。" not in heads
    assert "新建的三座码头让船舶靠港时间缩短了一半。" in heads  # the sentence after it
    assert not any(h.startswith("Things changed") for h in heads)


def test_a_bare_transition_is_no_key_point_of_the_brief() -> None:
    from docx import Document

    from reportgen.writers.brief import render_brief

    doc = Document(io.BytesIO(render_brief(extract_text(TURNS))))
    shown = [p.text.strip() for p in doc.paragraphs if p.style.name.startswith("List")]
    assert shown and not any(t.startswith("如今情况不同了") for t in shown)


def test_a_slide_title_never_ends_on_a_sentence_end_or_a_colon() -> None:
    from pptx import Presentation

    text = "\n\n".join(
        [
            "# 外媒看港口",
            "## 思想引领，为港口发展指明方向。",
            "港区集装箱吞吐量达到120万标箱，比前年多出两成。新建码头三座。",
            "## 英国某某报：",
            "港口一派繁忙景象，货轮排队进港。码头工人三班倒。",
        ]
    )
    deck = Presentation(io.BytesIO(build_deck(extract_text(text))))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert "思想引领，为港口发展指明方向" in titles
    assert not any(t.endswith(("。", "：", ":")) for t in titles)


def test_verify_finds_a_heading_in_a_title_without_its_dash_or_colon() -> None:
    from reportgen.verify.checks import _heading_has, fold

    assert _heading_has(fold("英国某某报"), "英国某某报：")
    assert _heading_has(fold("（清）某某"), "——（清）某某")
    assert not _heading_has(fold("港口观察"), "航运观察：")
