"""The headline-figure slide: KPI cards whose figures are fitted by measurement."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.writers import textfit as tf
from reportgen.writers.deck.layout import (
    EMU_IN,
    EMU_PT,
    INSET,
    SAFE,
    Box,
    _frame_setup,
    _has_fact,
    _write,
)

_NUMBER = re.compile(r"^(.*?)([0-9][0-9,.]*)(.*)$", re.S)
_CN_NUMBER = re.compile(r"^(.*?)([零〇一二两三四五六七八九十百千万亿]+)(.*)$", re.S)


def _kpi_label(fact, model) -> str:
    """What a KPI card says under its figure: its subject and label (plans.select.card_label),
    or, when that only repeats the figure's unit ("200 firms": firms), the clause (else the
    sentence) the figure comes from, when short enough for a card."""
    from reportgen.plans.brief import clause
    from reportgen.plans.select import card_label

    label = card_label(fact, model)
    if not label or label.casefold() in fact.text.casefold():
        # the clause that states the figure, when short enough for a card; else the sentence
        words = clause(fact, model) if hasattr(model, "facts") else ""
        for text in (
            words,
            model.sentence_of(fact),
        ):  # a card holds a short line, never a paragraph
            if text and len(text) <= 80:
                return text
        return ""
    return label


def _split_value(text: str) -> tuple[str, str, str]:
    """A fact's surface split around its number, in digits or Chinese numerals:
    ("突破", "1200", "亿元"), ("", "二十五", "个百分点")."""
    match = _NUMBER.match(text) or _CN_NUMBER.match(text)
    if not match:
        return "", text, ""
    prefix, number, suffix = match.group(1), match.group(2), match.group(3)
    if re.search(r"\d", suffix):  # a range (37.5~52.5亿): one piece, never split across lines
        number, suffix = number + suffix, ""
    currency = len(prefix) - len(prefix.rstrip("$€£¥￥"))
    if currency:  # a currency sign belongs to the number ("about $" + "300" -> "about " + "$300")
        prefix, number = prefix[:-currency], prefix[-currency:] + number
    return prefix, number, suffix


VALUE_SIZE, VALUE_FLOOR, STACK_FROM, MIN_SIZE = 54.0, 24.0, 36.0, 12.0


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
    line of its own above ("more than" / "200 firms"); the unit below too; else smaller, each
    piece on its own line: never broken inside its number, never cut."""
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
            (s for s in tf.sizes(min(cap, STACK_FROM), VALUE_FLOOR, 2.0) if fits(shape(s), 0.92)),
            None,
        )
        if size is not None and (best is None or size >= best.size + 6):
            best = shape(size)
    if best is not None:
        return best
    # too wide even at the floor: smaller, each piece whole on a line of its own; a figure never
    # wraps inside its value (no "37.5~52" over ".5亿"), and is never cut
    for size in tf.sizes(VALUE_FLOOR, MIN_SIZE, 1.0):
        for shape in shapes:
            if fits(shape(size), 1.0):
                return shape(size)
    last = column if (prefix.strip() or suffix.strip()) else one_line
    widest = max(_width(runs) for runs in last(MIN_SIZE).paras)
    return last(max(MIN_SIZE * min(1.0, width / widest) if widest else MIN_SIZE, 6.0))


class KpiSlides:
    """The KPI slide of a deck (a mixin of the deck renderer)."""

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
            tf.shrink(
                [_kpi_label(f, self.model)], label_w, 1e9, 18, self.body_min, max_lines=4
            ).height
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
        shape.text_frame.word_wrap = False  # each line laid out by measurement: never rewrapped
        paras = [
            [
                (t, s, True, self.c["accent"] if big else self.c["primary"])
                for t, s, big in runs
                if t
            ]
            for runs in fit.paras
        ]
        _write(shape.text_frame, [p for p in paras if p], fit.size, gap=0.0)
        label = _kpi_label(fact, self.model)
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
