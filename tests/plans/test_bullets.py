"""Slide bullets: the key sentence or its main clause, word for word, never an ellipsis."""

from __future__ import annotations

from reportgen.plans.bullets import HEAD_MAX, bullet, bullets, main_clause, trim_opening, weak


def test_a_question_gives_way_to_the_sentence_after_it() -> None:
    b = bullet("怎样才能把货运得又快又省？", "新开的专列让运费下降了三成。", "zh")
    assert b == {"head": "新开的专列让运费下降了三成。", "body": ""}
    b = bullet("What could the city do?", "It opened a second rail yard in May.", "en")
    assert b["head"] == "It opened a second rail yard in May."


def test_a_lone_question_is_left_to_the_brief_when_other_points_remain() -> None:
    items = [{"head": "出路在哪里？", "body": ""}, {"head": "园区新建了三座仓库。", "body": ""}]
    assert [b["head"] for b in bullets(items, "zh")] == ["园区新建了三座仓库。"]
    only = [{"head": "出路在哪里？", "body": ""}]
    assert bullets(only, "zh") == only  # never nothing


def test_a_short_statement_is_a_key_sentence() -> None:
    assert not weak("有效扩大内需。", "zh")
    assert weak("为什么？", "zh") and weak("Why now?", "en")


def test_datelines_attributions_and_connectives_are_trimmed() -> None:
    s = "本报上海5月6日电（记者张三）记者从市统计局获悉：一季度全市工业产值增长6%。"
    assert trim_opening(s, "zh") == "一季度全市工业产值增长6%。"
    assert trim_opening("据统计，全年新增企业1200家。", "zh") == "全年新增企业1200家。"
    assert trim_opening("Meanwhile, the county hired 40 nurses.", "en") == (
        "The county hired 40 nurses."
    )
    assert trim_opening("据统计，好。", "zh") == "据统计，好。"  # nothing left to stand alone


def test_a_long_sentence_is_cut_to_its_main_clause_and_the_rest_becomes_the_body() -> None:
    clause = "今年以来，全市新能源汽车产业规模持续扩大"
    tail = (
        "，整车产量同比增长35%，零部件企业新增120家，带动就业岗位增加约8000个，产业链条更加完整。"
    )
    head, rest = main_clause(clause + tail, "zh")
    assert head == clause and rest == tail[1:]
    assert len(head) <= HEAD_MAX["zh"]
    b = bullet(clause + tail, "另一句案例。", "zh")
    assert b["head"] + "，" + b["body"] == clause + tail  # word for word, nothing dropped
    assert "…" not in b["head"] + b["body"]


def test_a_head_never_ends_on_a_frame() -> None:
    s = (
        "在推动制造业升级方面，前三季度，全省规模以上工业增加值同比增长7.5%，"
        "高技术制造业增加值增长12%，装备制造业增加值增长9%，占比继续提高。"
    )
    head, _ = main_clause(s, "zh")
    assert head == "在推动制造业升级方面，前三季度，全省规模以上工业增加值同比增长7.5%"
    en = (
        "In the fiscal year that ended in June, the department spent $4.2 million on new "
        "buses, and it plans to spend twice as much on repairs to the old depot next year."
    )
    head, rest = main_clause(en, "en")
    assert head.startswith("In the fiscal year that ended in June, the department")
    assert rest.startswith("and it plans")


def test_a_cut_never_leaves_a_quote_open_or_splits_a_figure() -> None:
    s = "会议提出“坚持稳中求进，推动高质量发展，扩大高水平开放，保障和改善民生”的总体要求，" + (
        "并部署了今年的十项重点任务，涉及科技、产业、消费、投资、改革、开放等方面。"
    )
    head, _ = main_clause(s, "zh")
    assert head.count("“") == head.count("”")
    en = "The plan adds 7,000 homes " + "and more words " * 12 + ", and then it ends here."
    head, _ = main_clause(en, "en")
    assert "7,000" in head


def test_a_section_title_drops_the_dash_it_opens_with() -> None:
    from factories import zh_model

    from reportgen.plans.deck import _theme_view

    model = zh_model()
    theme = model.themes[0].model_copy(update={"heading": "——以改革破题，推进制度创新"})
    model = model.model_copy(update={"themes": [theme, *model.themes[1:]]})
    assert _theme_view(model, 0, {})["title"] == "以改革破题，推进制度创新"


def test_a_sentence_opening_on_a_subordinate_clause_is_kept_whole() -> None:
    s = (
        "为了寻求更大的发展空间，进而带动周边产业的发展，推动全域城市化步伐，"
        "市里决定在北岸再造一个新港区，新城也依托新港而生。"
    )
    assert main_clause(s, "zh") == (s, "")
    assert trim_opening("数据显示，全年新增企业1200家。", "zh") == "全年新增企业1200家。"


def test_a_bare_figure_another_bullet_states_is_left_out() -> None:
    items = [
        {"head": "80%", "body": ""},
        {"head": "良种对增产的贡献率超过80%", "body": ""},
        {"head": "12%", "body": ""},
    ]
    heads = [b["head"] for b in bullets(items, "zh")]
    assert heads == ["良种对增产的贡献率超过80%", "12%"]  # 12% is stated nowhere else: kept


def test_an_english_comma_between_adjectives_is_no_clause_boundary() -> None:
    s = (
        "The appropriation sets the tuition stipend at $116 per credit hour for a full time, "
        "full year (30 credit hour) student, which is the same amount as in the year before "
        "the change."
    )
    head, rest = main_clause(s, "en")
    assert "full time, full year" in head
    assert rest == "which is the same amount as in the year before the change."
    said = (
        "The striking workers are not aiming to disrupt travel at the airport this winter, "
        "a spokeswoman for the union said at a press conference last week in the city."
    )
    head, rest = main_clause(said, "en")
    assert head.endswith("this winter") and rest.startswith("a spokeswoman")


def test_list_numbers_and_markdown_emphasis_are_no_words_of_a_bullet() -> None:
    b = bullet("2、**全市一季度新增企业1200家。", "**其中科技企业300家。", "zh")
    assert b == {"head": "全市一季度新增企业1200家。", "body": "其中科技企业300家。"}
    assert bullet("（三）推进老旧小区改造。", "", "zh")["head"] == "推进老旧小区改造。"
    assert bullet("3.5%的增速来之不易。", "", "zh")["head"] == "3.5%的增速来之不易。"  # a figure


def test_a_head_never_ends_on_who_tells_it() -> None:
    s = (
        "国家统计局公布数据，受高温多雨等因素影响，8月份全国制造业采购经理指数为49.1%，"
        "比上月下降0.3个百分点，制造业景气度小幅回落。"
    )
    head, _ = main_clause(s, "zh")
    assert not head.endswith("公布数据")


def test_a_table_flattened_into_a_line_is_left_to_the_brief() -> None:
    row = "Item FY 2024 FY 2025 Revenue $20,877.4 $20,493.1 Spending $18,498.8 $18,544.0 "
    items = [{"head": row + "Reserve $2,378.6 $1,949.1", "body": ""}]
    items.append({"head": "The reserve falls below the required level next year.", "body": ""})
    assert [b["head"] for b in bullets(items, "en")] == [items[1]["head"]]


def test_a_bare_transition_is_no_key_sentence() -> None:
    from reportgen.plans.bullets import transition

    for zh in ("如今情况不同了。", "一切都变了。", "现在不一样了。", "问题来了。"):
        assert transition(zh, "zh") and weak(zh, "zh"), zh
    for en in ("But that was then.", "Things changed.", "That is no longer the case."):
        assert transition(en, "en") and weak(en, "en"), en
    # a figure, a named subject or a claim is content, however short
    for zh in ("2024年情况不同了。", "有效激发消费活力。", "发展是硬道理。", "港口变了。"):
        assert not transition(zh, "zh"), zh
    for en in ("Costs rose.", "The union struck.", "Chicago changed."):
        assert not transition(en, "en"), en
    b = bullet("如今情况不同了。", "新建的三座码头让靠港时间缩短了一半。", "zh")
    assert b["head"] == "新建的三座码头让靠港时间缩短了一半。"


def test_a_long_case_is_cut_to_its_main_clause_and_read_whole_in_the_notes() -> None:
    case = (
        "全区规上工业总产值同比增长12.5%，其中高新技术产业产值占比首次超过一半，"
        "数字经济核心产业增加值增长15%，新能源汽车、集成电路等新兴产业链加快成形。"
    )
    b = bullet("产业升级步伐加快。", case, "zh")
    assert b["body"] == "全区规上工业总产值同比增长12.5%"  # its main clause, word for word
    assert case in b["note"] and "产业升级步伐加快" in b["note"]
    short = bullet("产业升级步伐加快。", "全区规上工业总产值同比增长12.5%。", "zh")
    assert "note" not in short  # nothing cut, nothing to add
    # a long case with no clause to cut at is left to the notes, never cut mid-thought
    run_on = "新能源汽车集成电路生物医药高端装备等新兴产业链在全区加快成形并带动上下游企业" * 2
    b = bullet("产业升级步伐加快。", run_on, "zh")
    assert b["body"] == "" and run_on in b["note"]
    assert len(bullet("Growth.", "word " * 60, "en")["body"]) <= 160


def test_page_chrome_is_never_a_bullet() -> None:
    from reportgen.plans.bullets import chrome

    items = [
        {"head": "责任编辑：张三", "body": ""},
        {"head": "返回腾讯网首页>>", "body": ""},
        {"head": "全区工业产值增长8%。", "body": ""},
    ]
    assert [b["head"] for b in bullets(items, "zh")] == ["全区工业产值增长8%。"]
    assert bullets(items[:2], "zh") == []  # only chrome: no bullet at all
    assert chrome("Photo: Getty Images") and chrome("Advertisement")
    assert not chrome("The town received funding for a new library.")


def test_a_transition_with_a_curly_apostrophe_or_a_colon_is_still_one() -> None:
    from reportgen.plans.bullets import transition

    assert transition("But here’s another key point:", "en")
    assert transition("But here's another key point.", "en")
    assert not transition("But here’s the budget: $3 million.", "en")


def test_a_bullet_never_ends_on_a_semicolon_or_a_comma() -> None:
    assert bullet("钢管桩一寸寸扎入海床；", "", "zh")["head"] == "钢管桩一寸寸扎入海床"
    b = bullet("Colleges create jobs;", "and support apprenticeships,", "en")
    assert b == {"head": "Colleges create jobs", "body": "and support apprenticeships"}
