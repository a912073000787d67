"""One ranking of figures and one vague-label rule, shared by the brief, the deck and charts."""

from __future__ import annotations

from reportgen.charts.plan import _vague
from reportgen.plans.select import complete_label, headline, ranked, strongest, vague


def test_ranked_puts_described_money_before_bare_counts(seed_model) -> None:
    order = ranked(list(seed_model.facts), seed_model)
    assert sorted(f.id for f in order) == sorted(f.id for f in seed_model.facts)
    assert bool(order[0].counts)  # a figure that says what it counts comes first
    assert strongest(list(seed_model.facts), seed_model) is order[0]
    assert strongest([], seed_model) is None


def test_one_vague_rule_charts_apply_to_chinese_only(seed_model) -> None:
    for fact in seed_model.facts:
        counts = fact.counts.strip()
        twice = sum(1 for f in seed_model.facts if f.counts.strip() == counts) > 1
        assert vague(fact, seed_model) == (bool(counts) and (twice or len(counts) <= 2))
        assert _vague(fact, seed_model) == vague(fact, seed_model)  # the seed is Chinese
    english = seed_model.model_copy(update={"language": "en"})
    assert not any(_vague(f, english) for f in english.facts)


def test_brief_deck_and_charts_show_the_same_headline_figures(seed_model) -> None:
    from reportgen.charts.plan import plan
    from reportgen.plans import labels, template_dirs
    from reportgen.plans.brief import plan_context
    from reportgen.plans.deck import headline_facts
    from reportgen.plans.select import headline, showable

    cards = headline_facts(seed_model)
    panel = plan(seed_model)[0]
    context = plan_context(seed_model, None, labels("brief", "zh", template_dirs()), None)
    assert cards and panel.kind == "figures"
    assert set(cards) <= set(panel.facts)
    assert [d["id"] for d in context["lead_top"]] == cards
    assert all(showable(f) for f in headline(seed_model, 6))


def test_targets_limits_and_forecasts_are_never_headline_figures(seed_model) -> None:
    from reportgen.plans.select import headline

    first = seed_model.facts[0]
    kinds = {first.id: "target"}
    facts = [f.model_copy(update={"kind": kinds.get(f.id, f.kind)}) for f in seed_model.facts]
    model = seed_model.model_copy(update={"facts": facts})
    assert first.id not in [f.id for f in headline(model, 6)]


def test_comparators_rank_below_the_main_subject(seed_model) -> None:
    from reportgen.plans.select import ranked

    best = ranked(list(seed_model.facts), seed_model)[0]
    other = best.model_copy(update={"subject": "另一个城市", "id": "fx"})
    model = seed_model.model_copy(update={"facts": [*seed_model.facts, other]})
    order = [f.id for f in ranked(model.facts, model)]
    assert order.index(best.id) < order.index("fx")


def test_a_stated_change_on_a_card_keeps_its_verb(tmp_path) -> None:
    from reportgen.extract import extract_path
    from reportgen.plans.select import card_label, headline

    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n今年全区单位产品能耗下降45.92%，新增企业三十二家。\n", encoding="utf-8"
    )
    model = extract_path(path)
    labels = {f.text: card_label(f, model) for f in headline(model)}
    assert labels["45.92%"].endswith("下降")


def test_an_english_label_that_is_a_scrap_of_a_clause_is_incomplete() -> None:
    for scrap in ("Though", "date they have been", "wheelchair attendants asking for", "for"):
        assert not complete_label(scrap, "en"), scrap
    for label in ("full-time jobs", "General Fund reserve", "tuition revenue"):
        assert complete_label(label, "en"), label


def test_the_brief_shows_an_english_figure_without_a_scrap_label() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans import labels, render_plan, template_dirs
    from reportgen.plans.brief import plan_context

    model = extract_text(
        "Gadgets for the home\n\nThe speaker costs $160 for the pair. Instead it costs $80 "
        "though, which buyers like.\n"
    )
    dirs = template_dirs()
    context = plan_context(model, None, labels("brief", "en", dirs), None)
    text = str(render_plan("brief.yaml.j2", context, dirs))
    assert "(Instead it costs)" not in text and "$80" in text


def _facts_of(text: str) -> dict:
    from reportgen.extract import extract_text

    model = extract_text(text)
    return model, {f.text: f for f in model.facts}


def test_quoted_and_hedged_figures_never_reach_a_card() -> None:
    from reportgen.plans.select import card_worthy, hedged, quoted

    model, by_text = _facts_of(
        "# 桐庐县经济\n\n全县地区生产总值达到320亿元，同比增长6%。\n\n"
        "“去年挣了10多万元。”村民老李说。今年赤字率拟按4%左右安排，赤字规模5.66万亿元。"
        "不少人寻找年化利率5%以上的美元存款。\n"
    )
    assert card_worthy(by_text["320亿元"], model)
    assert quoted(by_text["10多万元"], model) and not card_worthy(by_text["10多万元"], model)
    # an elliptic clause after a plan (its kind carries the plan), a threshold qualifying a noun
    assert hedged(by_text["5.66万亿元"], model) and by_text["5.66万亿元"].kind == "target"
    assert hedged(by_text["5%以上"], model)
    assert not hedged(by_text["320亿元"], model)
    ids = {f.id for f in headline(model, 6)}
    assert by_text["320亿元"].id in ids
    assert not ids & {by_text[t].id for t in ("10多万元", "5.66万亿元", "5%以上")}


def test_a_title_in_book_marks_holds_no_card_figure() -> None:
    from reportgen.plans.select import quoted

    model, by_text = _facts_of(
        "# 港口\n\n媒体的标题为《十年内建成3亿吨港口》。港口去年吞吐量为2亿吨。\n"
    )
    assert quoted(by_text["3亿吨"], model)
    assert not quoted(by_text["2亿吨"], model)


def test_brief_key_points_and_deck_summary_show_one_section_figure(seed_model) -> None:
    from reportgen.plans import labels, template_dirs
    from reportgen.plans.brief import plan_context
    from reportgen.plans.select import card_worthy, section_figure

    context = plan_context(seed_model, None, labels("brief", "zh", template_dirs()), None)
    top2 = {d["id"] for d in context["lead_top"][:2]}
    for t in context["themes"]:
        f = section_figure(seed_model, t["index"])
        assert (t["lead_fact"] or {}).get("id") == (f.id if f else None)
        assert f is None or (card_worthy(f, seed_model) and f.id not in top2)


def test_reported_speech_and_a_maybe_after_the_figure_hedge_it() -> None:
    from reportgen.plans.select import hedged

    model, by_text = _facts_of(
        "# 港口\n\n专家唐某表示，港区100平方公里的海域涉及保护区。全国约有6亿人次可能出行。"
        "港口去年吞吐量为2亿吨。\n"
    )
    assert hedged(by_text["100平方公里"], model)
    assert hedged(by_text["6亿人次"], model)
    assert not hedged(by_text["2亿吨"], model)


def test_a_section_figure_needs_a_complete_label(seed_model) -> None:
    from reportgen.plans.select import complete, section_figure

    for i in range(len(seed_model.themes)):
        f = section_figure(seed_model, i)
        assert f is None or complete(f, seed_model)


def test_a_paragraph_that_sets_out_a_plan_hedges_its_later_figures() -> None:
    from reportgen.plans.select import hedged

    model, by_text = _facts_of(
        "# 预算\n\n今年财政政策安排如下。一般公共预算支出规模29.7万亿元。\n\n"
        "去年一般公共预算收入21.7万亿元。\n"
    )
    assert hedged(by_text["29.7万亿元"], model)
    assert not hedged(by_text["21.7万亿元"], model)


def test_a_figure_of_a_named_persons_story_is_hedged() -> None:
    from reportgen.plans.select import hedged

    model, by_text = _facts_of(
        "# 蔬菜\n\n全县蔬菜种植面积达到12万亩。村民杨启生去年平均每亩增收4000多元。\n"
    )
    assert hedged(by_text["4000多元"], model)
    assert not hedged(by_text["12万亩"], model)


def test_a_sentence_crowded_with_figures_gives_no_card() -> None:
    from reportgen.plans.select import card_worthy

    row = "、".join(
        f"{name}{n}亿元" for name, n in zip("甲乙丙丁戊己庚辛", range(11, 19), strict=True)
    )
    model, by_text = _facts_of(f"# 财政\n\n全省财政收入达到320亿元。各地收入为{row}。\n")
    assert card_worthy(by_text["320亿元"], model)
    assert not card_worthy(by_text["11亿元"], model)


def test_an_error_margin_is_no_card() -> None:
    from reportgen.plans.select import card_worthy

    model, by_text = _facts_of(
        "Poll\n\nSupport for the plan rose to 54% among voters. The poll has a margin of error "
        "of plus or minus 3 percentage points, and ±2% for the subgroup.\n"
    )
    assert card_worthy(by_text["54%"], model)
    assert not card_worthy(by_text["3 percentage points"], model)
    assert not card_worthy(by_text["2%"], model)
    model, by_text = _facts_of("# 民调\n\n支持率达到54%，误差为正负3个百分点。\n")
    assert card_worthy(by_text["54%"], model) and not card_worthy(by_text["3个百分点"], model)


def test_a_figure_the_headline_states_is_not_hedged_by_who_tells_it() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.select import hedged

    told = "陈晓东告诉记者，开封市去年吸引了8万多家经营主体落户。"
    model = extract_text(
        f"靠什么吸引8万多家经营主体落户\n\n{told}\n\n陈晓东告诉记者，今年新增1200家。"
    )
    by_text = {f.text: f for f in model.facts}
    assert not hedged(by_text["8万多家"], model)  # the headline's own figure
    assert hedged(by_text["1200家"], model)  # someone's account, not in the headline


def test_headline_figures_are_ranked_once_per_model_and_follow_its_changes(seed_model) -> None:
    from reportgen.plans import select

    first = select.headline(seed_model)
    calls = []
    real = select._headline
    select._headline = lambda model, limit: calls.append(limit) or real(model, limit)
    try:
        assert select.headline(seed_model) == first and calls == []  # asked again: no re-ranking
        fact = seed_model.facts[0]
        kind, fact.kind = fact.kind, "target"
        try:
            select.headline(seed_model)
            assert calls == [4]  # a changed figure ranks anew
        finally:
            fact.kind = kind
    finally:
        select._headline = real


def test_an_english_label_ending_on_a_verb_is_incomplete() -> None:
    for scrap in ("two-year diploma earn", "night-shift nurses make", "the mayor said"):
        assert not complete_label(scrap, "en"), scrap
    for label in ("average pay", "health costs", "daily wages"):
        assert complete_label(label, "en"), label


def test_a_figure_about_nobody_known_is_no_card(seed_model) -> None:
    from reportgen.plans.select import card_worthy, headline

    best = headline(seed_model)[0]
    assert card_worthy(best, seed_model)
    anonymous = best.model_copy(update={"subject": ""})
    named = [g for g in seed_model.facts if g.id != best.id and g.subject]
    model = seed_model.model_copy(update={"facts": [anonymous, *named], "subject": ""})
    assert not card_worthy(anonymous, model)  # it would read as the main subject's
    assert best.id not in [f.id for f in headline(model)]
    single = model.model_copy(update={"themes": model.themes[:1]})
    assert card_worthy(anonymous, single)  # one topic throughout: its figures are that topic's
    nobody = model.model_copy(update={"facts": [anonymous]})
    assert card_worthy(anonymous, nobody)  # a model that names no one: no subject to doubt


def test_a_label_cut_at_a_particle_or_a_possessive_is_incomplete() -> None:
    assert complete_label("集装箱吞吐量", "zh")
    assert not complete_label("的发电量", "zh")  # opens on a particle: its owner was cut off
    assert not complete_label("9日的罢工是继", "zh")  # a clause cut before what it measures
    assert not complete_label("增长了", "zh")
    assert complete_label("在校生人数", "zh")  # 在 opening a word is no preposition
    assert not complete_label("Chris Hipkins’", "en")  # whose, not what
    assert not complete_label("the party's", "en")
    assert complete_label("cash funds increase", "en")


def test_a_paragraphs_opening_figure_ranks_above_its_later_cases() -> None:
    from reportgen.extract import extract_text

    text = (
        "桐庐县去年经济稳步增长\n\n"
        "桐庐县经济总量稳步增长。全县工业产值达到1200亿元，同比增长5%。\n\n"
        "桐庐县外贸进出口总额达到800亿元，创历史新高。其中一家企业出口额达到900亿元。\n\n"
        "桐庐县社会消费品零售总额达到600亿元。\n"
    )
    model = extract_text(text)
    order = [f.text for f in ranked(model.facts, model)]
    assert order.index("800亿元") < order.index("900亿元")


def test_an_examples_figures_are_no_cards() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.select import card_worthy, example

    model = extract_text(
        "桐庐县数字经济观察\n\n桐庐县数字经济核心产业营业收入达到320亿元。"
        "以龙头企业甲公司为例，其营业收入达到45亿元。\n"
    )
    by_text = {f.text: f for f in model.facts}
    assert not example(by_text["320亿元"], model) and card_worthy(by_text["320亿元"], model)
    assert example(by_text["45亿元"], model) and not card_worthy(by_text["45亿元"], model)
    english = extract_text(
        "Town budget\n\nThe town spent $12 million on roads. For example, one bridge cost "
        "$3 million to repair.\n"
    )
    by_text = {f.text: f for f in english.facts}
    assert example(by_text["$3 million"], english)
    assert not example(by_text["$12 million"], english)


def test_two_values_of_one_sentence_under_one_label_give_one_card() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.select import card_label

    model = extract_text(
        "桐庐县交通观察\n\n桐庐县公交公司说，全县16条公交线路有10条停运。"
        "全县公路里程达到2800公里。全县客运量达到1500万人次。\n"
    )
    by_text = {f.text: f for f in model.facts}
    assert card_label(by_text["16条"], model) == card_label(by_text["10条"], model)
    shown = [f.text for f in headline(model)]
    assert "16条" in shown and "10条" not in shown  # 10 of the 16 lines: not 10 lines


def test_a_card_says_whose_rate_it_is_when_the_text_does() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.select import card_label

    model = extract_text(
        "桐庐县经济观察\n\n2024年，桐庐县内需对经济增长的贡献率达到89%。"
        "2024年桐庐县新型储能在运规模达到71万千瓦。\n"
    )
    by_text = {f.text: f for f in model.facts}
    rate = by_text["89%"]
    assert rate.counts.endswith(rate.label) and rate.label != rate.counts
    assert card_label(rate, model) == rate.counts  # 内需…的贡献率, not a bare 贡献率
    scale = card_label(by_text["71万千瓦"], model)
    assert scale == "桐庐县新型储能在运规模"  # no year, nor the 年 of a cut-off date


def test_a_card_of_an_article_of_items_says_whom_its_figure_is_about(seed_model) -> None:
    """An article with no main subject (a digest of items): each card names its figure's own
    subject, as a comparator's card does in an article that has one."""
    from reportgen.plans.select import card_label

    fact = next(f for f in seed_model.facts if f.label)
    digest = seed_model.model_copy(update={"subject": ""})
    about = fact.model_copy(update={"subject": "某某港"})
    assert card_label(about, digest).startswith("某某港")
    assert card_label(fact.model_copy(update={"subject": ""}), digest) == card_label(
        fact.model_copy(update={"subject": ""}), seed_model
    )


def test_a_subject_carried_from_another_sentence_gives_no_card() -> None:
    """The model may carry a subject from an earlier sentence (a best guess); a card would show
    a subject the figure's own sentence does not name, so the figure gets none."""
    from reportgen.extract import extract_text
    from reportgen.plans.select import card_worthy, carried_subject

    model = extract_text(
        "桐庐县经济观察\n\n桐庐县工业产值达到1200亿元。\n\n"
        "甲集团去年营业收入达到300亿元。利润总额达到20亿元。\n"
    )
    by_text = {f.text: f for f in model.facts}
    profit = by_text["20亿元"].model_copy(update={"subject": "甲集团"})
    facts = [profit if f.text == "20亿元" else f for f in model.facts]
    model = model.model_copy(update={"facts": facts})
    assert carried_subject(profit, model) and not card_worthy(profit, model)
    named = by_text["300亿元"]
    assert not carried_subject(named, model)


def test_a_card_label_never_opens_on_the_rest_of_a_date() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans.select import card_label

    m = extract_text("早报\n\n1、据中物联，8月份钢铁行业PMI为40.4%，环比下降2.1个百分点。\n")
    f = next(f for f in m.facts if f.text == "40.4%")
    assert card_label(f, m) == "钢铁行业PMI"


def test_a_fall_written_with_跌_shows_its_verb_on_the_card() -> None:
    """创业板指跌近3%: the card says 跌, or it reads as a level or a gain."""
    from reportgen.extract import extract_text
    from reportgen.plans.select import card_label

    m = extract_text("早报\n\n周四，创业板指跌近3%，沪指收盘下跌0.89%。\n")
    labels = [card_label(f, m) for f in m.facts]
    assert labels[0].endswith("跌") and labels[1].endswith("下跌")


def test_a_change_is_said_with_the_articles_verb() -> None:
    from reportgen.plans.select import stated_verb as change_verb

    assert change_verb("比上年增长19.5%") == "增长"
    assert change_verb("较上年提升25个点") == "提升"
    assert change_verb("employment rose 2.1% from a year earlier") == "rose"
    assert change_verb("比上年多") == ""
