"""The brief plan's context: annex references, supporting sentences, labels and clauses taken
verbatim from the article."""

from __future__ import annotations

import datetime as dt

from reportgen.plans import labels, template_dirs
from reportgen.plans.brief import (
    body,
    clause,
    fact_refs,
    label,
    plan_context,
    quote_refs,
    support,
    unnumbered,
)


def test_fact_and_quote_refs_number_in_text_order(seed_model) -> None:
    refs = fact_refs(seed_model)
    ordered = sorted(seed_model.facts, key=lambda f: f.span.start)
    assert [refs[f.id] for f in ordered] == [f"D{i}" for i in range(1, len(ordered) + 1)]
    qrefs = quote_refs(seed_model)
    assert sorted(qrefs.values()) == sorted(f"Q{i}" for i in range(1, len(seed_model.quotes) + 1))
    first = min(seed_model.quotes, key=lambda q: q.span.start)
    assert qrefs[first.id] == "Q1"


def test_clause_and_label_are_the_articles_words(seed_model) -> None:
    fact = next(f for f in seed_model.facts if f.text == "约5亿美元")
    assert clause(fact, seed_model) == "总投资约5亿美元"
    assert clause(fact, seed_model) in seed_model.sentence_of(fact)
    assert label(fact, seed_model) == "总投资"
    for f in seed_model.facts:  # a label is never words of our own
        assert (
            label(f, seed_model) in seed_model.sentence_of(f)
            or label(f, seed_model) == f.counts.strip()
        )


def test_support_gives_sentences_of_the_points_paragraph(seed_model) -> None:
    theme = seed_model.themes[0]
    found = support(seed_model, theme.paragraphs, theme.points[0])
    assert found and len(found) <= 2
    assert all(s in _theme_text(theme) for s in found)
    assert all(theme.points[0].text not in s for s in found)


def _theme_text(theme) -> str:
    return "\n".join(p.text for p in theme.paragraphs)


def test_body_leaves_out_only_paragraphs_that_are_their_quotes() -> None:
    """A paragraph that is a quote and its said-clause is shown by its quote block; one that
    also holds the article's own words (产业新城，关键在产。“…”) stays whole in the body."""
    from reportgen.extract import extract_text

    model = extract_text(
        "标题\n\n产业新城，关键在产。“产业的高质量发展，不再是数量的一味叠加。”区委负责人说。\n\n"
        "“我们将继续扩大在华投入，共创共享发展机遇。”集团负责人陈晓东告诉记者。\n\n"
        "这是咋回事？“系统自动识别、分析，同步推荐给他开店的选项。”陈晓东说。"
    )
    kept = body(model.lead, model)
    assert any(text.startswith("产业新城，关键在产。") for text in kept)
    assert any(text.startswith("这是咋回事？") for text in kept)  # a question of the article's
    assert not any("扩大在华投入" in text for text in kept)  # only a quote and who said it


def test_unnumbered() -> None:
    assert unnumbered("一、统筹“稳”与“进”") == "统筹“稳”与“进”"
    assert unnumbered("（二）创新") == "创新"
    assert unnumbered("一、") == "一、"  # nothing but the number: kept


def test_plan_context_is_plain_data(seed_model) -> None:
    when = dt.datetime(2024, 5, 1)
    context = plan_context(seed_model, None, labels("brief", "zh", template_dirs()), when)
    assert context["lang"] == "zh" and context["generated"] == "2024-05-01"
    assert len(context["themes"]) == len(seed_model.themes)
    assert len(context["facts"]) == len(seed_model.facts)
    assert {f["ref"] for f in context["facts"]} == set(fact_refs(seed_model).values())
    assert context["charts"] == [] and context["chart_refs"] == {}


def test_a_figure_whose_label_is_its_own_clause_is_written_once() -> None:
    from reportgen.plans.render import _environment

    env = _environment(template_dirs())
    macros = env.from_string('{% import "brief_macros.j2" as m with context %}{{ m.fig(f) }}')

    def fig(label: str, text: str, shown: str) -> str:
        f = {"label": label, "counts": "", "text": text, "shown": shown}
        return macros.render(f=f, lang="zh", labels={})

    assert fig("也只有阿里的1/10", "1/10", "1/10") == "也只有阿里的1/10"
    assert fig("力争营收突破4000亿元", "突破4000亿元", "突破4000亿元（目标）") == (
        "力争营收突破4000亿元（目标）"
    )
    assert fig("营收", "4000亿元", "4000亿元") == "营收4000亿元"


def test_a_section_opening_with_a_lone_figure_is_led_by_its_first_sentence() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans import labels, render_plan, template_dirs
    from reportgen.plans.brief import plan_context

    model = extract_text(
        "粮食安全\n\n引言说明全年情况。\n\n## 大国粮仓更稳固\n\n80%\n\n"
        "单产提升对粮食增产贡献率超过80%。全县测产结果普遍增产20%以上。\n\n"
        "## 县域经济更壮实\n\n县域经济发展壮大，产业链不断延伸。\n"
    )
    dirs = template_dirs()
    context = plan_context(model, None, labels("brief", "zh", dirs), None)
    (key,) = [
        b
        for b in render_plan("brief.yaml.j2", context, dirs)["blocks"]
        if b["kind"] == "key_points"
    ]
    line = next(i for i in key["items"] if "大国粮仓更稳固" in i)
    assert "单产提升" in line and "：80%" not in line


def test_key_points_of_an_article_without_sections_are_whole_sentences() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans import labels, template_dirs
    from reportgen.plans.brief import plan_context

    opening = (
        "为了提升政务服务水平，开封市政府印发了《建立健全政务数据共享协调机制加快推进数据有序共享"
        "实施方案》，落实部门政务数据共享责任清单，推动政务数据审校、汇集，如今各部门的数据已经可以"
        "在一个平台上互通共享。"
    )
    assert len(opening) > 90  # longer than a slide's point
    model = extract_text(f"标题\n\n{opening}群众办事更方便了。\n\n第二段的开头一句话。后面还有话。")
    context = plan_context(model, None, labels("brief", "zh", template_dirs()), None)
    assert context["lead_points"][0] == opening


def test_a_paragraph_with_a_quote_and_more_reaches_the_body_whole() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.brief import body

    model = extract_text(
        "# 班列\n\n“以前线路不多，运货得中转。”公司负责人陈晗说。\n\n"
        "春日里，记者来到郑州经开区的物流园，货车进进出出。“现在新线路多了，抗风险能力强了。”"
        "陈晗说，今年公司又新开了两条线路，货物当天就能发出。\n"
    )
    assert model.quotes
    shown = body(model.lead, model)
    assert not any(t.startswith("“以前") for t in shown)  # a quote and its said-clause: quoted
    assert any(t.startswith("春日里") and "抗风险能力强了" in t for t in shown)


def test_a_sentence_of_many_figures_is_written_into_the_plan_once() -> None:
    """The annex row of each figure after the first of a sentence has a null sentence cell (the
    writer repeats the cell above in a merged column): the plan grows with the figures, not with
    figures x sentence length; the figures share one sentence string."""
    import yaml

    from reportgen.extract import extract_text
    from reportgen.plans.render import render_text

    line = "".join(f"指标{i % 10}为{i}亿元，" for i in range(40)) + "。"
    model = extract_text(f"数字\n\n{line}\n")
    context = plan_context(model, None, labels("brief", "zh", template_dirs()), None)
    sentences = {id(f["sentence"]) for f in context["facts"]}
    assert len(sentences) == 1
    for style in ("default", "gongwen"):
        text = render_text("brief.yaml.j2", context, template_dirs(style))
        assert text.count(line[:30]) <= 3  # the body, a key point, the annex: not per figure
        plan = yaml.safe_load(text)
        tables = [b for b in _walk(plan["blocks"]) if b.get("kind") == "table" and b.get("merge")]
        rows = tables[-1]["rows"]
        assert rows[0][2].startswith(line[:30]) and all(r[2] is None for r in rows[1:])
        assert len(rows) == len(model.facts)


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(block.get("blocks") or [])


def test_a_quote_printed_in_its_paragraph_is_not_set_apart_again() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans import labels, template_dirs
    from reportgen.plans.brief import plan_context

    model = extract_text(
        "标题\n\n一到轮岗的日子，科长陈晓东就会先把工作安排妥当。“开办运输企业，过去要三个人管。”"
        "陈晓东说，现在只需一个人。\n\n“这些书店的老板大多没来过开封，却把店开来了。”陈晓东说。"
    )
    context = plan_context(model, None, labels("brief", "zh", template_dirs()), None)
    shown = [q["shown"] for q in context["lead_quotes"]]
    assert any("开办运输企业" in text for text in context["lead_body"])  # in its paragraph
    assert not any("开办运输企业" in text for text in shown)  # so not again as a quote block
    assert any("这些书店" in text for text in shown)  # a paragraph that is only its quote


def test_key_points_prefer_paragraphs_holding_headline_figures_and_skip_questions() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.brief import lead_points

    filler = [
        f"第{n}段讲的是园区的历史沿革和人文风貌，没有提到任何具体的数据和指标。" for n in range(6)
    ]
    model = extract_text(
        "标题\n\n"
        + "\n\n".join(filler[:3])
        + "\n\n为啥敢在这里开书店？大家都这样问。\n\n"
        + "\n\n".join(filler[3:])
        + "\n\n全市去年吸引了8万多家经营主体落户，同比增长25%，带动就业12万人。"
    )
    points = lead_points(model, most=3)
    assert points[-1].startswith("全市去年吸引了8万多家")  # the paragraph of the figures, last
    assert not any(p.endswith("？") for p in points)
    assert len(points) == 3
