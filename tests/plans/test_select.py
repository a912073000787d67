"""One ranking of figures and one vague-label rule, shared by the brief, the deck and charts."""

from __future__ import annotations

from reportgen.charts.plan import _vague
from reportgen.plans.select import ranked, strongest, vague


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
