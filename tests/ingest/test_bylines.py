"""Writers named in the body: in brackets closing the text, on a line of their own at its end,
or given by the page apart from its text."""

from __future__ import annotations

from reportgen.extract import extract_text

P1 = "夜幕降临，县城广场上人头攒动，各色小吃摊位前排起了长队，消费市场活力十足。"
P2 = "今年以来，当地推出夜间消费季活动，累计举办各类活动六十余场，带动消费明显增长。"


def test_writers_in_brackets_closing_the_text() -> None:
    m = extract_text(f"县城夜经济火了\n\n{P1}\n\n{P2}（记者 王小明 李红）\n")
    assert m.authors == ["王小明", "李红"]


def test_a_byline_line_at_the_end() -> None:
    m = extract_text(f"县城夜经济火了\n\n{P1}\n\n{P2}\n\n记者|王小明\n\n编辑|李四\n")
    assert m.authors == ["王小明"]
    assert [p.text for p in m.lead] == [P1, P2]


E1 = (
    "Retail sales are expected to grow just 2 percent this holiday season, the slowest pace "
    "since 2018, as shoppers cut back."
)
E2 = "Analysts said discounts would start earlier than usual this year across most chains."


def test_a_wire_storys_closing_credit_names_its_reporters_not_its_editor() -> None:
    credit = "(Reporting by Tom Lee in London and Sara Kim; Editing by Mark Potter)"
    m = extract_text(f"Retailers Brace for Slow Season\n\n{E1}\n\n{E2}\n\n{credit}\n")
    assert m.authors == ["Tom Lee", "Sara Kim"]
    assert [p.text for p in m.lead] == [E1, E2]


def test_an_english_byline_with_its_agency_after_a_bar() -> None:
    m = extract_text(
        f"Retailers Brace for Slow Season\n\nBy Tom Lee | The Associated Press\n\n{E1}\n"
    )
    assert m.headline == "Retailers Brace for Slow Season"
    assert m.authors == ["Tom Lee"]


def test_a_print_byline_after_a_square_mark() -> None:
    m = extract_text(f"县城夜经济火了\n\n■本报记者 张三 李四\n\n{P1}\n\n{P2}\n")
    assert m.headline == "县城夜经济火了"
    assert m.authors == ["张三", "李四"]


def test_a_writer_named_with_a_post_and_a_date_line_under_the_title() -> None:
    from reportgen.extract import extract_text

    en = "The plant opened on Monday after four years of construction and hiring in the county."
    m = extract_text(
        f"Valley Town Bets on Batteries\n\nJane Doe, Staff writer\nMay 2, 2023\n\n{en}\n"
    )
    assert (m.headline, m.authors, m.date) == (
        "Valley Town Bets on Batteries",
        ["Jane Doe"],
        "May 2, 2023",
    )
    assert [p.text for p in m.lead] == [en]


def test_the_papers_own_report_names_its_writers_in_brackets() -> None:
    from reportgen.extract import extract_text

    para = "今年以来，全县工业产值增长百分之十二，新增企业三十余家，发展势头良好，前景可期。"
    m = extract_text(f"县域经济稳中向好\n\n本报讯（记者 张三 通讯员 李四）{para}\n\n{para}\n")
    assert (m.authors, m.dateline) == (["张三", "李四"], "")
    assert len(m.lead) == 2  # (the paragraph stays whole)
    assert extract_text(f"县域经济稳中向好\n\n本报讯（某某供稿）{para}\n").authors == []


def test_names_alone_over_or_before_a_date_under_the_title_are_the_byline() -> None:
    from reportgen.extract import extract_text

    en = "The plant opened on Monday after four years of construction and hiring in the county."
    for names in ("Jane Doe | May 2, 2023", "Jane Doe\nMay 2, 2023", "JANE DOE\n\nMay 2, 2023"):
        m = extract_text(f"Valley Town Bets on Batteries\n\n{names}\n\n{en}\n\n{en}\n")
        assert m.headline == "Valley Town Bets on Batteries"
        assert (m.authors[0].title(), m.date, m.series) == ("Jane Doe", "May 2, 2023", "")
    m = extract_text(f"Valley Town Bets on Batteries\n\nValley Town\n\n{en}\n")
    assert m.authors == []  # (no date with it: no byline)


def test_the_editors_a_credit_line_names() -> None:
    from reportgen.ingest.bylines import editors

    assert editors("（责任编辑：陈海峰）") == ["陈海峰"]
    assert editors("【编辑:王明】") == ["王明"]
