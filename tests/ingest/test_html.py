"""HTML pages: the seed as a cluttered web page, encodings, malformed markup, page heuristics."""

from __future__ import annotations

import html
import json

import pytest
from conftest import ARTICLES, FIXTURES
from typer.testing import CliRunner

from reportgen.cli import app
from reportgen.errors import InputError
from reportgen.extract import extract_path
from reportgen.ingest import SUPPORTED, sniff
from reportgen.ingest.html import decode_html

GOLDEN = json.loads((FIXTURES / "golden" / "qiantang-2024.json").read_text(encoding="utf-8"))
CLUTTER = ["首页", "财经", "分享到", "微信", "网友评论", "写得真好", "相关阅读", "招商推介会"]
CLUTTER += ["版权所有", "浙ICP备", "dataLayer", "font:14px", "关于我们", "正文"]

PAGE_TOP = """<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta charset="{charset}">
<title>{headline} - 浙江在线</title>
<meta name="author" content="{authors}">
<style>body {{ font:14px sans-serif }} .nav li {{ display:inline }}</style>
<script>window.dataLayer = []; function track() {{ console.log("首页 财经"); }}</script>
</head><body>
<header class="site-header"><div class="logo">浙江在线</div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li>
<li><a href="/finance">财经</a></li><li><a href="/tech">科技</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/finance">财经</a> &gt; 正文</div>
<main><article class="article-content">
"""
PAGE_BOTTOM = """
<div class="share-bar"><span>分享到：</span><a class="wechat">微信</a><a>微博</a><a>QQ空间</a></div>
</article>
<section class="comments" id="comments"><h3>网友评论</h3><ul>
<li class="comment"><span class="user">网友甲</span>：写得真好，为钱塘点赞！</li>
<li class="comment"><span class="user">网友乙</span>：期待更多报道。</li></ul></section>
<aside class="related"><h3>相关阅读</h3><ul>
<li><a href="/a1">杭州发布2025年重点工作清单，GDP增长5.5%</a></li>
<li><a href="/a2">钱塘新区举行招商推介会，签约项目30个</a></li></ul></aside>
</main>
<footer><p>版权所有 &copy; 2025 浙江在线 浙ICP备00000000号</p>
<p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a></p></footer>
<script>track();</script>
</body></html>"""


def _figures(theme: int | None) -> str:
    return "".join(
        f'<figure class="photo"><img src="p{i}.jpg" alt="">'
        f"<figcaption>{html.escape(c['text'])}</figcaption></figure>\n"
        for i, c in enumerate(GOLDEN["captions"])
        if c["theme"] == theme
    )


def seed_page(charset: str = "utf-8") -> str:
    """The seed article as a news page: kicker, h1, byline, lead, h2 sections, figcaptions."""
    e = html.escape
    parts = [
        f'<p class="kicker">{e(GOLDEN["series"])}</p>',
        f"<h1>{e(GOLDEN['headline'])}</h1>",
        f'<p class="byline">{e(" ".join(GOLDEN["authors"]))}</p>',
        *(f"<p>{e(p['text'])}</p>" for p in GOLDEN["lead"]),
        _figures(None),
    ]
    for i, theme in enumerate(GOLDEN["themes"]):
        parts.append(f"<h2>{e(theme['heading'])}</h2>")
        parts += [f"<p>\n  {e(p['text'])}\n</p>" for p in theme["paragraphs"]]
        parts.append(_figures(i))
    top = PAGE_TOP.format(
        charset=charset, headline=e(GOLDEN["headline"]), authors=e(" ".join(GOLDEN["authors"]))
    )
    return top + "\n".join(parts) + PAGE_BOTTOM


def signature(model) -> dict:
    """What must not depend on the input format: themes, facts, quotes, captions, front."""
    return {
        "front": (model.kicker, model.headline, model.authors),
        "themes": [
            (t.heading, t.verb, t.pair, t.tagline, [p.text for p in t.points]) for t in model.themes
        ],
        "facts": [(f.text, f.value, f.unit, f.qualifier, f.theme) for f in model.facts],
        "quotes": [(q.speaker, q.text, q.theme) for q in model.quotes],
        "captions": [(c.text, c.theme) for c in model.captions],
        "relations": [(r.kind, r.text, r.fact, r.parts) for r in model.relations],
    }


def _extract(tmp_path, content: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return extract_path(path)


def test_seed_page_extracts_like_the_text(tmp_path, seed_model) -> None:
    model = _extract(tmp_path, seed_page())
    assert model.source.format == "html"
    assert signature(model) == signature(seed_model)
    assert len(model.facts) == len(seed_model.facts) == 35
    assert len(model.quotes) == len(seed_model.quotes) > 0
    # Same canonical text, less the print furniture at the end of the paper version.
    assert seed_model.text.startswith(model.text)
    assert seed_model.text[len(model.text) :].split() == seed_model.furniture
    for word in CLUTTER:
        assert word not in model.text, word


def test_seed_page_named_txt_is_read_as_html(tmp_path, seed_model) -> None:
    model = _extract(tmp_path, seed_page(), name="page.txt")
    assert model.source.format == "html"
    assert "<p>" not in model.text
    assert signature(model) == signature(seed_model)


def test_gbk_page_decoded_by_its_meta_charset(tmp_path, seed_model) -> None:
    raw = seed_page("gbk").encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    model = _extract(tmp_path, raw)
    assert signature(model) == signature(seed_model)


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        "",  # no declaration: detected from the bytes
    ],
    ids=["http-equiv-gb2312", "undeclared"],
)
def test_gbk_page_other_declarations(tmp_path, declaration: str) -> None:
    body = "".join(
        f"<p>钱塘区第{i}季度规上工业总产值增长{i}.5%，其中高新技术产业贡献超过一半。</p>"
        for i in range(1, 9)
    )
    page = f"<html><head>{declaration}<title>钱塘经济观察</title></head><body><h1>钱塘经济观察</h1>{body}</body></html>"
    model = _extract(tmp_path, page.encode("gbk"))
    assert model.headline == "钱塘经济观察"
    assert (
        model.lead[0].text == "钱塘区第1季度规上工业总产值增长1.5%，其中高新技术产业贡献超过一半。"
    )
    assert [f.text for f in model.facts][:3] == ["1.5%", "超过一半", "2.5%"]


def test_declared_charset_wins_over_a_stray_byte_but_not_over_the_wrong_codec() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>钱塘江畔潮涌不息。</p></body></html>'
    stray = page.encode().replace("畔".encode(), "畔".encode() + b"\xff")
    assert "钱塘江畔\ufffd潮涌不息" in decode_html(stray)
    mislabeled = seed_page("utf-8").encode("gbk")  # declared UTF-8, really GBK: detected
    assert GOLDEN["themes"][0]["paragraphs"][0]["text"] in decode_html(mislabeled)


def test_malformed_markup_still_reads(tmp_path) -> None:
    page = (
        "<html><body><h1>Harbour city plans<p>The port handled 12 million containers, "
        "up 8% on the year.<p>Officials expect <b>more <i>growth</b> next</i> year.</div></span>"
        "<h2>Trade<p>Exports rose 5%.<h2>People</h3><p>The city has 2.1 million residents."
    )
    model = _extract(tmp_path, page)
    assert model.headline == "Harbour city plans"
    assert [t.heading for t in model.themes] == ["Trade", "People"]
    assert model.lead[1].text == "Officials expect more growth next year."
    assert [f.value for f in model.facts] == [12, 8, 5, 2.1]


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        (
            "<!DOCTYPE html><html><head><title>x</title></head><body><div></div>"
            "<script>var a = 'long script text that is no article';</script></body></html>",
            "no article text found in the HTML page",
        ),
        ("<html>", "no article text found in the HTML page"),
        ("<!-- nothing but a comment -->", "cannot parse the HTML page"),
    ],
    ids=["script-only", "bare-tag", "comment-only"],
)
def test_page_without_article_text_is_an_input_error(tmp_path, page: str, problem: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(InputError) as err:
        extract_path(path)
    assert err.value.message.startswith(f"{path}: {problem}")
    assert "\n" not in err.value.message


def test_headline_and_byline_from_page_metadata(tmp_path) -> None:
    page = """<html><head><title>Rivers and rails - The Daily Paper</title>
    <meta name="author" content="Jane Doe"></head><body><div id="story">
    <p>The new line opened on Monday after four years of work, carrying 40,000 riders.</p>
    <p>It cost $2.3 billion, about 10% over budget, officials said on Monday.</p>
    </div></body></html>"""
    model = _extract(tmp_path, page)
    assert model.headline == "Rivers and rails"
    assert model.authors == ["Jane Doe"]
    assert model.text.startswith("Rivers and rails\n\nJane Doe\n\nThe new line")
    assert len(model.lead) == 2


def test_cms_page_bold_subheads_br_paragraphs_image_captions_and_table(tmp_path) -> None:
    para = "这一年,园区新增企业{n}家,产值增长{n}%,发展势头良好。"
    page = f"""<html><head><meta charset="utf-8"><title>园区新观察</title></head><body>
    <div class="content"><h1>园区新观察</h1>
    <div class="info"><span class="author">记者 王明</span></div>
    <p>{para.format(n=11)}<br><br>{para.format(n=12)}</p>
    <p style="text-align:center"><img src="a.jpg"></p>
    <p style="text-align:center">园区全景</p>
    <p><strong>产业升级</strong></p>
    <p>{para.format(n=13)}</p>
    <div class="pic-text">新厂房开工</div>
    <p><b>人才引进</b></p>
    <p>{para.format(n=14)}</p>
    <table><caption>主要指标</caption><tr><th>指标</th><th>数值</th></tr>
    <tr><td>新增企业</td><td>14家</td></tr></table>
    </div></body></html>"""
    model = _extract(tmp_path, page)
    assert (model.headline, model.authors) == ("园区新观察", ["王明"])
    assert [p.text for p in model.lead] == [para.format(n=11), para.format(n=12)]
    assert [t.heading for t in model.themes] == ["产业升级", "人才引进"]
    assert [(c.text, c.theme) for c in model.captions] == [
        ("园区全景", None),
        ("新厂房开工", 0),
        ("主要指标", 1),
    ]
    assert [p.text for p in model.themes[1].paragraphs][1:] == ["指标 | 数值", "新增企业 | 14家"]


@pytest.mark.parametrize(
    "head",
    [
        b"<!doctype html><html>",
        b"\n\n  <HTML><body>",
        b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>",
        b"<!-- saved page -->\n<html>",
        b"<!-- nothing else -->",
        b"<div><h1>Title</h1><p>One.</p><p>Two.</p></div>",
        "<html>".encode("utf-16"),
    ],
)
def test_sniff_html_by_content(head: bytes) -> None:
    assert sniff(head) == "html"


@pytest.mark.parametrize(
    "text",
    [
        "# Heading\n\nA paragraph with <b>inline</b> markup.",
        "<!-- draft -->\n# Heading\n\nText.",
        "钱塘江畔,潮涌不息。",
        "a < b and c > d",
    ],
)
def test_sniff_text_stays_text(text: str) -> None:
    assert sniff(text.encode("utf-8")) == "text"


def test_cli_extracts_a_page_to_json(tmp_path, seed_model) -> None:
    path = tmp_path / "page.html"
    path.write_text(seed_page(), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["format"] == "html"
    assert data["headline"] == seed_model.headline
    assert [t["pair"] for t in data["themes"]] == [["守", "变"], ["时", "势"], ["硬", "软"]]
    assert len(data["facts"]) == len(seed_model.facts)


def test_cli_rejects_a_pdf_naming_supported_types(tmp_path) -> None:
    path = tmp_path / "article.html"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {path}: unsupported file type: a PDF document; supported: {SUPPORTED}\n"
    )


def test_chinese_cms_page_title_area_credits_and_fullwidth_byline() -> None:
    """A GB2312-declared portal page: kicker and h1 outside the text box, a byline spaced with
    ideographic spaces, a centred photo caption, bold subheads, editor credits at the end."""
    model = extract_path(ARTICLES / "zh_cms_page_gbk.html")
    assert (model.kicker, model.headline) == ("稳增长系列观察", "园区经济稳中向好")
    assert model.authors == ["王明", "李华"]
    assert [t.heading for t in model.themes] == ["创新驱动", "开放合作"]
    assert [(c.text, c.theme) for c in model.captions] == [("园区一景。本报记者 王明摄", None)]
    assert model.furniture == [
        "2025年01月12日08:20 | 来源：人民网－人民日报",
        "《 人民日报 》（ 2025年01月12日 02 版）",
    ]
    assert model.credits == ["(责编：赵六、钱七)"]
    assert [f.text for f in model.facts][:2] == ["1200亿元", "6.5%"]
    for word in ("人民网版权所有", "相关新闻", "园区召开工作会议", "图片新闻", "分享到", "时政"):
        assert word not in model.text


def test_english_news_page() -> None:
    model = extract_path(ARTICLES / "en_news_page.html")
    assert (model.kicker, model.headline) == ("Business", "Harbour city bets on green shipping")
    assert model.authors == ["Jane Doe"]
    assert [t.heading for t in model.themes] == ["A costly transition", "Jobs and training"]
    assert [c.text for c in model.captions] == ["Cranes at the east terminal. Photo: J. Smith"]
    assert [(q.speaker, q.title, q.theme) for q in model.quotes] == [("Tom Lee", "Mayor", None)]
    assert [p.text for p in model.themes[1].paragraphs][1:] == [
        "Training for 500 dock workers a year",
        "A new maritime college campus",
    ]
    for word in ("cookies", "Advertisement", "newsletter", "Share on", "Most read", "Great piece"):
        assert word not in model.text


def test_page_title_loses_every_site_and_channel_name(tmp_path) -> None:
    body = "".join(f"<p>{p}</p>" for p in ["园区持续优化营商环境，一批重点项目加快建设。"] * 3)
    page = f"<html><head><title>园区经济稳中向好_新闻频道_某某网</title></head><body>{body}</body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert extract_path(path).headline == "园区经济稳中向好"


def test_a_linked_picture_takes_its_caption_and_dates_under_thumbnails_are_furniture(
    tmp_path,
) -> None:
    para = "<p>Workers at the airport walked off the job on Tuesday to ask for better pay.</p>"
    video = (
        "<div class='player'><a href='/video/1'><img src='a.jpg' alt='x'></a></div>"
        "<div class='vidFooter'><div class='vidHead'>Airport workers vote to strike</div></div>"
    )
    box = (
        "<h4>More news:</h4>"
        + "<div><a href='/2'><img src='b.jpg'></a></div><p>2020年07月08日 13:36:14</p>"
    )
    story = f"<div id='story'>{video}{para * 3}{box}</div>"
    page = f"<html><body><h1>Airport workers strike</h1>{story}</body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    model = extract_path(path)
    assert [c.text for c in model.captions] == ["Airport workers vote to strike"]
    assert "2020年07月08日 13:36:14" in model.furniture
    assert model.themes == []


PORTAL = """<html><head><meta charset="utf-8"><title>大连太平湾建设提速-新闻-某某网</title></head>
<body>
<div class="top">欢迎来到某某网 <a href="/login">登录</a> | <a href="/reg">注册</a></div>
<div class="wrap">
<div class="left">
<h1>大连太平湾建设提速</h1>
<div class="source">2024-08-18 10:00 来源：某某日报 作者：张三</div>
<p>今年以来，太平湾合作创新区建设全面提速，一批重点项目相继落地开工，港口吞吐量同比增长12%。</p>
<p>据介绍，合作创新区将重点发展临港产业和现代物流，计划到2025年实现产值500亿元，带动就业两万人。</p>
<p><strong>港口先行</strong></p>
<p>港口是太平湾发展的根基。今年上半年，太平湾港区完成货物吞吐量3000万吨，集装箱航线增至20条。</p>
<p><strong>产业跟进</strong></p>
<p>产业是太平湾发展的支撑。今年以来，区内新签约项目35个，总投资超过200亿元，涵盖装备制造等领域。</p>
<p>More</p>
<div class="xgxw"><p class="t">相关新闻</p>
<p><a href="/a1">大连港口吞吐量创新高</a> 08-17</p>
<p><a href="/a2">东北亚物流枢纽建设加快推进</a> 08-16</p>
<p><a href="/a3">辽宁沿海经济带发展提速</a> 08-15</p>
</div>
</div>
<div class="right">
<div class="box"><p class="t">热门推荐</p>
<p><a href="/b1">这座城市的夜经济火了</a> 阅读 1.2万</p>
<p><a href="/b2">暑期旅游市场持续升温</a> 阅读 8千</p>
<p><a href="/b3">新能源汽车下乡活动启动</a> 阅读 6千</p>
</div>
<div class="box"><p class="t">延伸阅读</p>
<p><a href="/c1">太平湾：从渔村到港城</a>（图）</p>
<p><a href="/c2">港城融合发展的新路径</a>（视频）</p>
</div>
<div class="box"><p>作者：编辑部</p><p>扫一扫关注我们</p></div>
</div>
</div>
</body></html>
"""


def test_portal_page_furniture_is_kept_out_of_heads_authors_and_body(tmp_path) -> None:
    path = tmp_path / "portal.html"
    path.write_text(PORTAL, encoding="utf-8")
    m = extract_path(path)
    assert m.headline == "大连太平湾建设提速"
    assert [t.heading for t in m.themes] == ["港口先行", "产业跟进"]
    assert m.authors == ["张三"] and m.date == "2024-08-18"
    body = [p.text for p in m.lead] + [p.text for t in m.themes for p in t.paragraphs]
    assert len(body) == 4 and all(p.endswith("。") for p in body)
    assert {"More", "相关新闻"} <= set(m.furniture)
    shown = " ".join([*body, *(t.heading for t in m.themes)])
    for clutter in ("登录", "注册", "热门推荐", "延伸阅读", "编辑部", "扫一扫", "夜经济"):
        assert clutter not in shown


def test_a_hidden_or_one_pixel_image_has_no_caption(tmp_path) -> None:
    body = "<p>Among its key findings: the class you are born into matters much more here.</p>"
    hidden = [
        '<img src="t.gif" style="height:0px; width:0px;display: none">',
        '<img src="t.gif" width="1" height="1">',
    ]
    for img in hidden:
        page = (
            "<html><body><h1>Title</h1><p>First paragraph of the story, long enough to read.</p>"
            f"{img}{body}</body></html>"
        )
        model = _extract(tmp_path, page)
        assert not model.captions
        assert any("key findings" in p.text for p in model.lead)


def test_an_authorized_button_is_no_byline(tmp_path) -> None:
    page = (
        "<html><body><h1>标题</h1><p>第一段的内容足够长，讲述了这篇文章的主要事实和数据。</p>"
        '<div style="display:none"><span class="authorized"> 我已授权 </span></div></body></html>'
    )
    assert _extract(tmp_path, page).authors == []


def test_an_author_element_holding_the_editor_credit_names_no_writer(tmp_path) -> None:
    page = (
        "<html><head><title>央行宣布下调准备金率_某某财经</title></head><body>"
        "<h1>央行宣布下调准备金率</h1><div class='info'>2025年05月07日 10:30 某某财经</div>"
        "<p>中国人民银行七日宣布，决定下调金融机构存款准备金率，释放长期资金约一万亿元。</p>"
        "<p>央行有关负责人表示，此次下调是支持实体经济发展的重要举措。</p>"
        "<p class='show_author'>责任编辑：张三</p></body></html>"
    )
    model = _extract(tmp_path, page)
    assert model.authors == []
    assert "2025年05月07日 10:30 某某财经" in model.furniture
    assert model.date.startswith("2025")
    assert [p.text[:6] for p in model.lead] == ["中国人民银行", "央行有关负责"]


def test_an_h1_that_is_the_site_name_in_the_title_is_not_the_headline(tmp_path) -> None:
    page = (
        "<html><head><title>Factory orders jump in March - Example Business News</title></head>"
        "<body><h1>Example Business News</h1><h2>Factory orders jump in March</h2>"
        "<p>New orders for manufactured goods rose 1.6 percent in March, the department said "
        "on Thursday, beating forecasts.</p><p>Orders for transport equipment led the gains.</p>"
        "</body></html>"
    )
    model = _extract(tmp_path, page)
    assert model.headline == "Factory orders jump in March"
    assert all("Factory" not in t.heading for t in model.themes)
    assert len([p for t in model.themes for p in t.paragraphs] + list(model.lead)) == 2


def test_a_caption_in_the_pictures_own_paragraph_after_a_break(tmp_path) -> None:
    p1 = "近日，记者在合作创新区看到，多个重点项目正在加紧施工，现场一派繁忙景象。"
    p2 = "据介绍，今年以来，创新区累计签约项目四十个，其中产业项目占比超过七成。"
    page = (
        "<html><head><title>创新区建设提速</title></head><body><div class='post_body'>"
        f"<p>{p1}</p><p class='f_center'><img src='b.jpg' width='600'><br>工人在施工现场作业。</p>"
        f"<p>{p2}</p><p><img src='i.png' width='600'>{p2}</p></div></body></html>"
    )
    model = _extract(tmp_path, page)
    assert [c.text for c in model.captions] == ["工人在施工现场作业。"]
    assert [p.text for p in model.lead] == [p1, p2, p2]


def test_a_small_heading_over_the_headline_is_kept_for_the_front_matter(tmp_path) -> None:
    """A heading set over the page's headline (its kicker or pre-title) has no text under it,
    but is no heading left over from a removed list: it stays, out of the body."""
    para = "这是一段较长的正文，说明这一部分的内容，写得足够长以便与标题区分开来。"
    page = "<html><head><title>县域经济稳中向好 - 某某网</title></head><body><div>"
    page += f"<h3>高质量发展调研行</h3><h2>县域经济稳中向好</h2><p>{para}</p><p>{para}</p></div>"
    model = _extract(tmp_path, page + "</body></html>")
    assert model.headline == "县域经济稳中向好"
    assert "高质量发展调研行" in (model.series, model.dek)
    assert [p.text for p in model.lead] == [para, para]


def test_the_site_name_before_the_page_title_is_not_the_headline(tmp_path) -> None:
    """The page title's part the page shows as a line (the longest such part) is the headline,
    wherever the site's name stands in the title."""
    para = "这是一段较长的正文，说明这一部分的内容，写得足够长以便与标题区分开来。"
    for title, shown in [
        ("某某财经 - 县域经济稳中向好", "<div class='logo'>某某财经</div><p>县域经济稳中向好</p>"),
        ("县域经济稳中向好_财经频道_某某网", "<p>县域经济稳中向好</p>"),
        ("县域经济 - 稳中向好 | 某某网", "<span>县域经济</span><p>县域经济 - 稳中向好</p>"),
    ]:
        page = f"<html><head><title>{title}</title></head><body><div>{shown}"
        model = _extract(tmp_path, page + f"<p>{para}</p><p>{para}</p></div></body></html>")
        assert model.headline.replace(" - ", "") == "县域经济稳中向好"
        assert [p.text for p in model.lead] == [para, para]


def test_a_heading_classed_as_the_subtitle_is_the_dek_not_a_section(tmp_path) -> None:
    para = "The plant opened on Monday after four years of construction and hiring in the county."
    page = "<html><body><article><h1>Valley town bets on batteries</h1>"
    page += "<h2 class='article-subtitle'>A new plant will hire 900 people</h2>"
    page += f"<p>{para}</p><h2>Jobs</h2><p>{para}</p><h2>Housing</h2><p>{para}</p></article>"
    model = _extract(tmp_path, page + "</body></html>")
    assert model.dek == "A new plant will hire 900 people"
    assert [t.heading for t in model.themes] == ["Jobs", "Housing"]


def test_a_picture_laid_out_in_a_table_gives_its_caption_a_data_table_its_rows(tmp_path) -> None:
    para = "这是一段较长的正文，说明这一部分的内容，写得足够长以便与标题区分开来。"
    picture = (
        "<table><tr><td><img src='a.jpg'></td></tr><tr><td>改造后的老街区焕然一新</td></tr></table>"
    )
    data = "<table><tr><td>地区</td><td>产值</td></tr><tr><td>甲县</td><td>12亿元</td></tr></table>"
    page = f"<html><body><article><h1>标题</h1><p>{para}</p>{picture}<p>{para}</p>{data}"
    model = _extract(tmp_path, page + f"<p>{para}</p></article></body></html>")
    assert [c.text for c in model.captions] == ["改造后的老街区焕然一新"]
    assert [p.text for p in model.lead] == [para, para, "地区 | 产值", "甲县 | 12亿元", para]
    described = "<div><img src='a.jpg'><span class='img_descr'>工人在车间作业</span></div>"
    page = f"<html><body><article><h1>标题</h1><p>{para}</p>{described}<p>{para}</p>"
    model = _extract(tmp_path, page + "</article></body></html>")
    assert [c.text for c in model.captions] == ["工人在车间作业"]


@pytest.mark.parametrize(
    "byline",
    [
        "<div class='byline'><span class='author'>Jane Doe</span><span>Staff writer</span></div>",
        "<p class='byline'><span>Jane Doe</span><span>Staff writer</span></p>",
        "<div class='byline'><a class='author-name'>Jane Doe</a><span>Reporter</span></div>",
    ],
)
def test_a_writer_and_a_post_in_elements_set_side_by_side(tmp_path, byline: str) -> None:
    """Inline elements that run two words together ('Jane Doe' 'Staff writer') are read apart:
    the writer's name, not 'Jane DoeStaff writer'."""
    para = "The plant opened on Monday after four years of construction and hiring in the county."
    page = f"<html><body><article><h1>Valley town bets on batteries</h1>{byline}"
    model = _extract(tmp_path, page + f"<p>{para}</p><p>{para}</p></article></body></html>")
    assert model.authors == ["Jane Doe"]
    assert [p.text for p in model.lead] == [para, para]


def test_inline_elements_inside_words_or_chinese_text_run_on_as_before(tmp_path) -> None:
    para = "<p><b>T</b>he plant opened on <i>Monday</i>. 今年<b>产值</b>增长<span>Q</span>1。</p>"
    model = _extract(tmp_path, f"<html><body><h1>Plant</h1>{para}{para}</body></html>")
    assert model.lead[0].text == "The plant opened on Monday. 今年产值增长Q1。"


def test_a_comment_link_in_the_byline_element_is_no_part_of_the_name(tmp_path) -> None:
    page = (
        "<html><head><title>Gas prices</title></head><body>"
        '<header><h1>Gas prices fall</h1><div class="byline"><span>Jane Doe</span> '
        '<a href="#comments">Leave a comment</a></div></header><article>'
        "<p>Prices fell 10 percent in a month, the survey found, as crude oil slid.</p>"
        "</article></body></html>"
    )
    model = _extract(tmp_path, page)
    assert model.authors == ["Jane Doe"]
