"""Text lines to blocks: a YAML front matter's fields; several paragraphs run together split."""

from __future__ import annotations

from reportgen.ingest.blocks import parse_markdown
from reportgen.ingest.rows import front_matter_yaml, meta_text, split_rows, title_from_meta


def test_front_matter_is_read_and_kept_out_of_the_text() -> None:
    text = '---\ntitle: "县域经济"\nauthor: "方  敏"\n---\n正文第一段。\n'
    meta, body, header = front_matter_yaml(text)
    assert meta_text(meta, "title") == "县域经济"
    assert meta_text(meta, "author", "byline") == "方  敏"
    assert "正文第一段" in body and "title:" in header
    assert front_matter_yaml("正文。\n")[0] == {}


def test_the_title_from_the_front_matter_becomes_the_headline() -> None:
    blocks = parse_markdown("正文第一段，内容较长的一句话。\n")
    title_from_meta(blocks, "县域经济")
    assert (blocks[0].kind, blocks[0].text) == ("heading", "县域经济")


def test_lines_that_each_end_a_sentence_are_paragraphs() -> None:
    text = "第一段话说完了。\n第二段话也说完了。\n第三段话同样说完了。\n"
    blocks = split_rows(parse_markdown(text))
    assert [b.text for b in blocks] == [
        "第一段话说完了。",
        "第二段话也说完了。",
        "第三段话同样说完了。",
    ]


def test_bullet_lines_in_hard_wrapped_text_are_list_items() -> None:
    text = (
        "• Tuition: The bill includes an increase of $53.1 million cash funds for the forecast\n"
        "of tuition revenue at the ten state governing boards.\n"
        "• Fees: The bill includes an increase of $21.0 million cash funds for adjustments to\n"
        "the forecast for fee revenue paid by students.\n"
    )
    blocks = split_rows(parse_markdown(text))
    assert [b.text[:8] for b in blocks] == ["• Tuitio", "• Fees: "]
    assert all(b.item for b in blocks)


def test_numbered_items_run_together_are_items_of_their_own() -> None:
    blocks = split_rows(parse_markdown("（1）芬兰\n（2）丹麦\n（3）冰岛\n"))
    assert [(b.text, b.item) for b in blocks] == [
        ("（1）芬兰", True),
        ("（2）丹麦", True),
        ("（3）冰岛", True),
    ]
    prose = split_rows(parse_markdown("全年增长5.2%，其中\n2. 季度增长较快\n"))
    assert not any(b.item for b in prose)


def test_numbered_items_in_text_stay_apart_in_the_layout() -> None:
    from reportgen.ingest.layout import layout_from_text

    prose = "这是一段较长的正文，说明这一部分的内容，写得足够长以便与标题区分开来。"
    layout = layout_from_text(f"标题\n\n{prose}\n\n（1）芬兰\n（2）丹麦\n\n{prose}\n")
    assert [b.text for b in layout.lead.blocks] == [prose, "（1）芬兰", "（2）丹麦", prose]


def test_a_title_and_its_dashed_subtitle_on_two_lines_are_two_blocks() -> None:
    blocks = split_rows(parse_markdown("县域经济稳中向好\n——来自某县的调查\n"))
    assert [b.text for b in blocks] == ["县域经济稳中向好", "——来自某县的调查"]
    prose = "他说，这件事情我们已经讨论了很久，大家的意见\n——也就是各方的看法——基本一致。\n"
    assert len(split_rows(parse_markdown(prose))) == 1  # (a clause cut at a line end)


def test_a_wordpress_header_gives_title_and_date() -> None:
    """post_title and post_date (a WordPress export) are the headline and the date; a flag
    (published: true) is no date."""
    from reportgen.extract import extract_text

    text = (
        "---\nID: 3147\npost_title: >\n  Weak spending seen\n  hurting growth\n"
        "post_date: 2016-04-28 08:29:04\npublished: true\n---\n [ad_1]\n\n"
        "Growth likely stalled in the first quarter, economists said.\n"
    )
    m = extract_text(text)
    assert m.headline == "Weak spending seen hurting growth"
    assert m.date.startswith("2016-04-28")
    assert "[ad_1]" not in m.text.split("\n\n")[0]
