"""What a quantity counts: never a piece of the figure before it, never the next figure."""

from __future__ import annotations

from reportgen.extract import extract_text


def _counts(body: str) -> dict[str, str]:
    model = extract_text(f"# 标题\n\n{body}\n")
    return {f.text: f.counts for f in model.facts}


def test_a_subject_starts_after_the_figure_before_it() -> None:
    assert _counts("钱塘32家企业产业链上下游企业180余家。")["180余家"] == "企业产业链上下游企业"


def test_a_noun_after_a_measure_word_stops_at_the_next_figure() -> None:
    assert _counts("园区有32家企业180家。")["32家"] == "企业"


def test_names_with_digits_are_not_figures() -> None:
    found = _counts("已形成1个千亿级和3个500亿级产业集群,世界500强投资项目数量近80个。")
    assert found["3个"] == "500亿级产业集群"
    assert found["近80个"] == "世界500强投资项目数量"


def test_a_label_cut_to_length_never_starts_inside_a_number() -> None:
    found = _counts("园区_18钱塘钱塘钱塘钱塘年约一2.6万元。")
    assert all(not label[:1].isdigit() for label in found.values()), found


def test_a_counted_figure_followed_by_a_verb_takes_no_fragment_as_its_noun() -> None:
    from reportgen.extract import extract_text

    (fact,) = extract_text(
        "长跑\n\n中心重新开放，大约2000名身着表达爱国热情的红衣市民参加。\n"
    ).facts
    assert fact.counts == "" and fact.label == ""


def test_a_measure_word_that_opens_a_noun_is_no_unit() -> None:
    from reportgen.extract import extract_text

    facts = extract_text(
        "人口\n\n14亿人口使我国每年的粮食消耗量很大，中央网信办等十部门联合印发通知。\n"
    ).facts
    assert [(f.text, f.counts) for f in facts][:1] == [("14亿", "人口")]
    assert all(not f.text.endswith("部") for f in facts)


def test_what_a_figure_counts_stops_at_an_adverb_or_verb() -> None:
    assert _counts("全镇4个片区分别设置一个村级服务站。")["4个"] == "片区"


def test_an_english_label_holds_no_other_figure() -> None:
    from reportgen.extract import extract_text

    facts = extract_text(
        "Reserve\n\nTotal Reserve 500.0 Required Reserve $2,378.6 in total.\n"
    ).facts
    assert all(not any(c.isdigit() for c in f.counts) for f in facts)


def test_what_a_figure_counts_drops_a_trailing_modal_and_comparison_verb() -> None:
    assert _counts("今年上市公司退市数量有望超过2022年的50家，将创新高。")["50家"].endswith(
        "退市数量"
    )


def test_an_age_opening_what_a_figure_counts_names_the_group_whole() -> None:
    found = _counts("我国还有1.7亿65周岁及以上人口日益增长的公共服务需求。")
    assert found["1.7亿"] == "65周岁及以上人口"
    assert "65周岁" not in found


def test_a_name_after_a_comparing_word_is_no_subject() -> None:
    from reportgen.extract import extract_text

    model = extract_text("我国人口\n\n在校生达1.5亿人，比日本的总人口还多，还有1.7亿老人。\n")
    assert {f.text: f.subject for f in model.facts}["1.7亿"] != "日本"


def test_english_labels_stop_at_the_figure_before_and_drop_verbs() -> None:
    from reportgen.extract import extract_text

    model = extract_text(
        "Title\n\nYouth unemployment stands at 37 percent. The coalition set aside $44 million "
        "for Surf Lifesaving and $19 million for Coastguard. Sales rose 5% and profits 12% last "
        "year. Treasury was forecasting 5.7% unemployment in March 2013 and 5.2% for 2014."
    )
    labels = {f.text: f.label for f in model.facts}
    assert labels["37 percent"] == "Youth unemployment"  # no trailing "stands"
    assert labels["$44 million"] == "Surf Lifesaving"  # money for a named recipient
    assert labels["$19 million"] == "Coastguard"  # never "million for Surf Lifesaving"
    assert labels["12%"] == "profits"  # only the words after the figure before it
    assert "for" not in labels["5.2%"].split()  # no label ends on a preposition


def test_clause_reading_from_the_last_safe_break_changes_nothing(monkeypatch) -> None:
    """What a figure counts and where its clause starts are read from the last clause break
    before it (not the sentence's start): the same answers, brackets and 1,234-style numbers
    included."""
    from reportgen.extract import facts as mod

    text = (
        "园区（含东区，西区）企业120家，其中规上企业1,234家、"
        "高新技术企业（国家级）56家；产值达到3700亿元|员工9万人，"
        "引进项目（总投资80亿元）32个，新增就业岗位5000个。"
    )
    positions = [i for i, ch in enumerate(text) if ch.isdigit() and not text[i - 1].isdigit()]
    windowed = [mod._subject_before(text, p, 0, len(text)) for p in positions]
    starts = [mod._last_break(text, 0, p) for p in positions]
    monkeypatch.setattr(mod, "_window", lambda text, start, pos: start)
    full = [mod._subject_before(text, p, 0, len(text)) for p in positions]
    scanned = [
        ([m.end() for m in mod._CLAUSE_BREAK.finditer(text, 0, p)] or [0])[-1] for p in positions
    ]
    assert windowed == full and any(windowed)
    assert starts == scanned


def test_a_long_line_of_figures_is_read_in_linear_time() -> None:
    """8 times the figures in one line cost well under 64 times (was quadratic: each figure
    read its sentence from the start)."""
    import time

    def cost(n: int) -> float:
        line = "".join(f"指标{i % 10}为{i}亿元，" for i in range(n)) + "。"
        start = time.process_time()
        assert len(extract_text(f"数字\n\n{line}\n").facts) >= n
        return time.process_time() - start

    cost(50)
    assert cost(1600) < 20 * max(cost(200), 0.05)


def test_a_sentence_naming_nobody_goes_on_about_the_sentence_before_it() -> None:
    """Within a paragraph the topic carries over (杭州…。全年…增长8% is 杭州's); a new
    paragraph that names nobody is about the article's main subject again."""
    model = extract_text(
        "浙江经济稳中有进\n\n浙江经济回升向好，全年增长6%。\n\n"
        "杭州数字经济领跑全省。全年核心产业增加值增长8%。\n\n全年进出口增长5%。\n"
    )
    assert [(f.text, f.subject) for f in model.facts] == [
        ("6%", "浙江"),
        ("8%", "杭州"),
        ("5%", "浙江"),
    ]


def test_a_general_group_inside_an_object_does_not_carry_to_the_next_sentence() -> None:
    """城市 named inside what a sentence did (建设…城市危旧房改造…住房) is not what the next
    sentence, naming nobody, goes on about: that stays the article's subject."""
    model = extract_text(
        "浙江民生改善\n\n浙江民生持续改善。建设筹集城中村、城市危旧房改造等安置住房30万套。"
        "人均预期寿命提高到80岁。\n"
    )
    assert {f.text: f.subject for f in model.facts}["80岁"] == "浙江"


def test_a_figure_alone_on_its_line_means_what_its_next_statement_says() -> None:
    from reportgen.extract import extract_text

    model = extract_text(
        "小麦良种推广见成效\n\n今年全市小麦种植稳中有增，良种推广加快。\n\n65%\n\n"
        "全市小麦良种覆盖率达到65%。\n"
    )
    shown, said = model.facts
    assert shown.text == "65%" and said.text == "65%"
    assert shown.label == said.label and "覆盖率" in shown.label


def test_a_count_in_ten_thousands_of_person_times_counts_the_noun_after_it() -> None:
    from reportgen.extract import extract_text

    (fact,) = extract_text("培训\n\n去年累计培训520万人次新型职业农民。\n").facts
    assert fact.label == "新型职业农民"


def test_a_counted_figure_with_nothing_after_it_takes_its_clauses_label() -> None:
    from reportgen.extract import extract_text

    model = extract_text("县域经济\n\n县域经济稳步发展。全国千亿县数量增至59个。\n")
    (fact,) = model.facts
    assert fact.label == "千亿县数量"  # the clause's noun phrase, not what precedes the verb
    assert not fact.counts.endswith("增至")


def test_a_share_is_labelled_by_the_noun_after_its_de() -> None:
    """近60%的货物进出口, 1/3的税收: the noun after the share's 的 is what it is a share of;
    not when the figure ends a verb's reach (降到2%的努力)."""
    model = extract_text(
        "外资企业\n\n外资企业创造全市近60%的货物进出口，1/3的税收。"
        "央行将通胀率降到2%的努力仍在继续。\n"
    )
    labels = {f.text: f.label for f in model.facts}
    assert labels["近60%"] == "货物进出口"
    assert labels["1/3"] == "税收"
    assert labels["2%"] != "努力"


def test_what_a_figure_counts_does_not_repeat_its_subject() -> None:
    """大连港净利润为5.21亿元: the subject is 大连港, what it counts 净利润 (not 大连港净利润);
    美国的发电量 counts 发电量(增加), without the 的."""
    model = extract_text(
        "港口\n\n青岛港净利润为5.21亿元，同比下降3%。今年，美国的发电量增加20.2GW。\n"
    )
    facts = {f.text: f for f in model.facts}
    assert (facts["5.21亿元"].subject, facts["5.21亿元"].counts) == ("青岛港", "净利润")
    assert facts["20.2GW"].counts == "发电量增加"  # the change (see below)
    assert facts["20.2GW"].label == "发电量"


def test_an_items_sentence_naming_nobody_goes_on_about_the_topic_before_it() -> None:
    """An article of items has no main subject: a sentence naming nobody continues the topic
    the sentence before it opened on (医疗ETF本周连跌…。基金份额飙升至…亿元 -> 医疗ETF)."""
    model = extract_text(
        "早餐\n\n1、医疗ETF本周连跌5天，创上市新低。然而，基金份额飙升至769.96亿元。\n\n"
        "2、光伏板块周五走强。\n"
    )
    assert {f.text: f.subject for f in model.facts}["769.96亿元"] == "医疗ETF"


def test_a_figure_after_a_verb_of_change_counts_the_change() -> None:
    """亩产提升10.1斤 is the rise in yield, not the yield: what it counts says 亩产提升; a
    figure reached (提高到) is the level itself."""
    model = extract_text("粮食\n\n去年粮食亩产提升10.1斤。今年亩产提高到1300斤。\n")
    facts = {f.text: f for f in model.facts}
    assert facts["10.1斤"].counts.endswith("亩产提升")
    assert not facts["1300斤"].counts.endswith("提高")


def test_a_figure_followed_by_de_and_a_measure_is_labelled_by_that_measure() -> None:
    """以2.44万亿元的管理规模…: the noun after 的 names the measure when it is one; a thing
    after it (50亿元的项目) is no measure."""
    model = extract_text("理财\n\n某某理财以2.44万亿元的管理规模位居第一。全市开工50亿元的项目。\n")
    labels = {f.text: f.label for f in model.facts}
    assert labels["2.44万亿元"] == "管理规模"
    assert labels["50亿元"] != "项目"


def test_the_measure_after_a_figures_de_keeps_its_opening_time_word() -> None:
    model = extract_text(
        "理财\n\n某某理财以2.44万亿元的管理规模和14.47亿元的上半年净利润位居第一。\n"
    )
    assert {f.text: f.label for f in model.facts}["14.47亿元"] == "上半年净利润"


def test_a_change_keeps_its_verb_whole() -> None:
    """同比增长 is one word: what a growth rate counts ends on it whole, never on half of it."""
    model = extract_text("消费\n\n1至2月，社会消费品零售总额同比增长4%。\n")
    assert model.facts[0].counts.endswith("零售总额同比增长")


def test_a_locative_after_what_a_figure_counts_is_not_part_of_it() -> None:
    """573家金融风控企业中，有192家…: the figure counts 金融风控企业, not 金融风控企业中."""
    model = extract_text("风控\n\n573家金融风控企业中，有192家企业获得投资。\n")
    assert {f.text: f.counts for f in model.facts}["573家"] == "金融风控企业"
