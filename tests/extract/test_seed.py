"""The seed article end to end: structure, themes, every quantity, relations, quotes, captions."""

from __future__ import annotations

import json
import os

import pytest
from conftest import FIXTURES

GOLDEN = FIXTURES / "golden" / "qiantang-2024.json"


def test_golden_model(seed_model) -> None:
    """Any change in extraction shows as a diff here; regenerate with REPORTGEN_UPDATE_GOLDEN=1."""
    current = seed_model.to_json()
    if os.environ.get("REPORTGEN_UPDATE_GOLDEN"):
        GOLDEN.write_text(current, encoding="utf-8")
    assert json.loads(current) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_front_matter(seed_model) -> None:
    assert seed_model.kicker == "以辩证思维推动高质量发展"
    assert seed_model.headline == "杭州钱塘(新)区:踔厉奋发 向“新”而行"
    assert seed_model.authors == ["刘健", "彭仲莉"]
    assert seed_model.language == "zh"


def test_three_balance_themes(seed_model) -> None:
    assert [(t.verb, t.pair, t.tagline) for t in seed_model.themes] == [
        ("平衡", ["守", "变"], "擦亮优势产业辨识度"),
        ("把握", ["时", "势"], "构筑开放发展新格局"),
        ("统筹", ["硬", "软"], "打造人才赋能强引擎"),
    ]
    points = [p.text for p in seed_model.themes[0].points]
    assert "做强优势,培育壮大新兴产业。" in points
    assert "以改革破题,大力推进制度创新。" in [p.text for p in seed_model.themes[1].points]


def test_five_page_breaks_repaired(seed_model) -> None:
    paragraphs = [p for t in seed_model.themes for p in t.paragraphs] + seed_model.lead
    assert sum(p.joined for p in paragraphs) == 5
    joined = " ".join(p.text for p in paragraphs)
    for seam in [
        "为浙江加快构建",
        "零跑等4家",
        "入境特殊物品安全联合",
        "科技成果就地交易",
        "忙生产。",
    ]:
        assert seam in joined


def test_six_captions_and_no_furniture_in_body(seed_model) -> None:
    assert [(c.text, c.theme) for c in seed_model.captions] == [
        ("鸟瞰美丽现代的钱塘区", None),
        ("钱塘以江海之城为着力点,打造中企国际港。", 0),
        ("近日,优科豪马钱塘智能工厂正式开工。", 1),
        ("西子航空成功中标C919大型客机中机身订单", 2),
        ("杭州医药港迎来首颗创新药", 2),
        ("钱塘坐拥浙江最大的高教园区", 2),
    ]
    assert seed_model.furniture == ["经济大省", "挑大梁", "杭州"]
    body = [p.text for t in seed_model.themes for p in t.paragraphs] + [
        p.text for p in seed_model.lead
    ]
    assert not any(text in ("经济大省", "挑大梁", "杭州") for text in body)
    assert not any(c.text in body for c in seed_model.captions)


EXPECTED = [
    ("约5亿美元", 5, "亿美元", "approx", 5e8),
    ("突破3700亿元", 3700, "亿元", "over", 3.7e11),
    ("5.25%", 5.25, "%", "exact", 5.25),
    ("95%以上", 95, "%", "over", 95),
    ("4家", 4, "家", "exact", 4),
    ("180余家", 180, "家", "over", 180),
    ("32家", 32, "家", "exact", 32),
    ("52家", 52, "家", "exact", 52),
    ("1600余家", 1600, "家", "over", 1600),
    ("近80个", 80, "个", "under", 80),
    ("52项", 52, "项", "exact", 52),
    ("7项", 7, "项", "exact", 7),
    ("18项", 18, "项", "exact", 18),
    ("10多个", 10, "个", "over", 10),
    ("36家", 36, "家", "exact", 36),
    ("40人", 40, "人", "exact", 40),
    ("30条", 30, "条", "exact", 30),
    ("60余家", 60, "家", "over", 60),
    ("14所", 14, "所", "exact", 14),
    ("25万名", 25, "万名", "exact", 250000),
    ("847位", 847, "位", "exact", 847),
    ("258家", 258, "家", "exact", 258),
    ("超4000万元", 4000, "万元", "over", 4e7),
    ("300余项", 300, "项", "over", 300),
    ("90个", 90, "个", "exact", 90),
    ("182.6", 182.6, "", "exact", 182.6),
    ("25个点", 25, "个点", "exact", 25),
    ("8个", 8, "个", "exact", 8),
]


@pytest.mark.parametrize(("surface", "value", "unit", "qualifier", "normalized"), EXPECTED)
def test_every_quantity(seed_model, surface, value, unit, qualifier, normalized) -> None:
    matches = [f for f in seed_model.facts if f.text == surface]
    assert matches, surface
    fact = matches[0]
    assert (fact.value, fact.unit, fact.qualifier) == (value, unit, qualifier)
    assert fact.normalized == pytest.approx(normalized)
    assert seed_model.text[fact.span.start : fact.span.end] == surface
    assert surface in seed_model.sentence_of(fact)


def test_labels_years_and_models_are_not_facts(seed_model) -> None:
    surfaces = " ".join(f.text for f in seed_model.facts)
    for label in ["2024", "2021", "2035", "919", "500强", "500亿", "千亿", "12月", "四季度"]:
        assert label not in surfaces


def test_fact_themes(seed_model) -> None:
    by_text = {f.text: f.theme for f in seed_model.facts}
    assert by_text["突破3700亿元"] is None
    assert by_text["180余家"] == 0
    assert by_text["1600余家"] == 1
    assert by_text["847位"] == 2


def test_relations(seed_model) -> None:
    facts = {f.id: f.text for f in seed_model.facts}
    part = [r for r in seed_model.relations if r.kind == "part_of"]
    assert [(facts[r.whole], [facts[p] for p in r.parts]) for r in part] == [
        ("52项", ["7项", "18项"])
    ]
    change = [r for r in seed_model.relations if r.kind == "change"]
    assert [(facts[r.fact], facts[r.of], r.direction) for r in change] == [
        ("25个点", "182.6", "up")
    ]
    ranks = [
        (r.scope, r.position, r.top, facts.get(r.fact))
        for r in seed_model.relations
        if r.kind == "rank"
    ]
    assert ("全省", 3, False, "182.6") in ranks
    assert ("全市", 2, False, "182.6") in ranks
    assert ("全省", 2, False, "5.25%") in ranks
    assert ("全省", 3, True, None) in ranks


def test_quotes_and_speakers(seed_model) -> None:
    got = [(q.speaker, q.title, q.theme) for q in seed_model.quotes]
    assert got == [
        ("钱塘区委主要负责人", "", 0),
        ("山石昌孝", "横滨橡胶株式会社代表取缔役会长兼CEO", 1),
        ("钱塘区委主要负责人", "", 1),
        ("兆奕科技相关负责人", "", 2),
    ]
    first = seed_model.quotes[0]
    assert first.text.startswith("随着国内外产业赛道") and first.text.endswith("赋能蓄势。")
    assert "为浙江加快构建" in first.text
    for q in seed_model.quotes:
        sentence = seed_model.sentence_of(q)
        assert q.text in sentence and q.speaker in sentence


def test_entity_decoded(seed_model) -> None:
    assert "R&D" in seed_model.text and "&amp;" not in seed_model.text
