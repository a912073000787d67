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
