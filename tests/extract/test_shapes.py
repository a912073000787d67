"""Articles of other shapes: numbered headings, standalone headings, none, and English."""

from __future__ import annotations

from conftest import ARTICLES

from reportgen.extract import extract_path


def _facts(model) -> list[tuple[str, float, str, str]]:
    return [(f.text, f.value, f.unit, f.qualifier) for f in model.facts]


def test_numbered_chinese_headings() -> None:
    m = extract_path(ARTICLES / "zh_numbered.txt")
    assert (m.kicker, m.headline, m.authors) == ("滨江观察", "云谷新区:创新引领 开放提质", ["王明"])
    assert [t.pair for t in m.themes] == [["稳", "进"], ["放", "管"], ["引", "育"]]
    assert [t.tagline for t in m.themes] == ["夯实产业根基", "优化营商环境", "激活人才动能"]
    assert ("约1.2万户", 1.2, "万户", "approx") in _facts(m)
    assert ("二十条", 20, "条", "exact") in _facts(m)
    assert ("近200名", 200, "名", "under") in _facts(m)
    assert [(q.speaker, q.title) for q in m.quotes] == [("李华", "新区管委会主任")]
    part = [r for r in m.relations if r.kind == "part_of"]
    assert len(part) == 1 and len(part[0].parts) == 2


def test_standalone_heading_lines() -> None:
    m = extract_path(ARTICLES / "zh_standalone.txt")
    assert m.headline == "湖畔新城:绿色转型见成效"
    assert m.authors == ["赵敏", "钱程"]
    assert [t.heading for t in m.themes] == ["绿色制造提速", "数字赋能升级"]
    assert ("超30万吨", 30, "万吨", "over") in _facts(m)
    assert m.quotes[0].speaker == ""  # 某制造企业负责人 names no one: kept, unattributed


def test_no_headings() -> None:
    m = extract_path(ARTICLES / "zh_noheadings.txt")
    assert m.headline == "山城夜经济观察"
    assert m.themes == []
    assert len(m.lead) == 3
    assert all(f.theme is None for f in m.facts)
    assert ("3000余家", 3000, "家", "over") in _facts(m)


def test_english_markdown() -> None:
    m = extract_path(ARTICLES / "en_markdown.md")
    assert m.language == "en"
    assert (m.kicker, m.authors) == ("CITY ECONOMY", ["Jane Smith", "Tom Lee"])
    assert m.headline == "Riverside District Bets on Advanced Manufacturing"
    assert [t.pair for t in m.themes] == [["growth", "stability"], ["talent", "capital"]]
    facts = _facts(m)
    assert ("$1.2 billion", 1.2, "billion USD", "exact") in facts
    assert ("4.2%", 4.2, "%", "exact") in facts
    assert ("more than 200 firms", 200, "firms", "over") in facts
    assert ("13,000 people", 13000, "people", "exact") in facts
    assert m.fact("f1").normalized == 1.2e9
    assert [(q.speaker, q.title) for q in m.quotes] == [
        ("Maria Chen", "director of the district's economic bureau")
    ]


def test_english_plain_standalone_headings() -> None:
    m = extract_path(ARTICLES / "en_plain.txt")
    assert m.headline == "Harbor Town Reinvents Its Waterfront"
    assert [t.heading for t in m.themes] == ["Tourism Drives Recovery", "Jobs Follow Visitors"]
    assert ("roughly 3,200 jobs", 3200, "jobs", "approx") in _facts(m)
    assert ("2.4 million visitors", 2.4, "million visitors", "exact") in _facts(m)
    assert m.fact("f1").normalized == 2.4e6


def test_fullwidth_spaced_byline_short_quote_and_table_row() -> None:
    from reportgen.extract import extract_text

    m = extract_text(
        "标题\n\n本报记者\u3000王明\u3000李华\n\n“发展是第一要务。”负责人说。产值 | 3700亿元\n"
    )
    assert m.authors == ["王明", "李华"]
    # A role with no body named ("负责人") identifies nobody: the quote is kept, unattributed.
    assert [(q.speaker, q.text) for q in m.quotes] == [("", "发展是第一要务。")]
    assert [(f.text, f.counts) for f in m.facts] == [("3700亿元", "产值")]
    assert m.captions == []
