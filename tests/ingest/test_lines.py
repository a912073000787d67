"""The line classifier on the shapes real articles come in (one small article per class)."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_text
from reportgen.ingest.blocks import parse_markdown
from reportgen.ingest.lines import split_rows

P1 = "今年以来，全县工业产值增长百分之十二，新增企业三十余家，发展势头良好。"
P2 = "园区持续优化营商环境，一批重点项目加快建设，带动就业明显增加。"
P3 = "下一步，当地将继续推动产业升级，培育新的增长点，让群众得到更多实惠。"
EN1 = "The plant opened on Monday after four years of construction and hiring."
EN2 = "Officials said the project would bring hundreds of jobs to the region."
EN3 = "Local leaders hope the new jobs will keep young families in the county."


def _body(model) -> list[str]:
    return [p.text for p in model.lead] + [p.text for t in model.themes for p in t.paragraphs]


def _heads(model) -> list[str]:
    return [t.heading for t in model.themes]


def test_title_running_into_the_first_paragraph() -> None:
    m = extract_text(f"县域经济稳中向好\n{P1}\n{P2}\n")
    assert m.headline == "县域经济稳中向好"
    assert _body(m) == [P1, P2]


def test_english_title_running_into_hard_wrapped_text() -> None:
    text = (
        "Valley Town Bets on Batteries\n"
        "The plant opened on Monday after four years of construction, and its\n"
        "owners say it will hire 900 people next year.\n"
        "Officials said the project would bring new suppliers to the region as\n"
        "well.\n"
    )
    m = extract_text(text)
    assert m.headline == "Valley Town Bets on Batteries"
    assert len(_body(m)) == 2


def test_hard_wrapped_text_keeps_its_heads() -> None:
    wrap = (
        "当地把发展产业作为头等大事，推动企业技术改造和数字化转型，\n产值连续三年保持两位数增长。"
    )
    text = f"标题\n\n{wrap}\n红线\n{wrap}\n升级\n{wrap}\n"
    m = extract_text(text)
    assert _heads(m) == ["红线", "升级"]
    assert all(len(p) > 40 for p in _body(m))


def test_wire_dateline_repeating_the_title() -> None:
    m = extract_text(f"中新社北京11月1日电 题：县域经济何以逆势上扬\n\n作者 张三\n\n{P1}\n\n{P2}\n")
    assert m.headline == "县域经济何以逆势上扬"
    assert m.dateline == "中新社北京11月1日电"
    assert m.authors == ["张三"]


def test_dateline_opening_the_first_paragraph() -> None:
    m = extract_text(f"县域经济稳中向好\n\n新华社北京11月1日电（记者 张三 李四）{P1}\n\n{P2}\n")
    assert m.dateline == "新华社北京11月1日电"
    assert m.authors == ["张三", "李四"]
    assert _body(m)[0].startswith("新华社北京11月1日电")


def test_english_dateline() -> None:
    m = extract_text(f"Plant Opens\n\nWASHINGTON, March 3 (Reuters) - {EN1}\n\n{EN2}\n")
    assert m.dateline == "WASHINGTON, March 3 (Reuters) -"


def test_series_tag_after_the_title_and_original_title() -> None:
    text = (
        f"县域经济稳中向好（走向我们的小康生活）\n\n原标题：县域经济何以逆势上扬\n\n{P1}\n\n{P2}\n"
    )
    m = extract_text(text)
    assert (m.headline, m.series) == ("县域经济稳中向好", "走向我们的小康生活")
    assert "原标题：县域经济何以逆势上扬" in m.furniture
    assert _body(m) == [P1, P2]


@pytest.mark.parametrize("line", ["记者|王明", "（记者 王明）", "作者︱王明"])
def test_byline_at_the_end(line: str) -> None:
    m = extract_text(f"县域经济稳中向好\n\n{P1}\n\n{P2}\n\n{line}\n")
    assert m.authors == ["王明"]
    assert _body(m) == [P1, P2]


def test_byline_closing_the_last_paragraph() -> None:
    m = extract_text(f"县域经济稳中向好\n\n{P1}\n\n{P2}（记者 王明）\n")
    assert m.authors == ["王明"]


def test_credit_lines_are_credits_not_bylines_or_heads() -> None:
    text = (
        f"县域经济稳中向好\n\n出品︱新华社国内部\n\n作者︱王明\n\n{P1}\n\n{P2}\n\n"
        "编辑：李华\n\n责任编辑：赵六\n\n（责编：钱七）\n"
    )
    m = extract_text(text)
    assert m.authors == ["王明"]
    assert m.credits == ["出品︱新华社国内部", "编辑：李华", "责任编辑：赵六", "（责编：钱七）"]
    assert m.themes == []
    assert _body(m) == [P1, P2]


def test_one_word_heads_followed_by_an_image_credit() -> None:
    text = (
        f"县域经济稳中向好\n\n{P1}\n\n红线\n\n图片来源：摄图网\n\n{P2}\n\n"
        f"升级\n\n图片来源：摄图网\n\n{P3}\n\n竞争\n\n图片来源：视觉中国\n\n{P1}\n"
    )
    m = extract_text(text)
    assert _heads(m) == ["红线", "升级", "竞争"]
    assert [c.text for c in m.captions] == ["图片来源：摄图网"] * 2 + ["图片来源：视觉中国"]


def test_markdown_bold_and_underlined_heads() -> None:
    text = f"# 标题\n\n{P1}\n\n**<u>产业升级</u>**\n\n{P2}\n\n**开放合作**\n{P3}\n"
    m = extract_text(text)
    assert _heads(m) == ["产业升级", "开放合作"]
    assert _body(m) == [P1, P2, P3]


def test_bare_numerals_name_the_line_after_them() -> None:
    text = (
        f"标题\n\n{P1}\n\n（一）\n\n产业升级\n\n{P2}\n\n（二）\n\n"
        f"坚持开放合作，拓展发展空间。\n\n{P3}\n"
    )
    m = extract_text(text)
    assert _heads(m) == ["产业升级", "坚持开放合作，拓展发展空间。"]
    assert _body(m) == [P1, P2, P3]


def test_two_line_heads_keep_the_slogan_as_tagline() -> None:
    text = f"标题\n\n{P1}\n\n产业篇\n\n“向新而行”\n\n{P2}\n\n开放篇\n\n“走出去 引进来”\n\n{P3}\n"
    m = extract_text(text)
    assert [(t.heading, t.tagline) for t in m.themes] == [
        ("产业篇", "“向新而行”"),
        ("开放篇", "“走出去 引进来”"),
    ]
    assert m.captions == []


def test_lead_in_line_ending_in_a_colon_is_no_head() -> None:
    text = (
        f"Plant Opens\n\n{EN1}\n\nIn the Allentown area alone:\n\n"
        f"- {EN2}\n- {EN2}\n\nJobs and Wages\n\n{EN1}\n"
    )
    m = extract_text(text)
    assert "In the Allentown area alone:" not in _heads(m)


def test_photo_captions_and_credits_leave_the_body() -> None:
    text = (
        f"标题\n\n{P1}\n\n图为园区全景。人民网 张三摄\n\n{P2}\n\n园区一角。新华社记者 李四摄\n\n"
        f"工人在车间作业。王五摄\n\n游客在景区游览（资料图）\n\n{P3}\n"
    )
    m = extract_text(text)
    assert len(m.captions) == 4
    assert _body(m) == [P1, P2, P3]


def test_furniture_and_ads_never_reach_the_body() -> None:
    text = (
        f"标题\n\n{P1}\n\n海量资讯、精准解读，尽在新浪财经APP\n\n{P2}\n\n\\###\n\n{P3}\n\n"
        "《 人民日报 》（ 2020年08月23日 02 版）\n\n(责编：王某、李某)\n"
    )
    m = extract_text(text)
    assert _body(m) == [P1, P2, P3]
    assert len(m.furniture) + len(m.credits) == 4


def test_italic_dek_glued_to_the_first_paragraph() -> None:
    m = extract_text(f"# Plant Opens\n*A summary of the day in one line*\n{EN1}\n\n{EN2}\n")
    assert m.dek == "A summary of the day in one line"
    assert _body(m) == [EN1, EN2]


def test_introduction_after_a_marked_headline_is_kept() -> None:
    m = extract_text(f"# Plant Opens\n\nA new start for the valley\n\n{EN1}\n\n{EN2}\n")
    assert _body(m)[0] in ("A new start for the valley", f"A new start for the valley {EN1}")


def test_one_paragraph_a_line_without_blank_lines() -> None:
    m = extract_text(f"标题\n{P1}\n{P2}\n{P3}\n")
    assert _body(m) == [P1, P2, P3]


def test_rows_split_keep_every_line() -> None:
    text = "标题\n第一段开头\n接着写完。\n**加粗**\n图片来源：摄图网\n"
    blocks = split_rows(parse_markdown(text))
    joined = "".join(b.text for b in blocks)
    assert joined == "标题第一段开头接着写完。加粗图片来源：摄图网"


def test_html_bylines_lose_dates_and_reading_times() -> None:
    from reportgen.ingest.patterns import names

    assert names("By Chris Isidore, CNN Business Updated 3:45 PM ET, Tue March 3, 2020") == [
        "Chris Isidore"
    ]
    assert names("By Jane Doe | 4 min read") == ["Jane Doe"]
    assert names("本报记者 王明 通讯员 李华") == ["王明", "李华"]


def test_structure_is_linear_in_the_article_size() -> None:
    import time

    def run(n: int) -> float:
        text = "标题\n\n" + "\n\n".join(f"小标题{i}\n\n{P1}\n\n{P2}" for i in range(n))
        started = time.perf_counter()
        extract_text(text)
        return time.perf_counter() - started

    run(20)
    small, large = run(100), run(800)
    assert large < 8 * small * 2.5


def test_ad_words_inside_prose_stay_body() -> None:
    para = "越来越多的年轻人开始关注这个公众号，并在上面分享自己的生活。"
    m = extract_text(f"标题\n\n{P1}\n\n{para}\n\n扫描二维码关注我们\n")
    assert _body(m) == [P1, para]
    assert m.furniture == ["扫描二维码关注我们"]


def test_list_items_are_neither_heads_nor_captions_nor_joined() -> None:
    text = (
        f"Plant Opens\n\n{EN1}\n\nThe plan includes:\n\n- Training for dock workers\n"
        f"- A new college campus\n\n{EN2}\n\nIt also funds:\n\n- New cranes\n- Clean fuel\n\n"
        f"{EN1}\n\n## Next Steps\n\n{EN2}\n"
    )
    m = extract_text(text)
    assert _heads(m) == ["Next Steps"]
    assert m.captions == []
    assert "A new college campus" in _body(m)
    assert EN2 in _body(m)


def test_yaml_header_gives_title_and_byline_and_stays_out_of_the_body() -> None:
    text = f'---\ntitle: "县域经济稳中向好（走向小康）"\nauthor: "方  敏"\ndate: 2025-01-05\n---\n\n{P1}\n\n{P2}\n'
    m = extract_text(text)
    assert (m.headline, m.series, m.authors) == ("县域经济稳中向好", "走向小康", ["方敏"])
    assert _body(m) == [P1, P2]
    assert any("date: 2025-01-05" in f for f in m.furniture)


def test_pre_title_and_subtitle_headings_are_the_dek() -> None:
    front = "> 本报记者  李  波  李  蕊《人民日报》（2025年04月02日第 01 版）"
    m = extract_text(f"### 用好区位优势，建设集结中心\n\n# 河南发力枢纽经济\n\n{front}\n\n{P1}\n")
    assert (m.headline, m.dek, m.authors) == (
        "河南发力枢纽经济",
        "用好区位优势，建设集结中心",
        ["李波", "李蕊"],
    )
    m = extract_text(
        f"# 政策成效显著（新数据 新看点）\n\n## 汽车以旧换新超107万辆\n\n{front}\n\n{P1}\n"
    )
    assert (m.headline, m.series, m.dek) == (
        "政策成效显著",
        "新数据 新看点",
        "汽车以旧换新超107万辆",
    )


def test_release_end_mark_and_copyright_close_the_article() -> None:
    text = (
        f"# Plant Opens\n\n**Monday, 14 May 2018, 12:06 pm**\n\n{EN1}\n\n{EN2}\n\nENDS\n\n"
        "## Using this site for work?\n\nLicences are available for work use.\n"
    )
    m = extract_text(text)
    assert _body(m) == [EN1, EN2]
    assert m.themes == []
    assert "Monday, 14 May 2018, 12:06 pm" in m.furniture


def test_heads_with_a_byline_under_them_and_a_figure_set_alone() -> None:
    text = (
        f"标题\n\n{P1}\n\n大国粮仓更稳固\n\n本报记者  郁静娴\n\n80%\n\n单产贡献率超过80%\n\n{P2}\n\n"
        f"寄递物流更畅通\n\n周  楠\n\n33.78万个\n\n累计建设33.78万个服务站\n\n{P3}\n"
    )
    m = extract_text(text)
    assert _heads(m) == ["大国粮仓更稳固", "寄递物流更畅通"]
    assert m.authors == ["郁静娴", "周楠"]
    assert {"80%", "33.78万个"} <= set(_body(m))  # a KPI figure: body, whole by itself
    assert m.captions == []


def test_label_heads_ending_in_a_colon_or_dash() -> None:
    text = (
        f"标题\n\n{P1}\n\n**英国《泰晤士报》：**\n\n**蓬勃发展的武汉再次充满欢声笑语**\n\n{P2}\n\n"
        f"**美国《纽约时报》：**\n\n**游客蜂拥前往黄鹤楼游览**\n\n{P3}\n"
    )
    m = extract_text(text)
    assert [(t.heading, t.tagline) for t in m.themes] == [
        ("英国《泰晤士报》：", "蓬勃发展的武汉再次充满欢声笑语"),
        ("美国《纽约时报》：", "游客蜂拥前往黄鹤楼游览"),
    ]


def test_writer_in_brackets_closing_the_article_and_labelled_in_a_credit_line() -> None:
    m = extract_text(f"标题\n\n{P1}\n\n{P2}（张巨峰）\n")
    assert m.authors == ["张巨峰"]
    m = extract_text(f"标题\n\n{P1}\n\n{P2}\n\n本文来源：某某报 作者：李慧敏责任编辑：NF055\n")
    assert m.authors == ["李慧敏"]


def test_related_box_and_disclaimers_are_furniture() -> None:
    text = (
        f"标题\n\n{P1}\n\n{P2}\n\n**风险提示：**市场有风险，投资需谨慎。本文内容仅供参考，不构成投资建议。\n\n"
        f"## 为你推荐\n\n{P3}\n"
    )
    m = extract_text(text)
    assert _body(m) == [P1, P2]
    assert m.themes == []


def test_dated_column_titles_give_the_series() -> None:
    m = extract_text(f"# 财经早餐2024年8月25日星期日\n\n{P1}\n\n{P2}\n")
    assert (m.headline, m.series) == ("财经早餐2024年8月25日星期日", "财经早餐")
    m = extract_text(f"# 每周一学（2025年12月8日-14日）县域经济稳中向好\n\n{P1}\n\n{P2}\n")
    assert (m.headline, m.series) == ("县域经济稳中向好", "每周一学（2025年12月8日-14日）")


def test_a_line_under_the_title_repeating_it_is_the_dek() -> None:
    m = extract_text(f"# 县域经济稳中向好\n\n“发展才是硬道理”——县域经济稳中向好\n\n{P1}\n\n{P2}\n")
    assert m.dek == "“发展才是硬道理”——县域经济稳中向好"
    assert _body(m) == [P1, P2]


def test_end_marks_and_related_boxes_never_swallow_the_article() -> None:
    sentence = "Copyright holders say the new rules will cost the industry millions of dollars."
    m = extract_text(f"Plant Opens\n\n{EN1}\n\n{EN2}\n\n{sentence}\n\n{EN1}\n")
    assert _body(m) == [EN1, EN2, sentence, EN1]
    m = extract_text(f"# 标题\n\n## 相关新闻\n\n{P1}\n\n{P2}\n\n{P3}\n")
    assert _body(m) == [P1, P2, P3]


def test_caption_over_a_photographer_credit_and_wire_credits() -> None:
    text = (
        f"标题\n\n{P1}\n\n7月1日，工人在车间作业。\n\n新华社记者 李四 摄\n\n{P2}\n\n（新华社发）\n\n"
        f"游客在景区游览。视觉中国供图\n\n资料图：园区一角\n\n{P3}\n"
    )
    m = extract_text(text)
    assert [c.text for c in m.captions] == [
        "7月1日，工人在车间作业。",
        "新华社记者 李四 摄",
        "（新华社发）",
        "游客在景区游览。视觉中国供图",
        "资料图：园区一角",
    ]
    assert m.captions[3].credit == "视觉中国供图"
    assert _body(m) == [P1, P2, P3]


def test_english_photo_credits() -> None:
    text = (
        f"Plant Opens\n\n{EN1}\n\nWorkers assemble batteries on Monday. (AP Photo/John Smith)\n\n"
        f"{EN2}\n\nFile photo\n\n{EN1}\n\nThe new plant on its first day.\n\n"
        f"Photograph: Jane Doe/Reuters\n\n{EN2}\n"
    )
    m = extract_text(text)
    assert [c.credit for c in m.captions] == [
        "(AP Photo/John Smith)",
        "File photo",
        "",
        "Photograph: Jane Doe/Reuters",
    ]
    assert _body(m) == [EN1, EN2, EN1, EN2]


def test_short_lines_standing_apart_are_not_joined_to_the_next_paragraph() -> None:
    m = extract_text(
        f"Plant Opens\n\n{EN1}\n\nAnd in the valley:\n\n{EN2}\n\nMore to come\n\n{EN1}\n"
    )
    assert _body(m) == [EN1, "And in the valley:", EN2, "More to come", EN1]
    m = extract_text(
        f"标题\n\n{P1}\n\n产业新城，关键在产。企业要为全省加\n\n快构建现代产业体系赋能。\n"
    )
    assert _body(m) == [P1, "产业新城，关键在产。企业要为全省加快构建现代产业体系赋能。"]


def test_title_and_source_lines_over_text_written_one_paragraph_a_line() -> None:
    m = extract_text(f"县域经济稳中向好\n2020年11月01日 10:00 来源：人民网\n{P1}\n{P2}\n{P3}\n")
    assert m.headline == "县域经济稳中向好"
    assert _body(m) == [P1, P2, P3]
    m = extract_text(f"县域经济稳中向好\n——来自某某县的调查\n{P1}\n{P2}\n")
    assert m.dek == "——来自某某县的调查"
    assert _body(m) == [P1, P2]


def test_a_closing_box_heading_is_furniture_not_a_section() -> None:
    text = f"# 标题\n\n{P1}\n\n{P2}\n\n【编辑:王明】\n\n#### 理论新闻精选：\n\n2020年07月08日 13:36:14\n"
    m = extract_text(text)
    assert m.themes == []
    assert "理论新闻精选：" in m.furniture
    text = f"# Plant Opens\n\n{EN1}\n\n{EN2}\n\n## Most Popular\n\nAnother story about the port\n"
    m = extract_text(text)
    assert m.themes == []
    assert _body(m) == [EN1, EN2]


def test_bare_numerals_whose_thesis_sentence_runs_into_the_paragraph() -> None:
    text = f"标题\n\n{P1}\n\n（一）\n坚持开放合作，拓展发展空间。{P2}\n\n（二）\n坚持创新驱动，培育新动能。{P3}\n"
    m = extract_text(text)
    assert _heads(m) == ["坚持开放合作，拓展发展空间。", "坚持创新驱动，培育新动能。"]
    assert _body(m) == [P1, P2, P3]


def test_portal_page_copied_as_text_menu_date_line_and_share_buttons() -> None:
    menu = "\n".join(["网站首页", "应用", "新闻", "公开课", "支付", "邮箱", "登录", "注册"])
    menu += "\n" + "\n".join(["财经", "股票", "基金", "港股", "美股", "正文"])
    text = (
        f"{menu}\n县域经济稳中向好 一批重点项目加快建设\n2020-11-01 10:00:00　来源: 某某时报\n"
        f"举报\n0\n分享至\n{P1}\n{P2}\n{P3}\n本文来源：某某时报 作者：王明\n"
    )
    m = extract_text(text)
    assert m.headline == "县域经济稳中向好 一批重点项目加快建设"
    assert m.authors == ["王明"]
    assert _body(m) == [P1, P2, P3]
    assert {"网站首页", "正文", "分享至"} <= set(m.furniture)


def test_titles_written_one_paragraph_a_line_with_a_comma_or_a_question() -> None:
    m = extract_text(f"县域经济稳中向好，一批重点项目加快建设\n{P1}\n{P2}\n{P3}\n")
    assert m.headline == "县域经济稳中向好，一批重点项目加快建设"
    assert _body(m) == [P1, P2, P3]
    m = extract_text(f"“十四五”县域经济稳中向好？专家：还需加把劲\n\n{P1}\n\n{P2}\n")
    assert m.headline == "“十四五”县域经济稳中向好？专家：还需加把劲"
    assert _body(m) == [P1, P2]


def test_writer_run_into_an_affiliation_and_an_editor_named_as_the_author() -> None:
    text = (
        f"标题\n\n作者：陈海峰\n\n2020-07-04 12:10:24来源：某某网作者：陈海峰责任编辑：陈海峰\n\n"
        f"{P1}\n\n{P2}\n\n(作者：方敏北京大学经济学院教授)\n\n【编辑:陈海峰】\n"
    )
    m = extract_text(text)
    assert m.authors == ["方敏"]
    m = extract_text(f"标题\n\n作者：王明\n\n{P1}\n\n{P2}\n\n责任编辑：王明\n")
    assert m.authors == ["王明"]  # the only writer named stays, even as the editor


def test_lines_under_a_markdown_picture_and_pictured_lines_are_captions() -> None:
    caption = "7月1日，在某某县工业园区，工人在车间内加紧生产订单产品，全力冲刺全年目标。"
    text = (
        f"# 标题\n\n{P1}\n\n![](http://example.com/a.jpg)\n\n{caption}\n\n{P2}\n\n"
        f"上图：园区一角。\n\n图为工人在车间作业。\n\n{P3}\n\n版式设计：沈亦伶\n"
    )
    m = extract_text(text)
    assert [c.text for c in m.captions] == [caption, "上图：园区一角。", "图为工人在车间作业。"]
    assert m.credits == ["版式设计：沈亦伶"]
    assert _body(m) == [P1, P2, P3]


def test_the_last_item_of_a_list_without_bullets_is_no_head() -> None:
    text = (
        f"Grants Roundup\n\n{EN1}\n\nThe fund is making these donations:\n\n"
        f"$7,500 to Stand For Children\n\n$6,500 to Oregon Food Bank\n\n{EN2}\n\n"
        f"Other recipients\n\n$1,000 to Loaves and Fishes\n\n$500 to Meals on Wheels\n\n{EN1}\n"
    )
    m = extract_text(text)
    assert m.themes == []
    assert "$6,500 to Oregon Food Bank" in _body(m)
    text = f"标题\n\n{P1}\n\n主要举措包括：\n\n加快产业升级\n\n{P2}\n\n另外还有：\n\n保障改善民生\n\n{P3}\n"
    assert extract_text(text).themes == []


def test_the_units_line_over_a_table_is_part_of_its_caption() -> None:
    text = (
        f"# Fund Overview\n\n{EN1}\n\nTable 1: General Fund Status\n\nDollars in Millions\n"
        "Item FY 2024-25 FY 2025-26\nTotal Available 20,877.4 20,493.1\n\n"
        f"{EN2}\n\n单位：亿元，%\n"
    )
    m = extract_text(text)
    assert [c.text for c in m.captions] == [
        "Table 1: General Fund Status",
        "Dollars in Millions",
        "单位：亿元，%",
    ]
    assert m.captions[1].credit == ""


def test_the_one_title_case_head_of_an_english_report_page() -> None:
    text = (
        f"{EN1}\n\n• Fees: The bill includes an increase of $21.0 million for fee revenue.\n"
        "FY 2025-26 Long Bill Highlights\nChanges are assumed to be ongoing unless noted.\n"
        f"{EN2}\n\n{EN3}\n"
    )
    m = extract_text(text)
    assert _heads(m) == ["FY 2025-26 Long Bill Highlights"]
    m = extract_text(f"Plant Opens\n\n{EN1}\n\nwhat comes next for the town\n\n{EN2}\n\n{EN3}\n")
    assert m.themes == []
    m = extract_text(f"标题\n\n{P1}\n\n产业升级\n\n{P2}\n\n{P3}\n")
    assert m.themes == []


def test_short_lines_after_the_article_end_are_page_furniture() -> None:
    from reportgen.ingest.layout import layout_from_text

    directory = "\n\n".join(["http://a.gov.cn", "省政府研究室", "http://b.gov.cn", "台湾"])
    boxes = "\n\n".join(["这座城市的夜经济火了", "暑期旅游市场持续升温", "新能源汽车下乡"])
    layout = layout_from_text(f"标题在此\n\n{P1}\n\n{P1 + P2}\n\n{directory}\n\n{boxes}\n")
    furniture = [b.text for b in layout.furniture]
    assert {"省政府研究室", "台湾", "这座城市的夜经济火了", "新能源汽车下乡"} <= set(furniture)
    assert [b.text for b in layout.lead.blocks] == [P1, P1 + P2]


def test_one_short_line_closing_the_article_stays_body() -> None:
    from reportgen.ingest.layout import layout_from_text

    layout = layout_from_text(
        f"标题在此\n\n{P1}\n\n{P1 + P2}\n\n让我们一起期待这座城市更美好的明天\n"
    )
    assert [b.text for b in layout.lead.blocks][-1] == "让我们一起期待这座城市更美好的明天"


def test_a_type_size_picker_under_the_title_is_furniture() -> None:
    from reportgen.ingest.layout import layout_from_text

    layout = layout_from_text(f"标题在此\n\n字号\n\n超大\n\n大\n\n标准\n\n小\n\n{P1}\n\n{P2}\n")
    assert layout.headline is not None and layout.headline.text == "标题在此"
    assert {"超大", "标准"} <= {b.text for b in layout.furniture}
    assert [b.text for b in layout.lead.blocks] == [P1, P2]


def test_a_lead_in_line_under_the_title_is_no_headline() -> None:
    m = extract_text(f"县域经济稳中向好\n\n划重点：\n\n{P1}\n\n{P2}\n")
    assert m.headline == "县域经济稳中向好"
    assert _body(m) == ["划重点：", P1, P2]


def test_a_head_over_a_numbered_list_is_no_title_line() -> None:
    item = f"1、{P1}{P2}"
    m = extract_text(f"财经早餐2024年8月25日\n\n热点聚焦\n\n{item}\n\n宏观观察\n\n{item}\n")
    assert m.headline == "财经早餐2024年8月25日"
    assert _heads(m) == ["热点聚焦", "宏观观察"]


def test_a_closing_list_the_article_introduces_stays_body() -> None:
    from reportgen.ingest.layout import layout_from_text

    items = [f"{name} of Portland, Oregon" for name in ("Acme Corp", "Beta Inc", "Gamma LLC")]
    text = f"Grants\n\n{EN1} {EN2}\n\nRecipients include:\n\n" + "\n\n".join(items) + "\n"
    layout = layout_from_text(text)
    assert [b.text for b in layout.lead.blocks][-3:] == items
    assert not layout.furniture


def test_a_saved_pages_title_bar_and_menu_bar_over_the_headline_are_furniture() -> None:
    text = (
        "Valley Town Bets on Batteries - Example News\nSkip to main content\n"
        "Home | Markets | Economy | Tech\nValley Town Bets on Batteries\n"
        f"{EN1}\n{EN2}\n"
    )
    m = extract_text(text)
    assert m.headline == "Valley Town Bets on Batteries"
    assert not m.series
    assert "Valley Town Bets on Batteries - Example News" in m.furniture
    assert "Home | Markets | Economy | Tech" in m.furniture
    assert _body(m) == [EN1, EN2]


def test_a_table_row_of_words_in_the_body_is_no_menu_bar() -> None:
    text = f"Valley Town Bets on Batteries\n\n{EN1}\n\nPlant | Owner | County\n\n{EN2}\n"
    m = extract_text(text)
    assert "Plant | Owner | County" not in m.furniture


@pytest.mark.parametrize("suffix", ["_第一财经", "_新闻频道_某某网", " - 某某新闻"])
def test_a_site_name_after_the_title_is_not_the_headline(suffix: str) -> None:
    m = extract_text(f"县域经济稳中向好{suffix}\n\n{P1}\n\n{P2}\n")
    assert m.headline == "县域经济稳中向好"


def test_a_line_of_clauses_under_the_title_is_its_summary() -> None:
    dek = "多地财政部门表示，将通过展期、置换等方式缓解短期偿债压力"
    m = extract_text(f"高速公路债务压力加大 多地探索化解路径\n\n{dek}\n\n{P1}\n\n{P2}\n")
    assert m.headline == "高速公路债务压力加大 多地探索化解路径"
    assert m.dek == dek
    assert _body(m) == [P1, P2]


def test_a_short_kicker_over_a_title_of_clauses_stays_the_series() -> None:
    m = extract_text(f"财经观察\n\n多地探索化解路径，专家建议分类施策\n\n{P1}\n\n{P2}\n")
    assert m.headline == "多地探索化解路径，专家建议分类施策"
    assert m.series == "财经观察"


def test_a_title_too_long_for_a_title_line_is_still_the_headline() -> None:
    title = "关于进一步优化高速公路债务结构、推动交通运输行业高质量发展的指导意见全文及政策解读"
    m = extract_text(f"{title}\n\n{P1 + P2}\n\n{P3}\n")
    assert m.headline == title
    assert _body(m) == [P1 + P2, P3]


def test_a_first_sentence_is_never_taken_for_a_missing_title() -> None:
    m = extract_text(f"记者从省统计局获悉。\n\n{P1}\n\n{P2}\n")
    assert _body(m) == ["记者从省统计局获悉。", P1, P2]


def test_hard_wrapped_heads_after_a_sentence_ending_a_long_line() -> None:
    text = (
        "State Budget Outlook Improves\n\nRevenue\n"
        "The state collected $1.2 billion more in taxes than forecast last year, driven by\n"
        "strong income tax receipts and a rebound in sales taxes after two weak years.\n"
        "Spending\n"
        "Lawmakers approved a $24 billion general fund budget, an increase of 3 percent\n"
        "over the current year, with most new money going to schools and to Medicaid.\n"
        "Reserves\n"
        "The rainy day fund will reach $2.1 billion by June, the highest level on record,\n"
        "according to the budget office.\n"
    )
    m = extract_text(text)
    assert m.headline == "State Budget Outlook Improves"
    assert not m.series
    assert _heads(m) == ["Revenue", "Spending", "Reserves"]
    assert [len(t.paragraphs) for t in m.themes] == [1, 1, 1]


def test_a_kicker_over_the_title_stays_the_series_when_no_heads_follow() -> None:
    m = extract_text(f"财经观察\n\n县域经济稳中向好\n\n{P1}\n\n{P2}\n")
    assert m.headline == "县域经济稳中向好"
    assert m.series == "财经观察"


def test_a_sentence_case_line_under_a_title_case_title_is_the_summary() -> None:
    summary = "A new plant will hire 900 people in the county next year"
    m = extract_text(f"Valley Town Bets on Batteries\n{summary}\nBy Ann Wu\n{EN1}\n{EN2}\n")
    assert m.headline == "Valley Town Bets on Batteries"
    assert m.dek == summary
    assert m.authors == ["Ann Wu"]


def test_a_short_column_name_over_a_sentence_case_title_stays_the_series() -> None:
    m = extract_text(
        f"Economy Watch\nValley town bets big on batteries and new jobs\n{EN1}\n{EN2}\n"
    )
    assert m.headline == "Valley town bets big on batteries and new jobs"
    assert m.series == "Economy Watch"


def test_a_summary_in_italics_over_the_title_is_the_dek_a_short_label_the_series() -> None:
    text = f"*A new plant will hire 900 people over five years*\n\n# Valley Town Bets\n\n{EN1}\n"
    m = extract_text(text)
    assert (m.headline, m.series, m.dek) == (
        "Valley Town Bets",
        "",
        "A new plant will hire 900 people over five years",
    )
    m = extract_text(f"*Inside Politics*\n\n# Valley Town Bets\n\n{EN1}\n")
    assert (m.headline, m.series, m.dek) == ("Valley Town Bets", "Inside Politics", "")


def test_a_paragraph_over_a_credit_alone_stays_text_unless_shorter_than_the_text() -> None:
    """A credit line under a paragraph as long as the others credits an uncaptioned picture:
    the paragraph stays text; a short line over it is the picture's caption."""
    m = extract_text(f"Plant Opens\n\n{EN1}\n\n(AP Photo/Jane Doe)\n\n{EN2}\n\n{EN3}\n")
    assert _body(m) == [EN1, EN2, EN3]
    assert [c.text for c in m.captions] == ["(AP Photo/Jane Doe)"]
    m = extract_text(f"标题\n\n{P1}\n\n新华社记者 李四 摄\n\n{P2}\n\n{P3}\n")
    assert _body(m) == [P1, P2, P3]


def test_three_unmarked_title_lines_are_kicker_headline_and_subtitle() -> None:
    m = extract_text(
        f"高质量发展调研行\n\n县域经济稳中向好\n\n来自某县的调查与思考\n\n{P1}\n\n{P2}\n"
    )
    assert (m.series, m.headline, m.dek) == (
        "高质量发展调研行",
        "县域经济稳中向好",
        "来自某县的调查与思考",
    )
    assert _body(m) == [P1, P2]
    m = extract_text(f"县域经济稳中向好\n——来自某县的调查\n\n{P1}\n")
    assert (m.headline, m.dek, _body(m)) == ("县域经济稳中向好", "——来自某县的调查", [P1])


def test_a_caption_over_a_photographer_and_outlet_credit_on_the_next_line() -> None:
    text = (
        f"Plant Opens\n\n{EN1}\n\nWorkers assemble battery packs on Tuesday.\nJane Doe/CNN\n\n"
        f"{EN2}\n\n{EN3}\n"
    )
    m = extract_text(text)
    assert [c.text for c in m.captions] == [
        "Workers assemble battery packs on Tuesday.",
        "Jane Doe/CNN",
    ]
    assert _body(m) == [EN1, EN2, EN3] and not m.themes


def test_an_english_label_before_a_bar_is_the_series_and_brackets_stay_in_the_title() -> None:
    m = extract_text(f"Opinion | Valley Town Bets on Batteries\n\n{EN1}\n")
    assert (m.series, m.headline) == ("Opinion", "Valley Town Bets on Batteries")
    m = extract_text(f"Valley Town Bets on Batteries (Again)\n\n{EN1}\n")
    assert (m.series, m.headline) == ("", "Valley Town Bets on Batteries (Again)")


def test_a_channels_name_over_the_title_is_no_headline() -> None:
    """Three title lines whose middle one is short beside the last (a site's and a channel's
    names over the title) keep the last as the headline."""
    for top in ("首页\n\n财经", "某某网\n\n国际财经新闻"):
        m = extract_text(f"{top}\n\n美联储释放降息信号引发全球市场剧烈波动\n\n{P1}\n")
        assert (m.headline, m.dek) == ("美联储释放降息信号引发全球市场剧烈波动", "")
    m = extract_text(f"Home\n\nBusiness\n\nValley Town Bets on Batteries\n\n{EN1}\n")
    assert m.headline == "Valley Town Bets on Batteries"


def test_an_english_page_copied_as_text_with_its_chrome() -> None:
    text = (
        "Skip to main content\n\nMenu\n\nBusiness\n\nValley Town Bets on Batteries\n\n"
        "A new plant will hire 900 people over five years\n\nBy Jane Doe\n\n"
        f"May 2, 2023, 10:01 a.m. ET\n\nShare\n\n{EN1}\n\nAdvertisement\n\n{EN2}\n\n"
        f"Related: Another story about the plant\n\n{EN3}\n\nRead more\n"
    )
    m = extract_text(text)
    assert (m.series, m.headline, m.dek) == (
        "Business",
        "Valley Town Bets on Batteries",
        "A new plant will hire 900 people over five years",
    )
    assert (m.authors, m.date, _body(m)) == (["Jane Doe"], "May 2, 2023", [EN1, EN2, EN3])
