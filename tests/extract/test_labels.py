"""Labels are whole words naming what a figure measures; subjects name whom it is about."""

from __future__ import annotations

from reportgen.extract import extract_text, segment
from reportgen.extract.labels import main_subject


def _facts(text: str):
    return {f.text: f for f in extract_text(text).facts}


def test_labels_and_subjects_in_chinese() -> None:
    facts = _facts(
        "河南枢纽经济\n\n2024年，河南中欧班列全年累计开行3890列。"
        "新开通4条国际直达线路，汽车产量占全市95%以上。\n"
    )
    assert facts["3890列"].subject == "河南"
    assert facts["4条"].label == "国际直达线路"
    assert facts["95%以上"].label == "汽车产量"


def test_a_figure_with_no_place_in_its_sentence_is_about_the_main_subject() -> None:
    facts = _facts("浙江经济稳中有进\n\n浙江经济回升向好。全年规上工业增加值增长8.1%。\n")
    assert facts["8.1%"].subject == "浙江"
    assert facts["8.1%"].label == "规上工业增加值"


def test_every_label_starts_and_ends_on_a_word_boundary() -> None:
    text = "标题\n\n钱塘区规上工业总产值突破3700亿元，集聚产业链企业52家，新开通4条国际直达线路。\n"
    model = extract_text(text)
    for fact in model.facts:
        if not fact.label:
            continue
        sentence = model.sentence_of(fact)
        at = sentence.find(fact.label)
        assert at >= 0, fact.label
        cuts = segment.boundaries(sentence)
        assert at in cuts and at + len(fact.label) in cuts, fact.label


def test_english_subject_is_the_name_before_the_figure() -> None:
    facts = _facts("Allentown jobs\n\nAllentown's unemployment rate fell to 4.1% in May.\n")
    assert facts["4.1%"].subject == "Allentown"


def test_the_main_subject_is_not_the_datelines_city() -> None:
    lead = "本报北京4月2日电  （记者刘志强）1至2月，全国汽车以旧换新超过107万辆。"
    assert main_subject("政策成效显著", lead, "zh") == "全国"


def test_a_country_writing_of_itself_is_the_main_subject() -> None:
    assert main_subject("统计新数据", "2024年，我国粮食生产迈上新台阶。", "zh") == "我国"


def test_what_a_figure_counts_is_cut_on_the_sentences_words() -> None:
    model = extract_text(
        "人口结构\n\n我国处于义务教育阶段的在校生就有1.5亿人，65周岁及以上人口1.7亿。\n"
    )
    facts = {f.text: f for f in model.facts}
    assert facts["1.5亿人"].counts.endswith("在校生")
    for fact in facts.values():
        cuts = segment.boundaries(model.sentence_of(fact))
        at = model.sentence_of(fact).find(fact.counts)
        assert at in cuts and at + len(fact.counts) in cuts, fact.counts


def test_english_sentence_openers_are_no_subjects() -> None:
    facts = _facts(
        "Ohio jobs report\n\nOhio added jobs. There are other jobs that pay $40,000 a year. "
        "Further projects include $30 million for flood protection.\n"
    )
    assert facts["$40,000 a year"].subject == "Ohio"
    assert facts["$30 million"].subject == "Ohio"


def test_an_english_rate_is_not_labelled_with_its_unit() -> None:
    facts = _facts("Strike at the airport\n\nSome workers make $10.50 an hour at the airport.\n")
    assert "USD" not in facts["$10.50 an hour"].label


def test_a_title_case_headline_names_no_subject_by_its_capitals() -> None:
    assert main_subject("Investment In Jobs And Skills", "Otago gets a new hub.", "en") == "Otago"


def test_an_english_name_ends_at_a_full_stop() -> None:
    lead = "Workers struck in Chicago. The union said so. Chicago. The city."
    assert main_subject("Strike", lead, "en") == "Chicago"


def test_a_counted_figure_with_nothing_after_it_is_labelled_by_its_clause() -> None:
    facts = _facts("园区发展\n\n截至当时，园区高新技术企业已经达到573家。\n")
    assert facts["573家"].label.endswith("高新技术企业")


def test_a_line_of_thousands_of_figures_keeps_its_labels() -> None:
    """Far into one long sentence (a table run into a line) a figure is labelled from a window
    of its clause, the same as near the start: the cost per figure does not grow."""
    line = "".join(f"杭州园区产值为{i + 10}亿元，" for i in range(300)) + "。"
    facts = extract_text(f"园区数字\n\n{line}\n").facts
    assert len(facts) == 300
    assert {f.label for f in facts} == {facts[0].label}


def test_the_main_subject_is_not_the_site_named_in_a_page_title(tmp_path) -> None:
    """A page title's site name (a school, a portal) is not what the article is about."""
    from reportgen.extract import extract_path

    body = "".join(
        f"<p>{p}</p>"
        for p in ("我国经济实力跃上新台阶。", "全国粮食产量稳定。", "制造业增加值增长6%。")
    )
    title = "经济发展迈上新台阶--学习专栏-绍兴市第一中学"
    page = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    model = extract_path(path)
    assert model.headline == "经济发展迈上新台阶"
    assert model.subject == "我国"
    assert {f.subject for f in model.facts} == {"我国"}


def test_a_company_named_in_the_sentence_is_the_subject_of_its_figure() -> None:
    """A name found by its suffix (有限公司, 研究院, 项目) is a body like a tagged one."""
    facts = _facts("嘉鱼县蔬菜产业\n\n嘉鱼县蔬菜产业兴旺。嘉野生态农业有限公司流转藕塘600多亩。\n")
    assert facts["600多亩"].subject == "嘉野生态农业有限公司"


def test_a_label_is_one_run_of_the_sentences_words() -> None:
    """The subject is taken off a label only where it opens it, never out of its middle."""
    text = "内幕交易\n\n5名当事人因内幕交易盛洋科技股票被罚没2300多万元。\n"
    label = _facts(text)["2300多万元"].label
    assert label and label in text


def test_a_verb_that_modifies_the_noun_after_it_stays_in_the_label() -> None:
    """新增 between two nouns is part of the measure's name (可再生能源新增装机), not the verb
    the label starts after."""
    facts = _facts("能源\n\n全国可再生能源新增装机3.7亿千瓦。\n")
    assert facts["3.7亿千瓦"].label.endswith("能源新增装机")


def test_a_place_takes_the_administrative_word_after_it_but_not_a_words_first_character() -> None:
    facts = _facts(
        "钱塘经济\n\n钱塘区规上工业总产值突破3700亿元。宝马在欧洲市场销售14869辆电车。\n"
    )
    assert facts["突破3700亿元"].subject == "钱塘区"
    assert facts["14869辆"].subject != "欧洲市"


def test_a_quoted_term_does_not_end_a_clause() -> None:
    """比“十三五”末增长42%: the quotation marks of a term are inside the clause, so the label
    reaches the measure before them."""
    facts = _facts("标题\n\n2024年，高技术制造业增加值比“十三五”末增长42%。\n")
    assert facts["42%"].label == "高技术制造业增加值"


def test_a_government_body_in_the_headline_stands_for_its_place() -> None:
    """A work report's author (中华人民共和国国务院) is not what its figures are about: the
    country it governs is (written short, 中国); any other body stays itself."""
    assert main_subject("2025年中华人民共和国国务院政府工作报告", "", "zh") == "中国"
    assert main_subject("中国银行发布报告", "", "zh") == "中国银行"


def test_common_words_the_tagger_calls_places_are_no_subjects() -> None:
    facts = _facts("春耕\n\n开春以来，育秧工厂新建大棚120座。项目上市后惠及农户300户。\n")
    assert facts["120座"].subject != "开春"
    assert facts["300户"].subject != "惠及"


def test_a_place_and_the_word_that_finishes_its_name_are_one_subject() -> None:
    facts = _facts("港口观察\n\n青岛港去年集装箱吞吐量达到3000万标准箱。\n")
    assert facts["3000万标准箱"].subject == "青岛港"
    assert facts["3000万标准箱"].label == "集装箱吞吐量"


def test_the_main_subject_keeps_the_whole_name() -> None:
    assert main_subject("青岛港吞吐量创新高", "青岛港去年货物吞吐量增长。", "zh") == "青岛港"


def test_a_person_named_in_the_sentence_is_the_subject_of_its_figures() -> None:
    facts = _facts("秋收\n\n秋收时节，种植大户张国林算了算，今年水稻平均亩产达到1300斤。\n")
    assert facts["1300斤"].subject == "张国林"


def test_a_word_the_tagger_calls_a_person_is_no_name_when_its_dictionary_knows_it() -> None:
    from reportgen.extract.labels import _person

    assert not _person("高水平", "nr")  # a dictionary word the tagger mis-tags
    assert not _person("班列", "nr")  # too short for a full name


def test_a_place_after_a_verb_of_going_or_joining_is_no_subject() -> None:
    facts = _facts(
        "乡村旅游\n\n湖北乡村旅游持续升温。去年入选联合国旅游名录的乡村达到6个。"
        "今年运往越南的柑橘已达1.2万吨。\n"
    )
    assert facts["6个"].subject != "联合国"
    assert facts["1.2万吨"].subject != "越南"


def test_the_countrys_name_for_itself_is_the_subject_of_its_clause() -> None:
    """我国 in a sentence names the country, before a province named later in it."""
    facts = _facts(
        "浙江乡村旅游\n\n浙江乡村旅游升温。浙江、云南等地乡村入选名录，我国的示范乡村总数达到15个。\n"
    )
    assert facts["15个"].subject == "我国"


def test_a_dateline_a_title_and_a_source_clause_name_no_subject() -> None:
    """Who reports a figure (本报北京…电, 据某局监测, 某数据显示, 《某报告》) is not whom it is
    about: the figure keeps the article's subject."""
    facts = _facts(
        "消费持续回暖\n\n国内消费持续回暖。"
        "本报北京4月2日电  记者从国家发展改革委获悉：1至2月，社会消费品零售总额同比增长4%。"
        "据国家统计局监测，全国流通领域50种重要生产资料市场价格中，12种产品价格上涨。"
        "《2019年中国共享充电行业报告》显示，共享充电宝市场用户规模达到1.5亿人次。\n"
    )
    assert facts["4%"].subject == "国内"
    assert facts["12种"].subject != "国家统计局"
    assert facts["1.5亿人次"].subject != "中国"


def test_a_company_name_the_tagger_cut_into_single_characters_is_one_subject() -> None:
    """同/矛/科技: two characters the tagger could not make a word of, before a company's
    suffix at the sentence's topic, are one name, the subject of its figures (not the main
    subject); a word it does not know is not enough (城投/公司 is a kind of company)."""
    from reportgen.extract.labels import _companies

    facts = _facts(
        "中国金融科技观察\n\n中国金融科技企业增多。同矛科技2019年的营业收入为2.61亿元。\n"
    )
    assert facts["2.61亿元"].subject == "同矛科技"
    assert _companies((("城投", "j"), ("公司", "n")))[-1] == ("公司", "n")
    assert _companies((("这", "r"), ("个", "q"), ("公司", "n")))[-1] == ("公司", "n")


def test_a_speaker_is_the_subject_only_when_what_is_said_names_nobody() -> None:
    """某某表示，…: a place or body named in what is said is its figures' subject; a speaker
    naming nobody after it stays the subject of what it says it will do."""
    facts = _facts(
        "外资与罢工\n\n外资持续流入。浙江省商务厅表示，外资企业是杭州经济的重要组成部分，"
        "贡献了40%的工业产值。法国航空公司表示，明天将取消四分之一的航班。\n"
    )
    assert facts["40%"].subject == "杭州"
    assert facts["四分之一"].subject == "法国航空公司"


def test_a_locative_word_never_ends_a_label() -> None:
    """排行表当中，某港排名第8位: the rank names the list before it, never its 当中."""
    facts = _facts("港口\n\n而2020年全国港口综合竞争力排行表当中，青岛港排名第8位。\n")
    assert facts["第8位"].label and "当中" not in facts["第8位"].label


def test_a_place_before_a_direction_is_no_subject() -> None:
    """越南方向班列: the trains run toward 越南; the figure stays the article's (广西)."""
    facts = _facts("广西枢纽\n\n广西枢纽经济发展。去年越南方向班列开行860列。\n")
    assert facts["860列"].subject == "广西"
    assert "越南方向班列" in facts["860列"].label


def test_genre_terms_with_a_verb_inside_stay_one_label() -> None:
    """常住人口, 风控: terms of the genre the tagger cuts at a verb (常住/人口, 风/控) are one
    noun, so a label keeps them whole."""
    facts = _facts("县域\n\n县域经济发展。县城常住人口增长超过30%。金融风控企业已经达到573家。\n")
    assert facts["超过30%"].label.endswith("常住人口")
    assert facts["573家"].label == "金融风控企业"


def test_an_items_source_clause_and_its_figures_own_topic() -> None:
    """In a digest's item (3、据国家统计局，…) the source is no subject; a figure's own clause
    names its topic before the item's first clause does (本周股指…，医疗ETF本周连跌…)."""
    facts = _facts(
        "早餐\n\n3、据国家统计局，8月份钢铁行业PMI为40.4%。\n\n"
        "4、本周股指涨跌互现，医疗ETF本周连跌5天。\n"
    )
    assert facts["40.4%"].subject != "国家统计局"
    assert facts["5天"].subject == "医疗ETF"


def test_a_person_the_sentence_is_about_comes_before_the_place_they_are_in() -> None:
    facts = _facts(
        "电商\n\n农村电商发展。湖南益阳富民村，村民周正每天都要寄腊肉，“10斤腊肉快递费不到20元”。\n"
    )
    assert facts["不到20元"].subject == "周正"


def test_a_bodys_officer_speaks_for_the_body() -> None:
    facts = _facts("园区\n\n园区发展提速。园区管委会主任张强说，明年计划新增项目50个以上。\n")
    assert facts["50个以上"].subject == "园区管委会"


def test_a_modal_verb_never_ends_a_label() -> None:
    """销量会接近90万辆: what the figure counts is 销量, not 销量会; 协会 keeps its 会."""
    facts = _facts("汽车\n\n今年全年销量会接近90万辆。中国汽车工业协会共有会员120家。\n")
    assert not facts["接近90万辆"].counts.endswith("会")
    assert facts["接近90万辆"].label.endswith("销量")


def test_genre_terms_opening_on_a_character_the_tagger_drops_stay_whole() -> None:
    """乘用车, 年化利率: their first character is no numeral or time word to drop."""
    facts = _facts("车市\n\n2月乘用车零售量同比增长26%。存款年化利率达到5%以上。\n")
    assert facts["26%"].label == "乘用车零售量"
    assert facts["5%以上"].label.endswith("年化利率")


def test_a_negating_prefix_stays_with_its_noun() -> None:
    """非制造业PMI is not 制造业PMI: the prefix the tagger sets apart opens the label."""
    from reportgen.extract import extract_text

    m = extract_text("标题\n\n非制造业PMI为50.3%，比上月上升0.1个百分点。\n")
    assert [(f.text, f.label) for f in m.facts] == [
        ("50.3%", "非制造业PMI"),
        ("0.1个百分点", "非制造业PMI"),
    ]


def test_a_label_never_opens_on_the_rest_of_a_date() -> None:
    """8月份钢铁行业PMI: 月份 finishes the number before it, no measure's word."""
    from reportgen.extract import extract_text

    m = extract_text("标题\n\n8月份钢铁行业PMI为40.4%。\n")
    assert [(f.text, f.label) for f in m.facts] == [("40.4%", "钢铁行业PMI")]
