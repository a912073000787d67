"""The publication date as the article writes it, never a date from the story."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_path, extract_text
from reportgen.ingest.dates import meta_date

P1 = "今年以来，全县工业产值增长百分之十二，新增企业三十余家，发展势头良好，前景可期。"
P2 = "2020年5月14日，当地召开会议，部署下一阶段的产业升级工作，提出了一系列具体举措。"
EN = "The plant opened on Monday after four years of construction and hiring in the county."


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (f"县域经济稳中向好\n\n2024-08-18 10:00 来源：某某日报\n\n{P1}\n", "2024-08-18"),
        (f"县域经济稳中向好\n\n{P1}\n\n《人民日报》（2020年08月23日 02 版）\n", "2020年08月23日"),
        (f"财经早餐2024年8月25日星期日\n\n{P1}\n", "2024年8月25日"),
        (f"Plant opens\n\nBy Jane Doe, updated March 3, 2020\n\n{EN}\n", "March 3, 2020"),
        (
            f"Plant opens\n\n{EN}\n\nFirst published November 29, 2016: 3:33 AM ET\n",
            "November 29, 2016",
        ),
        (f"---\ntitle: Plant opens\ndate: 2018-06-27\n---\n\n{EN}\n", "2018-06-27"),
    ],
)
def test_the_date_the_article_gives(text: str, date: str) -> None:
    assert extract_text(text).date == date


def test_no_date_from_the_story_or_a_box_of_other_stories() -> None:
    box = "\n\n".join(["相关新闻", "另一篇报道的标题", "2020年07月08日 13:36:14"])
    assert extract_text(f"县域经济稳中向好\n\n{P1}\n\n{P2}\n\n{box}\n").date == ""
    assert extract_text(f"每周一学（2025年12月8日-14日）学习心得\n\n{P1}\n").date == ""


def test_a_page_date_from_its_metadata_or_its_date_line(tmp_path) -> None:
    body = f"<p>{P1}</p><p>{P1}</p>"
    meta = "<meta property='article:published_time' content='2024-08-18T10:00:00+08:00'>"
    page = f"<html><head><meta charset='utf-8'>{meta}</head><body><h1>标题</h1>{body}</body></html>"
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    assert extract_path(path).date == "2024-08-18"
    shown = page.replace("<h1>标题</h1>", "<h1>标题</h1><p>2024年08月18日 10:00 来源：某某网</p>")
    path.write_text(shown, encoding="utf-8")
    assert extract_path(path).date == "2024年08月18日"


def test_meta_dates() -> None:
    assert meta_date("2015-04-11T06:00:00-04:00") == "2015-04-11"
    assert meta_date("Tue, 3 March 2020") == "3 March 2020"
    assert meta_date("") == meta_date("soon") == ""


def test_a_page_date_from_its_time_element_not_from_a_list_of_other_stories(tmp_path) -> None:
    others = (
        "<ul class='news'><li><a href='/x'>另一篇关于工厂开业的报道</a>"
        "<span class='time'>2019-01-01</span></li></ul>"
    )
    page = (
        f"<html><head><meta charset='utf-8'><title>标题</title></head><body>{others}"
        "<div class='h-title'>标题</div><div class='h-info'><span class='h-time'> 2019-12-10 "
        f"07:57:40</span><span>来源：某网</span></div><p>{P1}</p><p>{P1}</p></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    assert extract_path(path).date == "2019-12-10"
    from lxml import html as lhtml

    from reportgen.ingest.html import _published

    assert _published(lhtml.document_fromstring(page)) == "2019-12-10"


def test_a_dated_byline_gives_its_date_and_a_listed_story_gives_no_author(tmp_path) -> None:
    others = "<ul><li><a href='/x'>另一篇关于工厂开业的报道</a><span class='author'>李四</span></li></ul>"
    page = (
        f"<html><head><meta charset='utf-8'><title>Plant opens</title></head><body>{others}"
        "<article><h1>Plant opens</h1><div class='byline'>By Chris Isidore, CNN Business "
        f"Updated 3:45 PM ET, Tue March 3, 2020</div><p>{EN}</p><p>{EN}</p></article></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    m = extract_path(path)
    assert (m.authors, m.date) == (["Chris Isidore"], "March 3, 2020")


def test_a_byline_and_date_in_the_page_info_list_are_the_articles(tmp_path) -> None:
    info = (
        "<ul class='info'><li class='author'>作者：<a href='/zs'>张三</a></li>"
        "<li class='time'>2024-08-18 10:00</li></ul>"
    )
    page = (
        f"<html><head><meta charset='utf-8'><title>标题</title></head><body><h1>标题</h1>{info}"
        f"<p>{P1}</p><p>{P1}</p></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    m = extract_path(path)
    assert (m.authors, m.date) == (["张三"], "2024-08-18")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2022年3月7日 星期一", "2022年3月7日"),
        ("2022年03月07日 星期一 15:21", "2022年03月07日"),
        ("2022.03.07", "2022.03.07"),
        ("2022/03/07 15:21", "2022/03/07"),
        ("发布时间：2022-03-07 15:21:08", "2022-03-07"),
        ("时间：2022年03月07日", "2022年03月07日"),
        ("2022-03-07 15:21 · 来源：某某财经", "2022-03-07"),
        ("2022-03-07 15:21 浏览次数：1234", "2022-03-07"),
        ("发布日期：2022-03-07 信息来源：某某市政府", "2022-03-07"),
        ("某某网 2022年03月07日15:21", "2022年03月07日"),
        ("原创 张三 某某观察 2022年03月07日 15:21 北京", "2022年03月07日"),
    ],
)
def test_a_date_line_under_a_chinese_title_is_the_date_and_stays_out(line: str, date: str) -> None:
    m = extract_text(f"县域经济稳中向好\n\n{line}\n\n{P1}\n\n{P1}\n")
    assert (m.headline, m.date) == ("县域经济稳中向好", date)
    assert line in m.furniture and [p.text for p in m.lead] == [P1, P1]


@pytest.mark.parametrize(
    "line",
    [
        "Published 3:04 PM EDT, Tue May 2, 2023",
        "Updated 10:01 AM EDT, Tue May 2, 2023",
        "Updated May 2, 2023 at 10:01 a.m. ET",
        "PUBLISHED: May 2, 2023 at 5:00 a.m.",
        "Posted: May 2, 2023",
        "May 2, 2023 | Press Release",
        "Tuesday, May 2, 2023 10:01 AM ET",
        "May 2, 2023 / 10:01 AM / Updated 2 hours ago",
    ],
)
def test_an_english_date_line_with_its_label_time_or_section_is_the_date(line: str) -> None:
    m = extract_text(f"Valley Town Bets on Batteries\n\n{line}\n\n{EN}\n\n{EN}\n")
    assert (m.headline, m.date) == ("Valley Town Bets on Batteries", "May 2, 2023")
    assert line in m.furniture and [p.text for p in m.lead] == [EN, EN]


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe | May 2, 2023",
        "Posted May 2, 2023 by Jane Doe",
        "BY Jane Doe Updated 3:04 PM EDT, Tue May 2, 2023",
    ],
)
def test_a_byline_with_its_date_gives_both(line: str) -> None:
    m = extract_text(f"Valley Town Bets on Batteries\n\n{line}\n\n{EN}\n")
    assert (m.authors, m.date, [p.text for p in m.lead]) == (["Jane Doe"], "May 2, 2023", [EN])


def test_a_sentence_with_a_date_in_it_is_no_date_line() -> None:
    from reportgen.ingest.dates import dated

    assert dated("May 2, 2023") and dated("3 hours ago") and dated("2小时前")
    assert dated("Tue 2 May 2023 10.01 BST") and dated("Wednesday 3 May 2023 06:00 AEST")
    assert not dated("On May 2, 2023 the council voted to approve the plan.")
    assert not dated("By Jane Doe | May 2, 2023")  # (a byline: reportgen/ingest/patterns.py)
    assert not dated("2023年5月2日，当地召开会议")


def _page_date(tmp_path, head: str, body: str = "") -> str:
    page = f"<html><head>{head}</head><body><article><h1>Plant opens</h1>{body}"
    path = tmp_path / "a.html"
    path.write_text(page + f"<p>{EN}</p><p>{EN}</p></article></body></html>", encoding="utf-8")
    return extract_path(path).date


def test_a_page_date_from_a_time_element_or_more_metadata_never_from_a_sentence(
    tmp_path,
) -> None:
    stamp = "<p><time datetime='2023-05-02T15:04:00Z'>3 hours ago</time></p>"
    assert _page_date(tmp_path, "", stamp) == "2023-05-02"
    said = f"<p>The council voted on <time datetime='2023-06-01'>June 1</time> to act. {EN}</p>"
    assert _page_date(tmp_path, "", said) == ""
    meta = "<meta name='parsely-pub-date' content='2023-05-02T15:04:00Z'>"
    assert _page_date(tmp_path, meta) == "2023-05-02"
    graph = '{"@graph": [{"@type": "NewsArticle", "datePublished": "2023-05-02T15:04:00Z"}]}'
    ld = f"<script type='application/ld+json'>{graph}</script>"
    assert _page_date(tmp_path, ld) == "2023-05-02"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("August 18th, 2024", "August 18, 2024"),
        ("Sunday, August 18th, 2024 at 10:20 a.m.", "August 18, 2024"),
        ("Published on the 18th of August, 2024", "18 August, 2024"),
    ],
)
def test_a_date_written_with_an_ordinal(line: str, date: str) -> None:
    m = extract_text(f"Valley Town Bets on Batteries\n\n{line}\n\n{EN}\n\n{EN}\n")
    assert (m.date, m.dek, [p.text for p in m.lead]) == (date, "", [EN, EN])


def test_a_byline_and_its_date_under_an_introduction_give_the_date() -> None:
    intro = "A new plant will hire 900 people over five years, officials say."
    text = f"# Plant opens\n\n{intro}\n\nBy Jane Doe\n\nMay 2, 2023\n\n{EN}\n\n{EN}\n"
    m = extract_text(text)
    assert (m.authors, m.date) == (["Jane Doe"], "May 2, 2023")
    later = f"# Plant opens\n\n{intro}\n\n{EN}\n\nBy Jane Doe\n\nMay 2, 2023\n\n{EN}\n"
    assert extract_text(later).date == ""  # (after the text has begun: no longer the front)


def test_the_date_a_document_is_signed_with_at_its_end() -> None:
    text = f"关于做好县域经济工作的通知\n\n{P1}\n\n{P1}\n\n某某市人民政府办公室\n\n2024年8月18日\n"
    m = extract_text(text)
    assert m.date == "2024年8月18日" and "2024年8月18日" in m.furniture
    boxed = f"县域经济稳中向好\n\n{P1}\n\n{P1}\n\n相关新闻\n\n另一篇报道的标题\n\n2020年07月08日\n"
    assert extract_text(boxed).date == ""
    said = f"县域经济稳中向好\n\n{P1}\n\n{P2}\n"  # (a date in the last sentence is no signature)
    assert extract_text(said).date == ""


def test_a_chinese_byline_carrying_its_date_gives_both() -> None:
    m = extract_text(f"县域经济稳中向好\n\n记者 张三 2024-08-18 10:20\n\n{P1}\n\n{P1}\n")
    assert (m.authors, m.date, [p.text for p in m.lead]) == (["张三"], "2024-08-18", [P1, P1])


def test_undated_keeps_the_writers_and_leaves_a_line_with_no_date_as_it_is() -> None:
    from reportgen.ingest.dates import undated

    assert undated("BY JANE DOE May 2, 2023") == "BY JANE DOE"
    assert undated("记者 张三 2024-08-18 10:20") == "记者 张三"
    assert undated("By Jane Doe, Reuters") == "By Jane Doe, Reuters"
    assert undated("May 2, 2023") == "May 2, 2023"  # (nothing before the date)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("07 Mar 2022", "2022年3月7日"),
        ("Mon, 07 Mar 2022 13:54:36 GMT", "2022年3月7日"),
        ("2016-04-28", "2016年4月28日"),
        ("2022年03月07日", "2022年3月7日"),
        ("2024", "2024"),  # no single day: as written
    ],
)
def test_a_date_is_shown_as_a_chinese_reader_expects(written, shown) -> None:
    from reportgen.ingest.dates import display_date

    assert display_date(written, "zh") == shown
    assert display_date(written, "en") == written
