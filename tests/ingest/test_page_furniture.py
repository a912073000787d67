"""Page furniture of documents printed to text (budget chapters, fact sheets): page numbers in
their written forms, and running heads and feet set again at every page's number."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_text
from reportgen.ingest.patterns import furniture


def _body(model) -> list[str]:
    return [p.text for p in model.lead] + [p.text for t in model.themes for p in t.paragraphs]


@pytest.mark.parametrize(
    "line",
    ["Page 3 of 12", "page 7", "Page 2/9", "第3页", "第 3 页 共 12 页", "共12页 第3页", "— 4 —"],
)
def test_page_numbers_are_furniture(line: str) -> None:
    assert furniture(line)


@pytest.mark.parametrize("line", ["Page 3 of the report shows the totals.", "第3页显示了总数。"])
def test_sentences_about_pages_are_not(line: str) -> None:
    assert not furniture(line)


EN = [
    "The Agency requests $2.1 billion for the coming year, an increase of $90 million over the "
    "current year, mostly for maintenance.",
    "Most of the growth comes from state fees, which rise by 5 percent under current law.",
    "The maintenance program totals $700 million and covers roads, bridges and tunnels.",
    "Operating support for local transit rises to $150 million, up 3 percent.",
    "A new safety grant receives $30 million for crossings on rural highways.",
]


def test_running_heads_by_page_numbers_are_furniture_and_heads_survive() -> None:
    page = "Budget Summary 2027\nState Highway Agency\nPage {n} of 3\n"
    text = (
        page.format(n=1)
        + f"Overview\n{EN[0]}\n{EN[1]}\n"
        + page.format(n=2)
        + f"Maintenance\n{EN[2]}\n{EN[3]}\n"
        + page.format(n=3)
        + f"Safety Grants\n{EN[4]}\n"
    )
    m = extract_text(text)
    assert m.headline == "State Highway Agency"
    assert [t.heading for t in m.themes] == ["Overview", "Maintenance", "Safety Grants"]
    assert _body(m) == EN
    assert m.furniture.count("Budget Summary 2027") == 2


ZH = [
    "全市一般公共预算收入完成820亿元，比上年增长3.2%，其中税收收入占比达到七成。",
    "全市一般公共预算支出完成1350亿元，民生支出占比保持在八成左右。",
    "2026年全市一般公共预算收入预期增长3%左右，安排支出1400亿元。",
    "持续深化预算管理制度改革，严格落实过紧日子要求。",
]


def test_a_repeated_title_by_page_numbers_leaves_the_numbered_heads() -> None:
    text = (
        f"关于2025年预算执行情况的报告\n一、2025年预算执行情况\n{ZH[0]}\n{ZH[1]}\n— 1 —\n"
        f"关于2025年预算执行情况的报告\n二、2026年预算草案\n{ZH[2]}\n— 2 —\n"
        f"关于2025年预算执行情况的报告\n三、主要措施\n{ZH[3]}\n— 3 —\n"
    )
    m = extract_text(text)
    assert m.headline == "关于2025年预算执行情况的报告"
    assert [t.heading for t in m.themes] == [
        "一、2025年预算执行情况",
        "二、2026年预算草案",
        "三、主要措施",
    ]
    assert _body(m) == ZH


def test_a_short_line_repeated_without_page_numbers_stays() -> None:
    text = f"年度回顾\n\n{ZH[0]}\n\n小结\n\n{ZH[1]}\n\n小结\n\n{ZH[2]}\n"
    m = extract_text(text)
    assert "小结" not in m.furniture


def test_heads_between_short_paragraphs_at_the_end_are_no_furniture() -> None:
    paras = [
        "The town board on Monday approved a $4 million plan for its libraries, the largest in "
        "twenty years, after a long debate over branch hours.",
        "Three branches will open on Sundays from the first week of next month.",
        "The main library will add a room for study groups and a small cafe.",
        "A van will bring books to farms and villages twice a week from May.",
    ]
    text = f"Libraries Get More Money\n\n{paras[0]}\n\n"
    text += "".join(
        f"{h}\n\n{p}\n\n" for h, p in zip(["Hours", "Rooms", "Van"], paras[1:], strict=True)
    )
    m = extract_text(text)
    assert [t.heading for t in m.themes] == ["Hours", "Rooms", "Van"]
    assert _body(m) == paras


@pytest.mark.parametrize(
    "line",
    ["Prepared by Committee Staff  Page 12", "Office of Budget | Page 3 of 40", "财政厅 · 第 3 页"],
)
def test_a_page_foot_with_its_page_number_is_furniture(line: str) -> None:
    assert furniture(line)
    m = extract_text(f"Budget Notes\n\n{EN[0]}\n\n{line}\n\n{EN[1]}\n")
    assert line in m.furniture
    assert _body(m) == EN[:2]


@pytest.mark.parametrize("line", ["See page 12 for details.", "The report, on page 12, says so."])
def test_prose_naming_a_page_is_not(line: str) -> None:
    assert not furniture(line)
