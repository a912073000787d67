"""The deck plan's context: the model as data plus ready-made views of it (themes, headline
figures, cases, quotes)."""

from __future__ import annotations

import re

from reportgen.ingest.dates import display_date
from reportgen.ingest.sentences import CLOSING_QUOTES as _CLOSERS
from reportgen.ingest.sentences import FIRST_IN_TEXT as _SENTENCE
from reportgen.ingest.sentences import SENTENCE_IN_LINE as _SENTENCE_IN_LINE
from reportgen.ingest.sentences import protect
from reportgen.model import Model
from reportgen.plans.bullets import bullets

# a dash or bullet a heading opens with is the page's typography, no part of its title
HEAD_MARKS = "—–－-•·● \u3000"


_OPENING_QUOTES = "“‘「『\"'"


def plan_context(model: Model, labels: dict, entries: dict) -> dict:
    """What the plan template sees: the model as data plus ready-made views of it."""
    themes = [_theme_view(model, i, entries) for i in range(len(model.themes))]
    shown = any(t["weight"] != "empty" for t in themes)
    return {
        "model": {**model.model_dump(mode="json"), "kicker": model.series},
        "labels": labels,
        "lang": model.language,
        "themes": themes,
        "headline_facts": headline_facts(model),
        "lead_charts": [cid for cid, e in entries.items() if e.spec.theme is None],
        "charts": [
            {"id": cid, "kind": e.spec.kind, "title": e.spec.title, "theme": e.spec.theme}
            for cid, e in entries.items()
        ],
        "quotes": [q.model_dump(mode="json") for q in model.quotes],
        "lead_topics": [] if shown else bullets(topics(model.lead, model.language), model.language),
        "lead_slides": [] if shown else _topic_slides(model.lead, model.language),
        "lead_quotes": [] if shown else lead_quotes(model),
        "publication": publication(model),
        "display_title": display_title(model),
        "display_date": display_date(model.date, model.language),
        "blocks": section_blocks(themes, int(labels.get("digest_title_max", 40))) if shown else [],
        "one_section": one_section(themes),
    }


def one_section(themes: list[dict]) -> bool:
    """Whether the deck shows one section only: no agenda, divider or summary then (an agenda
    of one item, a divider numbered 01 and a summary of one card say nothing)."""
    return len(_shown(themes)) == 1


def _shown(themes: list[dict]) -> list[dict]:
    """The sections the deck shows as sections: not empty, not a boxed commentary."""
    return [t for t in themes if t["weight"] != "empty" and not t.get("commentary")]


def _topic_slides(paragraphs, language: str) -> list[dict]:
    from reportgen.plans.topics import topic_slides

    return topic_slides(paragraphs, language)


# Where the page names its publication: a 来源 line (来源：求是网作者：…, （来源：新华社）), a
# print citation (《人民日报》（2025年01月03日第 18 版）), a press-release credit or a site's
# "First published" line. Data sources (资料来源) are no publication.
_ZH_SOURCE = re.compile(
    r"(?<!资料)(?:来源|稿源)\s*[:：]\s*([^\s:：（()）,，。;；]{2,20}?)(?=作者|编辑|责任|[\s（()）,，。;；]|$)"
)
_ZH_PRINT = re.compile(r"^(《[^》]{2,12}》)[（(]\d{4}年")
_ZH_WIRE = re.compile(r"^(新华社|中新社|中新网|人民网|央视网|新华网)")
_EN_RELEASE = re.compile(r"^(?:Press Release|Media Release|Source)\s*:\s*(.{2,60})$")
_EN_PUBLISHED = re.compile(
    r"^([A-Z][\w.&' -]{1,40}?)\s*(?:\([^)]{1,30}\))?\s*(?:First published|Published|Updated)\b"
)


def display_title(model: Model) -> str:
    """What a title slide or page shows as the article's title: its headline, else its series
    or dek, else its first section heading (a fact sheet or a budget chapter has no headline of
    its own), else the file's name."""
    first = next((t.heading.strip() for t in model.themes if t.heading.strip()), "")
    return model.headline or model.series or model.dek or first or model.source.name


def publication(model: Model) -> str:
    """The publication the page names for itself (empty when none is stated): read from its
    furniture and credit lines by the patterns above, never guessed from the file name."""
    for line in [*model.furniture, *model.credits]:
        line = line.strip()
        if _EN_RELEASE.match(line):  # "Press Release: X" says who issued it: kept whole
            return line
        for pattern in (_ZH_PRINT, _ZH_SOURCE, _EN_PUBLISHED):
            m = pattern.search(line) if pattern is _ZH_SOURCE else pattern.match(line)
            if m:
                return m.group(1).strip()
    m = _ZH_WIRE.match(model.dateline.strip())
    return m.group(1) if m else ""


# More sections than this with something to show: a divider before each would double a long
# deck; sections with neither chart nor quote then get their points slide only.
DIVIDERS_MOST = 6


def section_blocks(themes: list[dict], title_max: int = 40, most: int = 4) -> list[dict]:
    """How the deck shows its sections, in order: a ``full`` section gets a divider and its
    slides; a ``thin`` one (one point or sentence, no chart, no quote) never gets a divider
    followed by a near-empty slide: a run of two or more shares one ``digest`` slide (each with
    its heading and its sentence); a thin one alone gets a ``divider`` that carries its sentence
    when that is short, else a ``single`` points slide titled with its heading. An ``empty``
    section (no paragraph at all: a group heading) has nothing to show: on the agenda only.
    A digest holds at most ``most`` sections whose titles, joined, fit in ``title_max``
    characters (its slide title names every section on it); a longer run is split. In a deck of
    more than DIVIDERS_MOST such sections, a ``full`` one with neither chart nor quote is shown
    ``single`` (its points under its heading, no divider)."""
    out: list[dict] = []
    run: list[dict] = []
    compact = len(_shown(themes)) > DIVIDERS_MOST

    def flush() -> None:
        if len(run) == 1:  # a short sentence fits the divider; a longer one gets the slide
            alone = run[0]["lone"] or not run[0]["items"]
            out.append({"kind": "divider" if alone else "single", "theme": run[0]})
        elif run:
            out.append({"kind": "digest", "themes": list(run)})
        run.clear()

    for t in themes:
        if t.get("commentary"):  # with the section it belongs to, as a callout slide
            flush()
            out.append({"kind": "callout", "theme": t, "parent": themes[t["parent"]]})
            continue
        if t["weight"] == "thin":
            names = " · ".join(x["title"] for x in [*run, t])
            if run and (len(run) >= most or len(names) > title_max):
                flush()
            run.append(t)
            continue
        flush()
        if t["weight"] == "full" and compact and not t["charts"] and not t["quote"]:
            out.append({"kind": "single", "theme": t})
        elif t["weight"] == "full":
            out.append({"kind": "full", "theme": t})
    flush()
    return out


def _weight(items: list[dict], charts: list, quote, tagline: str) -> str:
    """``full``: a divider's worth; ``thin``: one point or sentence (or only a tagline), no
    chart, no quote; ``empty``: nothing to show."""
    if charts or quote or len(items) > 1:
        return "full"
    return "thin" if items or tagline else "empty"


def _theme_view(model: Model, i: int, entries: dict) -> dict:
    t = model.themes[i]
    items = bullets(theme_items(t, model.language), model.language)
    lone = len(items) == 1 and _short(items[0], model.language)
    charts = [cid for cid, e in entries.items() if e.spec.theme == i]
    quote = strongest_quote(model, i)
    parent = commentary_of(model, i) if items else None
    title = t.heading
    if t.tagline and t.heading.endswith(t.tagline) and len(t.heading) > len(t.tagline):
        title = t.heading[: -len(t.tagline)].strip()
    title = slide_title(title)
    return {
        "index": i,
        "heading": t.heading,
        "title": title,
        "tagline": t.tagline,
        "verb": t.verb or "",
        "pair": list(t.pair),
        "mark": " · ".join(t.pair) if t.pair else theme_number(model, i),
        "commentary": parent is not None,
        "parent": parent,
        "points": [{"head": p.text, "body": case_text(t, p)} for p in t.points],
        "items": items,
        "lone": lone,
        "weight": _weight(items, charts, quote, t.tagline),
        "digest": " ".join(x for x in (items[0]["head"], items[0]["body"]) if x)
        if items
        else t.tagline,
        "sentences": [{"head": s, "body": ""} for s in opening_sentences(t)],
        "facts": [f.id for f in model.facts if f.theme == i],
        "quote": quote,
        "charts": charts,
        "cases": _theme_cases(model, i),
    }


def slide_title(heading: str) -> str:
    """What a slide title keeps of a heading: not the dash or bullet it opens with (the page's
    typography) nor the sentence end or colon it closes on (verify reads headings the same way)."""
    return _unpunctuated(heading.lstrip(HEAD_MARKS) or heading)


def _unpunctuated(title: str) -> str:
    """A slide title without the sentence end or colon its heading closes on (思想领航，…根本遵循。
    英国《泰晤士报》：): a title is a phrase, the mark only led into the paragraph below."""
    bare = title.rstrip("。：:，,；; \u3000")
    if bare.endswith(".") and bare.count(".") == 1 and not bare[-2:-1].isupper():
        bare = bare[:-1]
    return bare or title


# A boxed commentary or sidebar the page sets under a section (【点评】, 【记者手记】):
# it belongs with the section before it, as a callout, not on the agenda as a section.
_COMMENTARY = re.compile(
    r"^[【\[]\s*(?:专家|编辑|记者)?(?:点评|短评|评论|快评|编者按|编后语?|手记|小贴士|"
    r"(?:相关|新闻|背景|知识)?链接|延伸阅读|背景)\s*[】\]]$"
)


def commentary(theme) -> bool:
    """Whether the section is a boxed commentary or sidebar (its heading a bracketed label)."""
    return bool(_COMMENTARY.match(theme.heading.strip()))


def commentary_of(model: Model, i: int) -> int | None:
    """The section a commentary section ``i`` belongs to (the nearest section before it that is
    none), or None when ``i`` is no commentary or nothing comes before it."""
    if not commentary(model.themes[i]):
        return None
    return next((k for k in range(i - 1, -1, -1) if not commentary(model.themes[k])), None)


def theme_number(model: Model, i: int) -> str:
    """A section's number as the deck shows it (01, 02…): commentaries are not counted and show
    the number of the section they belong to."""
    parent = commentary_of(model, i)
    at = i if parent is None else parent
    return f"{sum(not commentary(t) for t in model.themes[: at + 1]):02d}"


SHORT = {"zh": 40, "en": 100}  # characters: a point shorter than this is "short"


def _short(item: dict, language: str) -> bool:
    """A short point: one line with no case after it."""
    return not item["body"] and len(item["head"]) < SHORT.get(language, 100)


def theme_items(theme, language: str, most: int = 5) -> list[dict]:
    """What a section's points slide lists: its points (each with its case), topped up when
    there are fewer than two, or only short ones, with the opening sentences of its paragraphs
    that hold no point; with no point at all, those openings (quotes among them only when
    nothing else is left)."""
    items = [{"head": p.text, "body": case_text(theme, p)} for p in theme.points]
    if len(items) >= 2 and not all(_short(i, language) for i in items):
        return items
    held = {p.paragraph for p in theme.points}
    rest = [(k, para) for k, para in enumerate(theme.paragraphs) if k not in held]
    extra = [(k, s) for k, para in rest for s in topics_heads([para])]
    extra = extra[: max(most - len(items), 0)]
    if not items and not extra:
        return [{"head": s, "body": ""} for s in topics_heads([p for _, p in rest], quotes=True)][
            :most
        ]
    # in article order: a point and the openings that top it up as the paragraphs come
    placed = [(p.paragraph, item) for p, item in zip(theme.points, items, strict=True)]
    placed += [(k, {"head": s, "body": ""}) for k, s in extra]
    return [item for _, item in sorted(placed, key=lambda pair: pair[0])]


def topics_heads(paragraphs, quotes: bool = False) -> list[str]:
    """The opening sentence of each paragraph, verbatim (quote openers only with ``quotes``)."""
    from reportgen.model import Span

    out = []
    for para in paragraphs:
        sentence = sentence_at(para.text, Span(start=0, end=1)) if para.text.strip() else ""
        if sentence and (quotes or sentence[0] not in _OPENING_QUOTES):
            out.append(sentence)
    return out


def topics(
    paragraphs, language: str, most: int = 30, fewest: int = 3, longest: dict | None = None
) -> list[dict]:
    """Topic points for an article without sections: each paragraph's opening sentence, with
    the sentence after it as its case; paragraphs that open with a quote too when fewer than
    ``fewest`` others are left (a release that quotes its spokesperson paragraph after
    paragraph has its points in those quotes)."""
    quotes = len(topics_heads(paragraphs)) < fewest
    out = []
    for para in paragraphs:
        heads = topics_heads([para], quotes=quotes)
        if not heads:
            continue
        rest = para.text.strip()[len(heads[0]) :].strip()
        match = _SENTENCE.match(rest)
        body = match.group(0).strip() if match else ""
        head, body = _clip(heads[0], language, longest), _clip(body, language, longest)
        out.append({"head": head, "body": body})
    return out[:most]


LONGEST = {"zh": 140, "en": 320}  # characters of one topic point on a slide (measured to fit)


def _clip(text: str, language: str, longest: dict | None = None) -> str:
    """A sentence cut to what one point may hold (a run-on paragraph with no sentence end)."""
    n = (longest or LONGEST).get(language, 220)
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    # end at a word or clause boundary, never inside a figure (7… would read as the number 7)
    at = max(cut.rfind(c) for c in " ，,、；;：:")
    cut = cut[:at] if at > n // 2 else cut
    while cut and (cut[-1].isdigit() or cut[-1] in ".,"):
        cut = cut[:-1]
    return cut.rstrip(" ，,、；;：:") + "…"


def _theme_cases(model: Model, i: int) -> list[dict]:
    """The companies, institutions and projects theme ``i`` names, once each, in article order:
    only names the plans are sure of (plans.names)."""
    from reportgen.plans.names import sure_entities

    seen, out = set(), []
    for e in sure_entities(model, i):
        if e.text not in seen:
            seen.add(e.text)
            out.append({"text": e.text, "kind": e.kind})
    return out


def sentence_at(text: str, span) -> str:
    """The sentence of ``text`` that holds ``span``: within its line, ended by Chinese or
    ASCII sentence punctuation (a period only before a space: 12.5 is no end), quotes kept."""
    lo = text.rfind("\n", 0, span.start) + 1
    hi = text.find("\n", span.end)
    hi = len(text) if hi == -1 else hi
    line = protect(text[lo:hi])  # only the line: the text may be the whole article's
    start = 0
    for m in _SENTENCE_IN_LINE.finditer(line):
        if lo + m.end() > span.start:
            # "“…。”某某说。": words after a closing quote finish the quoted sentence
            begin = start if line[m.start() - 1 : m.start()] in _CLOSERS else m.start()
            return text[lo + begin : lo + m.end()].strip()
        start = m.start()
    return text[lo:hi].strip()


def opening_sentences(theme, limit: int = 5) -> list[str]:
    """The first sentence of each of the theme's first ``limit`` paragraphs, verbatim: what the
    deck shows for a section whose paragraphs open with no short lead sentence (no points)."""
    from reportgen.model import Span

    out = []
    for para in theme.paragraphs[:limit]:
        sentence = sentence_at(para.text, Span(start=0, end=1)) if para.text.strip() else ""
        if sentence and sentence[0] not in _OPENING_QUOTES:  # quotes have a slide of their own
            out.append(sentence)
    return out


def case_text(theme, point) -> str:
    """The first sentence after a point in its paragraph: the case the article gives for it."""
    if not 0 <= point.paragraph < len(theme.paragraphs):
        return ""
    text = theme.paragraphs[point.paragraph].text
    at = text.find(point.text)
    rest = text[at + len(point.text) :] if at >= 0 else ""
    match = _SENTENCE.match(rest.strip())
    return match.group(0).strip() if match else ""


def _quote_weight(q) -> tuple:
    """How substantial a quote is: a named speaker first (a full name, a title or a Chinese
    name before a lone English word such as "American", which may be a firm's short name or a
    fragment), then one that fits, a title, length."""
    speaker = q.speaker.strip()
    named = bool(q.title) or not speaker.isascii() or len(speaker.split()) >= 2
    return (bool(speaker), named, len(q.text) <= 160, bool(q.title), len(q.text))


def strongest_quote(model: Model, theme: int) -> str | None:
    """The theme's most substantial quote: a titled speaker first, then the longer text."""
    quotes = [q for q in model.quotes if q.theme == theme]
    if not quotes:
        return None
    return max(quotes, key=_quote_weight).id


def lead_quotes(model: Model, most: int = 2) -> list[str]:
    """Quote slides of an article without sections: its most substantial quotes by named
    speakers, one per speaker, in article order (none when nobody is named)."""
    best: dict[str, object] = {}
    for q in model.quotes:
        if not q.speaker or len(q.text) > 160:
            continue
        if q.speaker not in best or _quote_weight(q) > _quote_weight(best[q.speaker]):
            best[q.speaker] = q
    chosen = sorted(best.values(), key=_quote_weight, reverse=True)[:most]
    return [q.id for q in sorted(chosen, key=lambda q: q.span.start)]


def headline_facts(model: Model, limit: int = 4) -> list[str]:
    """Facts for the KPI slide: the article's headline figures, ranked by the one rule the brief
    and the charts share (plans.select.headline); none when fewer than CARDS_FEWEST."""
    from reportgen.plans.select import CARDS_FEWEST, headline

    facts = headline(model, limit)
    return [f.id for f in facts] if len(facts) >= CARDS_FEWEST else []
