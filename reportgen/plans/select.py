"""Choosing among figures, shared by the brief, the deck and the charts: which figure is
strongest, and whether a figure's label says what it counts on its own (the vague-label rule)."""

from __future__ import annotations

from reportgen.model import Fact, Model

_MONEY = ("元", "yuan", "$", "dollar", "usd", "rmb", "eur", "€", "£")


def ranked(facts: list[Fact], model: Model) -> list[Fact]:
    """Facts from strongest to weakest: described (the longer the clearer), stated in a relation
    (rank, change, whole of parts), monetary, then larger, then earlier."""
    related = set()
    for rel in model.relations:
        related.update(x for x in (rel.whole, rel.fact, rel.of) if x)

    def score(f: Fact) -> tuple:
        money = any(m in f.base_unit.lower() or m in f.unit.lower() for m in _MONEY)
        return (
            bool(f.counts),
            len(f.counts) >= 3,
            f.id in related,
            money,
            f.normalized,
            -f.span.start,
        )

    return sorted(facts, key=score, reverse=True)


def strongest(facts: list[Fact], model: Model) -> Fact | None:
    """The figure a section is best summed up by (see ``ranked``)."""
    best = ranked(facts, model)
    return best[0] if best else None


def vague(f: Fact, model: Model) -> bool:
    """Whether ``counts`` alone does not say what is counted: a word another fact also counts
    (企业 twice; projects twice) or, in Chinese, a bare one- or two-character noun (县, 部门)."""
    counts = f.counts.strip()
    if not counts:
        return False
    return _twice(f, model) or (model.language == "zh" and len(counts) <= 2)


def _twice(f: Fact, model: Model) -> bool:
    return _counted(model)[f.counts.strip().casefold()] > 1


_COUNTED: list = []  # [(facts list, Counter)] for the model last asked about


def _counted(model: Model):
    """How many facts count each word (casefolded), computed once per model: asking per fact
    made the brief quadratic in its figures."""
    from collections import Counter

    if not _COUNTED or _COUNTED[0][0] is not model.facts:
        _COUNTED[:] = [(model.facts, Counter(g.counts.strip().casefold() for g in model.facts))]
    return _COUNTED[0][1]
