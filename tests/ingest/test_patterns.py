"""Known kinds of lines, by their words alone: credits, furniture, captions, datelines, bylines."""

from __future__ import annotations

import pytest

from reportgen.ingest import patterns


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("（责编：王某、李某）", "credit"),
        ("责任编辑：张三", "credit"),
        ("《 人民日报 》（ 2020年08月23日 02 版）", "furniture"),
        ("原标题：县域经济何以逆势上扬", "furniture"),
        ("图片来源：摄图网", "caption"),
        ("本报记者  张三  李四", "byline"),
        ("新华社北京11月1日电", "dateline"),
        ("今年以来，县域经济持续回升。", ""),
        ("用户登录 | 注册 | 忘记密码", "furniture"),
        ("Sign in", "furniture"),
        ("ADVERTISING", "furniture"),
        ("More", "furniture"),
        ("查看更多>>", "furniture"),
        ("More than half of them stayed.", ""),
        ("Powered by SmartAsset.com", "furniture"),
        ("登录后才能发表评论。", ""),
        ("Advertising works in mysterious ways.", ""),
    ],
)
def test_kind_of_a_line(line: str, kind: str) -> None:
    assert patterns.kind(line) == kind


def test_a_caption_keeps_its_credit() -> None:
    assert patterns.caption_credit("图为园区全景。新华社记者 王某摄") == "新华社记者 王某摄"
    assert patterns.caption_credit("图为园区全景。") == ""


def test_names_come_from_bylines_not_from_roles() -> None:
    assert patterns.names("本报记者 张三 李四") == ["张三", "李四"]
    assert patterns.names("By Jane Doe and John Smith") == ["Jane Doe", "John Smith"]


def test_contribution_notes_are_credits_and_bracketed_disclaimers_furniture() -> None:
    from reportgen.ingest import patterns

    assert patterns.credit("（本报记者邱超奕参与采写）")
    assert patterns.credit("（记者张三、李四参与采访）")
    assert not patterns.credit("（记者张三说）")
    assert patterns.furniture("【免责声明】本文仅代表作者本人观点，与本网无关。")
    assert not patterns.furniture("声明指出，今年经济运行稳中向好。")


def test_a_video_players_words_are_furniture() -> None:
    from reportgen.ingest import patterns

    assert patterns.furniture("Your video will play in 00:25")
    assert patterns.furniture("Replay")
    assert not patterns.furniture("Replay the tape of the debate, the chairman said.")


def test_notes_on_the_article_related_links_and_dated_source_lines_are_furniture() -> None:
    from reportgen.ingest import patterns

    note = "本文为某某授权某网《观察》发布，转载请注明出处。本文仅为作者观点，不代表本网立场。"
    assert patterns.furniture(note)
    assert patterns.furniture("我已授权")
    assert patterns.furniture("2019-09-26 10:56:28 证券时报网")
    assert patterns.furniture("伞形信托杠杆最高3倍获利资金补仓冲淡平仓风险2015/07/03")
    said = "他说这不代表公司立场，但数据显示全年营收增长了12%，利润增长了8%，是十年来最好的一年。"
    assert not patterns.furniture(said)  # a sentence of the story that mentions a stance
    assert not patterns.furniture("今年经济运行稳中向好，截至2015/07/03累计增长5%。")


@pytest.mark.parametrize(
    "line",
    [
        "Get Data Sheet, Fortune’s technology newsletter",
        "This article originally appeared on Time.com.",
        "CTU Media Release",
        "收藏到AliceBox",
        "08-18 06:37Wind",
    ],
)
def test_newsletter_promos_reprint_notes_release_labels_and_bookmarks_are_furniture(line) -> None:
    from reportgen.ingest import patterns

    assert patterns.furniture(line)


def test_a_sentence_about_a_press_release_is_no_furniture() -> None:
    from reportgen.ingest import patterns

    assert not patterns.furniture("The union issued a press release on Monday about the strike.")


def test_a_dashed_compiled_by_line_is_a_credit() -> None:
    from reportgen.ingest import patterns

    assert patterns.credit("-- Compiled by Vickie Kavanagh")


@pytest.mark.parametrize(
    "line",
    [
        "▲图为施工现场。",
        "▲资料图",
        "(Getty Images)",
        "Jane Doe/Getty Images",
        "A worker checks a machine on Tuesday. Jane Doe/Getty Images",
        "A drone sprays an orchard near the town on March 4. (Getty Images)",
        "(John Smith/AFP via Getty Images)",
        "IC photo",
        "本报记者 王五/摄",
        "视频截图",
        "图片由受访者提供",
        "Photo by Jane Doe on Unsplash",
        "Image via Wikimedia Commons",
        "Illustration: Jane Doe",
        "Pictured: Workers at the plant in May.",
        "Workers at the plant on May 2. REUTERS/Jane Doe",
        "(Photo courtesy of the city)",
        "People visit a flower show in Beijing, May 1, 2025. (Xinhua/Li Ming)",
        "Crews repair the bridge on Tuesday. Beth Doe/Staff",
        "Staff photo by Jane Doe",
    ],
)
def test_more_caption_and_credit_shapes(line: str) -> None:
    assert patterns.kind(line) == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "He said the deal was good for both sides/parties.",
        "Revenue was split between AP/Reuters.",
        "The company, Apple/Google, said.",
        "■ 一季度经济运行稳中向好",
        "Pictures by children were on the wall.",
        "He works for AP/Reuters now.",
        "Above all, the plan must work.",
        "Voters split along the Democrat/Republican line",
        "He said Tom Lee/Reuters had the story first.",
        "New York/New Jersey",
        "Kansas City/Missouri",
    ],
)
def test_slashes_and_marks_in_prose_are_no_credit(line: str) -> None:
    assert patterns.kind(line) == ""


def test_a_paragraph_someone_says_over_a_credit_stays_text() -> None:
    from reportgen.extract import extract_text

    paras = [
        "Thousands of dockworkers walked off the job on Tuesday, shutting down cargo "
        "operations at ports along the coast.",
        "The union is seeking higher wages and limits on automation, its leaders said.",
        "Economists said a long strike could cost the economy billions of dollars a week.",
    ]
    text = (
        f"Dockworkers Strike\n\n{paras[0]}\n\n{paras[1]}\n\n(AP Photo/John Smith)\n\n{paras[2]}\n"
    )
    m = extract_text(text)
    assert [p.text for p in m.lead] == paras
    assert [c.text for c in m.captions] == ["(AP Photo/John Smith)"]


@pytest.mark.parametrize("line", ["微信", "QQ空间", "新浪微博", "Facebook", "Copy link", "Email"])
def test_share_buttons_are_furniture(line: str) -> None:
    assert patterns.kind(line) == "furniture"


def test_a_share_bar_over_the_title_is_no_series() -> None:
    from reportgen.extract import extract_text

    p1 = "一季度，全省地区生产总值同比增长百分之五点六，高于全国平均水平，经济运行开局良好。"
    p2 = "分产业看，第一产业增加值增长较快，第二产业增加值增长明显，第三产业稳步增长。"
    m = extract_text(f"分享到：\n微信\n微博\nQQ空间\n一季度全省经济开局良好\n{p1}\n{p2}\n")
    assert m.headline == "一季度全省经济开局良好"
    assert not m.series
    assert [p.text for p in m.lead] == [p1, p2]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("文｜张三", ["张三"]),
        ("文 | 张三", ["张三"]),
        ("撰文：张三", ["张三"]),
        ("【记者 张三】", ["张三"]),
        ("记者 张三 通讯员 李四", ["张三", "李四"]),
        ("文/张三 图/李四", ["张三"]),  # (the photographer is no writer)
        ("撰稿：张三 李四", ["张三", "李四"]),
        ("作者：张三（某某大学教授）", ["张三"]),
        ("文 | 张三 编辑 | 李四", ["张三"]),  # (the editor is a credit, no writer)
        ("实习生 赵六", ["赵六"]),
        ("Written by: Jane Doe", ["Jane Doe"]),
        ("Authors: Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe for The Daily Planet", ["Jane Doe"]),
        ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
        ("By Jane Doe | May 2, 2023", ["Jane Doe"]),
        ("Story by Jane Doe", ["Jane Doe"]),
        ("Jane Doe | Staff writer", ["Jane Doe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("By Jane Doe • Senior Reporter", ["Jane Doe"]),
        ("Jane Doe and John Roe, Contributing Writers", ["Jane Doe", "John Roe"]),
    ],
)
def test_byline_shapes_and_their_names(line: str, names: list[str]) -> None:
    assert patterns.kind(line) == "byline"
    assert patterns.names(line) == names


def test_a_title_case_line_with_no_post_after_it_is_no_byline() -> None:
    assert patterns.kind("Valley Town Bets, Again") == ""
    assert patterns.kind("The Daily Reporter") == ""  # (a paper's name)
    assert patterns.names("Jane Doe Senior Reporter") == ["Jane Doe"]
    assert patterns.kind("Jobs and Wages | Business") == ""


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("图为园区全景。新华社记者 张三 摄", "新华社记者 张三 摄"),
        ("游客在景区游览。（图片来源：某某网）", "（图片来源：某某网）"),
        ("图｜改造后的老街区焕然一新", "图｜改造后的老街区焕然一新"),
        ("图片来自网络", "图片来自网络"),
        ("图源网络", "图源网络"),
        ("▼ 改造后的老街区", ""),
        ("Workers at the plant. Photo: Jane Doe / Getty Images", "Photo: Jane Doe / Getty Images"),
        ("The plant. Photograph: Jane Doe for The Planet", "Photograph: Jane Doe for The Planet"),
        ("本版图片均由受访者提供", "本版图片均由受访者提供"),
        ("人民视觉", "人民视觉"),
        ("Photo illustration by Jane Doe", "Photo illustration by Jane Doe"),
        ("[Photo/Xinhua]", "[Photo/Xinhua]"),
        ("[Photo provided to China Daily]", "[Photo provided to China Daily]"),
        ("Workers at the plant on Tuesday. (AP Photo/Jane Doe)", "(AP Photo/Jane Doe)"),
        ("A view of the river. Photo by Jane Doe", "Photo by Jane Doe"),
        ("Workers at the plant (Jane Doe/The Oregonian)", "(Jane Doe/The Oregonian)"),
        ("Credit...Jane Doe for The Daily Planet", "Credit...Jane Doe for The Daily Planet"),
        ("Jane Doe/CNN", "Jane Doe/CNN"),
        ("Jane Doe/The Oregonian", "Jane Doe/The Oregonian"),
        ("图片来源于网络", "图片来源于网络"),
        ("Image source: Getty Images", "Image source: Getty Images"),
    ],
)
def test_caption_shapes_and_the_credit_they_carry(line: str, credit: str) -> None:
    assert patterns.kind(line) == "caption"
    assert patterns.caption_credit(line) == credit


@pytest.mark.parametrize(
    "line",
    [
        "图源于此次调查的结论",
        "He said the photo by the river was his favourite.",
        "The council met on Tuesday (Smith/Jones).",
    ],
)
def test_sentences_with_picture_words_are_no_captions(line: str) -> None:
    assert patterns.kind(line) == ""


@pytest.mark.parametrize("line", ["点击蓝字 关注我们", "点击上方蓝字关注", "设为星标", "点个在看"])
def test_an_accounts_prompts_are_furniture_not_names(line: str) -> None:
    assert patterns.kind(line) == "furniture"
    assert not patterns.bare_names(line) or patterns.furniture(line)


@pytest.mark.parametrize(
    "line", ["首页 > 财经 > 正文", "Home » News » Business", "Home › Politics › Jobs"]
)
def test_a_path_of_pages_is_furniture(line: str) -> None:
    assert patterns.kind(line) == "furniture"


@pytest.mark.parametrize(
    "line", ["Menu", "Search", "首页", "Related: Another story about the plant"]
)
def test_a_pages_menu_words_and_links_to_other_stories_are_furniture(line: str) -> None:
    assert patterns.kind(line) == "furniture"
    assert patterns.kind("Related news spread quickly through the valley on Monday.") == ""


def test_a_blog_ad_shortcode_and_a_comment_prompt_are_furniture() -> None:
    from reportgen.ingest.patterns import furniture

    assert furniture("[ad_1]") and furniture("[ad_12]") and furniture("Leave a comment")
    assert not furniture("[1] Notes on the data")
