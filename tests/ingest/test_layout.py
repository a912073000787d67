"""Layout: lines to structure (headline, lead, sections), in one layer (ingest)."""

from __future__ import annotations

from reportgen.ingest.layout import layout_from_text

ARTICLE = (
    "# 标题\n\n导语段落，产值突破100亿元。\n\n## 平衡“守”与“变” 擦亮优势\n\n"
    "正文一段，企业52家。\n\n## 把握“时”与“势”\n\n正文二段。\n"
)


def test_headline_lead_and_sections() -> None:
    layout = layout_from_text(ARTICLE)
    assert layout.headline is not None and layout.headline.text == "标题"
    assert [b.text for b in layout.lead.blocks] == ["导语段落，产值突破100亿元。"]
    assert [s.heading.text for s in layout.sections] == [
        "平衡“守”与“变” 擦亮优势",
        "把握“时”与“势”",
    ]


def test_offsets_point_into_the_text() -> None:
    layout = layout_from_text(ARTICLE)
    for section in [layout.lead, *layout.sections]:
        for block in section.blocks:
            start = layout.offsets[id(block)]
            assert layout.text[start : start + len(block.text)] == block.text


def test_heads_with_nothing_under_any_of_them_are_box_titles_not_sections() -> None:
    from reportgen.extract import extract_text

    body = "据报道，今日从发布会获悉，区域交通一体化建设各项工作取得积极成效，线路总里程继续增长。"
    model = extract_text(f"# 标题\n\n{body}\n\n## 热销金融证券产品\n")
    assert model.themes == [] and any(body in p.text for p in model.lead)
    assert "热销金融证券产品" in model.furniture
    kept = extract_text(f"# 标题\n\n## 债券\n\n{body}\n\n## 外汇\n\n无\n")
    assert [t.heading for t in kept.themes] == ["债券", "外汇"]  # one empty among full ones stays
