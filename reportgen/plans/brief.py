"""The data a brief plan template sees: the model arranged by section, with references and picks."""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from functools import lru_cache

from reportgen.ingest.dates import display_date
from reportgen.ingest.sentences import paragraph_sentences as sentences
from reportgen.model import Fact, Model, Paragraph
from reportgen.plans.bullets import trim_opening, weak
from reportgen.plans.deck import (
    _clip,
    commentary_of,
    display_title,
    publication,
    theme_items,
    topics,
    topics_heads,
)
from reportgen.plans.names import sure_entities
from reportgen.plans.select import _twice, bare, complete_label, headline, section_figure, vague

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
# A clause ends at a comma, semicolon, colon or sentence end (Chinese and Latin marks).
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
# The article's own heading numbers: 一、 （一） 1. 1、 (1)
_ENUMERATOR = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d)\s*)"
)
# Longest clause that may stand in for a vague label (characters; Latin text needs more).
CLAUSE_MAX = {"zh": 24, "en": 80}


def fact_refs(model: Model) -> dict[str, str]:
    """Annex references D1, D2... for facts in text order."""
    ordered = sorted(model.facts, key=lambda f: f.span.start)
    return {f.id: f"D{i}" for i, f in enumerate(ordered, 1)}


def quote_refs(model: Model) -> dict[str, str]:
    """Annex references Q1, Q2... for quotes in text order."""
    ordered = sorted(model.quotes, key=lambda q: q.span.start)
    return {q.id: f"Q{i}" for i, q in enumerate(ordered, 1)}


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
        sentence = model.sentence_of(fact) if inside else ""
        if inside and sentence not in found and point.text not in sentence:
            found.append(sentence.strip())
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


def _fact_dict(
    f: Fact, refs: dict[str, str], section: str, label: str, model: Model, labels: dict
) -> dict:
    language = model.language
    data = f.model_dump(mode="json", exclude={"span", "sentence_span"})
    data.update(ref=refs[f.id], pos=f.span.start, section=section, label=label)
    if language != "zh":
        data["text"] = _lower_qualifier(f)
        data["label"] = label[:1].upper() + label[1:]
        if not complete_label(f.counts.strip(), language):
            data["counts"] = ""  # "$160 (for)": a clause's scrap says less than the figure alone
    data["shown"] = data["text"] + _kind_mark(f, labels)
    return data


def _kind_mark(f: Fact, labels: dict) -> str:
    """A target, cap or forecast says so wherever it is shown as a value: 突破4000亿元（目标）."""
    word = labels.get(f"kind_{f.kind}", "") if f.kind in ("target", "limit", "forecast") else ""
    return f"{labels.get('paren_open', '(')}{word}{labels.get('paren_close', ')')}" if word else ""


def _lower_qualifier(f: Fact) -> str:
    """ "Nearly 1,500 graduates" taken from a sentence start reads "nearly 1,500 graduates"."""
    word = f.text[: len(f.qualifier_word.strip())]
    if word and word.casefold() == f.qualifier_word.strip().casefold() and word[1:].islower():
        return word.lower() + f.text[len(word) :]
    return f.text


def clause(f: Fact, model: Model) -> str:
    """The clause of the fact's sentence that holds it, verbatim ("" if none is found)."""
    sentence = model.sentence_of(f)
    at = f.span.start - f.sentence_span.start
    if sentence[at : at + len(f.text)] != f.text:
        at = sentence.find(f.text)
        if at < 0:
            return ""
    ends = _clause_ends(sentence)
    before = bisect.bisect_right(ends, at - 1) - 1
    after = bisect.bisect_left(ends, at + len(f.text))
    start = ends[before] + 1 if before >= 0 else 0
    end = ends[after] if after < len(ends) else len(sentence)
    return sentence[start:end].strip().rstrip(".").strip()


@lru_cache(maxsize=64)
def _clause_ends(sentence: str) -> tuple[int, ...]:
    """Where the sentence's clauses end (kept: each figure of a long sentence looks its own
    clause up by bisection instead of scanning the sentence)."""
    return tuple(
        m.start() for m in _CLAUSE_END.finditer(sentence) if not _thousands(sentence, m.start())
    )


def _thousands(text: str, i: int) -> bool:
    """A comma or point between digits (1,600; 4.2) is part of a number, not a clause end."""
    return (
        text[i] in ",."
        and 0 < i < len(text) - 1
        and text[i - 1].isdigit()
        and text[i + 1].isdigit()
    )


def label(f: Fact, model: Model) -> str:
    """What a fact counts, for a table: its ``label`` (whole words), or when that is vague the
    clause that states it (全区32家企业榜上有名), never words of our own."""
    if vague(f, model):
        text = clause(f, model)
        # A clause holding other figures too is only worth it when the word is ambiguous.
        if (
            text
            and len(text) <= CLAUSE_MAX.get(model.language, 80)
            and (not _other_figure_in(text, f, model) or _twice(f, model))
        ):
            return text
    # whole words (jieba) where extraction found a label that says something alone
    return (f.counts if bare(f.label, model.language) else f.label).strip()


_SURFACES: list = [None, 0, {}, 0]  # facts list, its length, surface counts, longest surface


def _other_figure_in(text: str, f: Fact, model: Model) -> bool:
    """Whether ``text`` (a short clause) holds the surface of a fact other than ``f``: its
    substrings looked up among the facts' surfaces (counted once per model), not every fact
    searched in it."""
    if _SURFACES[0] is not model.facts or _SURFACES[1] != len(model.facts):
        counts: dict[str, int] = {}
        for g in model.facts:
            if g.text:
                counts[g.text] = counts.get(g.text, 0) + 1
        _SURFACES[:] = [model.facts, len(model.facts), counts, max(map(len, counts), default=0)]
    counts, longest = _SURFACES[2], _SURFACES[3]
    for i in range(len(text)):
        for j in range(i + 1, min(len(text), i + longest) + 1):
            n = counts.get(text[i:j], 0)
            if n > 1 or (n == 1 and text[i:j] != f.text):
                return True
    return False


def held_by_quotes(paragraph: Paragraph, model: Model) -> bool:
    """Whether a paragraph is held by its quotes (shown as block quotes of their own): it holds
    a quote and little else, a said-clause at most (陈晗说, United said in a statement)."""
    quotes = [q for q in model.quotes if paragraph.span.start <= q.span.start < paragraph.span.end]
    if not quotes:
        return False
    rest = paragraph.text
    for q in quotes:  # the quotes, who said them and the saying: what is left is the article's
        for words in filter(None, (q.text, q.title, q.speaker)):
            rest = rest.replace(words, "")
    rest = _SAYING.sub("", rest)
    return len(re.sub(r"[\W_]", "", rest)) <= SAID_CLAUSE.get(model.language, 12)


# Characters (punctuation and spaces aside) a paragraph may hold beside its quotes, their
# speakers, titles and saying verbs, and still be shown by its quotes alone (the rest of a
# said-clause: 告诉记者, in a statement); anything longer is the article's own words.
SAID_CLAUSE = {"zh": 4, "en": 12}
_SAYING = re.compile(
    r"说道?|表示|介绍|指出|认为|坦言|强调|称|告诉记者|接受采访时|对记者|"
    r"\b(?:said|says|told|according to|in a statement|added|noted)\b",
    re.I,
)


def body(paragraphs: list[Paragraph], model: Model) -> list[str]:
    """The paragraphs of a section as the article words them, but those held by their quotes
    (a quote with its said-clause): every other paragraph reaches the brief whole, quotes and
    all, so that the words around a quote are never lost."""
    return [p.text.strip() for p in paragraphs if p.text.strip() and not held_by_quotes(p, model)]


def lead_points(model: Model, most: int = 5) -> list[str]:
    """The introduction's main points for the key points list: the opening sentences of the
    paragraphs that hold the article's headline figures first, then of the first paragraphs,
    ``most`` at the most, in article order (not merely the first paragraphs)."""
    from reportgen.plans.select import headline

    paragraphs = [p for p in model.lead if p.text.strip()]
    figures = {f.span.start for f in headline(model, 6)}
    holds = [any(p.span.start <= at < p.span.end for at in figures) for p in paragraphs]
    order = sorted(range(len(paragraphs)), key=lambda i: (not holds[i], i))
    fewest = 2 if len(topics_heads(paragraphs)) < 3 else 0  # quote openers only when need be
    heads = {
        i: _said(topics([paragraphs[i]], model.language, 1, fewest, LONGEST), model) for i in order
    }
    chosen = [i for i in order if heads[i]][:most]
    return [heads[i] for i in sorted(chosen)]


def _said(topic: list[dict], model: Model) -> str:
    """What a paragraph's topic states: its opening sentence, or the sentence after it when that
    opening is a bare transition (如今情况不同了。); a question (为什么选择这里？) states none."""
    if not topic:
        return ""
    head, after = topic[0]["head"], topic[0]["body"]
    if not weak(head, model.language):  # without its dateline (本报北京4月2日电（记者…）)
        return trim_opening(head, model.language, named_source=True)
    if after and not weak(after, model.language) and not _QUESTION_END.search(head):
        return trim_opening(after, model.language, named_source=True)
    return ""


_QUESTION_END = re.compile(r"[？?][”’」』）)\"']*\s*$")


def apart(quotes: list[dict], paragraphs: list[str]) -> list[dict]:
    """The quotes to set apart as quote blocks: those whose words the printed paragraphs do not
    already hold (a quote is never printed twice in a section)."""
    return [q for q in quotes if not any(q["shown"] in text for text in paragraphs)]


def _section_name(theme) -> str:
    """The dialectical pair part of a heading ("统筹“稳”与“进”"), else the whole heading."""
    heading = theme.heading.strip()
    tagline = theme.tagline.strip()
    if tagline and heading.endswith(tagline) and heading != tagline:
        heading = heading[: -len(tagline)].strip(" \u3000:：—-")
    return unnumbered(heading)


def unnumbered(heading: str) -> str:
    """A heading without the article's own number (一、 （一） 1.), for plans that number."""
    bare = _ENUMERATOR.sub("", heading, count=1).strip()
    return bare or heading.strip()


def _sentences(model: Model) -> list[str]:
    """Each fact's sentence, one string per sentence shared by its figures (a line of thousands
    of figures is not copied once per figure)."""
    shared: dict[tuple[int, int], str] = {}
    out = []
    for f in model.facts:
        key = (f.sentence_span.start, f.sentence_span.end)
        if key not in shared:
            shared[key] = model.sentence_of(f)
        out.append(shared[key])
    return out


def plan_context(model: Model, charts, labels: dict[str, str], when: _dt.datetime | None) -> dict:
    """Everything the brief template may use, as plain data (lists, dicts, strings, numbers)."""
    frefs, qrefs = fact_refs(model), quote_refs(model)
    names = [_section_name(t) for t in model.themes]
    lead_name = labels.get("lead", "")

    def section(index: int | None) -> str:
        return names[index] if index is not None and index < len(names) else lead_name

    facts = [
        _fact_dict(f, frefs, section(f.theme), label(f, model), model, labels) for f in model.facts
    ]
    for data, sentence in zip(facts, _sentences(model), strict=True):
        data["sentence"] = sentence
    facts.sort(key=lambda d: int(d["ref"][1:]))
    by_id = {d["id"]: d for d in facts}
    entries = list(getattr(charts, "entries", None) or [])
    quotes = _quote_dicts(model, qrefs, section)
    top = headline(model)
    themes = [_theme_dict(model, i, names[i], by_id, quotes, entries) for i in range(len(names))]
    lead_facts = [d for d in facts if d["theme"] is None]
    lead_top = [by_id[f.id] for f in top]
    lead_body = body(model.lead, model)
    derived = _derived(entries, labels, _note_prefix(model.language))
    return {
        "lang": model.language,
        "labels": labels,
        "model": _model_view(model),
        "generated": when.date().isoformat() if when else "",
        "numerals": NUMERALS,
        "themes": themes,
        "lead_facts": lead_facts,
        "lead_top": lead_top,
        "lead_captions": [c.text for c in model.captions if c.theme is None and c.text != c.credit],
        "lead_body": lead_body,
        # the introduction's main points (each paragraph's opening sentence): the key points
        # of an article with few sections
        "lead_points": lead_points(model),
        "lead_quotes": apart([q for q in quotes if q["theme"] is None], lead_body),
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


# Characters of a key point in the brief: a page holds a whole sentence where a slide holds
# half of one, so only a run-on paragraph with no sentence end is cut.
LONGEST = {"zh": 200, "en": 480}


def _quote_dicts(model: Model, qrefs: dict[str, str], section) -> list[dict]:
    """The quotes in article order, with their reference, section and the text shown."""
    quotes = []
    for q in sorted(model.quotes, key=lambda q: q.span.start):
        data = q.model_dump(mode="json", exclude={"span", "sentence_span"})
        data["sentence"] = model.sentence_of(q)
        # "…burns out," said X: the comma belongs to the sentence around the quote, not to it
        data.update(ref=qrefs[q.id], section=section(q.theme), shown=q.text.rstrip(" ,，、;；:："))
        quotes.append(data)
    return quotes


def _worded(items: list[dict]) -> str:
    """The first item's head that says something in words: a lone figure opening a section (a
    pull figure, 80%) is no lead sentence."""
    for item in items:
        words = re.sub(r"[\d.,%％\s]|[^\w]", "", item["head"])
        if len(words) >= 4:
            return item["head"]
    return ""


def _model_view(model: Model) -> dict:
    """What the brief plan sees of the article as a whole: its title lines and provenance."""
    return {
        "headline": model.headline,
        "kicker": model.series,
        "series": model.series,
        "dek": model.dek,
        "dateline": model.dateline,
        "date": model.date,
        "display_date": display_date(model.date, model.language),
        "authors": list(model.authors),
        "source": model.source.name,
        "publication": publication(model),
        "display_title": display_title(model),
    }


def _theme_dict(model: Model, i: int, name: str, by_id: dict, quotes: list, entries: list) -> dict:
    """What the brief plan sees of theme ``i``: its words, figures, quotes, charts and names;
    its lead figure is the one the deck's summary card shows (plans.select.section_figure:
    none of the two headline figures of the key points' figures line)."""
    t = model.themes[i]
    own = [f for f in model.facts if f.theme == i]
    best = section_figure(model, i)
    items = theme_items(t, model.language)
    paragraphs = body(_without_points(t), model)
    return {
        "index": i,
        "heading": t.heading,
        "title": unnumbered(t.heading),
        # the section's lead: its first point, else the opening sentence of its first paragraph
        "lead": _clip(_worded(items), model.language, LONGEST),
        "shows": bool(t.paragraphs or t.points or t.tagline),
        # a boxed commentary (【点评】): a sub-heading under the section it belongs to
        "commentary": commentary_of(model, i) is not None,
        "name": name,
        "verb": t.verb or "",
        "pair": list(t.pair),
        "tagline": t.tagline,
        "points": [{"text": p.text, "support": support(model, t.paragraphs, p)} for p in t.points],
        "body": paragraphs,
        "facts": [by_id[f.id] for f in sorted(own, key=lambda f: f.span.start)],
        "lead_fact": by_id[best.id] if best else None,
        "quotes": apart([q for q in quotes if q["theme"] == i], paragraphs),
        "captions": [c.text for c in model.captions if c.theme == i and c.text != c.credit],
        "entities": list(dict.fromkeys(e.text for e in sure_entities(model, i))),
        "charts": [e.spec.id for e in entries if e.spec.theme == i],
    }


def _without_points(theme) -> list[Paragraph]:
    """The section's paragraphs that open with no point: shown whole, so that every paragraph
    of the article reaches the brief (a point's paragraph reaches it as the point and its
    support)."""
    held = {p.paragraph for p in theme.points}
    return [para for i, para in enumerate(theme.paragraphs) if i not in held]


def _chart_facts(spec) -> list[str]:
    """The fact ids a chart draws, in series order, without repeats."""
    ids = list(spec.facts)
    for series in spec.series:
        ids.extend(f for f in series.facts if f)
    return list(dict.fromkeys(ids))


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _note_prefix(language: str) -> str:
    """The words charts put before a note (注：, Note: ): a table column says it already."""
    from reportgen.errors import ReportgenError
    from reportgen.plans.render import labels, template_dirs

    try:
        return labels("chart", language, template_dirs())["note"].partition("{text}")[0]
    except (KeyError, ReportgenError):  # no chart labels for this language: nothing to strip
        return ""


def _derived(entries, labels: dict[str, str], prefix: str = "") -> list[dict]:
    """Values charts computed rather than read (remainders, sums), each with its chart."""
    rows: list[dict] = []
    for entry in entries:
        spec = entry.spec
        notes = [n[len(prefix) :] if prefix and n.startswith(prefix) else n for n in spec.derived]
        for series in spec.series:
            for j, flag in enumerate(series.derived):
                if flag and j < len(series.values):
                    rows.append(
                        {
                            "chart": spec.title,
                            "label": series.labels[j] if j < len(series.labels) else "",
                            "value": _number(series.values[j]) + spec.unit,
                            "how": labels.get("sep", "; ").join(notes),
                        }
                    )
        if spec.derived and not any(any(s.derived) for s in spec.series):
            for how in notes:
                rows.append({"chart": spec.title, "label": "", "value": "", "how": how})
    for i, row in enumerate(rows, 1):
        row["ref"] = f"X{i}"
    return rows
