"""One ranking of figures and one vague-label rule, shared by the brief, the deck and charts."""

from __future__ import annotations

from reportgen.charts.plan import _vague
from reportgen.plans.select import complete_label, ranked, strongest, vague


def test_ranked_puts_described_money_before_bare_counts(seed_model) -> None:
    order = ranked(list(seed_model.facts), seed_model)
    assert sorted(f.id for f in order) == sorted(f.id for f in seed_model.facts)
    assert bool(order[0].counts)  # a figure that says what it counts comes first
    assert strongest(list(seed_model.facts), seed_model) is order[0]
    assert strongest([], seed_model) is None


def test_one_vague_rule_charts_apply_to_chinese_only(seed_model) -> None:
    for fact in seed_model.facts:
        counts = fact.counts.strip()
        twice = sum(1 for f in seed_model.facts if f.counts.strip() == counts) > 1
        assert vague(fact, seed_model) == (bool(counts) and (twice or len(counts) <= 2))
        assert _vague(fact, seed_model) == vague(fact, seed_model)  # the seed is Chinese
    english = seed_model.model_copy(update={"language": "en"})
    assert not any(_vague(f, english) for f in english.facts)


def test_brief_deck_and_charts_show_the_same_headline_figures(seed_model) -> None:
    from reportgen.charts.plan import plan
    from reportgen.plans import labels, template_dirs
    from reportgen.plans.brief import plan_context
    from reportgen.plans.deck import headline_facts
    from reportgen.plans.select import headline, showable

    cards = headline_facts(seed_model)
    panel = plan(seed_model)[0]
    context = plan_context(seed_model, None, labels("brief", "zh", template_dirs()), None)
    assert cards and panel.kind == "figures"
    assert set(cards) <= set(panel.facts)
    assert [d["id"] for d in context["lead_top"]] == cards
    assert all(showable(f) for f in headline(seed_model, 6))


def test_targets_limits_and_forecasts_are_never_headline_figures(seed_model) -> None:
    from reportgen.plans.select import headline

    first = seed_model.facts[0]
    kinds = {first.id: "target"}
    facts = [f.model_copy(update={"kind": kinds.get(f.id, f.kind)}) for f in seed_model.facts]
    model = seed_model.model_copy(update={"facts": facts})
    assert first.id not in [f.id for f in headline(model, 6)]


def test_comparators_rank_below_the_main_subject(seed_model) -> None:
    from reportgen.plans.select import ranked

    best = ranked(list(seed_model.facts), seed_model)[0]
    other = best.model_copy(update={"subject": "另一个城市", "id": "fx"})
    model = seed_model.model_copy(update={"facts": [*seed_model.facts, other]})
    order = [f.id for f in ranked(model.facts, model)]
    assert order.index(best.id) < order.index("fx")


def test_a_stated_change_on_a_card_keeps_its_verb(tmp_path) -> None:
    from reportgen.extract import extract_path
    from reportgen.plans.select import card_label, headline

    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n今年全区单位产品能耗下降45.92%，新增企业三十二家。\n", encoding="utf-8"
    )
    model = extract_path(path)
    labels = {f.text: card_label(f, model) for f in headline(model)}
    assert labels["45.92%"].endswith("下降")


def test_an_english_label_that_is_a_scrap_of_a_clause_is_incomplete() -> None:
    for scrap in ("Though", "date they have been", "wheelchair attendants asking for", "for"):
        assert not complete_label(scrap, "en"), scrap
    for label in ("full-time jobs", "General Fund reserve", "tuition revenue"):
        assert complete_label(label, "en"), label


def test_the_brief_shows_an_english_figure_without_a_scrap_label() -> None:
    from reportgen.extract import extract_text
    from reportgen.plans import labels, render_plan, template_dirs
    from reportgen.plans.brief import plan_context

    model = extract_text(
        "Gadgets for the home\n\nThe speaker costs $160 for the pair. Instead it costs $80 "
        "though, which buyers like.\n"
    )
    dirs = template_dirs()
    context = plan_context(model, None, labels("brief", "en", dirs), None)
    text = str(render_plan("brief.yaml.j2", context, dirs))
    assert "(Instead it costs)" not in text and "$80" in text
