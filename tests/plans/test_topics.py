"""Topic slides of an article without sections: titled by its paragraphs, short bullets."""

from __future__ import annotations

from reportgen.model import Span


def _paras(*texts):
    from reportgen.model import Paragraph

    return [Paragraph(text=t, span=Span(start=0, end=len(t))) for t in texts]


def test_an_article_without_sections_gets_topic_slides_titled_by_its_paragraphs() -> None:
    from reportgen.plans.topics import topic_slides

    paras = _paras(
        "本报北京3月2日电（记者张三）示例市外贸进出口再创新高，全年总额达到800亿元。"
        "其中出口增长12%。进口增长5%。",
        "示例市消费市场持续回暖。社会消费品零售总额增长6%。线上零售增长15%。",
        "责任编辑：李四",
        "示例市将继续扩大开放。",
        "“我们会继续努力。”市长说。",
        "示例市还将加快建设国际物流枢纽。",
    )
    slides = topic_slides(paras, "zh")
    titles = [s["title"] for s in slides]
    # the key clause of each paragraph's opening sentence, dateline trimmed; no "(cont.)"
    assert titles[:2] == ["示例市外贸进出口再创新高", "示例市消费市场持续回暖"]
    first = [i["head"] for i in slides[0]["items"]]
    assert first[0].startswith("全年总额达到800亿元") and len(first) <= 3
    # a one-sentence paragraph is a bullet of the one slide of loose points, never under
    # another paragraph's title; chrome and quotes give no slide and no bullet
    loose = [s for s in slides if not s["title"]]
    assert len(loose) == 1
    assert [i["head"] for i in loose[0]["items"]] == [
        "示例市将继续扩大开放。",
        "示例市还将加快建设国际物流枢纽。",
    ]
    # a slide of one short line says nothing: left to the brief
    assert topic_slides(_paras("示例市将继续扩大开放。"), "zh") == []
    text = " ".join(i["head"] + i["body"] for s in slides for i in s["items"]) + " ".join(titles)
    assert "责任编辑" not in text and "我们会继续努力" not in text


def test_a_topic_title_is_a_clause_never_a_cut_fragment() -> None:
    from reportgen.plans.topics import TITLE_MAX, topic_title

    assert topic_title("示例市消费市场持续回暖。", "zh") == ("示例市消费市场持续回暖", "")
    long = "A" + " word" * 40 + "."
    assert topic_title(long, "en") == ("", "")  # too long with no clause: no title at all
    title, rest = topic_title(
        "The town of Clutha also received funding for a new community hub, which is slated "
        "to create 150 direct and indirect jobs locally.",
        "en",
    )
    assert title == "The town of Clutha also received funding for a new community hub"
    assert rest.startswith("which") and len(title) <= TITLE_MAX["en"]
    assert topic_title("怎样才能把货运得又快又省？", "zh") == ("", "")


def test_the_deck_of_an_article_without_sections_has_no_continued_titles() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans import labels, render_plan, template_dirs
    from reportgen.plans.deck import plan_context
    from reportgen.writers import deck

    text = "示例市经济稳步增长\n\n" + "\n\n".join(
        f"示例市第{i}项工作取得进展，全年投入资金{i}0亿元。相关项目进展顺利。群众满意度提升。"
        for i in range(1, 9)
    )
    model = extract_text(text)
    assert not model.themes
    words = labels("deck", "zh", template_dirs())
    slides = render_plan(deck.PLAN, plan_context(model, words, {}), template_dirs())["slides"]
    points = [s for s in slides if s["kind"] == "points"]
    assert len(points) == 6 and all(words["continued"].strip() not in s["title"] for s in points)
    assert points[0]["title"] == "示例市第1项工作取得进展"


def test_a_quote_of_several_sentences_stays_one_with_its_attribution() -> None:
    from reportgen.plans.topics import _sentences

    text = "电站里电池仓整齐排列。“白天储电。夜晚放电。”站长介绍。储能规模持续扩大。"
    assert _sentences(text) == [
        "电站里电池仓整齐排列。",
        "“白天储电。夜晚放电。”站长介绍。",
        "储能规模持续扩大。",
    ]
    assert _sentences('He said: "We build. We hire." Jobs grew.') == [
        'He said: "We build. We hire."',
        "Jobs grew.",
    ]


def test_an_english_clause_after_a_semicolon_stays_with_its_sentence() -> None:
    from reportgen.plans.topics import _sentences

    assert _sentences("Colleges create jobs; support apprenticeships with labor. Fees fell.") == [
        "Colleges create jobs; support apprenticeships with labor.",
        "Fees fell.",
    ]
