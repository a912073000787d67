"""Page clutter: dropped by tag, class and role, never the article; lists of other stories."""

from __future__ import annotations

from lxml import html as lhtml

from reportgen.ingest.clutter import in_clutter, listed, strip_clutter

PARA = "这是一段较长的正文，说明这一部分的内容，写得足够长以便与标题区分开来。"


def test_clutter_is_dropped_but_never_the_article() -> None:
    page = (
        "<html><body><nav><a href='/'>首页</a></nav><div class='share-bar'>分享到</div>"
        f"<div class='sidebar'><h1>县域经济稳中向好</h1><p>{PARA}</p></div>"
        "<section class='comments'>网友评论</section><script>var a = 1;</script></body></html>"
    )
    doc = lhtml.document_fromstring(page)
    strip_clutter(doc)
    text = doc.text_content()
    assert "县域经济稳中向好" in text and PARA in text  # (the sidebar holds the headline)
    assert not any(word in text for word in ("首页", "分享到", "网友评论", "var a"))


def test_an_element_in_a_list_of_other_stories_or_in_clutter() -> None:
    page = (
        "<html><body><ul><li><a href='/x'>另一篇关于工厂开业的报道</a><span>2019-01-01</span></li>"
        "</ul><div class='footer'><span id='t'>2020-02-02</span></div>"
        "<div class='byline'><span id='a'>张三</span></div></body></html>"
    )
    doc = lhtml.document_fromstring(page)
    other = doc.xpath("//li/span")[0]
    assert listed(other) and not in_clutter(other)
    assert in_clutter(doc.get_element_by_id("t"))
    writer = doc.get_element_by_id("a")
    assert not listed(writer) and not in_clutter(writer)
