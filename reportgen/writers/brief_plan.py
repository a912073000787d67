"""The data a brief plan template sees: the model arranged by section, with references and picks."""

from __future__ import annotations

import datetime as _dt
import os
import re

from reportgen.model import Fact, Model, Paragraph

NUMERALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
]
FIXED_DATE = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
_MONEY = ("元", "yuan", "$", "dollar", "usd", "rmb", "eur", "€", "£")
_SENTENCE_ZH = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』）》\"']*|$)")
_SENTENCE_EN = re.compile(r".+?(?:[.!?]+[\"'”’)]*(?=\s+[A-Z\"“(])|$)", re.S)


def generation_time() -> _dt.datetime | None:
    """The build time from SOURCE_DATE_EPOCH (UTC), or None: never the wall clock."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return _dt.datetime.fromtimestamp(int(raw), tz=_dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        from reportgen.errors import ConfigError

        raise ConfigError(f"SOURCE_DATE_EPOCH is not a Unix time: {raw!r}") from None


def fact_refs(model: Model) -> dict[str, str]:
    """Annex references D1, D2... for facts in text order."""
    ordered = sorted(model.facts, key=lambda f: f.span.start)
    return {f.id: f"D{i}" for i, f in enumerate(ordered, 1)}


def quote_refs(model: Model) -> dict[str, str]:
    """Annex references Q1, Q2... for quotes in text order."""
    ordered = sorted(model.quotes, key=lambda q: q.span.start)
    return {q.id: f"Q{i}" for i, q in enumerate(ordered, 1)}


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


def sentences(text: str, language: str) -> list[str]:
    """Split a paragraph into sentences (Chinese ends keep closing quotes; 12.5 is not an end)."""
    pattern = _SENTENCE_ZH if language == "zh" else _SENTENCE_EN
    return [s.strip() for s in pattern.findall(text) if s.strip()]


def _containing(paragraphs: list[Paragraph], start: int) -> Paragraph | None:
    for para in paragraphs:
        if para.span.start <= start < para.span.end:
            return para
    return None


def support(model: Model, paragraphs: list[Paragraph], point, limit: int = 2) -> list[str]:
    """Sentences backing a point: the fact sentences of its paragraph, else the next sentence."""
    para = _containing(paragraphs, point.span.start)
    if para is None:
        return []
    found: list[str] = []
    for fact in sorted(model.facts, key=lambda f: f.span.start):
        inside = para.span.start <= fact.span.start < para.span.end
        if inside and fact.sentence not in found and point.text not in fact.sentence:
            found.append(fact.sentence.strip())
    if found:
        return found[:limit]
    parts = sentences(para.text, model.language)
    quoted = [q.text[:12] for q in model.quotes if q.text]
    for i, sentence in enumerate(parts):
        if point.text.strip() in sentence or sentence in point.text:
            nxt = parts[i + 1 : i + 2]
            # A quote is shown as a block quote of its own: do not repeat it as support.
            return [s for s in nxt if not any(q in s for q in quoted)]
    return []


def _fact_dict(f: Fact, refs: dict[str, str], section: str) -> dict:
    data = f.model_dump(mode="json", exclude={"span", "sentence_span"})
    data.update(ref=refs[f.id], pos=f.span.start, section=section)
    return data


def _section_name(theme) -> str:
    """The dialectical pair part of a heading ("平衡“守”与“变”"), else the whole heading."""
    heading = theme.heading.strip()
    tagline = theme.tagline.strip()
    if tagline and heading.endswith(tagline) and heading != tagline:
        return heading[: -len(tagline)].strip(" \u3000:：—-")
    return heading


def plan_context(model: Model, charts, labels: dict[str, str], when: _dt.datetime | None) -> dict:
    """Everything the brief template may use, as plain data (lists, dicts, strings, numbers)."""
    frefs, qrefs = fact_refs(model), quote_refs(model)
    names = [_section_name(t) for t in model.themes]
    lead_name = labels.get("lead", "")

    def section(index: int | None) -> str:
        return names[index] if index is not None and index < len(names) else lead_name

    facts = [_fact_dict(f, frefs, section(f.theme)) for f in model.facts]
    facts.sort(key=lambda d: int(d["ref"][1:]))
    by_id = {d["id"]: d for d in facts}
    entries = list(getattr(charts, "entries", None) or [])
    quotes = []
    for q in sorted(model.quotes, key=lambda q: q.span.start):
        data = q.model_dump(mode="json", exclude={"span"})
        data.update(ref=qrefs[q.id], section=section(q.theme))
        quotes.append(data)
    themes = []
    for i, t in enumerate(model.themes):
        own = [f for f in model.facts if f.theme == i]
        best = strongest(own, model)
        themes.append(
            {
                "index": i,
                "heading": t.heading,
                "name": names[i],
                "verb": t.verb or "",
                "pair": list(t.pair),
                "tagline": t.tagline,
                "points": [
                    {"text": p.text, "support": support(model, t.paragraphs, p)} for p in t.points
                ],
                "facts": [by_id[f.id] for f in sorted(own, key=lambda f: f.span.start)],
                "lead_fact": by_id[best.id] if best else None,
                "quotes": [q for q in quotes if q["theme"] == i],
                "captions": [c.text for c in model.captions if c.theme == i],
                "entities": [e.text for e in model.entities if e.theme == i],
                "charts": [e.spec.id for e in entries if e.spec.theme == i],
            }
        )
    lead_facts = [d for d in facts if d["theme"] is None]
    lead = [f for f in model.facts if f.theme is None and f.counts]
    lead_top = [by_id[f.id] for f in ranked(lead, model)]
    derived = _derived(entries, labels)
    return {
        "lang": model.language,
        "labels": labels,
        "model": {
            "headline": model.headline,
            "kicker": model.kicker,
            "authors": list(model.authors),
            "source": model.source.name,
        },
        "generated": when.date().isoformat() if when else "",
        "numerals": NUMERALS,
        "themes": themes,
        "lead_facts": lead_facts,
        "lead_top": lead_top,
        "lead_captions": [c.text for c in model.captions if c.theme is None],
        "lead_charts": [e.spec.id for e in entries if e.spec.theme is None],
        "facts": facts,
        "quotes": quotes,
        "derived": derived,
        "charts": [
            {"id": e.spec.id, "title": e.spec.title, "theme": e.spec.theme} for e in entries
        ],
        "chart_refs": {
            e.spec.id: [frefs[f] for f in _chart_facts(e.spec) if f in frefs] for e in entries
        },
    }


def _chart_facts(spec) -> list[str]:
    """The fact ids a chart draws, in series order, without repeats."""
    ids = list(spec.facts)
    for series in spec.series:
        ids.extend(f for f in series.facts if f)
    return list(dict.fromkeys(ids))


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _derived(entries, labels: dict[str, str]) -> list[dict]:
    """Values charts computed rather than read (remainders, sums), each with its chart."""
    rows: list[dict] = []
    for entry in entries:
        spec = entry.spec
        for series in spec.series:
            for j, flag in enumerate(series.derived):
                if flag and j < len(series.values):
                    rows.append(
                        {
                            "chart": spec.title,
                            "label": series.labels[j] if j < len(series.labels) else "",
                            "value": _number(series.values[j]) + spec.unit,
                            "how": labels.get("sep", "; ").join(spec.derived),
                        }
                    )
        if spec.derived and not any(any(s.derived) for s in spec.series):
            for how in spec.derived:
                rows.append({"chart": spec.title, "label": "", "value": "", "how": how})
    for i, row in enumerate(rows, 1):
        row["ref"] = f"X{i}"
    return rows
