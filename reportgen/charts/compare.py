"""Whether a chart compares like with like: one measure, one unit, one kind of figure, figures
the article states together. Used by the planner (no chart that fails is drawn), by verify (on
``charts.json``) and by the corpus test."""

from __future__ import annotations

import re

from reportgen.model import ChartSpec, Fact, Model

# Kinds a reader may see as values without a caption saying otherwise.
SHOWN_KINDS = ("measured", "rank", "range")


def problems(spec: ChartSpec, model: Model) -> list[str]:
    """What makes ``spec`` an unfair comparison (empty when it is a fair one)."""
    facts = _facts(spec, model)
    out = [
        f"{f.text} is a {f.kind}, not a measured value" for f in facts if f.kind not in SHOWN_KINDS
    ]
    if spec.kind == "figures" or len(facts) < 2:
        return out  # a panel of separate headline figures compares nothing
    if spec.kind == "change":  # a value and its stated change: units differ by design
        if not _one_change(facts, model):
            out.append("its two values are not an explicit change of one figure")
        return out
    units = {f.base_unit for f in facts}
    if len(units) > 1:
        out.append(f"mixes units {sorted(units)}")
    kinds = {f.kind for f in facts}
    if len(kinds) > 1:
        out.append(f"mixes kinds {sorted(kinds)}")
    if spec.kind in ("stacked", "donut"):
        if not _parts_of_one_whole(facts, model):
            out.append("its parts are not stated as parts of one whole (其中 / of which)")
    elif not (same_measure(facts) or enumerated(facts, model.text)):
        out.append("its bars measure different things and are not listed together")
    return out


def _facts(spec: ChartSpec, model: Model) -> list[Fact]:
    found = []
    for i in spec.facts:
        try:
            found.append(model.fact(i))
        except KeyError:
            continue
    return found


def same_measure(facts: list[Fact]) -> bool:
    """One measure of different subjects (外资企业 of two districts): equal labels, distinct
    subjects."""
    labels = {_key(f.label or f.counts) for f in facts}
    subjects = {f.subject for f in facts}
    return len(labels) == 1 and "" not in labels and len(subjects) == len(facts)


def enumerated(facts: list[Fact], text: str) -> bool:
    """Figures listed together in one sentence, one after another with only a name between them
    (北京10.7%、浙江10.6%、江苏9.8%): the article itself sets them side by side."""
    sentences = {(f.sentence_span.start, f.sentence_span.end) for f in facts}
    if len(sentences) != 1:
        return False
    ordered = sorted(facts, key=lambda f: f.span.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = text[a.span.end : b.span.start]
        if len(between) > 12 or not re.match(r"^[、，,;；]\s*\S", between):
            return False
    return True


def _parts_of_one_whole(facts: list[Fact], model: Model) -> bool:
    ids = {f.id for f in facts}
    for rel in model.relations:
        if rel.kind == "part_of" and rel.whole and ids <= {rel.whole, *rel.parts}:
            return True
    return False


def _one_change(facts: list[Fact], model: Model) -> bool:
    ids = {f.id for f in facts}
    return any(
        rel.kind == "change" and rel.fact and ids <= {rel.fact, rel.of} for rel in model.relations
    )


def _key(label: str) -> str:
    return re.sub(r"\s+", "", label).casefold()
