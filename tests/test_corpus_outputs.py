"""What reaches the cards, the charts and the brief on the real-article corpus: every chart a
fair comparison, every body paragraph in the brief, no slide carrying a single short point."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from reportgen.charts.compare import problems
from reportgen.charts.plan import plan
from reportgen.plans import labels, render_plan, template_dirs
from reportgen.plans.select import headline, showable

ROOT = Path(__file__).resolve().parent.parent


def _gold_module():
    if "corpus_gold" in sys.modules:
        return sys.modules["corpus_gold"]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("corpus_gold", ROOT / "benchmarks/corpus_gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_gold"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def models() -> dict:
    from reportgen.extract import extract_path

    gold = _gold_module()
    out = {}
    for path in gold.gold_paths():
        g = gold.load(path)
        out[g.name] = extract_path(g.article)
    assert len(out) >= 40
    return out


def test_every_planned_chart_compares_like_with_like(models) -> None:
    """What charts.json holds (the planner's specs): no comparability problem, and, said
    plainly, every bar measured (no plan, forecast, cap or quote), one unit, one kind, one time
    frame, each bar's subject named when the bars are told apart by subject."""
    from reportgen.charts.compare import SHOWN_KINDS, time_frame
    from reportgen.plans.select import hedged, quoted

    failing = []
    for name, model in models.items():
        by_id = {f.id: f for f in model.facts}
        for spec in plan(model):
            failing += [f"{name} {spec.id}: {p}" for p in problems(spec, model)]
            facts = [by_id[i] for i in spec.facts if i in by_id]
            for f in facts:
                measured = f.kind in SHOWN_KINDS and not hedged(f, model) and not quoted(f, model)
                assert measured, (name, spec.id, f.text)
            if spec.kind in ("figures", "change") or len(facts) < 2:
                continue
            assert len({f.base_unit for f in facts}) == 1, (name, spec.id)
            assert len({f.kind for f in facts}) == 1, (name, spec.id)
            assert len({time_frame(f, model) for f in facts} - {""}) <= 1, (name, spec.id)
            if (
                len({f.sentence_span.start for f in facts}) > 1
            ):  # not one listed sentence: by subject
                assert all(f.subject for f in facts), (name, spec.id)
    assert failing == []


def test_headline_figures_are_measured_amounts(models) -> None:
    for name, model in models.items():
        for fact in headline(model, 6):
            assert showable(fact), (name, fact.text, fact.kind)


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _reached(para, text: str, model, points) -> bool:
    """A paragraph reaches the brief whole, by a point it opens with, or, when the brief's rule
    says its quotes hold it (a quote, who said it and the saying, nothing of the article's own),
    by its quotes."""
    from reportgen.plans.brief import held_by_quotes

    if para.text.strip() in text or any(p.text in text for p in points):
        return True
    quotes = [q for q in model.quotes if para.span.start <= q.span.start < para.span.end]
    shown = all(q.text.rstrip(" ,，、;；:：") in text for q in quotes)
    return bool(quotes) and held_by_quotes(para, model) and shown


def test_every_body_paragraph_reaches_the_brief(models) -> None:
    from reportgen.plans.brief import plan_context

    missed = []
    for name, model in models.items():
        dirs = template_dirs()
        context = plan_context(model, None, labels("brief", model.language, dirs), None)
        text = "\n".join(_strings(render_plan("brief.yaml.j2", context, dirs)))
        for para in model.lead:
            if para.text.strip() and not _reached(para, text, model, []):
                missed.append(f"{name} lead: {para.text[:30]}")
        for theme in model.themes:
            for i, para in enumerate(theme.paragraphs):
                points = [p for p in theme.points if p.paragraph == i]
                if para.text.strip() and not _reached(para, text, model, points):
                    missed.append(f"{name} {theme.heading[:12]}: {para.text[:30]}")
    assert missed == []


def test_no_slide_carries_a_single_short_point(models) -> None:
    from reportgen.plans.deck import SHORT, plan_context
    from reportgen.writers import deck

    lone = []
    for name, model in models.items():
        dirs = template_dirs()
        context = plan_context(model, labels("deck", model.language, dirs), {})
        slides = render_plan(deck.PLAN, context, dirs)["slides"]
        for slide in slides:
            items = [i for i in slide.get("items") or [] if i.get("head") or i.get("body")]
            if slide["kind"] != "points" or len(items) != 1 or items[0]["body"]:
                continue
            if len(items[0]["head"]) < SHORT[model.language]:
                lone.append(f"{name}: {items[0]['head']}")
        # every section with something to show reaches the deck: on its divider, a slide under
        # its heading or a digest slide shared by thin sections; a section with nothing (a
        # group heading) is on the agenda
        shown = {s.get("theme") for s in slides if s["kind"] in ("section", "points")}
        shown |= {i for s in slides for i in s.get("themes") or [] if s["kind"] == "points"}
        agenda = [s for s in slides if s["kind"] == "agenda"]
        listed = {i["text"] for s in agenda for i in s["items"]}
        for i, theme in enumerate(model.themes):
            if theme.paragraphs or theme.points or theme.tagline:
                assert i in shown, (name, theme.heading)
            elif agenda:
                assert context["themes"][i]["title"] in listed, (name, theme.heading)
        for k, s in enumerate(slides):  # no divider says nothing, no slide says nothing
            assert s["kind"] != "points" or s.get("items") or s.get("cases"), (name, s)
            if s["kind"] == "section" and not s.get("sub"):
                after = slides[k + 1] if k + 1 < len(slides) else {}
                assert after.get("theme") == s["theme"], (name, s["title"])
    assert lone == []


# Headline and summary cards (the deck's KPI and summary cards, the brief's lead figures,
# section figures and key-figures panel) whose figure the gold says is no measured fact of the
# subject shown (benchmarks/corpus_cards.py), on the worked articles: 151 of 330 before quoted
# and hedged figures were kept off cards, a section figure needed a complete label and a
# paragraph setting out a plan hedged its figures; 110 of 279 after; 95 of 266 once a figure
# after a person's name (an anecdote) was hedged too; 90 of 259 once a sentence holding eight
# figures or more (a flattened table) gave no card; 87 of 260 after the merges of the subjects
# and structure work (and an English demand read as a target); 85 of 257 once a rule or
# requirement stated before an English figure, a condition, a baseline or a lone range end and
# a bound sorting a count (11家…超过1万亿元) hedged the figure; 80 of 254 after the second
# merge of subject binding (places finished by their next word, display figures, recipients of
# money in English); 76 of 248 once a figure the dek states (超107万辆) ranks as the
# headline's and a lone headline figure got no KPI slide and no figures panel (the same figure
# stays counted once, in the brief's lead figures: the card floor below went from 250 to 245);
# 54 of 231 once a figure with no subject in a sectioned article without a main subject, a
# label cut at a particle or a possessive and an example's figures (以…为例) gave no card, and
# two values of one sentence under one label one card (the card floor went from 245 to 231:
# the cards that are right went up from 160 to 164, the 14 fewer were wrong ones); 49 of 231
# once a Chinese card shows the fuller phrase its figure counts when the label is its tail
# (内需对我国经济增长的贡献率, not 贡献率); 51 of 230 with the figure and kind work of the same
# day (raised by 2 with this reason: basis points and 两家 are figures now and a forecast
# "slated to create 150 jobs" no card, so the ranking reached a deeper figure in two articles,
# and the scorer now judges English cards it had called "not in the gold").
# then, merged with the third subjects branch (company names, sources read past, carried
# groups and topics, counted groups, persons, a digest's cards naming their own subjects): 39
# of 214 (the cards that are right 179 -> 175, the wrong ones 51 -> 39; held aside 48 -> 42);
# 37 of 211 once a subject carried from another sentence gives no card (right 175 -> 174,
# held aside 42 of 129 -> 39 of 126); 37 of 206 once a number inside a name (Fortune 500
# companies) is no figure: that card gone, one English article keeps one card, no KPI slide;
# 33 of 205 once a figure in a clause of what cannot be (不可能, 无法) is hedged.
# A ceiling: lower it when it falls, raise it only with a stated reason.
BAD_CARDS_CEILING = 33


def test_headline_and_summary_cards_stay_under_their_ceiling(models) -> None:
    _gold_module()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus_cards

    gold = _gold_module()
    held = corpus_cards.held_aside()
    total = corpus_cards.Tally()
    for path in gold.gold_paths():
        g = gold.load(path)
        if g.name not in held:
            total.add(corpus_cards.tally(g, models[g.name]))
    # precision is not bought by leaving every card empty (245: a lone headline figure is shown
    # once, in the brief, not also on a one-card slide and a one-card panel; 231: cards of
    # unknown subjects, cut labels and examples' details left out, see the ceiling above; 230:
    # a forecast is no card; 214: the merge of the deck and subjects branches; 211: carried
    # subjects; 206: a name's number; 205: what cannot be, see above)
    assert total.cards >= 205
    assert total.bad <= BAD_CARDS_CEILING, total.why


def test_brief_deck_and_charts_share_one_choice_of_figures(models) -> None:
    """One ranking: the deck's KPI cards are the brief's lead figures and tiles of its figures
    panel; a section's key-point figure is its summary card's; every one is card-worthy."""
    from reportgen.plans.brief import plan_context
    from reportgen.plans.deck import headline_facts
    from reportgen.plans.select import CARDS_FEWEST, card_worthy, section_figure

    for name, model in models.items():
        context = plan_context(model, None, labels("brief", model.language, template_dirs()), None)
        cards = headline_facts(model)
        lead = [d["id"] for d in context["lead_top"]]
        # a lone headline figure is the brief's lead figure only: no one-card slide or panel
        assert lead == cards or (not cards and len(lead) < CARDS_FEWEST), name
        panels = [s for s in plan(model) if s.kind == "figures"]
        assert not panels or set(cards) <= set(panels[0].facts), name
        by_id = {f.id: f for f in model.facts}
        assert all(card_worthy(by_id[i], model) for i in cards), name
        for t in context["themes"]:
            f = section_figure(model, t["index"])
            assert (t["lead_fact"] or {}).get("id") == (f.id if f else None), name
