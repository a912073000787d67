"""Page chrome around the article: a release's header under its headline, and a printed
page's foot after the article's end."""

from __future__ import annotations

from reportgen.extract import extract_text

EN1 = "Ladies and gentlemen, this week I want to talk about what community colleges can do for you."
EN2 = (
    "Two out of three jobs will soon need some education after high school, and costs keep rising."
)


def _body(model) -> list[str]:
    return [p.text for p in model.lead] + [p.text for t in model.themes for p in t.paragraphs]


def test_a_release_header_closed_by_its_date_is_furniture() -> None:
    text = (
        "# Weekly Address: Free Community College\n\nRemarks of the Vice President\n\n"
        f"Weekly Address\n\nThe Executive Office\n\nApril 11, 2015\n\n{EN1}\n\n{EN2}\n"
    )
    m = extract_text(text)
    assert {"Remarks of the Vice President", "The Executive Office"} <= set(m.furniture)
    assert _body(m) == [EN1, EN2]
    assert not m.themes


def test_short_lines_no_date_closes_stay_text() -> None:
    text = f"# Weekly Address\n\nRemarks of the Vice President\n\n{EN1}\n\n{EN2}\n"
    m = extract_text(text)
    assert "Remarks of the Vice President" not in m.furniture


def test_a_printed_pages_part_foot_after_the_end_is_furniture() -> None:
    text = (
        f"Higher Education\n\n{EN1}\n\n{EN2}\n\nPart II – Department Summaries Higher Education\n"
    )
    m = extract_text(text)
    assert "Part II – Department Summaries Higher Education" in m.furniture
    assert _body(m) == [EN1, EN2]


def test_a_portal_link_glued_after_the_last_sentence_is_furniture() -> None:
    last = "园区负责人说，明年还将新建两条生产线，预计带动就业三百余人，整个项目年底前完工。"
    text = (
        "新园区开工\n\n某市新园区今天正式开工，首批入驻企业十二家，总投资超过二十亿元。\n\n"
        f"{last}返回新闻网首页>>\n"
    )
    m = extract_text(text)
    assert _body(m)[-1] == last
    assert "返回新闻网首页>>" in m.furniture


def test_words_after_the_last_sentence_that_are_no_link_stay_text() -> None:
    last = "园区负责人说，明年还将新建两条生产线，整个项目年底前完工。记者还了解到"
    text = f"新园区开工\n\n某市新园区今天正式开工，首批入驻企业十二家，总投资超过二十亿元。\n\n{last}\n"
    assert _body(extract_text(text))[-1] == last
