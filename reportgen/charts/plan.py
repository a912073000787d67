"""Plan charts as data: facts and relations -> ChartSpecs with provenance, derivations, alt text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.charts.compare import bar_problems, enumerated, problems, same_measure
from reportgen.charts.wording import Wording, load_wording, period
from reportgen.charts.wording import bar_label as _label
from reportgen.model import ChartSeries, ChartSpec, Fact, Model, Relation
from reportgen.plans.select import CARDS_FEWEST, card_label, headline, showable, stated_verb, vague

MAX_FIGURES = 6
MAX_BARS = 8
# Charts drawn per article: each is drawn three times (page and slide PNG, SVG) and gets a slide,
# so an article of thousands of figure groups would take minutes. Past this, the charts of the
# best-ranked figures are kept (the figures panel first); every figure still stands in the
# brief's text and its annex of figures.
MAX_CHARTS = 24


@dataclass
class _Ctx:
    model: Model
    w: Wording
    source: str
    badges: dict[str, str] = field(default_factory=dict)
    used_ids: set[str] = field(default_factory=set)


def plan(model: Model, wording: Wording | None = None) -> list[ChartSpec]:
    """Chart specs for ``model``: a headline-figures panel, then per section bar/stacked/change."""
    if not model.facts:
        return []
    w = wording or load_wording(model.language)
    ctx = _Ctx(model, w, w.fmt("source", source=model.headline or model.source.name))
    ctx.badges = _badges(model, w)
    specs = [_figures(ctx)]
    for theme in [None, *range(len(model.themes))]:
        specs.extend(_theme_charts(ctx, theme))
    # Only fair comparisons are drawn (charts.compare); a chart that fails is left out, silently.
    return bounded([s for s in specs if s is not None and not problems(s, model)], model)


def bounded(specs: list[ChartSpec], model: Model, limit: int = MAX_CHARTS) -> list[ChartSpec]:
    """At most ``limit`` charts, in their order: the figures panel, then those whose best figure
    ranks highest (``plans.select.ranked``; on a tie, the earlier chart)."""
    if len(specs) <= limit:
        return specs
    from reportgen.plans.select import ranked

    order = {f.id: i for i, f in enumerate(ranked(model.facts, model))}

    def key(i: int) -> tuple[bool, int, int]:
        best = min((order.get(f, len(order)) for f in specs[i].facts), default=len(order))
        return specs[i].kind != "figures", best, i

    keep = sorted(sorted(range(len(specs)), key=key)[:limit])
    return [specs[i] for i in keep]


# --- helpers -------------------------------------------------------------------------------


def _vague(fact: Fact, model: Model) -> bool:
    """A label that does not say what it counts alone (plans.select.vague), in Chinese only: as
    a bar or a headline card it would read as a different thing than the article means; English
    values carry their noun (200 firms), so their labels are never vague here."""
    return model.language == "zh" and bool(_label(fact)) and vague(fact, model)


def _theme_name(model: Model, theme: int | None, w: Wording) -> str:
    """The section's name; in Chinese only the part before the first space (the pair phrase)."""
    if theme is None:
        return model.headline
    heading = model.themes[theme].heading.strip()
    if w["word_sep"] or not heading.split():
        return heading
    first = heading.split()[0]
    return first if len(first) >= 4 else heading


def _badges(model: Model, w: Wording) -> dict[str, str]:
    """Rank badges per fact id, e.g. {"f10": "全省第三"}."""
    out: dict[str, list[str]] = {}
    for rel in model.relations:
        if rel.kind != "rank" or not rel.fact or rel.position is None:
            continue
        key = "rank_badge_top" if rel.top else "rank_badge"
        badge = w.fmt(key, scope=rel.scope, position=w.ordinal(rel.position)).strip()
        out.setdefault(rel.fact, []).append(badge)
    return {k: " · ".join(v) for k, v in out.items()}


def _decimals(*values: float) -> int:
    return max((len(f"{v:.6f}".rstrip("0").split(".")[1]) for v in values), default=0)


def _alt_items(ctx: _Ctx, labels, displays, unit: str, badges=None) -> str:
    w = ctx.w
    items = []
    for i, (label, shown) in enumerate(zip(labels, displays, strict=True)):
        item = w.fmt("alt_item", label=label, value=w.with_unit(shown, unit))
        if badges and badges[i]:
            item += w.fmt("alt_badge", badge=badges[i])
        items.append(item)
    return w["list_sep"].join(items)


def _spec_id(ctx: _Ctx, theme: int | None, kind: str) -> str:
    base = f"{'lead' if theme is None else f't{theme + 1}'}-{kind}"
    sid, n = base, 2
    while sid in ctx.used_ids:
        sid, n = f"{base}-{n}", n + 1
    ctx.used_ids.add(sid)
    return sid


# --- headline figures ----------------------------------------------------------------------


def _headline_facts(model: Model) -> list[Fact]:
    """The headline figures: the one ranking the brief and the deck share (plans.select)."""
    return headline(model, MAX_FIGURES)


def _figures(ctx: _Ctx) -> ChartSpec | None:
    w, facts = ctx.w, _headline_facts(ctx.model)
    if len(facts) < CARDS_FEWEST:  # one card alone is no panel: the brief's table states it
        return None
    labels = [card_label(f, ctx.model) or _short(ctx.model.sentence_of(f)) for f in facts]
    shown = [w.display(f) for f in facts]
    badges = [ctx.badges.get(f.id, "") for f in facts]
    series = ChartSeries(
        name="figures",
        labels=labels,
        values=[f.value for f in facts],
        facts=[f.id for f in facts],
        derived=[False] * len(facts),
        display=[_as_card(w, s, f) for s, f in zip(shown, facts, strict=True)],
        badges=badges,
    )
    title = w["figures_title"]
    items = w["list_sep"].join(
        w.fmt("alt_item", label=lab, value=disp) + (w.fmt("alt_badge", badge=b) if b else "")
        for lab, disp, b in zip(labels, series.display, badges, strict=True)
    )
    return ChartSpec(
        id=_spec_id(ctx, None, "figures"),
        kind="figures",
        title=title,
        theme=None,
        series=[series],
        facts=[f.id for f in facts],
        alt=w.fmt("alt_figures", title=title, items=items),
        source=ctx.source,
    )


def _as_card(w: Wording, shown: str, fact: Fact) -> str:
    """A headline card's value: an amount of money as the article writes it where the labels
    ask for that ($1.2 billion, not 1.2 billion USD), else the value with its unit (突破1200亿元,
    1,600+ companies: compact on a card)."""
    text = fact.text.strip()
    money = any(sign in text for sign in "$€£¥")
    if "/" in fact.unit and len(text) <= 28:  # a rate unit the reader built (workers/year)
        return text
    if w.labels.get("figures_as_written") == "yes" and money and len(text) <= 28:
        word = text[: len(fact.qualifier_word.strip())]
        if word and word.casefold() == fact.qualifier_word.strip().casefold():
            text = word.lower() + text[len(word) :]  # "Nearly 1,500" from a sentence start
        return text
    return w.with_unit(shown, fact.unit)


def _short(text: str, n: int = 14) -> str:
    text = text.strip()
    if len(text) <= n:
        return text
    cut = n - 1
    # Never cut a figure from its scale or unit ("$1.2 b…" would read as $1.2, "11个百…" as 11个):
    # end before it.
    for start, end in _figure_spans(text):
        if start < cut < end and start > 0:
            cut = start
    return text[:cut].rstrip() + "…"


def _figure_spans(text: str) -> list[tuple[int, int]]:
    """Where figures stand in ``text``: the quantities either language's reader finds, and any
    other run of digits with what is glued to it."""
    from reportgen.ingest.numbers import find_en, find_zh

    spans = [(q.start, q.end) for q in [*find_zh(text), *find_en(text)]]
    return spans + [m.span() for m in _FIGURE.finditer(text)]


_FIGURE = re.compile(r"[$€£¥]?\d[\d,.]*(?:\s?[A-Za-z]+|[%‰]|[万亿千百]+[^\s，。、；,;]?)?")


# --- per-section charts --------------------------------------------------------------------


def _theme_charts(ctx: _Ctx, theme: int | None) -> list[ChartSpec | None]:
    model = ctx.model
    rels = [r for r in model.relations if _rel_theme(model, r) == theme]
    stacked = [_stacked(ctx, r) for r in rels if r.kind == "part_of"]
    changes = [_change(ctx, r) for r in rels if r.kind == "change"]
    taken: set[str] = set()
    for spec in [*stacked, *changes]:
        if spec is not None:
            taken.update(spec.facts)
    bar = _bar(ctx, theme, taken) if theme is not None else None
    return [bar, *stacked, *changes]


def _rel_theme(model: Model, rel: Relation) -> int | None:
    if rel.theme is not None:
        return rel.theme
    anchor = rel.whole or rel.of or rel.fact
    try:
        return model.fact(anchor).theme if anchor else None
    except KeyError:
        return None


def _comparable_groups(ctx: _Ctx, facts: list[Fact]) -> list[list[Fact]]:
    """Sets of figures an honest bar chart may compare: figures the article lists together in
    one sentence (a ranking: 北京10.7%、浙江10.6%…), or one measure of different subjects (paired
    bars); all showable, in one unit."""
    skip = ctx.w.words("skip_units")
    usable = [
        f for f in facts if f.unit and f.unit not in skip and showable(f) and (f.label or f.counts)
    ]
    groups: dict[tuple[str, str], list[Fact]] = {}
    for fact in usable:
        groups.setdefault((fact.unit, fact.base_unit), []).append(fact)
    out: list[list[Fact]] = []
    text = ctx.model.text
    for group in groups.values():
        by_sentence: dict[int, list[Fact]] = {}
        for fact in group:
            by_sentence.setdefault(fact.sentence_span.start, []).append(fact)
        out += [_run for run in by_sentence.values() for _run in _listed(run, text)]
        by_label: dict[str, list[Fact]] = {}
        for fact in group:
            by_label.setdefault(_measure(fact), []).append(fact)
        for same in by_label.values():
            pairs = list({f.subject: f for f in same}.values())
            if len(pairs) >= 2 and same_measure(pairs):
                out.append(pairs)
    return [g for g in out if len(g) >= 2]


def _listed(facts: list[Fact], text: str) -> list[list[Fact]]:
    """The longest runs of ``facts`` (one sentence) the article lists one after another."""
    ordered = sorted(facts, key=lambda f: f.span.start)
    runs, run = [], ordered[:1]
    for fact in ordered[1:]:
        if enumerated([run[-1], fact], text):
            run.append(fact)
        else:
            runs.append(run)
            run = [fact]
    runs.append(run)
    return [r for r in runs if len(r) >= 2]


def _measure(fact: Fact) -> str:
    return re.sub(r"\s+", "", fact.label or fact.counts).casefold()


def _bar_label(fact: Fact, group: list[Fact], model: Model) -> str:
    """A bar's label: its subject when the bars measure one thing of different subjects, else
    what it counts (with its subject when that differs from the main one)."""
    if len({_measure(f) for f in group}) == 1 and fact.subject:
        return fact.subject
    return card_label(fact, model) if fact.subject != model.subject else _label(fact) or fact.label


def _bar(ctx: _Ctx, theme: int, taken: set[str]) -> ChartSpec | None:
    """One bar chart of the section's figures that share a unit (two or more, never one)."""
    facts = [f for f in ctx.model.facts if f.theme == theme and f.id not in taken]
    groups = [
        g for g in _comparable_groups(ctx, facts) if not bar_problems(g[:MAX_BARS], ctx.model)
    ]
    if not groups:
        return None
    # the most bars; on a tie, bars that count one kind of thing (…企业 / …企业)
    w = ctx.w
    group = max(groups, key=lambda g: (len(g), bool(_common_subject([_label(f) for f in g], w))))
    group = group[:MAX_BARS]
    group.sort(key=lambda f: -f.value)
    unit = group[0].unit
    labels = [_bar_label(f, group, ctx.model) for f in group]
    badges = [ctx.badges.get(f.id, "") for f in group]
    series = ChartSeries(
        name=unit,
        labels=labels,
        values=[f.value for f in group],
        facts=[f.id for f in group],
        derived=[False] * len(group),
        display=[w.display(f) for f in group],
        badges=badges,
    )
    name = _theme_name(ctx.model, theme, w)
    subject = _common_subject(labels, w)
    title = (
        w.fmt("bar_title", theme=name, subject=subject, unit=unit)
        if subject
        else w.fmt("bar_title_plain", theme=name, unit=unit)
    )
    items = _alt_items(ctx, labels, series.display, unit, badges)
    return ChartSpec(
        id=_spec_id(ctx, theme, "bar"),
        kind="bar",
        title=title,
        theme=theme,
        unit=unit,
        series=[series],
        facts=[f.id for f in group],
        alt=w.fmt("alt_bar", title=title, items=items),
        source=ctx.source,
    )


def _common_subject(labels: list[str], w: Wording) -> str:
    """The shared ending of the labels (企业 of 整车企业/外资企业; companies in English)."""
    if w["word_sep"]:
        tails = [lab.split() for lab in labels]
        common: list[str] = []
        while all(len(t) > len(common) for t in tails):
            word = tails[0][-1 - len(common)]
            if any(t[-1 - len(common)].lower() != word.lower() for t in tails):
                break
            common.insert(0, word)
        return " ".join(common)
    n = 0
    while all(len(lab) > n for lab in labels) and len({lab[-1 - n] for lab in labels}) == 1:
        n += 1
    return labels[0][len(labels[0]) - n :] if n >= 2 else ""


def _stacked(ctx: _Ctx, rel: Relation) -> ChartSpec | None:
    """Whole and parts; the rest of the whole is drawn as a derived, labelled remainder."""
    model, w = ctx.model, ctx.w
    try:
        whole = model.fact(rel.whole or "")
        parts = [model.fact(p) for p in rel.parts]
    except KeyError:
        return None
    if not parts or any(p.unit != whole.unit or not _label(p) for p in parts):
        return None  # every part named in words (never 45家 for a label)
    total = sum(p.value for p in parts)
    if total > whole.value:
        return None  # parts overlap or exceed the whole: not a breakdown we can draw honestly
    digits = _decimals(whole.value, *(p.value for p in parts))
    rest = round(whole.value - total, digits)
    labels = [_label(p) or _short(p.text) for p in parts]
    series = ChartSeries(
        name=_label(whole),
        labels=labels,
        values=[p.value for p in parts],
        facts=[p.id for p in parts],
        derived=[False] * len(parts),
        display=[w.display(p) for p in parts],
        badges=[ctx.badges.get(p.id, "") for p in parts],
    )
    derived = []
    if rest > 0:
        rest_label = w["remainder"]
        series.labels.append(rest_label)
        series.values.append(rest)
        series.facts.append(None)
        series.derived.append(True)
        series.display.append(w.number(rest))
        series.badges.append("")
        parts_text = " − ".join(w.number(p.value) for p in parts)
        how = w.fmt(
            "derived_remainder", label=rest_label, whole=w.number(whole.value), parts=parts_text
        )
        derived.append(w.fmt("note", text=how))
    total_series = ChartSeries(
        name="total",
        labels=[_label(whole)],
        values=[whole.value],
        facts=[whole.id],
        derived=[False],
        display=[w.display(whole)],
        badges=[ctx.badges.get(whole.id, "")],
    )
    return ChartSpec(
        id=_spec_id(ctx, rel.theme if rel.theme is not None else whole.theme, "stacked"),
        kind="stacked",
        title=w.fmt("stacked_title", whole=_label(whole) or _short(whole.text)),
        theme=whole.theme if rel.theme is None else rel.theme,
        unit=whole.unit,
        series=[series, total_series],
        facts=[whole.id, *(p.id for p in parts)],
        derived=derived,
        alt=_stacked_alt(w, whole, parts, series, rest),
        source=ctx.source,
    )


def _stacked_alt(w: Wording, whole: Fact, parts: list[Fact], series: ChartSeries, rest) -> str:
    parts_text = w["list_sep"].join(
        w.fmt("alt_item", label=lab, value=w.with_unit(d, whole.unit))
        for lab, d in zip(series.labels[: len(parts)], series.display, strict=False)
    )
    fields = {
        "whole_label": _label(whole),
        "whole": w.with_unit(w.display(whole), whole.unit),
        "parts": parts_text,
        "remainder_label": w["remainder"],
        "remainder": w.with_unit(w.number(rest), whole.unit),
    }
    return w.fmt("alt_stacked" if rest > 0 else "alt_stacked_full", **fields)


def _change(ctx: _Ctx, rel: Relation) -> ChartSpec | None:
    """Before/after: the earlier value is derived from the current one and the stated change."""
    model, w = ctx.model, ctx.w
    try:
        delta, current = model.fact(rel.fact or ""), model.fact(rel.of or "")
    except KeyError:
        return None
    reference = rel.reference or w["change_reference"]
    before = w.fmt("change_before", reference=reference)
    previous, how = _previous(w, rel, delta, current, before)
    if previous is None:
        return None
    said = model.text[current.sentence_span.start : current.span.start]
    after = period(said, model.language) or w["change_after"]  # 8月份, else 当前
    subject = _label(current) or rel.subject or _short(current.text)
    badge = ctx.badges.get(current.id, "")
    series = ChartSeries(
        name=subject,
        labels=[before, after],
        values=[previous, current.value],
        facts=[None, current.id],
        derived=[True, False],
        display=[w.number(previous), w.display(current)],
        badges=["", badge],
    )
    verb = stated_verb(rel.text) or w["change_up" if rel.direction != "down" else "change_down"]
    delta_text = w.with_unit(w.display(delta), delta.unit)
    alt = w.fmt(
        "alt_change",
        subject=subject,
        current=w.with_unit(w.display(current), current.unit),
        reference=reference,
        verb=verb,
        delta=delta_text,
        previous=w.with_unit(w.number(previous), current.unit),
        badge=w.fmt("alt_badge", badge=badge) if badge else "",
    )
    theme = rel.theme if rel.theme is not None else current.theme
    return ChartSpec(
        id=_spec_id(ctx, theme, "change"),
        kind="change",
        title=w.fmt("change_title", subject=subject),
        theme=theme,
        unit=current.unit,
        series=[series],
        facts=[current.id, delta.id],
        derived=[w.fmt("note", text=how)],
        alt=alt,
        source=ctx.source,
        notes=[f"{verb}{w['word_sep']}{delta_text}"],
    )


def _previous(
    w: Wording, rel: Relation, delta: Fact, current: Fact, label: str
) -> tuple[float | None, str]:
    """The earlier value and a template describing how it was derived (None if not derivable)."""
    sign = -1 if rel.direction == "down" else 1
    op = "+" if sign < 0 else "−"
    digits = _decimals(current.value, delta.value)
    common = {"current": w.number(current.value), "op": op, "text": rel.text, "label": label}
    if delta.unit == "%" and current.unit == "%":
        return None, ""  # a rise of 5% in a rate: percent or points? Never guessed
    if delta.unit in w.words("point_units") or delta.unit == current.unit:
        prev = round(current.value - sign * delta.value, digits)
        how = w.fmt("derived_previous", delta=w.number(delta.value), **common)
    elif delta.base_unit == current.base_unit and current.value and current.normalized:
        scale = current.normalized / current.value
        prev = round(current.value - sign * delta.normalized / scale, digits + 2)
        shown = w.number(delta.normalized / scale)
        how = w.fmt("derived_previous", delta=shown, **common)
    elif delta.unit == "%" and current.unit != "%":
        # no finer than the value it comes from: 164家 up 112% was about 77家, not 77.4
        prev = round(current.value / (1 + sign * delta.value / 100), _decimals(current.value))
        ratio = {**common, "op": "+" if sign > 0 else "−"}
        how = w.fmt("derived_previous_ratio", rate=w.number(delta.value), **ratio)
    else:
        return None, ""
    return (prev if prev >= 0 else None), how
