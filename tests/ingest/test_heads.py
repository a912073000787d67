"""Section heads found from their features and neighbours when the markup marks none."""

from __future__ import annotations

import pytest

from reportgen.ingest.blocks import parse_markdown
from reportgen.ingest.heads import find_heads

PROSE = "这是一段较长的正文，说明这一部分的内容，写得足够长以便与标题区分开来。"


def _heads(text: str) -> list[str]:
    blocks = parse_markdown(text)
    find_heads(blocks, 0)
    return [b.text for b in blocks if b.kind == "heading"]


def test_numbered_lines_are_heads() -> None:
    text = f"一、红线\n\n{PROSE}\n\n二、升级\n\n{PROSE}\n"
    assert _heads(text) == ["一、红线", "二、升级"]


def test_a_bare_numeral_names_the_line_after_it() -> None:
    text = f"（一）\n\n守住底线\n\n{PROSE}\n\n（二）\n\n做强优势\n\n{PROSE}\n"
    assert _heads(text) == ["守住底线", "做强优势"]


def test_one_standalone_line_is_no_section() -> None:
    assert _heads(f"一个短句\n\n{PROSE}\n") == []


def test_lead_in_lines_ending_in_a_colon_are_no_heads() -> None:
    assert _heads(f"In the Allentown area alone:\n\n{PROSE}\n\nAnd more:\n\n{PROSE}\n") == []


def test_a_run_of_short_numbered_lines_is_a_list_not_heads() -> None:
    text = f"{PROSE}\n\n1. 芬兰\n\n2. 丹麦\n\n3. 冰岛\n\n{PROSE}\n\n（1）芬兰\n\n（2）丹麦\n\n{PROSE}\n"
    assert _heads(text) == []
    english = "1) Finland\n\n2) Denmark\n\n(1) Finland\n\n(2) Denmark\n\n"
    assert _heads(f"{PROSE}\n\n{english}{PROSE}\n") == []


def test_numbered_heads_each_with_text_after_them_stay_heads() -> None:
    text = f"{PROSE}\n\n1. 芬兰\n\n{PROSE}\n\n2. 丹麦\n\n{PROSE}\n"
    assert _heads(text) == ["1. 芬兰", "2. 丹麦"]


def _joined(text: str) -> tuple[list[str], list[str]]:
    from reportgen.ingest.layout import layout_from_text

    layout = layout_from_text(f"标题在此\n\n{PROSE}\n\n{text}\n\n{PROSE}\n")
    paras = [b.text for s in [layout.lead, *layout.sections] for b in s.blocks]
    return [s.heading.text for s in layout.sections], paras


def test_a_dash_line_attributing_a_quotation_joins_it_and_is_no_head() -> None:
    cases = {
        "“山重水复疑无路，柳暗花明又一村。”\n\n——（宋）陆游": "——（宋）陆游",
        "关关雎鸠，在河之洲。\n\n——《诗经》": "——《诗经》",
        "慈母手中线，游子身上衣\n\n——（唐）孟郊": "——（唐）孟郊",
        "“The secret of getting ahead is getting started.”\n\n— Mark Twain": " — Mark Twain",
    }
    for text, tail in cases.items():
        quote = text.split("\n\n")[0]
        heads, paras = _joined(f"{text}\n\n{PROSE}\n\n{text}")
        assert heads == [], text
        assert paras == [PROSE, quote + tail.lstrip("\n"), PROSE, quote + tail, PROSE], text


def test_a_dash_slogan_before_prose_stays_a_head() -> None:
    heads, _ = _joined(f"——思想领航\n\n{PROSE}\n\n——勇立潮头\n\n{PROSE}")
    assert heads == ["——思想领航", "——勇立潮头"]


def test_a_head_over_a_figure_set_large_and_its_label() -> None:
    text = f"粮仓更稳固\n\n80%\n\n贡献率超过80%\n\n{PROSE}\n\n点评\n\n{PROSE}\n"
    assert _heads(text) == ["粮仓更稳固", "点评"]


def test_a_label_line_over_a_head_line_is_a_two_line_head_in_every_markup() -> None:
    from reportgen.ingest.layout import layout_from_text

    pairs = [
        ("英国《泰晤士报》：", "武汉再次充满欢声笑语"),
        ("美国《纽约时报》：", "游客蜂拥前往黄鹤楼"),
    ]
    plain = "\n\n".join(f"{a}\n\n{b}\n\n{PROSE}" for a, b in pairs)
    marked = "\n\n".join(f"## {a}\n\n### {b}\n\n{PROSE}" for a, b in pairs)
    for text in (plain, marked):
        layout = layout_from_text(f"# 标题在此\n\n{PROSE}\n\n{text}\n")
        got = [(s.heading.text, s.tagline.text if s.tagline else "") for s in layout.sections]
        assert got == pairs, text


def test_a_heading_under_a_heading_that_is_no_label_stays_text() -> None:
    from reportgen.ingest.layout import layout_from_text

    layout = layout_from_text(f"# 标题\n\n{PROSE}\n\n## 第一部分\n\n### 背景\n\n{PROSE}\n")
    assert [s.heading.text for s in layout.sections] == ["第一部分"]
    assert layout.sections[0].tagline is None


def test_two_levels_of_numbered_heads_are_no_list() -> None:
    text = f"{PROSE}\n\n一、总体要求\n\n（一）指导思想\n\n{PROSE}\n\n二、主要任务\n\n{PROSE}\n"
    assert _heads(text) == ["一、总体要求", "（一）指导思想", "二、主要任务"]


QA = [
    "在境内参加城镇职工基本养老保险或者城乡居民基本养老保险的劳动者，都可以参加这项制度。",
    "参加人每年缴纳的上限为一万二千元，可以按月、分次或者按年度缴纳，十分灵活方便。",
    "达到领取基本养老金年龄或者完全丧失劳动能力时，参加人可以按月或者一次性领取。",
]


def test_short_questions_over_their_answers_are_the_heads() -> None:
    from reportgen.extract import extract_text

    intro = "这项制度已在全国全面实施，不少读者来信咨询相关问题，记者就此采访了有关专家。"
    qs = ["谁可以参加？", "每年最多存多少？", "什么时候可以领取？"]
    text = f"养老金账户怎么开\n\n{intro}\n\n" + "".join(
        f"{q}\n\n{a}\n\n" for q, a in zip(qs, QA, strict=True)
    )
    m = extract_text(text)
    assert [t.heading for t in m.themes] == qs
    assert [p.text for p in m.lead] == [intro]


def test_one_question_alone_stays_text() -> None:
    from reportgen.extract import extract_text

    text = f"养老金账户怎么开\n\n{QA[0]}\n\n这是为什么？\n\n{QA[1]}\n\n{QA[2]}\n"
    m = extract_text(text)
    assert not m.themes
    assert "这是为什么？" in [p.text for p in m.lead]


def test_interview_questions_with_a_speaker_stay_text() -> None:
    from reportgen.extract import extract_text

    text = f"专家谈养老金\n\n问：谁可以参加？\n\n{QA[0]}\n\n问：每年存多少？\n\n{QA[1]}\n"
    m = extract_text(text)
    assert not m.themes


def test_questions_beside_numbered_heads_stay_text() -> None:
    from reportgen.extract import extract_text

    text = (
        f"养老金制度解读\n\n一、参加范围\n\n谁可以参加？\n\n{QA[0]}\n\n二、缴费标准\n\n"
        f"每年最多存多少？\n\n{QA[1]}\n\n{QA[2]}\n"
    )
    m = extract_text(text)
    assert [t.heading for t in m.themes] == ["一、参加范围", "二、缴费标准"]


def _themes(text: str, name: str = "a.md", tmp_path=None) -> list[tuple[str, str, int]]:
    from reportgen.extract import extract_path, extract_text

    if tmp_path is None:
        model = extract_text(text)
    else:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        model = extract_path(path)
    return [(t.heading, t.tagline, len(t.paragraphs)) for t in model.themes]


TWO_LINE = [("产业升级", "拼出一片新天地", 1), ("民生改善", "让群众更满意更幸福", 1)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("## {}", "## {}"),  # two headings of one size
        ("## {}", "### {}"),  # a smaller heading under each head, and nowhere else
        ("**{}**", "**{}**"),  # two bold lines
        ("### {}", "## {}"),  # a small label over a larger heading
    ],
)
def test_a_head_right_over_another_head_line_is_one_two_line_head(first, second) -> None:
    """The label and the line under it, with no text between, are one section: heading and
    tagline, never a first section left empty."""
    parts = [f"# 县域经济稳中向好\n\n{PROSE}"]
    for head, tagline, _ in TWO_LINE:
        parts.append(f"{first.format(head)}\n\n{second.format(tagline)}\n\n{PROSE}")
    assert _themes("\n\n".join(parts) + "\n") == TWO_LINE


def test_a_label_over_a_dashed_line_is_one_two_line_head() -> None:
    text = f"县域经济稳中向好\n\n{PROSE}\n\n产业升级\n\n——拼出一片新天地\n\n{PROSE}\n\n"
    text += f"民生改善\n\n——让群众更满意更幸福\n\n{PROSE}\n"
    assert _themes(text) == [
        ("产业升级", "——拼出一片新天地", 1),
        ("民生改善", "——让群众更满意更幸福", 1),
    ]
    en = "The plant opened on Monday after four years of construction and hiring in the county."
    text = f"Valley Town Bets on Batteries\n\n{en}\n\nJobs\n\n— a plant that wants to stay\n\n"
    text += f"{en}\n\nHousing\n\n— a tight market for renters\n\n{en}\n"
    assert [h for h, _, _ in _themes(text)] == ["Jobs", "Housing"]


def test_a_short_head_under_a_longer_one_is_a_section_of_its_own() -> None:
    """An umbrella head over its first part ('环球市场' over '宏观'), and a level of heads that
    also stands after text, stay sections or text as they were: no tagline."""
    text = f"# 财经早餐\n\n{PROSE}\n\n### 环球市场\n\n### 宏观\n\n{PROSE}\n\n### 金融\n\n{PROSE}\n"
    assert _themes(text) == [("环球市场", "", 0), ("宏观", "", 1), ("金融", "", 1)]
    text = f"# 标题\n\n{PROSE}\n\n## 产业升级\n\n### 拼出新天地\n\n{PROSE}\n\n### 更多细节\n\n{PROSE}\n"
    assert _themes(text) == [("产业升级", "", 4)]


def test_a_numbered_head_over_one_numbered_another_way_opens_a_level() -> None:
    text = f"政府工作报告\n\n{PROSE}\n\n一、总体要求\n\n（一）指导思想\n\n{PROSE}\n\n"
    text += f"（二）主要目标\n\n{PROSE}\n\n二、重点任务\n\n（一）扩大内需\n\n{PROSE}\n"
    assert _themes(text) == [("一、总体要求", "", 4), ("二、重点任务", "", 2)]


def test_two_line_heads_in_a_page_keep_their_label_headings(tmp_path) -> None:
    body = "".join(
        f"<h2>{h}</h2><h2>{t}</h2><p>{PROSE}</p>" for h, t in [TWO_LINE[0][:2], TWO_LINE[1][:2]]
    )
    page = f"<html><body><article><h1>县域经济稳中向好</h1><p>{PROSE}</p>{body}</article></body></html>"
    assert _themes(page, "a.html", tmp_path) == TWO_LINE
    small = page.replace(f"<h2>{TWO_LINE[0][0]}</h2>", f"<h3>{TWO_LINE[0][0]}</h3>")
    small = small.replace(f"<h2>{TWO_LINE[1][0]}</h2>", f"<h3>{TWO_LINE[1][0]}</h3>")
    assert _themes(small, "a.html", tmp_path) == TWO_LINE
    one = f"<h2>相关新闻</h2><h2>民生改善与群众满意</h2><p>{PROSE}</p>"
    page = f"<html><body><article><h1>标题</h1><p>{PROSE}</p>{one}</article></body></html>"
    assert _themes(page, "a.html", tmp_path) == [("民生改善与群众满意", "", 1)]


def _front(text: str) -> tuple[str, str, list[str]]:
    from reportgen.extract import extract_text

    m = extract_text(text)
    return m.headline, m.dek, [t.heading for t in m.themes]


def test_a_heading_right_under_the_title_is_its_subtitle_not_a_section() -> None:
    """Led by a dash, or with no heading its size or smaller after it: the dek. A short label
    ('概述') or a heading with sections its size after it stays a head."""
    assert _front(f"# 县域经济稳中向好\n\n## ——来自某县的调查\n\n{PROSE}\n") == (
        "县域经济稳中向好",
        "——来自某县的调查",
        [],
    )
    en = "The plant opened on Monday after four years of construction and hiring in the county."
    text = f"# Valley town bets on batteries\n\n## A new plant will hire 900 people\n\n{en}\n"
    assert _front(text)[1:] == ("A new plant will hire 900 people", [])
    text = f"# 标题\n\n### 来自某县的调查\n\n{PROSE}\n\n## 第一部分\n\n{PROSE}\n\n## 第二部分\n\n{PROSE}\n"
    assert _front(text) == ("标题", "来自某县的调查", ["第一部分", "第二部分"])
    text = f"# 标题\n\n## 来自某县的调查\n\n{PROSE}\n\n## 第二部分的内容\n\n{PROSE}\n"
    assert _front(text) == ("标题", "", ["来自某县的调查", "第二部分的内容"])
    assert _front(f"# 标题\n\n## 概述\n\n{PROSE}\n") == ("标题", "", ["概述"])
    en = "The plant opened on Monday after four years of construction and hiring in the county."
    text = (
        f"# Valley Town Bets\n\n## *A new plant will hire 900 people*\n\n{en}\n\n## Jobs\n\n{en}\n"
    )
    assert _front(text + f"\n## Housing\n\n{en}\n") == (
        "Valley Town Bets",
        "A new plant will hire 900 people",
        ["Jobs", "Housing"],
    )


def test_pairing_heads_and_splitting_theses_stay_linear_in_the_article_size() -> None:
    import time

    from reportgen.ingest.layout import layout_from_text

    def run(n: int) -> float:
        parts = [f"## 产业{i}\n\n## 拼出一片新天地{i}\n\n{PROSE}" for i in range(n)]
        parts += [f"**民生{i}**\n\n**“让群众更满意{i}”**\n\n{PROSE}" for i in range(n)]
        parts += [f"（{i}）\n\n守住底线第{i}条。{PROSE}" for i in range(n)]  # (theses split off)
        text = "# 标题\n\n" + "\n\n".join(parts)
        started = time.perf_counter()
        layout_from_text(text)
        return time.perf_counter() - started

    run(20)
    small, large = run(100), run(800)
    assert large < 8 * small * 2.5
