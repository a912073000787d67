"""Quotes: speech verbs decide what is a quote; speakers are names, bodies, roles or nobody."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_text


def _quotes(*paragraphs: str) -> list[tuple[str, str, str]]:
    model = extract_text("标题\n\n" + "\n\n".join(paragraphs))
    return [(q.speaker, q.title, q.text) for q in model.quotes]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "title"),
    [
        (
            "中国银行研究院高级研究员梁婧表示：“明年经济将继续回升向好。”",
            "梁婧",
            "中国银行研究院高级研究员",
        ),
        ("“中国经济展现出强大韧性。”国际货币基金组织评价。", "国际货币基金组织", ""),
        ("国家发展改革委主任郑栅洁再次强调，“要坚持稳中求进。”", "郑栅洁", "国家发展改革委主任"),
        ("“今年订单已经排满了。”东阳市委书记李增勇告诉记者。", "李增勇", "东阳市委书记"),
        ("张三在接受记者采访时表示：“产业链正在重塑。”", "张三", ""),
        ("“发展是第一要务。”东阳市委主要负责人说。", "东阳市委主要负责人", ""),
    ],
)
def test_speaker_is_a_name_with_its_title_or_a_body(paragraph, speaker, title) -> None:
    (got,) = _quotes(paragraph)
    assert got[:2] == (speaker, title)


def test_quoted_terms_nicknames_and_slogans_are_not_quotes() -> None:
    assert (
        _quotes(
            "对浙江来说，“腾笼换鸟、凤凰涅槃”是必由之路。",
            "盱眙有“中国龙虾之都”的美誉，“千万工程”和“十四五”规划持续推进。",
        )
        == []
    )


def test_a_speech_verb_inside_another_word_says_nothing() -> None:
    assert _quotes("“这个问题很复杂”对他来说，也是一个难题。") == []


def test_vague_speakers_leave_the_quote_unattributed() -> None:
    assert _quotes(
        "有专家表示：“这是一次重要机遇。”",
        "业内人士认为，“市场将回暖。”",
        "“审批务必严格。”一位大连当地的区域专家说。",
        "“项目很有意义。”企业负责人说。",
        "“港口错过了机会。”该港一位高级工程师说。",
    ) == [
        ("", "", "这是一次重要机遇。"),
        ("", "", "市场将回暖。"),
        ("", "", "审批务必严格。"),
        ("", "", "项目很有意义。"),
        ("", "", "港口错过了机会。"),
    ]


def test_pronoun_is_the_person_named_before() -> None:
    got = _quotes("浙江大学教授张三指出：“创新是关键。”", "“我们还要加快。”他说。")
    assert [(s, t) for s, t, _ in got] == [("张三", "浙江大学教授"), ("张三", "浙江大学教授")]


def test_quote_continued_in_the_next_paragraph_is_one_quote() -> None:
    (got,) = _quotes("张三说：“第一段话。", "“第二段话。”")
    assert got[0] == "张三"
    assert got[2].startswith("第一段话。") and got[2].endswith("第二段话。")


def test_quote_spanning_sentences_keeps_them_all() -> None:
    (got,) = _quotes("“我们先做强。再做大。最后走出去。”李四说。")
    assert got == ("李四", "", "我们先做强。再做大。最后走出去。")


def _en(*paragraphs: str) -> list[tuple[str, str, str]]:
    model = extract_text("Title\n\n" + "\n\n".join(paragraphs))
    return [(q.speaker, q.title, q.text) for q in model.quotes]


def test_english_speakers_and_titles() -> None:
    got = _en(
        'Mayor John Smith said: "This is a great day for Allentown."',
        '"Unemployment is falling," according to the U.S. Department of Labor.',
        '"We expect 2,000 jobs," said Jane Doe, the county\'s economic director.',
        '"It will take years," Doe said.',
        '"It has been tough," she said.',
        'In a statement Tuesday, Gov. Josh Shapiro said, "Pennsylvania is open for business."',
    )
    assert [(s, t) for s, t, _ in got] == [
        ("John Smith", "Mayor"),
        ("U.S. Department of Labor", ""),
        ("Jane Doe", "the county's economic director"),
        ("Jane Doe", "the county's economic director"),
        ("Jane Doe", "the county's economic director"),
        ("Josh Shapiro", "Gov."),
    ]


def test_english_scare_quotes_are_not_quotes() -> None:
    assert _en('The plant, dubbed the "gigafactory", opens next year.') == []


def test_a_quoted_sentence_after_a_named_person_is_their_speech() -> None:
    (got,) = _quotes("种粮大户贾国峰喜笑颜开，“粮食产量涨了一大截，增产了不少。”")
    assert got[0] == "贾国峰"


def test_name_then_title_and_a_name_the_segmenter_cuts() -> None:
    got = _quotes(
        "习近平总书记强调：“要坚持稳中求进。”",
        "“质量可追溯，消费者买得放心。”河北邢台市南和区贾宋镇郄村菜农周顺义说。",
    )
    assert [(s, t) for s, t, _ in got] == [
        ("习近平", "总书记"),
        ("周顺义", "河北邢台市南和区贾宋镇郄村菜农"),
    ]


def test_english_surname_resolves_to_the_full_name_in_the_text() -> None:
    got = _en(
        "Alec Hansen leads the program.",
        '"Jordan is facing an immediate challenge," Hansen said.',
        '"We will hire," Mr Hansen said.',
    )
    assert [s for s, _, _ in got] == ["Alec Hansen", "Alec Hansen"]


def test_a_quoted_sentence_opening_before_a_named_person_is_theirs() -> None:
    (got,) = _quotes("“以前花一两元就能充满电，前几天一下子被扣了12元。”吴翔宇自称是长期用户。")
    assert got[0] == "吴翔宇"


def test_quotes_in_a_row_share_their_attribution() -> None:
    got = _quotes("习近平总书记在山东考察时强调：“山东要定好位、挑大梁”“加快建设先行区”。")
    assert [s for s, _, _ in got] == ["习近平", "习近平"]


def test_a_named_speaker_may_run_on_into_indirect_speech() -> None:
    (got,) = _quotes("“今年，头部企业加速了市场开拓的步伐”，张凡说只能通过涨价来覆盖成本。")
    assert got[0] == "张凡"


def test_told_the_reporter_is_a_speech_verb() -> None:
    (got,) = _quotes("店员告诉中国青年报记者“五五分成”。")
    assert got[2] == "五五分成"


def test_en_pronoun_after_a_spokeswoman_for_a_body_is_the_body() -> None:
    model = extract_text(
        "Title\n\nWorkers will strike, a spokeswoman for the Service Employees International "
        'Union said last week.\n\n"They do want to gain public support," she said.'
    )
    assert [q.speaker for q in model.quotes] == ["Service Employees International Union"]


@pytest.mark.parametrize(
    "source", ["was quoted by the Gazette of Ruritania as saying", "told the Midland Post that"]
)
def test_en_pronoun_skips_a_publication_named_after_the_person(source: str) -> None:
    model = extract_text(
        f"Title\n\nTrade Minister Anna Berg {source} the plan fits the strategy. "
        '"The program will help businesses," she said.'
    )
    assert [q.speaker for q in model.quotes] == ["Anna Berg"]


def test_zh_clause_without_a_subject_is_the_person_named_before() -> None:
    (got,) = _quotes("市长陈晓东来到居民家中看温度计，摸暖气片，笑着说“这温度达标了”。")
    assert got[0] == "陈晓东"
    (got,) = _quotes("陈晓东回顾了五年来的变化，鲜明指出“我们进入了一个新的发展阶段”。")
    assert got[0] == "陈晓东"


def test_zh_clause_without_a_subject_names_nobody_when_no_person_came_before() -> None:
    (got,) = _quotes("会议回顾了五年来的变化，鲜明指出“我们进入了一个新的发展阶段”。")
    assert got[0] == ""
    (got,) = _quotes("公安部通报了案情，鲜明指出“对违法爬取数据的行为要依法打击”。")
    assert got[0] == ""


def test_zh_quote_later_in_a_paragraph_is_the_reporting_clauses_speaker() -> None:
    (got,) = _quotes(
        "刘颖认为，不同场景的价格从来都不是统一的。“商家掌握一定的定价权，有些是商家主动要求"
        "提高定价”，共享充电宝的价格和场景消费水平相匹配。"
    )
    assert got[0] == "刘颖"
    (got,) = _quotes(
        "他认为，工业机器人已经非常成熟。美国波士顿动力创始人Marc Raibert表示，目前人形机器人"
        "“在某种程度上是一种炫耀，而不是一种生产力”。"
    )
    assert got[0] == "Marc Raibert"


def test_zh_quote_inside_the_writers_question_is_no_quote() -> None:
    got = _quotes(
        "“十四五”是全面建成小康社会之后的第一个五年。如何完成好高质量发展这一“首要任务”，"
        "“确保全面建设社会主义现代化国家开好局、起好步”？“准确把握新发展阶段”；"
    )
    assert got == []


def test_zh_article_with_a_list_of_links_is_read_as_chinese() -> None:
    links = "\n\n".join(f"部门{i}\n\nhttp://www.example{i}.gov.cn/index/home" for i in range(12))
    model = extract_text(
        "标题\n\n山西代表团团长陈河才介绍，近年来两地交流日益活跃。“通过这一平台，我们将大力宣传"
        "优势产业。”\n\n" + links
    )
    assert model.language == "zh"
    assert [q.speaker for q in model.quotes] == ["陈河才"]


def _en_quotes(*paragraphs: str) -> list[tuple[str, str]]:
    model = extract_text("Title\n\n" + "\n\n".join(paragraphs))
    return [(q.speaker, q.text) for q in model.quotes]


def test_en_quote_run_over_paragraphs_is_attributed_where_it_closes() -> None:
    got = _en_quotes(
        "Unemployment rose again, Labour's spokesperson Annette King said today.",
        "“The rate at which more people are claiming the benefit is speeding up.",
        "“Where is the evidence of any of this? “It is time the Government was straight up "
        "with the public,” Annette King said.",
    )
    assert len(got) == 1
    assert got[0][0] == "Annette King"
    assert got[0][1].startswith("The rate at which") and got[0][1].endswith("with the public,")


def test_en_verb_before_the_quote_needs_no_comma() -> None:
    got = _en_quotes(
        "CTU Economist Bill Rosenberg says “these contrast strongly with the forecasts used "
        "by the Government in the Budget.”",
        "“Treasury forecasts of falling unemployment have already been made redundant by "
        "the current rate.”",
        "There are now over 160,000 New Zealanders unemployed.",
        "“We need the government to focus on job creation and support New Zealand jobs.”",
    )
    assert [s for s, _ in got] == ["Bill Rosenberg", "Bill Rosenberg"]
    assert "Treasury forecasts" in got[0][1]  # one quote, gone on in the next paragraph


def test_zh_run_of_quotes_closed_by_an_ellipsis_is_the_persons_after_it() -> None:
    got = _quotes(
        "“准确把握新发展阶段，深入贯彻新发展理念”；“要坚定不移办好自己的事”……"
        "习近平总书记高瞻远瞩、举旗定向。"
    )
    assert [s for s, _, _ in got] == ["习近平", "习近平"]


def test_zh_telling_verb_with_whom_it_addresses() -> None:
    got = _quotes("勉励辽宁“要统筹传统产业转型升级”；在养老服务驿站，叮嘱老人“把身体照顾好”。")
    assert [t for _, _, t in got] == ["要统筹传统产业转型升级", "把身体照顾好"]


def test_zh_quote_held_by_a_speech_noun_is_speech() -> None:
    got = _quotes("而眼下，在公安部“彻底铲除违法犯罪活动滋生土壤”的严厉表态下，整顿仍将持续。")
    assert [(s, t) for s, _, t in got] == [("公安部", "彻底铲除违法犯罪活动滋生土壤")]


def test_zh_person_after_a_quote_past_a_date_or_a_long_title() -> None:
    got = _quotes(
        "“坚持发展锂电新能源产业，走出能源转型高质量发展之路。”枣庄市发展改革委主任刘中波信心十足。",
        "“切不可把传统产业一概视为低端产业一退了之”。2025年1月，习近平总书记在辽宁考察。",
        "“察盛衰之理，审权势之宜。”以习近平同志为核心的党中央坚持观大势。",
    )
    assert [s for s, _, _ in got] == ["刘中波", "习近平"]


def test_zh_pronoun_reporting_clause_right_after_a_quote() -> None:
    got = _quotes(
        "来电科技的高级市场总监刘颖表示，“来电近期并没有明显涨价，目前收费仍是1元到2元每小时。”"
        "她坦言，不愿意看到共享充电宝涨价，“但是如果其他友商都涨价，我们也不排除调整价格。”"
    )
    assert [s for s, _, _ in got] == ["刘颖", "刘颖"]


def test_zh_reporting_clause_with_the_speaker_opening_it() -> None:
    (got,) = _quotes(
        "10、蜂巢科技创始人兼CEO夏勇峰出席年会并发表讲话称，AI的兴起让公司站上风口。"
        "“我们不做大模型，只是扎实地让AI能真正落地。”"
    )
    assert got[0] == "夏勇峰"


def test_zh_speaker_already_quoted_is_known_when_the_segmenter_cuts_the_name() -> None:
    got = _quotes(
        "“每筐西红柿都有身份证，质量可追溯。”河北邢台市南和区贾宋镇郄村菜农周顺义说。",
        "“放心菜”怎么种？周顺义一一列举：种的是新品种，施的是有机肥，“绿色西红柿销路不愁，"
        "去年挣了10多万元。”",
    )
    assert [s for s, _, _ in got] == ["周顺义", "周顺义"]


def test_zh_reporting_clause_naming_whom_it_tells() -> None:
    (got,) = _quotes(
        "一位消费金融平台的市场部人士告诉《棱镜》，那些现金贷平台一下失去了风控能力。"
        "“（他们的）风控模型还在重新调试，估计短时间不会正常放款。”"
    )
    assert got[0] == "" and got[2].startswith("（他们的）风控模型")


def test_zh_quote_opening_a_paragraph_then_the_person_after_a_comma() -> None:
    (got,) = _quotes("“涨价是回归商业本质的理性行为”，刘兴亮劝导消费者要理解涨价。")
    assert got[0] == "刘兴亮"


def test_zh_subjectless_telling_verbs_take_the_person_after_the_run() -> None:
    got = _quotes(
        "鼓励浙江“要把农业产业做大做强”；指示湖南“努力推动旅游业转型升级”……"
        "一场场调研，李强总理指明方向。"
    )
    assert [(s, t) for s, _, t in got] == [
        ("李强", "要把农业产业做大做强"),
        ("李强", "努力推动旅游业转型升级"),
    ]


def test_zh_subjectless_telling_verb_goes_on_with_the_paragraphs_speaker() -> None:
    got = _quotes("在村口，张伟笑着说“今年收成真好”；在学校，询问学生们“午饭吃得饱吗”。")
    assert [(s, t) for s, _, t in got] == [("张伟", "今年收成真好"), ("张伟", "午饭吃得饱吗")]


def test_zh_subjectless_telling_verb_with_no_speaker_before_names_nobody() -> None:
    got = _quotes("在学校，询问学生们“午饭吃得饱吗”。")
    assert [(s, t) for s, _, t in got] == [("", "午饭吃得饱吗")]


def test_zh_speech_nouns_owned_by_the_person_after_them() -> None:
    got = _quotes(
        "从“要把群众冷暖放在心上”的谆谆叮咛，到“乡村振兴要靠产业”的殷切嘱托，李强总理始终关心民生。"
    )
    assert [(s, t) for s, _, t in got] == [
        ("李强", "要把群众冷暖放在心上"),
        ("李强", "乡村振兴要靠产业"),
    ]


_AD = "Advertisement - scroll to continue reading"


def test_a_quote_run_over_paragraphs_stops_at_an_ad_between_them() -> None:
    model = extract_text(
        "Council Budget Runs Late\n\n"
        "The budget was late. Jane Doe said: “The rate of spending is rising "
        "faster than anyone planned this year.\n\n"
        "“Nobody has explained where the money for the new depot went.\n\n"
        f"{_AD}\n\n"
        "“It is time the council was straight with the public about it,” Ms Doe said.\n"
    )
    assert _AD in model.furniture
    assert [(q.speaker, q.text[:12], q.text[-11:]) for q in model.quotes] == [
        ("Jane Doe", "The rate of ", "depot went.")
    ]


def test_a_quote_run_cut_by_an_ad_takes_the_attribution_after_it() -> None:
    model = extract_text(
        "Council Budget Runs Late\n\n"
        "“The rate of spending is rising faster than anyone planned this year.\n\n"
        f"{_AD}\n\n"
        "“It is time the council was straight with the public about it,” Jane Doe said.\n"
    )
    assert [(q.speaker, q.text[:12], q.text[-10:]) for q in model.quotes] == [
        ("Jane Doe", "The rate of ", "this year.")
    ]


def test_zh_a_places_resident_named_after_de_speaks() -> None:
    got = _quotes("今年春天，云南某县石门村的拉珍一家搬进了新房，“新房子又宽敞又亮堂，住着舒心。”")
    assert [(s, t) for s, _, t in got] == [("拉珍", "新房子又宽敞又亮堂，住着舒心。")]


def test_zh_a_word_after_de_with_no_place_before_names_nobody() -> None:
    got = _quotes("这段时间的变化一家人都看在眼里，“新房子又宽敞又亮堂，住着舒心。”")
    assert [s for s, _, _ in got] == [""]


def test_zh_a_whole_quote_after_a_scene_is_the_paragraphs_person() -> None:
    got = _quotes(
        "72岁的退休教师王秀英今年搬了新家。推开窗户，微风吹进客厅，“屋里亮堂多了，心里也敞亮！”"
    )
    assert [(s, t) for s, _, t in got] == [("王秀英", "屋里亮堂多了，心里也敞亮！")]


def test_zh_a_whole_quote_after_a_scene_with_nobody_named_has_no_speaker() -> None:
    got = _quotes("新小区今年交付。推开窗户，微风吹进客厅，“屋里亮堂多了，心里也敞亮！”")
    assert [s for s, _, _ in got] == [""]


def test_zh_opening_quote_spoken_by_the_person_in_the_next_clause_of_the_sentence() -> None:
    got = _quotes(
        "“把这片滩涂建成生态公园，附近居民都能受益。”今年首次外出调研，李强总理来到湿地考察。"
    )
    assert [(s, t) for s, _, t in got] == [("李强", "把这片滩涂建成生态公园，附近居民都能受益。")]


def test_zh_opening_quote_with_a_person_only_in_a_later_sentence_is_no_speech() -> None:
    got = _quotes(
        "“把这片滩涂建成生态公园，附近居民都能受益。”今年首次外出调研，湿地迎来游客。李强总理来到湿地。"
    )
    assert got == []


def _en_said(*paragraphs: str) -> list[tuple[str, str, str]]:
    model = extract_text("Strike Goes On\n\n" + "\n\n".join(paragraphs))
    return [(q.speaker, q.title, q.text[:12]) for q in model.quotes]


def test_en_quote_after_a_sentence_reporting_what_a_named_person_said() -> None:
    got = _en_said(
        "Union president Maria Lopez said the strike would go on. "
        "“We will not back down on this issue at all.”"
    )
    assert got == [("Maria Lopez", "Union president", "We will not ")]


def test_en_quote_after_a_sentence_naming_no_person_or_not_the_last_is_no_speech() -> None:
    assert (
        _en_said(
            "The union said the strike would go on. “We will not back down on this issue at all.”",
            "Maria Lopez said the strike would go on. The city disagreed. "
            "“We will not back down on this issue at all.”",
        )
        == []
    )


def test_zh_a_quoted_paragraph_goes_on_with_the_speaker_named_last_before_it() -> None:
    got = _quotes(
        "“湿地保护要久久为功，一代接着一代干。”今年首次外出调研，李强总理来到湿地考察。",
        "“这片湿地是城市的绿肺，也是候鸟的家园，必须守护好。”",
    )
    assert [s for s, _, _ in got] == ["李强", "李强"]


def test_zh_a_quoted_paragraph_after_another_person_is_named_is_no_speech() -> None:
    got = _quotes(
        "“湿地保护要久久为功，一代接着一代干。”今年首次外出调研，李强总理来到湿地考察，"
        "护林员张伟陪同。",
        "“这片湿地是城市的绿肺，也是候鸟的家园，必须守护好。”",
    )
    assert [s for s, _, _ in got] == ["李强"]
