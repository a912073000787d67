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
