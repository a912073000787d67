"""Count the headline and summary cards whose figure the gold says is no measured fact of the
article's subject: the deck's KPI cards and summary cards, the brief's lead figures, the
figure each section's key point carries and the tiles of its key-figures panel, read from the
plans the way the writers read them.

Run: python benchmarks/corpus_cards.py [--detail] [--only NAME ...]

A card is bad when the gold lists its figure among the non-figures, gives it the kind target,
limit or forecast (the cards show measured values only), or names another subject for it than
the one the card shows (the subject written on the card, else the article's main subject).
Cards whose figure the gold does not list at all are counted apart (unknown). Held-aside
articles are only ever counted: ``--detail`` prints per-card lines for worked articles only.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import _NATION, _bigrams, _words, held_aside, match_figures, non_figure  # noqa: E402
from corpus_gold import fold, gold_paths, load  # noqa: E402

BAD_KINDS = ("target", "limit", "forecast")


@dataclass
class Tally:
    cards: int = 0
    bad: int = 0
    unknown: int = 0
    why: dict[str, int] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.cards += other.cards
        self.bad += other.bad
        self.unknown += other.unknown
        for k, n in other.why.items():
            self.why[k] = self.why.get(k, 0) + n


def cards(model) -> list[tuple[str, object]]:
    """(where, fact) for every card a reader sees first: the deck's KPI and summary cards, the
    brief's lead figures, its sections' key-point figures and its key-figures panel (plans and
    the chart planner, as the writers use them)."""
    from reportgen.charts.plan import plan
    from reportgen.plans import labels, render_plan, template_dirs
    from reportgen.plans.brief import plan_context as brief_context
    from reportgen.plans.deck import plan_context as deck_context
    from reportgen.writers import deck

    try:
        from reportgen.plans.select import section_figure
    except ImportError:  # before one section figure was shared: the deck's own choice
        from reportgen.plans.select import strongest

        def section_figure(model, i):
            return strongest([f for f in model.facts if f.theme == i], model)

    dirs = template_dirs()
    by_id = {f.id: f for f in model.facts}
    out: list[tuple[str, object]] = []
    slides = render_plan(
        deck.PLAN, deck_context(model, labels("deck", model.language, dirs), {}), dirs
    )
    for slide in slides["slides"]:
        if slide["kind"] == "kpis":
            out += [("deck kpi", by_id[i]) for i in slide.get("facts") or [] if i in by_id]
        elif slide["kind"] == "summary":
            for i in slide.get("themes") or range(len(model.themes)):
                f = section_figure(model, i)
                out += [("deck summary", f)] if f else []
    ctx = brief_context(model, None, labels("brief", model.language, dirs), None)
    out += [("brief lead", by_id[d["id"]]) for d in ctx["lead_top"][:2]]
    shown = [t for t in ctx["themes"] if t["shows"]][:5]
    out += [("brief section", by_id[t["lead_fact"]["id"]]) for t in shown if t["lead_fact"]]
    panel = [s for s in plan(model) if s.kind == "figures" and s.theme is None][:1]
    out += [("brief panel", by_id[i]) for s in panel for i in s.facts if i in by_id]
    return out


def shown_subject(fact, model) -> str:
    """The words a card shows about whom its figure is about: its label (with the subject when
    foreign), and otherwise, implied, the article's main subject."""
    from reportgen.plans.select import card_label, foreign

    label = card_label(fact, model)
    implied = fact.subject if foreign(fact, model) else model.subject
    return f"{label} {implied}".strip()


def judge(fact, model, gold: dict, matched: dict) -> str:
    """Why the card is bad ("" when it is not, "unknown" when the gold does not list it)."""
    if non_figure(fact, gold):
        return "non-figure"
    g = matched.get(id(fact))
    if g is None:
        return "unknown"
    if g["kind"] in BAD_KINDS:
        return f"kind {g['kind']}"
    entity, _, _ = (g["subject"] or "").rpartition("|")
    if entity and not _about(entity, fact, model, main_entity(gold)):
        return f"subject {entity}"
    return ""


def main_entity(gold: dict) -> str:
    """The article's main subject by its gold: the entity most of its figures are about."""
    from collections import Counter

    entities = [g["subject"].rpartition("|")[0] for g in gold["figures"] if g.get("subject")]
    common = Counter(e for e in entities if e).most_common(1)
    return common[0][0] if common else ""


def _same_entity(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return bool(a and b) and (a in b or b in a or (a in _NATION and b in _NATION))


def _names(words: str, entity: str, language: str) -> bool:
    """The card's words name the entity: whole, or half of its bigrams (Chinese) or of its
    content words (English) (跨境型ETF合计 names 沪深两市股票型ETF和跨境型ETF)."""
    if fold(entity) in fold(words):
        return True
    grams = _bigrams if language == "zh" else _words
    want = grams(entity)
    return bool(want) and len(want & grams(words)) >= 0.5 * len(want)


def _about(entity: str, fact, model, main: str) -> bool:
    """The card names the gold's subject, or shows no subject of its own and the gold's subject
    is the article's main one (the subject a reader takes a card to be about)."""
    from reportgen.plans.select import card_label, foreign

    if _names(card_label(fact, model), entity, model.language):
        return True
    if foreign(fact, model) and fact.subject.strip():
        return _same_entity(entity, fact.subject)
    return _same_entity(entity, main)


def tally(gold, model) -> Tally:
    t = Tally()
    pairs, _ = match_figures(gold.data["figures"], list(model.facts))
    matched = {id(f): g for g, f in pairs}
    for where, fact in cards(model):
        t.cards += 1
        why = judge(fact, model, gold.data, matched)
        if why == "unknown":
            t.unknown += 1
        elif why:
            t.bad += 1
            key = why.split()[0]
            t.why[key] = t.why.get(key, 0) + 1
        mark = "BAD " + why if why and why != "unknown" else (why or "ok")
        t.lines.append(f"  {where:13} {fact.text:>14}  {shown_subject(fact, model)[:40]}  {mark}")
    return t


def main(argv: list[str] | None = None) -> int:
    from reportgen.extract import extract_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="per-card lines (worked only)")
    parser.add_argument("--only", nargs="+", metavar="NAME")
    args = parser.parse_args(argv)
    heldout = held_aside()
    totals = {"worked": Tally(), "heldout": Tally()}
    for path in gold_paths(args.only):
        gold = load(path)
        part = "heldout" if gold.name in heldout else "worked"
        t = tally(gold, extract_path(gold.article))
        totals[part].add(t)
        if args.detail and part == "worked":
            print(f"{gold.name}: {t.bad} bad of {t.cards}")
            print("\n".join(t.lines))
    for part, t in totals.items():
        why = ", ".join(f"{k} {n}" for k, n in sorted(t.why.items()))
        print(f"{part}: {t.bad} bad of {t.cards} cards ({why}); {t.unknown} not in the gold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
