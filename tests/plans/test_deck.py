"""The deck plan's context: headline figures, sentences, cases and quotes chosen from the model."""

from __future__ import annotations

from reportgen.model import Span
from reportgen.plans.deck import case_text, headline_facts, sentence_at, strongest_quote


def test_headline_facts_prefer_amounts_and_shares_over_spans_of_time(seed_model) -> None:
    chosen = headline_facts(seed_model)
    texts = {f.id: f.text for f in seed_model.facts}
    assert [texts[i] for i in chosen][:3] == ["约5亿美元", "突破3700亿元", "5.25%"]
    assert "近十年" not in texts.values()  # a span of time is no figure at all
    assert len(headline_facts(seed_model, limit=2)) == 2


def test_sentence_at_keeps_decimals_and_quotes() -> None:
    text = "增速达12.5%，位居前列。“我们很有信心。”他说。下一句。"
    at = text.index("12.5")
    assert sentence_at(text, Span(start=at, end=at + 4)) == "增速达12.5%，位居前列。"
    at = text.index("信心")
    assert sentence_at(text, Span(start=at, end=at + 2)) == "“我们很有信心。”"
    at = text.index("他说")  # words after a closing quote finish the quoted sentence
    assert sentence_at(text, Span(start=at, end=at + 2)) == "“我们很有信心。”他说。"


def test_case_text_is_the_sentence_after_a_point(seed_model) -> None:
    theme = next(t for t in seed_model.themes if t.points)
    point = theme.points[0]
    case = case_text(theme, point)
    assert case and case in theme.paragraphs[point.paragraph].text
    assert not case.startswith(point.text)


def test_strongest_quote_belongs_to_its_theme(seed_model) -> None:
    for i in range(len(seed_model.themes)):
        qid = strongest_quote(seed_model, i)
        if qid is not None:
            assert next(q for q in seed_model.quotes if q.id == qid).theme == i
    assert strongest_quote(seed_model, len(seed_model.themes) + 5) is None


def test_a_clipped_topic_never_ends_inside_a_figure() -> None:
    from reportgen.plans.deck import LONGEST, _clip

    text = "word " * 56 + "Jordan has 7,000 jobs in the sector and many more words after it " * 3
    clipped = _clip(text, "en")
    assert clipped.endswith("…") and not clipped[:-1].rstrip()[-1:].isdigit()
    assert len(clipped) <= LONGEST["en"]


def test_a_range_on_a_card_is_one_piece() -> None:
    from reportgen.writers.deck.kpi import _split_value

    assert _split_value("37.5~52.5亿") == ("", "37.5~52.5亿", "")
    assert _split_value("突破1200亿元") == ("突破", "1200", "亿元")


def test_an_article_without_sections_gets_quote_slides_by_named_speakers() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.deck import lead_quotes

    model = extract_text(
        "标题\n\n开封市去年吸引了8万多家企业落户。\n\n"
        "“这些书店的老板大多没来过开封，却把店开来了。”祥符区工作人员陈晓东说。\n\n"
        "“以前要跑三趟，现在一次办好。”陈晓东说。\n\n"
        "“政务服务是一个地方的金字招牌。”常务副市长刘洋说。\n\n"
        "“不‘买’都不行！”有人这样说。"
    )
    assert not model.themes
    chosen = [next(q for q in model.quotes if q.id == i) for i in lead_quotes(model)]
    assert [q.speaker for q in chosen] == ["陈晓东", "刘洋"]  # one each, in article order
    assert chosen[0].text.startswith("这些书店")  # the speaker's most substantial quote
    assert lead_quotes(model, most=1) == [chosen[0].id]  # both titled: the longer quote


def test_a_sections_points_topped_up_with_openings_keep_article_order() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.deck import theme_items

    model = extract_text(
        "标题\n\n## 一、产业升级\n\n"
        "全市工业企业去年继续扩大投资，新建厂房和生产线，带动就业超过一万人，这是多年来少见的增长。\n\n"
        "园区的配套也在跟上，道路、供水和物流设施陆续完工，企业入驻的速度明显加快，招商工作更加顺利。\n\n"
        "创新是第一动力。全市研发投入连续三年保持两位数增长，一批新产品走向市场，企业利润随之提高。"
    )
    (theme,) = model.themes
    assert [p.paragraph for p in theme.points] == [2]  # the one point is in the last paragraph
    heads = [item["head"] for item in theme_items(theme, "zh")]
    assert [h[:4] for h in heads] == ["全市工业", "园区的配", "创新是第"]


def test_a_title_slide_without_a_headline_shows_the_dek_not_the_file_name() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans import labels, render_plan, template_dirs
    from reportgen.plans.deck import plan_context

    abstract = "上市公司借停牌避免进一步下跌，大股东增持股票提升股民信心，投资者们则更多通过发声来期盼股市上涨"
    model = extract_text(
        f"[{abstract}]\n\n有隔夜利好的7月2日，A股仍未能破解下跌魔咒，市场情绪继续低迷。\n\n"
        "急跌之下，博弈仍在继续，在官方出台利好政策的同时，民间也使出浑身解数护盘。",
        name="zh-portal-page.txt",
    )
    dirs = template_dirs()
    context = plan_context(model, labels("deck", "zh", dirs), {})
    title = render_plan("deck.yaml.j2", context, dirs)["slides"][0]
    assert title["kind"] == "title" and title["title"] == abstract


def test_a_lone_english_word_as_speaker_gives_way_to_a_full_name() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.deck import lead_quotes

    model = extract_text(
        "Title\n\n"
        '"We will keep every route open this winter and add crews at every gate we run," '
        "Delta said.\n\n"
        '"The crews have worked without a raise for three years," said Maria Lopez.\n\n'
        '"Passengers should check their flights before leaving home," said Tom Reed.\n'
    )
    speakers = [q.speaker for q in model.quotes if q.id in lead_quotes(model)]
    assert "Delta" not in speakers and len(speakers) == 2


def test_a_deck_of_one_section_has_no_agenda_divider_or_summary() -> None:
    """An agenda of one item, a divider numbered 01 and a summary of one card say nothing: a
    deck of one section shows its points under its heading."""
    from reportgen.extract import extract_text
    from reportgen.plans import labels, render_plan, template_dirs
    from reportgen.plans.deck import plan_context

    text = (
        "桐庐县经济观察\n\n一、主要工作\n\n"
        "全县工业产值达到1200亿元，同比增长5%。新增规上企业40家，外贸进出口增长8%。\n\n"
        "全县社会消费品零售总额达到600亿元，增长6%。旅游收入达到90亿元。\n"
    )
    model = extract_text(text)
    context = plan_context(model, labels("deck", "zh", template_dirs()), {})
    assert context["one_section"]
    kinds = [s["kind"] for s in render_plan("deck.yaml.j2", context, template_dirs())["slides"]]
    assert "agenda" not in kinds and "summary" not in kinds and "section" not in kinds
    assert "points" in kinds
