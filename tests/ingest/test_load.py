"""Reading an article file: its type from its bytes, never its name."""

from __future__ import annotations

import pytest
from conftest import SEED

from reportgen.ingest import load_layout, sniff


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"%PDF-1.4", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"<!doctype html><html><body><p>x</p></body></html>", "html"),
        ("钱塘新区".encode(), "text"),
        (b"PK\x03\x04", "zip"),
    ],
)
def test_sniff_reads_the_type_from_the_bytes(raw: bytes, kind: str) -> None:
    assert sniff(raw) == kind


def test_load_layout_of_the_seed(tmp_path) -> None:
    layout, raw, fmt = load_layout(SEED)
    assert fmt == "text" and raw == SEED.read_bytes()
    assert layout.headline is not None and len(layout.sections) >= 3
    copy = tmp_path / "article.html"  # the name says html, the bytes say text
    copy.write_bytes(raw)
    assert load_layout(copy)[2] == "text"


P = "这是一段较长的正文，说明这一部分的内容，写得足够长以便与标题区分开来。"
EN = "The plant opened on Monday after four years of construction and hiring in the county."


def _front(tmp_path, title: str, body: str, text: str = P) -> tuple[str, str, str, list[str]]:
    from reportgen.extract import extract_path

    page = f"<html><head>{title}</head><body><div class='article'>{body}"
    page += f"<p>{text}</p><p>{text}</p></div></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    m = extract_path(path)
    return m.headline, m.series, m.dek, [p.text for p in m.lead]


@pytest.mark.parametrize(
    ("body", "series", "dek"),
    [
        ("<h1>高质量发展调研行</h1><h2>县域经济稳中向好</h2>", "高质量发展调研行", ""),
        ("<div class='t'>县域经济稳中向好</div><h1>——来自某县的调查</h1>", "", "——来自某县的调查"),
        ("<h1>——来自某县的调查</h1>", "", "——来自某县的调查"),
        ("<p>县域经济稳中向好</p><p>——来自某县的调查</p>", "", "——来自某县的调查"),
    ],
)
def test_the_page_title_names_the_headline_when_the_h1_is_another_line(
    tmp_path, body: str, series: str, dek: str
) -> None:
    """A kicker or a dashed subtitle set as the h1, or no h1: the block that is the page's title
    (less the site's name, or less a subtitle after a dash) is the headline; the kicker is the
    series, the subtitle the dek, and neither stays in the body."""
    title = "<title>县域经济稳中向好——来自某县的调查 - 新浪财经</title>"
    if "<h1>" in body and "——" not in body:
        title = "<title>县域经济稳中向好 - 新浪财经</title>"
    assert _front(tmp_path, title, body) == ("县域经济稳中向好", series, dek, [P, P])


def test_an_h1_other_than_an_seo_title_stays_the_headline(tmp_path) -> None:
    title = "<meta property='og:title' content='Battery plant to hire 900 in Valley Town'>"
    title += "<title>Battery plant to hire 900 in Valley Town | Reuters</title>"
    body = "<h1>Business</h1><p>Valley town bets on batteries</p>"
    head = _front(tmp_path, title, body, EN)
    assert head[0] == "Business" and "Valley town bets on batteries" in head[3]
    title = "<meta property='og:title' content='Valley town bets on batteries'>"
    assert _front(tmp_path, title, body, EN)[:2] == ("Valley town bets on batteries", "Business")


def test_the_block_repeating_the_page_title_with_other_quotes_is_the_headline(tmp_path) -> None:
    title = '<title>Valley town bets on "batteries" | Reuters</title>'
    head = _front(tmp_path, title, "<p>Valley town bets on “batteries”</p>", EN)
    assert head == ("Valley town bets on “batteries”", "", "", [EN, EN])


def test_a_short_line_the_title_opens_with_is_no_headline(tmp_path) -> None:
    title = "<title>县域经济：稳中向好的三大原因与未来展望 - 某某网</title>"
    assert _front(tmp_path, title, "<p>县域经济</p>")[0] == "县域经济：稳中向好的三大原因与未来展望"
