"""Write the PowerPoint deck: a Jinja2 slide plan rendered by one method per slide kind."""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reportgen.errors import TemplateError
from reportgen.model import ChartSpec, Model
from reportgen.theme import TEMPLATES, Theme, load_theme
from reportgen.writers import textfit as tf
from reportgen.writers.late_images import Composed, LateImages

DEFAULT_TEMPLATE = TEMPLATES / "default" / "reference.pptx"
PLAN = "deck.yaml.j2"
EMU_PT = 12700
EMU_IN = 914400
INSET = 4 * EMU_PT  # text frame insets, all four sides
SAFE = 0.97  # measure against 97 % of the inner width
DEFAULT_LAYOUTS = {
    "title": ["Title Slide"],
    "section": ["Section Header"],
    "content": ["Title Only"],
}
KINDS = ("title", "agenda", "kpis", "section", "points", "chart", "quote", "summary", "sources")
NATIVE_KINDS = ("bar", "stacked", "donut", "change")
FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
_NUMBER = re.compile(r"^(.*?)([0-9][0-9,.]*)(.*)$", re.S)
_CN_NUMBER = re.compile(r"^(.*?)([零〇一二两三四五六七八九十百千万亿]+)(.*)$", re.S)
_CLOSERS = ("”", "’", "」", "』")
_SENTENCE_IN_LINE = re.compile(r"[^\n]+?(?:[。！？!?；;]+[”’」』）)\"]*|\.[”’)\"]*(?=\s)|$)")
_SENTENCE = re.compile(r".+?(?:[。！？!?；;]+[”’」』）)]*|$)", re.S)
_OPENING_QUOTES = "“‘「『\"'"


@dataclass(frozen=True)
class Entry:
    """One chart: its spec and (unless only the model's specs are known) the drawn slide PNG."""

    spec: ChartSpec
    png: Path | None = None
    alt: str = ""
    px: tuple[int, int] | None = None  # the PNG's size and dpi, known before it is drawn
    dpi: int | None = None


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide in EMU."""

    x: int
    y: int
    w: int
    h: int

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def inner(self) -> tuple[float, float]:
        """Usable text width and height in points inside the insets."""
        return (self.w - 2 * INSET) / EMU_PT * SAFE, (self.h - 2 * INSET) / EMU_PT


def write_deck(
    model: Model,
    output: Path,
    *,
    charts=None,
    template: Path | None = None,
    native_charts: bool = False,
    theme: Theme | None = None,
) -> Path:
    """Render the deck plan for ``model`` into a 16:9 .pptx at ``output`` (atomically)."""
    from reportgen.atomic import write_bytes

    data = build_deck(
        model, charts=charts, template=template, native_charts=native_charts, theme=theme
    )
    return write_bytes(output, data)


def build_deck(model: Model, **options) -> bytes:
    """The deck as reproducible .pptx bytes (``options`` as for compose_deck)."""
    return compose_deck(model, **options).to_bytes()


def compose_deck(
    model: Model,
    *,
    charts=None,
    template: Path | None = None,
    native_charts: bool = False,
    theme: Theme | None = None,
) -> Composed:
    """The deck laid out in memory; ``to_bytes()`` waits for charts still being drawn."""
    from reportgen.plans import labels as load_labels
    from reportgen.plans import render_plan
    from reportgen.writers.pptx_helpers import open_template, remove_all_slides

    theme = theme or load_theme()
    dirs, path = locate_template(template)
    labels = load_labels("deck", model.language, dirs)
    entries = chart_entries(model, charts)
    plan = render_plan(PLAN, plan_context(model, labels, entries), dirs)
    slides = _validate(plan, next((d / PLAN for d in dirs if (d / PLAN).is_file()), PLAN))
    prs = open_template(path)
    remove_all_slides(prs)
    deck = _Deck(prs, model, theme, labels, entries, native_charts, plan, path)
    # a chart set still being drawn (by a helper process): stand-ins now, real PNGs at save
    deck.images = LateImages(charts)
    for spec in slides:
        deck.render(spec)
    return deck.finish()


def locate_template(template: Path | None) -> tuple[list[Path], Path]:
    """The plan/labels search path and the reference .pptx for ``template``: a .pptx (its
    masters and layouts; the built-in plan), or a folder holding any of deck.yaml.j2,
    deck_labels_<lang>.yaml and reference.pptx (what it lacks comes from the built-in style)."""
    from reportgen.plans import template_dirs

    folder = Path(template) if template is not None and Path(template).is_dir() else None
    dirs = template_dirs("default", folder)
    if template is not None and folder is None:
        return dirs, Path(template)
    reference = next((d / "reference.pptx" for d in dirs if (d / "reference.pptx").is_file()), None)
    return dirs, reference or DEFAULT_TEMPLATE


def _validate(plan: object, where: Path | str = PLAN) -> list[dict]:
    if not isinstance(plan, dict) or not isinstance(plan.get("slides"), list):
        raise TemplateError("the deck plan must be a mapping with a `slides` list", path=where)
    for i, spec in enumerate(plan["slides"]):
        if not isinstance(spec, dict) or spec.get("kind") not in KINDS:
            kind = spec.get("kind") if isinstance(spec, dict) else spec
            raise TemplateError(
                f"slides[{i}]: unknown slide kind {kind!r}; use one of {', '.join(KINDS)}",
                path=where,
            )
    return plan["slides"]


# --- plan context -----------------------------------------------------------------------------


def chart_entries(model: Model, charts) -> dict[str, Entry]:
    """Charts by id: from the chart stage's files when given, else the model's own specs."""
    if charts is not None:
        out = {}
        for item in charts.entries:
            png = getattr(item, "slide_png", None)
            px = getattr(item, "slide_px", None)
            dpi = getattr(item, "dpi", None)
            path = Path(png) if png else None
            out[item.spec.id] = Entry(item.spec, path, item.alt or "", px, dpi)
        return out
    return {spec.id: Entry(spec, None, spec.alt) for spec in model.charts or []}


def plan_context(model: Model, labels: dict, entries: dict[str, Entry]) -> dict:
    """What the plan template sees: the model as data plus ready-made views of it."""
    themes = [_theme_view(model, i, entries) for i in range(len(model.themes))]
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
    }


def _theme_view(model: Model, i: int, entries: dict[str, Entry]) -> dict:
    t = model.themes[i]
    title = t.heading
    if t.tagline and t.heading.endswith(t.tagline) and len(t.heading) > len(t.tagline):
        title = t.heading[: -len(t.tagline)].strip()
    return {
        "index": i,
        "heading": t.heading,
        "title": title,
        "tagline": t.tagline,
        "verb": t.verb or "",
        "pair": list(t.pair),
        "mark": " · ".join(t.pair) if t.pair else f"{i + 1:02d}",
        "points": [{"head": p.text, "body": case_text(t, p)} for p in t.points],
        "sentences": [{"head": s, "body": ""} for s in opening_sentences(t)],
        "facts": [f.id for f in model.facts if f.theme == i],
        "quote": strongest_quote(model, i),
        "charts": [cid for cid, e in entries.items() if e.spec.theme == i],
        "cases": _theme_cases(model, i),
    }


def _theme_cases(model: Model, i: int) -> list[dict]:
    """The companies, institutions and projects theme ``i`` names, once each, in article order."""
    seen, out = set(), []
    for e in sorted((e for e in model.entities if e.theme == i), key=lambda e: e.span.start):
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
    start = lo
    for m in _SENTENCE_IN_LINE.finditer(text, lo, hi):
        if m.end() > span.start:
            # "“…。”某某说。": words after a closing quote finish the quoted sentence
            begin = start if text[m.start() - 1 : m.start()] in _CLOSERS else m.start()
            return text[begin : m.end()].strip()
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


def strongest_quote(model: Model, theme: int) -> str | None:
    """The theme's most substantial quote: a titled speaker first, then the longer text."""
    quotes = [q for q in model.quotes if q.theme == theme]
    if not quotes:
        return None
    return max(quotes, key=lambda q: (len(q.text) <= 160, bool(q.title), len(q.text))).id


def headline_facts(model: Model, limit: int = 4) -> list[str]:
    """Facts for the KPI slide: the lead's strongest figures (amounts and shares before spans of
    time), in article order, topped up with each theme's first figure."""
    lead = [(i, f) for i, f in enumerate(model.facts) if f.theme is None and _kpi_score(f) >= 0]
    best = sorted(lead, key=lambda p: (-_kpi_score(p[1]), p[0]))[:limit]
    chosen = [f.id for _, f in sorted(best, key=lambda p: p[0])]
    for i in range(len(model.themes)):
        if len(chosen) >= 3:
            break
        first = next((f.id for f in model.facts if f.theme == i and _kpi_score(f) >= 0), None)
        if first and first not in chosen:
            chosen.append(first)
    return chosen[:limit]


_TIME_UNITS = ("年", "月", "日", "天", "个月", "小时", "year", "years", "month", "months", "days")


def _kpi_score(fact) -> int:
    """How well a fact serves as a headline figure (negative: never)."""
    unit = fact.unit.strip().lower()
    if unit in _TIME_UNITS or fact.base_unit.strip().lower() in _TIME_UNITS:
        return -1
    score = 1 if fact.counts else 0
    if "元" in unit or "%" in unit or fact.base_unit in ("元", "%"):
        score += 2
    return score


# --- renderer ---------------------------------------------------------------------------------


class _Deck:
    """Draws slides of each kind onto a presentation opened from the template."""

    def __init__(self, prs, model, theme, labels, entries, native, plan, path) -> None:
        from reportgen.writers.pptx_helpers import Notes, find_layout

        self.prs, self.model, self.theme, self.labels = prs, model, theme, labels
        self.entries, self.native = entries, native
        self.images = LateImages(None)  # compose_deck gives it the chart set
        self.notes = Notes(prs)
        self.c = theme.colors
        self.zh = model.language == "zh"
        self.lang = "zh-CN" if self.zh else "en-US"
        names = dict(DEFAULT_LAYOUTS)
        names.update({k: _as_list(v) for k, v in (plan.get("layouts") or {}).items()})
        self.layouts = {role: find_layout(prs, names[role], role, path) for role in DEFAULT_LAYOUTS}
        self.W, self.H = int(prs.slide_width), int(prs.slide_height)
        self.body = float(theme.sizes.get("slide_body", 18))
        self.body_min = max(float(theme.sizes.get("slide_body_min", 14)), 14.0)
        self.title_size = float(theme.sizes.get("slide_title", 30))
        self.title_min = max(float(theme.sizes.get("slide_title_min", 24)), 24.0)
        self.frame = self._content_frame()

    # .. dispatch and shared pieces ..

    def render(self, spec: dict) -> None:
        getattr(self, f"_slide_{spec['kind']}")(spec)

    def _content_frame(self) -> Box:
        """The content area of a content slide: under the title, above the footer row."""
        layout = self.layouts["content"]
        title = _title_ph(layout)
        left = int(title.left) if title is not None else int(self.W * 0.07)
        width = int(title.width) if title is not None else int(self.W * 0.86)
        top = int(title.top + title.height) if title is not None else int(self.H * 0.18)
        footers = [
            int(ph.top)
            for ph in layout.placeholders
            if any(k in str(ph.placeholder_format.type) for k in ("FOOTER", "SLIDE_NUMBER", "DATE"))
            and int(ph.top) > self.H // 2
        ]
        bottom = min(footers, default=int(self.H * 0.93))
        pad = int(0.25 * EMU_IN)
        return Box(left, top + pad, width, bottom - top - pad - int(0.12 * EMU_IN))

    def _new(self, role: str, title: str, notes: list[str], *, theme: int | None = None):
        from reportgen.writers.pptx_helpers import add_slide_number

        slide = self.prs.slides.add_slide(self.layouts[role])
        ph = slide.shapes.title
        if ph is None:
            raise TemplateError(
                f"layout {self.layouts[role].name!r} has no title placeholder", path=None
            )
        if theme is not None and role == "content" and 0 <= theme < len(self.model.themes):
            self._theme_chip(slide, ph, theme)
        nominal = self.title_size if role == "content" else max(self.title_size, 32)
        if role == "title":
            nominal = 40
        self._fill_title(ph, title, nominal)
        add_slide_number(slide)
        lines = [n for n in notes if n]
        if lines:
            self.notes.set(slide, "\n".join(lines))
        return slide

    def _fill_title(self, ph, text: str, nominal: float) -> None:
        box = Box(int(ph.left), int(ph.top), int(ph.width), int(ph.height))
        width, height = box.inner()
        fit = tf.shrink([text], width, height, nominal, self.title_min, bold=True)
        if not fit.fits:
            max_lines = max(int(height // (self.title_min * tf.LINE)), 1)
            text = tf.ellipsize(text, width, self.title_min, max_lines, bold=True)
            fit = tf.shrink([text], width, height, self.title_min, self.title_min, bold=True)
        frame = ph.text_frame
        _frame_setup(frame, anchor=None)
        _write(frame, [[(text, fit.size, None, None)]], fit.size)

    def _theme_chip(self, slide, ph, theme: int) -> None:
        """A small accent tag with the theme's pair at the right end of the title row."""
        mark = _mark(self.model, theme)
        size = 16.0
        w = int((tf.text_width(mark, size, True) + 24) * EMU_PT)
        h = int(size * 2 * EMU_PT)
        left, top, width, height = int(ph.left), int(ph.top), int(ph.width), int(ph.height)
        right = left + width
        ph.left, ph.top, ph.height = left, top, height
        ph.width = max(width - w - int(0.2 * EMU_IN), width // 2)
        y = int(ph.top + (ph.height - h) / 2)
        shape = self._rect(slide, Box(right - w, y, w, h), self.c["accent"], name="Theme Tag")
        frame = shape.text_frame
        _frame_setup(frame, anchor="middle")
        _write(frame, [[(mark, size, True, "FFFFFF")]], size, align="center")

    def _rect(self, slide, box: Box, color: str, name: str = "", line: str | None = None):
        from pptx.dml.color import RGBColor
        from pptx.enum.shapes import MSO_SHAPE

        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, box.x, box.y, box.w, box.h)
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(color)
        if line:
            shape.line.color.rgb = RGBColor.from_string(line)
            shape.line.width = EMU_PT
        else:
            shape.line.fill.background()
        shape.shadow.inherit = False
        if name:
            shape.name = name
        return shape

    def _text(
        self,
        slide,
        box: Box,
        paras: list[str],
        *,
        size: float,
        floor: float | None = None,
        bold: bool = False,
        color: str | None = None,
        align: str = "left",
        anchor: str = "top",
        name: str = "",
        max_lines: int | None = None,
    ) -> tf.Fit:
        """A text box whose text is measured first: shrunk to fit, else cut with an ellipsis."""
        floor = self.body_min if floor is None else floor
        width, height = box.inner()
        paras = [p for p in paras if p]
        fit = tf.shrink(paras, width, height, size, floor, bold, max_lines=max_lines)
        if not fit.fits:
            paras = _cut(paras, width, height, floor, bold, max_lines)
            fit = tf.shrink(paras, width, height, floor, floor, bold)
        shape = slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
        if name:
            shape.name = name
        frame = shape.text_frame
        _frame_setup(frame, anchor=anchor)
        _write(frame, [[(p, fit.size, bold, color)] for p in paras], fit.size, align=align)
        return fit

    def _notes_facts(self, fact_ids: list[str]) -> list[str]:
        out = []
        for fid in fact_ids:
            try:
                fact = self.model.fact(fid)
            except KeyError:
                continue
            out.append(
                f"• {fact.text}（{fact.counts}）：{fact.sentence}"
                if self.zh and fact.counts
                else f"• {fact.text}: {fact.sentence}"
            )
        if out:
            out.insert(0, self.labels["notes_sources"] + ("：" if self.zh else ":"))
        return out

    def _talk(self, points: list[str]) -> list[str]:
        points = [p for p in points if p]
        if not points:
            return []
        return [self.labels["notes_talk"] + ("：" if self.zh else ":")] + [f"• {p}" for p in points]

    # .. slide kinds ..

    def _slide_title(self, spec: dict) -> None:
        kicker, byline = spec.get("kicker", ""), spec.get("byline", "")
        notes = self._talk([spec.get("title", ""), kicker, byline])
        slide = self._new("title", spec.get("title", ""), notes)
        sub = _placeholder(slide, 1)
        if sub is not None and kicker:
            box = Box(int(sub.left), int(sub.top), int(sub.width), int(sub.height))
            width, height = box.inner()
            fit = tf.shrink([kicker], width, height, 22, self.body_min, True)
            text = kicker if fit.fits else tf.ellipsize(kicker, width, self.body_min, 1, True)
            _frame_setup(sub.text_frame)
            _write(sub.text_frame, [[(text, fit.size, None, None)]], fit.size)
        elif sub is not None:
            sub._element.getparent().remove(sub._element)
        if byline:
            top = int(sub.top + sub.height) if sub is not None else int(self.H * 0.72)
            x = int(slide.shapes.title.left)
            box = Box(x, top + int(0.1 * EMU_IN), int(slide.shapes.title.width), int(0.5 * EMU_IN))
            self._text(slide, box, [byline], size=18, color=self.c["subtle"], name="Byline")

    def _slide_agenda(self, spec: dict) -> None:
        items = [i for i in spec.get("items") or [] if isinstance(i, dict)]
        notes = self._talk([f"{i.get('mark', '')}  {i.get('text', '')}" for i in items])
        slide = self._new("content", spec.get("title", ""), notes)
        cards = [
            [
                (i.get("mark", ""), 40, 28, True, self.c["accent"], 1),
                (i.get("text", ""), 20, self.body_min, True, self.c["primary"], 2),
                (i.get("sub", ""), 16, self.body_min, False, self.c["text"], 2),
            ]
            for i in items
        ]
        self._cards(slide, self.frame, cards)

    def _slide_kpis(self, spec: dict) -> None:
        facts = [self.model.fact(f) for f in spec.get("facts") or [] if _has_fact(self.model, f)]
        notes = self._notes_facts([f.id for f in facts])
        slide = self._new("content", spec.get("title", ""), notes)
        self._fact_cards(slide, self.frame, facts)

    def _fact_cards(self, slide, frame: Box, facts: list) -> None:
        if not facts:
            return
        n = len(facts)
        cols = n if n <= 4 else 3
        rows = -(-n // cols)
        gap = int(0.3 * EMU_IN)
        w = (frame.w - (cols - 1) * gap) // cols
        most = (frame.h - (rows - 1) * gap) // rows
        h = min(most, int(2.3 * EMU_IN))
        # one figure size for the whole row set (the largest every card's figure fits at)
        width, room = self._value_room(Box(0, 0, w, h))
        size = min(_value_fit(f.text, width, room).size for f in facts)
        for _ in range(3):  # under a lower cap a figure may take another shape: settle
            fits = [_value_fit(f.text, width, room, size) for f in facts]
            if min(fit.size for fit in fits) == size:
                break
            size = min(fit.size for fit in fits)
        tallest = max(fit.height for fit in fits)
        # cards grow (as far as the frame allows) to show their labels in full
        label_w = (w - 2 * int(0.22 * EMU_IN) - 2 * INSET) / EMU_PT * SAFE
        label_h = max(
            tf.shrink([_kpi_label(f)], label_w, 1e9, 18, self.body_min, max_lines=4).height
            for f in facts
        )
        need = int((tallest + 0.1 * size + label_h) * EMU_PT) + 4 * INSET + int(0.7 * EMU_IN)
        h = max(h, min(most, need))
        top = frame.y + (frame.h - rows * h - (rows - 1) * gap) // 2
        for k, (fact, fit) in enumerate(zip(facts, fits, strict=True)):
            r, col = divmod(k, cols)
            box = Box(frame.x + col * (w + gap), top + r * (h + gap), w, h)
            self._fact_card(slide, box, fact, fit, tallest)

    def _value_room(self, box: Box) -> tuple[float, float]:
        """Width and height (pt) a card's figure may use: the card less its margins and one
        line of label."""
        inner_w = box.w - 2 * int(0.22 * EMU_IN)
        label = int(0.1 * EMU_IN) + int(self.body_min * tf.LINE * EMU_PT) + 2 * INSET
        room = box.h - 2 * int(0.3 * EMU_IN) - 2 * INSET - label
        return (inner_w - 2 * INSET) / EMU_PT * SAFE, room / EMU_PT

    def _fact_card(self, slide, box: Box, fact, fit: ValueFit, tallest: float) -> None:
        self._rect(slide, box, self.c["panel"], name="KPI Card")
        self._rect(slide, Box(box.x, box.y, box.w, int(0.07 * EMU_IN)), self.c["accent"])
        pad = int(0.22 * EMU_IN)
        inner_w = box.w - 2 * pad
        top = box.y + int(0.3 * EMU_IN)
        # every card's figure box is as tall as the row's tallest, so the labels line up
        value_h = int((tallest + 0.1 * fit.size) * EMU_PT) + 2 * INSET
        value_box = Box(box.x + pad, top, inner_w, value_h)
        shape = slide.shapes.add_textbox(value_box.x, value_box.y, value_box.w, value_box.h)
        shape.name = "KPI Value"
        _frame_setup(shape.text_frame, anchor="bottom")
        paras = [
            [
                (t, s, True, self.c["accent"] if big else self.c["primary"])
                for t, s, big in runs
                if t
            ]
            for runs in fit.paras
        ]
        _write(shape.text_frame, [p for p in paras if p], fit.size, gap=0.0)
        label = _kpi_label(fact)
        label_box = Box(
            box.x + pad,
            value_box.bottom + int(0.1 * EMU_IN),
            inner_w,
            box.bottom - value_box.bottom - int(0.3 * EMU_IN),
        )
        _, height = label_box.inner()
        if label and height >= self.body_min * tf.LINE:
            lines = max(int(height // (self.body_min * tf.LINE)), 1)
            self._text(slide, label_box, [label], size=18, color=self.c["text"], max_lines=lines)

    def _slide_section(self, spec: dict) -> None:
        theme = int(spec.get("theme", 0))
        t = self.model.themes[theme] if 0 <= theme < len(self.model.themes) else None
        points = [p.text for p in t.points] if t else []
        slide = self._new(
            "section", spec.get("title", ""), self._talk([spec.get("sub", "")] + points)
        )
        body = _placeholder(slide, 1)
        sub = spec.get("sub", "")
        if body is not None and sub:
            box = Box(int(body.left), int(body.top), int(body.width), int(body.height))
            width, height = box.inner()
            fit = tf.shrink([sub], width, height, 22, self.body_min)
            text = sub if fit.fits else tf.ellipsize(sub, width, self.body_min, 1)
            _frame_setup(body.text_frame)
            _write(body.text_frame, [[(text, fit.size, None, None)]], fit.size)
        elif body is not None:
            body._element.getparent().remove(body._element)
        title = slide.shapes.title
        top, bottom = int(0.55 * EMU_IN), int(title.top) - int(0.45 * EMU_IN)
        if body is not None and sub and int(body.top) < int(title.top):
            bottom = int(body.top) - int(0.3 * EMU_IN)
        mark = spec.get("mark", "")
        if mark and bottom - top > EMU_IN:
            box = Box(int(title.left), top, int(title.width), bottom - top)
            width, height = box.inner()
            size = min(150.0, height / 1.25)
            while size > 40 and tf.text_width(mark, size, True) > width:
                size -= 4
            color = "FFFFFF" if _dark_background(self.layouts["section"]) else self.c["primary"]
            shape = slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
            shape.name = "Section Mark"
            _frame_setup(shape.text_frame, anchor="bottom")
            _write(shape.text_frame, [[(mark, size, True, color)]], size, line=1.25)

    def _slide_points(self, spec: dict) -> None:
        items = [
            (str(i.get("head", "")), str(i.get("body", "")))
            for i in spec.get("items") or []
            if isinstance(i, dict) and (i.get("head") or i.get("body"))
        ]
        theme = _int(spec.get("theme"))
        cases = self._cases(theme, spec.get("cases"))
        strip = self._points(spec.get("title", ""), theme, items, cases)
        if cases and not strip:
            self._slide_cases(spec.get("title", ""), theme, cases)

    def _points(self, title: str, theme, items: list, cases: list, talk: bool = True) -> bool:
        """Points (head, body) packed onto as few slides as fit, continued when they do not;
        ``cases`` as a strip of chips on the last one when there is room (returns whether)."""
        frame = self.frame
        width = (frame.w - int(0.3 * EMU_IN) - 2 * INSET) / EMU_PT * SAFE

        def measure(item, s):
            head, body = item
            h = tf.layout([head], width, s + 2, True).height if head else 0
            return (
                h
                + (tf.layout([body], width, s).height + 0.25 * s if body else 0)
                + 2 * INSET / EMU_PT
            )

        def pages_in(height: int):
            return tf.pack(items, measure, height / EMU_PT, self.body, self.body_min, gap=0.9)

        pages = pages_in(frame.h) if items else []
        strip = self._case_strip_layout(cases, frame.w) if cases and items else None
        if strip is not None:
            rest = frame.h - strip[0] - int(0.2 * EMU_IN)
            with_strip = pages_in(rest)
            # the strip shares the last points slide unless that costs a slide (or a point's room)
            if len(with_strip) == len(pages) and all(
                measure(i, s) <= rest / EMU_PT for s, g in with_strip for i in g
            ):
                pages = with_strip
            else:
                strip = None
        for n, (size, group) in enumerate(pages):
            last = n == len(pages) - 1
            if talk:
                notes = self._talk([f"{h}{b}" for h, b in group])
                notes += self._notes_cases(cases) if last and strip is not None else []
            else:  # a cases slide: the notes give each of its names with the sentence
                named = {e.text: e for e in cases}
                notes = self._notes_cases([named[h] for h, _ in group if h in named])
            slide = self._new(
                "content", title + (self.labels["continued"] if n else ""), notes, theme=theme
            )
            y = frame.y
            for head, body in group:
                h = int(measure((head, body), size) * EMU_PT)
                h = min(h, frame.bottom - y)
                self._rect(slide, Box(frame.x, y, int(0.06 * EMU_IN), h), self.c["accent"])
                box = Box(frame.x + int(0.3 * EMU_IN), y, frame.w - int(0.3 * EMU_IN), h)
                self._point(slide, box, head, body, size)
                y += h + int(0.9 * size * EMU_PT)
            if last and strip is not None:  # right under the points, never past the frame
                top = min(y + int(0.2 * EMU_IN), frame.bottom - strip[0])
                area = Box(frame.x, top, frame.w, strip[0])
                self._case_strip(slide, area, strip)
        return strip is not None

    # .. cases the theme names ..

    def _cases(self, theme: int | None, names) -> list:
        """The theme's entities the plan asks for, in the plan's order: only names the model
        holds for that theme (a plan cannot add a name of its own)."""
        if theme is None or not isinstance(names, list):
            return []
        known = {e.text: e for e in self.model.entities if e.theme == theme}
        out, seen = [], set()
        for name in names:
            text = name.get("text") if isinstance(name, dict) else name
            if isinstance(text, str) and text in known and text not in seen:
                seen.add(text)
                out.append(known[text])
        return out

    def _case_label(self, entity) -> str:
        return self.labels.get(f"case_{entity.kind}", entity.kind)

    def _notes_cases(self, cases: list) -> list[str]:
        if not cases:
            return []
        sep = "：" if self.zh else ": "
        out = [self.labels["notes_cases"] + sep.strip()]
        for e in cases:
            kind = f"（{self._case_label(e)}）" if self.zh else f" ({self._case_label(e)})"
            out.append(f"• {e.text}{kind}{sep}{sentence_at(self.model.text, e.span)}")
        return out

    def _case_strip_layout(self, cases: list, width: int):
        """(height, label width, chip size, rows of (entity, text, chip width)) of a strip of
        case chips ``width`` wide, or None when they need more than two rows even at the floor."""
        label = self.labels["cases"]
        for size in tf.sizes(16.0, self.body_min):
            label_w = int((tf.text_width(label, size, True) / SAFE + 16) * EMU_PT) + 2 * INSET
            room = width - label_w - int(0.15 * EMU_IN)
            chip_h = int(size * tf.LINE * EMU_PT) + 2 * INSET + int(0.08 * EMU_IN)
            # a rounded rectangle's text area is inset by 0.29 of its corner radius (h / 2)
            chip_pad, gap = int(0.29289 * chip_h / 2) + int(0.06 * EMU_IN), int(0.12 * EMU_IN)
            rows, row, used = [], [], 0
            for e in cases:
                text_w = tf.text_width(e.text, size) / SAFE
                limit = (room - 2 * chip_pad - 2 * INSET) / EMU_PT
                text = e.text if text_w <= limit else tf.ellipsize(e.text, limit * SAFE, size, 1)
                w = int(min(text_w, limit) * EMU_PT) + 2 * chip_pad + 2 * INSET
                if row and used + gap + w > room:
                    rows.append(row)
                    row, used = [], 0
                row.append((e, text, w))
                used += (gap if used else 0) + w
            rows.append(row)
            if len(rows) <= 2:
                height = int(0.2 * EMU_IN) + len(rows) * chip_h + (len(rows) - 1) * gap
                return height, label_w, size, rows, chip_h, gap
        return None

    def _case_strip(self, slide, box: Box, strip) -> None:
        """A hairline, the "cases" label and the theme's named companies, institutions and
        projects as chips, at the foot of the points slide."""
        from pptx.dml.color import RGBColor
        from pptx.enum.shapes import MSO_SHAPE

        _, label_w, size, rows, chip_h, gap = strip
        self._rect(slide, Box(box.x, box.y, box.w, int(0.015 * EMU_IN)), self.c["muted"])
        top = box.y + int(0.2 * EMU_IN)
        label = slide.shapes.add_textbox(box.x, top, label_w, chip_h)
        label.name = "Cases Label"
        _frame_setup(label.text_frame, anchor="middle")
        _write(label.text_frame, [[(self.labels["cases"], size, True, self.c["accent"])]], size)
        for r, row in enumerate(rows):
            x = box.x + label_w + int(0.15 * EMU_IN)
            y = top + r * (chip_h + gap)
            for _entity, text, w in row:
                chip = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, x, y, w, chip_h)
                chip.name = "Case"
                chip.adjustments[0] = 0.5
                chip.fill.solid()
                chip.fill.fore_color.rgb = RGBColor.from_string(self.c["panel"])
                chip.line.fill.background()
                chip.shadow.inherit = False
                frame = chip.text_frame
                _frame_setup(frame, anchor="middle")
                frame.margin_left = frame.margin_right = INSET
                _write(frame, [[(text, size, False, self.c["primary"])]], size, align="center")
                x += w + gap

    def _slide_cases(self, title: str, theme: int | None, cases: list) -> None:
        """The theme's cases on slides of their own: each name over the sentence it is in."""
        items = [(e.text, sentence_at(self.model.text, e.span)) for e in cases]
        sep = "：" if self.zh else ": "
        title = f"{title}{sep}{self.labels['cases']}" if title else self.labels["cases"]
        self._points(title, theme, items, cases, talk=False)

    def _point(self, slide, box: Box, head: str, body: str, size: float) -> None:
        width, height = box.inner()
        head_fit = tf.layout([head], width, size + 2, True) if head else None
        body_h = height - (head_fit.height if head_fit else 0) - 0.25 * size
        if body and tf.layout([body], width, size).height > body_h + 1:
            lines = max(int(body_h // (size * tf.LINE)), 1)
            body = tf.ellipsize(body, width, size, lines)
        shape = slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
        shape.name = "Point"
        _frame_setup(shape.text_frame)
        paras = []
        if head:
            paras.append([(head, size + 2, True, self.c["primary"])])
        if body:
            paras.append([(body, size, False, self.c["text"])])
        _write(shape.text_frame, paras, size, gap=0.25)

    def _slide_chart(self, spec: dict) -> None:
        cid = spec.get("chart")
        entry = self.entries.get(cid)
        if entry is None:
            return
        chart = entry.spec
        alt = entry.alt or chart.alt or chart.title
        notes = [alt] + self._notes_facts(chart.facts) + list(chart.notes)
        slide = self._new("content", spec.get("title") or chart.title, notes, theme=chart.theme)
        frame = self.frame
        caption_h = int(0.4 * EMU_IN)
        area = Box(frame.x, frame.y, frame.w, frame.h - caption_h)
        native = self.native or entry.png is None
        if native and chart.kind in NATIVE_KINDS and chart.series:
            self._native_chart(slide, area, chart, alt)
        elif native:
            facts = [self.model.fact(f) for f in chart.facts if _has_fact(self.model, f)]
            self._fact_cards(slide, area, facts[:6])
        else:
            # the drawn chart carries its own title, source line and derived-value note
            self._picture(slide, frame, entry, alt)
            return
        caption = chart.source or self.labels["chart_source"]
        if chart.derived:
            caption += ("；" if self.zh else "; ") + self.labels["derived_note"]
        box = Box(frame.x, frame.bottom - caption_h, frame.w, caption_h)
        self._text(slide, box, [caption], size=12, floor=10, color=self.c["subtle"], name="Source")

    def _picture(self, slide, area: Box, entry: Entry, alt: str) -> None:
        from reportgen import png
        from reportgen.writers.pptx_helpers import set_alt_text

        blob = self.images.blob(entry.png, entry.px, entry.dpi)
        pw, ph = png.size(blob) or _image_size(blob)
        scale = min(area.w / pw, area.h / ph)
        w, h = int(pw * scale), int(ph * scale)
        x, y = area.x + (area.w - w) // 2, area.y + (area.h - h) // 2
        pic = slide.shapes.add_picture(io.BytesIO(blob), x, y, w, h)
        pic.name = "Chart"
        set_alt_text(pic, alt)

    def _native_chart(self, slide, area: Box, chart: ChartSpec, alt: str) -> None:
        from pptx.chart.data import CategoryChartData
        from pptx.dml.color import RGBColor
        from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
        from pptx.util import Pt

        from reportgen.writers.pptx_helpers import set_alt_text

        data = CategoryChartData(number_format=_number_format(chart))
        first = chart.series[0]
        kind = chart.kind
        if kind == "stacked":
            # the parts (first series) as one stacked bar; a whole's own series is its total
            data.categories = [chart.title]
            for label, value in zip(first.labels, first.values, strict=False):
                data.add_series(label, [value])
            ctype = XL_CHART_TYPE.BAR_STACKED
        else:
            data.categories = first.labels
            for s in chart.series:
                data.add_series(s.name or chart.title, s.values)
            ctype = {
                "bar": XL_CHART_TYPE.BAR_CLUSTERED,
                "change": XL_CHART_TYPE.COLUMN_CLUSTERED,
                "stacked": XL_CHART_TYPE.BAR_STACKED,
                "donut": XL_CHART_TYPE.DOUGHNUT,
            }[kind]
        frame = slide.shapes.add_chart(ctype, area.x, area.y, area.w, area.h, data)
        frame.name = "Chart"
        set_alt_text(frame, alt)
        ch = frame.chart
        ch.font.size = Pt(14)
        ch.font.name = self.theme.font("latin")
        ch.has_title = False
        plot = ch.plots[0]
        plot.has_data_labels = True
        plot.data_labels.font.size = Pt(14)
        plot.data_labels.number_format = _number_format(chart)
        plot.data_labels.number_format_is_linked = False
        palette = self.theme.palette
        multi = kind in ("donut", "stacked")
        ch.has_legend = multi or len(chart.series) > 1
        if ch.has_legend:
            ch.legend.position = XL_LEGEND_POSITION.BOTTOM
            ch.legend.include_in_layout = False
        if kind == "donut":
            for k, point in enumerate(plot.series[0].points):
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = RGBColor.from_string(palette[k % len(palette)])
        else:
            plot.gap_width = 60
            derived = first.derived or [False] * len(first.values)
            for k, series in enumerate(plot.series):
                series.format.fill.solid()
                color = palette[k % len(palette)] if kind == "stacked" else palette[0]
                if kind == "stacked" and derived[k]:
                    color = self.c["muted"]
                series.format.fill.fore_color.rgb = RGBColor.from_string(color)
                if kind != "stacked":
                    for j, flag in enumerate(derived):
                        if flag:
                            point = series.points[j]
                            point.format.fill.solid()
                            point.format.fill.fore_color.rgb = RGBColor.from_string(self.c["muted"])
            if kind != "stacked":
                ch.value_axis.visible = False
                ch.value_axis.has_major_gridlines = False
                self._display_labels(plot.series[0], first)
            else:
                ch.category_axis.visible = False
            if kind == "bar":
                ch.category_axis.reverse_order = True  # first label on top, as in the drawing

    def _display_labels(self, series, data) -> None:
        """Data labels as the article shows the value (qualifier kept: "180余")."""
        from pptx.util import Pt

        for j, text in enumerate(data.display):
            if not text:
                continue
            frame = series.points[j].data_label.text_frame
            frame.text = text
            for para in frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(14)

    def _slide_quote(self, spec: dict) -> None:
        quote = next((q for q in self.model.quotes if q.id == spec.get("quote")), None)
        if quote is None:
            return
        notes = [
            self.labels["notes_quote"] + ("：" if self.zh else ":"),
            f"{quote.speaker}{('，' + quote.title) if quote.title and self.zh else ''}",
            quote.sentence or quote.text,
        ]
        slide = self._new("content", spec.get("title", ""), notes, theme=_int(spec.get("theme")))
        frame = self.frame
        mark_w = int(1.5 * EMU_IN)
        glyph = slide.shapes.add_textbox(frame.x, frame.y, mark_w, int(1.75 * EMU_IN))
        glyph.name = "Quote Mark"
        _frame_setup(glyph.text_frame)
        _write(glyph.text_frame, [[("“", 96, True, self.c["accent"])]], 96)
        speaker_h = int(0.6 * EMU_IN)
        box = Box(
            frame.x + mark_w,
            frame.y + int(0.3 * EMU_IN),
            frame.w - mark_w - int(0.4 * EMU_IN),
            frame.h - speaker_h - int(0.6 * EMU_IN),
        )
        self._text(
            slide,
            box,
            [quote.text.rstrip(",，、;；:： ")],  # the said-clause's comma is not the quote's
            size=28,
            color=self.c["primary"],
            anchor="middle",
            name="Quote",
        )
        who = quote.speaker + ((("，" if self.zh else ", ") + quote.title) if quote.title else "")
        said = Box(box.x, box.bottom + int(0.2 * EMU_IN), box.w, speaker_h)
        self._text(
            slide,
            said,
            [f"{self.labels['said']} {who}"],
            size=20,
            color=self.c["subtle"],
            align="right",
            name="Speaker",
        )

    def _slide_summary(self, spec: dict) -> None:
        cards, talk, facts = [], [], []
        for i, t in enumerate(self.model.themes):
            view = _theme_view(self.model, i, {})
            lead = t.points[0].text if t.points else ""
            talk.append(
                f"{view['mark']}：{t.heading}" if self.zh else f"{view['mark']}: {t.heading}"
            )
            key = next((f for f in self.model.facts if f.theme == i and _kpi_score(f) >= 0), None)
            cards.append(
                [
                    (view["mark"], 40, 28, True, self.c["accent"], 1),
                    (view["title"], 20, self.body_min, True, self.c["primary"], 2),
                    (t.tagline, 16, self.body_min, False, self.c["text"], 2),
                    (key.text if key else "", 28, 20, True, self.c["accent"], 1),
                    (key.counts if key else "", 14, self.body_min, False, self.c["subtle"], 2),
                    (lead, 16, self.body_min, False, self.c["subtle"], 4),
                ]
            )
            facts.extend([key.id] if key else [])
        notes = self._talk(talk) + self._notes_facts(facts)
        slide = self._new("content", spec.get("title", ""), notes)
        self._cards(slide, self.frame, cards)

    def _slide_sources(self, spec: dict) -> None:
        m, lab = self.model, self.labels
        sep = "：" if self.zh else ": "
        lines = [
            f"{lab['article']}{sep}{m.headline or m.series}",
            f"{lab['authors']}{sep}{'  '.join(m.authors)}" if m.authors else "",
            f"{lab['file']}{sep}{m.source.name}",
            lab["facts_line"],
        ]
        lines = [x for x in lines if x]
        slide = self._new("content", spec.get("title", ""), self._talk(lines))
        self._text(slide, self.frame, lines, size=self.body, color=self.c["text"], name="Sources")

    # .. cards ..

    def _cards(self, slide, frame: Box, cards: list[list[tuple]]) -> None:
        """Equal columns (two rows beyond four), each a panel of stacked, measured text blocks;
        panels are as tall as the fullest one needs and centred in the frame."""
        if not cards:
            return
        n = len(cards)
        cols = n if n <= 4 else -(-n // 2)
        rows = -(-n // cols)
        gap, pad, bar = int(0.3 * EMU_IN), int(0.25 * EMU_IN), int(0.07 * EMU_IN)
        w = (frame.w - (cols - 1) * gap) // cols
        width = (w - 2 * pad - 2 * INSET) / EMU_PT * SAFE
        laid = [[self._block_fit(b, width) for b in blocks] for blocks in cards]
        need = max(2 * pad + bar + sum(h + int(0.12 * EMU_IN) for b, h in c if b[0]) for c in laid)
        h = min((frame.h - (rows - 1) * gap) // rows, need + int(0.3 * EMU_IN))
        top = frame.y + (frame.h - rows * h - (rows - 1) * gap) // 2
        for k, blocks in enumerate(laid):
            r, col = divmod(k, cols)
            box = Box(frame.x + col * (w + gap), top + r * (h + gap), w, h)
            self._rect(slide, box, self.c["panel"], name="Card")
            self._rect(slide, Box(box.x, box.y, box.w, bar), self.c["primary"])
            y = box.y + pad + bar
            for (text, size, floor, bold, color, max_lines), block_h in blocks:
                if not text:
                    continue
                room = box.bottom - pad - y
                if room < int(floor * tf.LINE * EMU_PT) + 2 * INSET:
                    break
                block = Box(box.x + pad, y, box.w - 2 * pad, min(block_h, room))
                self._text(
                    slide,
                    block,
                    [text],
                    size=size,
                    floor=floor,
                    bold=bold,
                    color=color,
                    max_lines=max_lines,
                )
                y += block.h + int(0.12 * EMU_IN)

    def _block_fit(self, block: tuple, width: float) -> tuple[tuple, int]:
        """A card block with the height it needs (0 blocks are dropped by the caller)."""
        text, size, floor, bold, _, max_lines = block
        if not text:
            return block, 0
        fit = tf.shrink([text], width, 1e9, size, floor, bold, max_lines=max_lines)
        if not fit.fits:
            fit = tf.Fit(floor, [], max_lines * floor * tf.LINE)
        return block, int(fit.height * EMU_PT) + 2 * INSET

    # .. finish ..

    def finish(self) -> Composed:
        from reportgen.writers.pptx_helpers import (
            apply_fonts,
            clean_package,
            set_core_properties,
        )

        latin, ea = self.theme.font("latin"), self.theme.font("east_asian")
        notes = 0
        for slide in self.prs.slides:
            apply_fonts(slide._element, latin, ea, self.lang)
            if slide.has_notes_slide:
                notes += 1
                apply_fonts(slide.notes_slide._element, latin, ea, self.lang)
            for shape in slide.shapes:
                if getattr(shape, "has_chart", False) and shape.has_chart:
                    apply_fonts(shape.chart._chartSpace, latin, ea, self.lang)
        when = _timestamp()
        m = self.model
        set_core_properties(
            self.prs,
            title=m.headline or m.series or m.source.name,
            author="; ".join(m.authors),
            subject=m.series,
            lang=self.lang,
            when=when,
        )
        clean_package(self.prs, len(self.prs.slides), notes)
        self.prs.part.rename_slide_parts([s.rId for s in self.prs.slides._sldIdLst])
        return Composed(self.prs.part.package, self.images, lambda: self._serialize(when))

    def _serialize(self, when: datetime) -> bytes:
        from reportgen.writers.pptx_helpers import normalize_embedded

        buf = io.BytesIO()
        self.prs.save(buf)
        return normalize_embedded(buf.getvalue(), when)


# --- small helpers ----------------------------------------------------------------------------


def _timestamp() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).replace(tzinfo=None)
    return FIXED_TIME


def _image_size(blob: bytes) -> tuple[int, int]:
    """Pixel size of an image that is not one of our PNGs (a user's own chart files)."""
    from PIL import Image

    with Image.open(io.BytesIO(blob)) as im:
        return im.size


def _as_list(value) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _has_fact(model: Model, fid: str) -> bool:
    return any(f.id == fid for f in model.facts)


def _mark(model: Model, i: int) -> str:
    t = model.themes[i]
    return "·".join(t.pair) if t.pair else f"{i + 1:02d}"


def _title_ph(layout):
    for ph in layout.placeholders:
        if str(ph.placeholder_format.type).split(".")[-1].split(" ")[0] in (
            "TITLE",
            "CENTER_TITLE",
        ):
            return ph
    return None


def _placeholder(slide, idx: int):
    for ph in slide.placeholders:
        if ph.placeholder_format.idx == idx:
            return ph
    return None


def _dark_background(layout) -> bool:
    """Whether the layout (or its master) paints a dark solid background."""
    for part in (layout, layout.slide_master):
        bg = part._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}bg")
        if bg is None:
            continue
        rgb = bg.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}srgbClr")
        if rgb is None:
            return False
        v = rgb.get("val", "FFFFFF")
        r, g, b = (int(v[i : i + 2], 16) for i in (0, 2, 4))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110
    return False


def _kpi_label(fact) -> str:
    """What a KPI card says under its figure: what it counts, or, when that only repeats the
    figure's unit ("200 firms": firms), the sentence the figure comes from."""
    label = fact.counts
    if not label or label.casefold() in fact.text.casefold():
        return fact.sentence
    return label


def _split_value(text: str) -> tuple[str, str, str]:
    """A fact's surface split around its number, in digits or Chinese numerals:
    ("突破", "1200", "亿元"), ("", "二十五", "个百分点")."""
    match = _NUMBER.match(text) or _CN_NUMBER.match(text)
    if not match:
        return "", text, ""
    prefix, number, suffix = match.group(1), match.group(2), match.group(3)
    currency = len(prefix) - len(prefix.rstrip("$€£¥￥"))
    if currency:  # a currency sign belongs to the number ("about $" + "300" -> "about " + "$300")
        prefix, number = prefix[:-currency], prefix[-currency:] + number
    return prefix, number, suffix


VALUE_SIZE, VALUE_FLOOR, STACK_FROM, WRAP_SIZE, WRAP_FLOOR = 54.0, 24.0, 36.0, 36.0, 20.0


@dataclass(frozen=True)
class ValueFit:
    """A KPI figure laid out: paragraphs of (text, size, is the number) runs, the figure size and
    the height in points the paragraphs take."""

    paras: list[list[tuple[str, float, bool]]]
    size: float
    height: float


def _small(size: float) -> float:
    return min(max(round(size * 0.42), 14), size)


def _width(runs) -> float:
    return sum(tf.text_width(t, s, True) for t, s, _ in runs)


def _value_fit(text: str, width: float, height: float, cap: float = VALUE_SIZE) -> ValueFit:
    """A KPI figure fitted by measurement, whatever script its number is in: the number big
    between a smaller qualifier and unit on one line ("突破 1200 亿元"); a long qualifier on a
    line of its own above ("more than" / "200 firms"); else one size throughout, wrapped into
    ``height``; only at the floor is it cut with …."""
    prefix, number, suffix = _split_value(text)

    def one_line(size: float) -> ValueFit:
        runs = [(prefix, _small(size), False), (number, size, True), (suffix, _small(size), False)]
        return ValueFit([runs], size, size * tf.LINE)

    def stacked(size: float) -> ValueFit:  # the qualifier on a line above
        low = (prefix.strip(), _small(size), False)
        runs = [(number, size, True), (suffix, _small(size), False)]
        return ValueFit([[low], runs], size, (low[1] + size) * tf.LINE)

    def column(size: float) -> ValueFit:  # qualifier above, the unit below
        small = _small(size)
        paras = [[(prefix.strip(), small, False)], [(number, size, True)]]
        paras += [[(suffix.strip(), small, False)]]
        paras = [p for p in paras if p[0][0]]
        return ValueFit(paras, size, sum(p[0][1] for p in paras) * tf.LINE)

    def fits(fit: ValueFit, roomy: float) -> bool:
        wide = all(_width(runs) <= width * roomy for runs in fit.paras)
        return wide and fit.height + 0.1 * fit.size <= height

    shapes = [one_line] + ([stacked] if prefix.strip() else [])
    shapes += [column] if suffix.strip() else []
    # big and roomy: the first shape that fits; smaller: the largest size any shape fits at
    big = [(shape, size) for shape in shapes for size in tf.sizes(cap, STACK_FROM, 2.0)]
    for shape, size in big if cap >= STACK_FROM else []:
        if fits(shape(size), 0.85):
            return shape(size)
    # smaller: the largest size each shape fits at; more lines only for a clearly bigger figure
    best = None
    for shape in shapes:
        size = next(
            (s for s in tf.sizes(min(cap, STACK_FROM), VALUE_FLOOR, 2.0) if fits(shape(s), 1.0)),
            None,
        )
        if size is not None and (best is None or size >= best.size + 6):
            best = shape(size)
    if best is not None:
        return best
    # too wide even at the floor: one size throughout, wrapped into the height
    for size in tf.sizes(min(cap, WRAP_SIZE), WRAP_FLOOR, 2.0):
        lines = len(tf.wrap(text, width, size, True))
        if (lines + 0.1) * size * tf.LINE <= height:
            return ValueFit([[(text, size, True)]], size, lines * size * tf.LINE)
    lines = max(int(height // (WRAP_FLOOR * tf.LINE * 1.1)), 1)
    cut = tf.ellipsize(text, width, WRAP_FLOOR, lines, True)
    lines = len(tf.wrap(cut, width, WRAP_FLOOR, True))
    return ValueFit([[(cut, WRAP_FLOOR, True)]], WRAP_FLOOR, lines * WRAP_FLOOR * tf.LINE)


def _number_format(chart: ChartSpec) -> str:
    values = [v for s in chart.series for v in s.values]
    return "0" if all(float(v).is_integer() for v in values) else "0.0#"


def _cut(paras: list[str], width: float, height: float, size: float, bold: bool, max_lines):
    """Paragraphs shortened (last ones first, with …) to fit ``height`` at ``size``."""
    budget = max(int(height // (size * tf.LINE)), 1)
    if max_lines:
        budget = min(budget, max_lines)
    out = []
    for p in paras:
        if budget <= 0:
            break
        lines = tf.wrap(p, width, size, bold)
        if len(lines) <= budget:
            out.append(p)
            budget -= len(lines) + (1 if len(out) > 1 else 0)
        else:
            out.append(tf.ellipsize(p, width, size, budget, bold))
            break
    return out or [tf.ellipsize(paras[0], width, size, 1, bold)] if paras else []


def _frame_setup(frame, anchor: str | None = "top") -> None:
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE

    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = INSET
    frame.margin_top = frame.margin_bottom = INSET
    if anchor is None:
        return
    frame.vertical_anchor = {
        "top": MSO_ANCHOR.TOP,
        "middle": MSO_ANCHOR.MIDDLE,
        "bottom": MSO_ANCHOR.BOTTOM,
    }[anchor]


def _write(
    frame,
    paras: list[list[tuple]],
    size: float,
    *,
    align: str = "left",
    line: float = tf.LINE,
    gap: float = tf.GAP,
) -> None:
    """Write paragraphs of (text, size, bold, color) runs with exact line pitch and spacing."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    from reportgen.writers.ooxml import xml_safe
    from reportgen.writers.pptx_helpers import style_run

    frame.clear()
    alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[align]
    for k, runs in enumerate(paras):
        para = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        para.alignment = alignment
        biggest = max((r[1] for r in runs), default=size)
        para.line_spacing = Pt(round(biggest * line, 1))
        para.space_before = Pt(round(size * gap, 1)) if k else Pt(0)
        for text, run_size, bold, color in runs:
            run = para.add_run()
            run.text = xml_safe(text)
            style_run(run, run_size, bold=bold, color=color)
        end = para._p.get_or_add_endParaRPr()
        end.set("sz", str(int(round(biggest * 100))))
