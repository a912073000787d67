"""Named companies, institutions and projects: whole names only, never a fragment."""

from __future__ import annotations

from reportgen.extract import extract_text
from reportgen.extract.entities import find_entities


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[e.start : e.end], e.kind) for e in find_entities(text, 0, len(text), "zh")]


def test_seed_entities(seed_model) -> None:
    names = {(e.text, e.kind, e.theme) for e in seed_model.entities}
    assert ("杭州星辰大海科技有限公司", "company", 0) in names
    assert ("钱塘低空智谷研究院", "institution", 0) in names
    assert ("横滨橡胶株式会社", "company", 1) in names
    assert ("中企国际港", "project", 1) in names
    assert ("浙江理工大学分析测试中心", "institution", 2) in names
    assert ("杭州电子科技大学", "institution", 2) in names
    for e in seed_model.entities:
        assert seed_model.text[e.span.start : e.span.end] == e.text


def test_lead_in_verbs_and_punctuation_bound_a_name() -> None:
    assert _names("来自杭州电子科技大学的博士,打造中企国际港。") == [
        ("杭州电子科技大学", "institution"),
        ("中企国际港", "project"),
    ]


def test_fragments_and_descriptions_are_not_names() -> None:
    assert _names("浙江最大规模的高教园区;开工制造业项目;我们集团全球所有工厂。") == []
    assert _names("世界500强投资项目") == []


def test_counted_kinds_of_things_are_not_names() -> None:
    """ "智能工厂15家" counts factories; the words before it are no factory's name."""
    assert _names("全年建成智能工厂15家、数字化车间46个。") == []
    assert _names("新增汽车商贸产业链项目8个。") == []
    assert _names("全年引进东湖智能工厂,带动就业。") == [("东湖智能工厂", "project")]


def test_entities_listed_once_per_theme() -> None:
    m = extract_text("题\n\n## 一节\n\n在甲乙科技有限公司,甲乙科技有限公司再投资。\n\n再说一段。\n")
    assert [(e.text, e.theme) for e in m.entities] == [("甲乙科技有限公司", 0)]


def test_a_name_never_opens_with_a_preposition_adverb_or_verb() -> None:
    """据汽车市场调研公司: the run before the suffix may start with words no name starts with."""
    assert _names("据汽车市场调研公司报告,") == [("汽车市场调研公司", "company")]
    assert _names("报道,暗示苹果公司将发布新品。") == [("苹果公司", "company")]
    assert _names("仍然雄踞银行理财市场第一名。") == []


def test_a_name_after_a_role_or_before_a_polite_form_is_a_person() -> None:
    from reportgen.extract.entities import acting_person, persons

    surnames = frozenset("周付李")
    pairs = persons((("村民", "n"), ("周正", "nr"), ("每天", "r")), surnames)
    assert pairs[1] == ("周正", "nrp") and acting_person(pairs) == "周正"
    assert persons((("付", "v"), ("小姐", "nr")), surnames) == (("付小姐", "nrp"),)
    owner = persons((("负责人", "n"), ("李野", "nr"), ("身后", "f")), surnames)
    assert acting_person(owner) == ""  # a noun's owner is not the topic
