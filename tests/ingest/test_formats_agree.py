"""One article as .txt, .md, .html and .docx: the same structure from every reader."""

from __future__ import annotations

import html
import io

import pytest

from reportgen.extract import extract_path

HEADLINE = "县域经济稳中向好"
P = [
    "今年以来，全县工业产值增长百分之十二，新增企业三十余家，发展势头良好。",
    "园区持续优化营商环境，一批重点项目加快建设，带动就业明显增加。",
    "下一步，当地将继续推动产业升级，培育新的增长点，让群众得到更多实惠。",
]
HEADS = ["产业升级", "开放合作"]
TAIL = ["记者|王明", "编辑：李华", "《 人民日报 》（ 2020年08月23日 02 版）"]


def _txt() -> bytes:
    parts = [HEADLINE, P[0], HEADS[0], P[1], HEADS[1], P[2], *TAIL]
    return "\n\n".join(parts).encode()


def _md() -> bytes:
    parts = [f"# {HEADLINE}", P[0], f"**{HEADS[0]}**", P[1], f"**{HEADS[1]}**", P[2], *TAIL]
    return "\n\n".join(parts).encode()


def _html() -> bytes:
    e = html.escape
    body = [f"<h1>{e(HEADLINE)}</h1>", f"<p>{e(P[0])}</p>"]
    for head, para in zip(HEADS, P[1:], strict=True):
        body += [f"<p><strong>{e(head)}</strong></p>", f"<p>{e(para)}</p>"]
    body += [f"<p>{e(line)}</p>" for line in TAIL]
    page = f"<html><head><meta charset='utf-8'><title>{e(HEADLINE)}</title></head>"
    return (page + "<body><article>" + "".join(body) + "</article></body></html>").encode()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph(P[0])
    for head, para in zip(HEADS, P[1:], strict=True):
        document.add_paragraph().add_run(head).bold = True
        document.add_paragraph(para)
    for line in TAIL:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("suffix", "make"), [(".txt", _txt), (".md", _md), (".html", _html), (".docx", _docx)]
)
def test_every_reader_gives_the_same_structure(tmp_path, suffix, make) -> None:
    path = tmp_path / f"article{suffix}"
    path.write_bytes(make())
    m = extract_path(path)
    assert m.headline == HEADLINE
    assert [t.heading for t in m.themes] == HEADS
    assert m.authors == ["王明"]
    assert [p.text for p in m.lead] + [p.text for t in m.themes for p in t.paragraphs] == P
    assert m.credits == ["编辑：李华"]
    assert m.furniture == ["《 人民日报 》（ 2020年08月23日 02 版）"]


def test_html_dek_and_italic_summary(tmp_path) -> None:
    p0 = html.escape(P[0])
    for summary in ('<p class="article-dek">一句话摘要</p>', "<p><em>一句话摘要</em></p>"):
        page = (
            f"<html><head><meta charset='utf-8'></head><body><article><h1>{HEADLINE}</h1>"
            f"{summary}<p>{p0}</p><p>{html.escape(P[1])}</p></article></body></html>"
        )
        path = tmp_path / "page.html"
        path.write_text(page, encoding="utf-8")
        m = extract_path(path)
        assert (m.headline, m.dek) == (HEADLINE, "一句话摘要")
        assert [p.text for p in m.lead] == P[:2]


def test_caption_credits_are_kept_but_not_shown_as_photos(tmp_path) -> None:
    from reportgen.plans import labels, template_dirs
    from reportgen.plans.brief import plan_context

    text = f"{HEADLINE}\n\n{P[0]}\n\n图为园区全景。人民网 张三摄\n\n图片来源：摄图网\n\n{P[1]}\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    m = extract_path(path)
    assert [(c.text, c.credit) for c in m.captions] == [
        ("图为园区全景。人民网 张三摄", "人民网 张三摄"),
        ("图片来源：摄图网", "图片来源：摄图网"),
    ]
    context = plan_context(m, None, labels("brief", "zh", template_dirs()), None)
    assert context["lead_captions"] == ["图为园区全景。人民网 张三摄"]


def test_docx_subtitle_style_is_the_dek(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph("一句话摘要", style="Subtitle")
    for para in P:
        document.add_paragraph(para)
    path = tmp_path / "a.docx"
    document.save(str(path))
    m = extract_path(path)
    assert (m.headline, m.dek) == (HEADLINE, "一句话摘要")
    assert [p.text for p in m.lead] == P


def test_html_byline_without_its_date_and_reading_time(tmp_path) -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>Plant opens</title></head><body><article>"
        "<h1>Plant opens</h1><div class='byline'>By Chris Isidore, CNN Business "
        "Updated 3:45 PM ET, Tue March 3, 2020</div><p>4 min read</p>"
        "<p>The plant opened on Monday after four years of construction and hiring.</p>"
        "<p>Officials said the project would bring hundreds of jobs to the region.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    m = extract_path(path)
    assert m.authors == ["Chris Isidore"]
    assert [p.text[:9] for p in m.lead] == ["The plant", "Officials"]
    assert "4 min read" in m.furniture


def test_html_byline_beside_the_headline_outside_the_article_body(tmp_path) -> None:
    paras = "".join(f"<p>{html.escape(p)}{html.escape(p)}</p>" for p in P * 3)
    page = (
        "<html><head><meta charset='utf-8'><title>x</title></head><body><div class='main'>"
        "<div class='path'><a href='/'>首页</a> &gt; <a href='/l'>栏目</a></div>"
        f"<h1>{HEADLINE}</h1><div class='about'><p>石佳/中国青年报</p><p>2019-09-24 09:10</p>"
        "<div class='font_size'>调整字体</div></div>"
        f"<div class='article-content'>{paras}</div></div></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    m = extract_path(path)
    assert (m.headline, m.authors) == (HEADLINE, ["石佳"])
    assert m.themes == []
    assert len(m.lead) == 9


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_a_quotations_attribution_joins_it_in_every_format(tmp_path, suffix) -> None:
    import docx

    lines = [HEADLINE, P[0], "“山重水复疑无路，柳暗花明又一村。”", "——（宋）陆游", P[1]]
    path = tmp_path / f"a{suffix}"
    if suffix == ".txt":
        path.write_text("\n\n".join(lines), encoding="utf-8")
    elif suffix == ".html":
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
        page = f"<html><head><meta charset='utf-8'></head><body><h1>{HEADLINE}</h1>{body}"
        path.write_text(page + "</body></html>", encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph(HEADLINE, style="Title")
        for line in lines[1:]:
            document.add_paragraph(line)
        document.save(str(path))
    m = extract_path(path)
    assert m.themes == []
    assert [p.text for p in m.lead] == [
        P[0],
        "“山重水复疑无路，柳暗花明又一村。”——（宋）陆游",
        P[1],
    ]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
def test_a_numbered_list_is_body_in_every_format(tmp_path, suffix) -> None:
    import docx

    items = ["1. 芬兰", "2. 丹麦", "3. 冰岛"]
    lines = [P[0], *items, P[1]]
    path = tmp_path / f"a{suffix}"
    if suffix in (".txt", ".md"):
        path.write_text("\n\n".join([HEADLINE, *lines]), encoding="utf-8")
    elif suffix == ".html":
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        page = f"<html><head><meta charset='utf-8'></head><body><h1>{HEADLINE}</h1>{body}"
        path.write_text(page + "</body></html>", encoding="utf-8")
    else:
        document = docx.Document()
        document.add_paragraph(HEADLINE, style="Title")
        for line in lines:
            document.add_paragraph(line)
        document.save(str(path))
    m = extract_path(path)
    assert m.themes == []
    assert [p.text for p in m.lead] == lines


def _paged(suffix: str) -> bytes:
    """A budget chapter printed with a running head and page numbers, in each format."""
    title, heads = "全市预算执行情况", ["收入情况", "支出情况"]
    pages = [(heads[0], P[0]), (heads[1], P[1])]
    if suffix == ".docx":
        import docx

        document = docx.Document()
        document.add_paragraph(title, style="Title")
        for n, (head, para) in enumerate(pages, 1):
            document.add_paragraph().add_run(head).bold = True
            document.add_paragraph(para)
            document.add_paragraph(f"— {n} —")
            document.add_paragraph(title)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    lines = [title]
    for n, (head, para) in enumerate(pages, 1):
        lines += [head, para, f"— {n} —", title]
    if suffix == ".html":
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
        return f"<html><body><article><h1>{title}</h1>{body}</article></body></html>".encode()
    return "\n\n".join(lines).encode()


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_running_heads_are_furniture_in_every_format(tmp_path, suffix) -> None:
    path = tmp_path / f"paged{suffix}"
    path.write_bytes(_paged(suffix))
    m = extract_path(path)
    assert m.headline == "全市预算执行情况"
    assert [p.text for p in m.lead] + [p.text for t in m.themes for p in t.paragraphs] == P[:2]
    assert "全市预算执行情况" in m.furniture
