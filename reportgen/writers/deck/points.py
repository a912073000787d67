"""Point slides: a theme's points with their cases, and the strip of organisations it names."""

from __future__ import annotations

from reportgen.plans.deck import sentence_at
from reportgen.writers import textfit as tf
from reportgen.writers.deck.layout import (
    EMU_IN,
    EMU_PT,
    INSET,
    SAFE,
    Box,
    _frame_setup,
    _int,
    _write,
)


class PointSlides:
    """Point and case slides of a deck (a mixin of the deck renderer)."""

    def _slide_points(self, spec: dict) -> None:
        given = [
            i
            for i in spec.get("items") or []
            if isinstance(i, dict) and (i.get("head") or i.get("body"))
        ]
        items = [(str(i.get("head", "")), str(i.get("body", ""))) for i in given]
        # a bullet cut short (plans.bullets) has its whole text read in the speaker notes
        said = {item: str(i["note"]) for item, i in zip(items, given, strict=True) if i.get("note")}
        theme = _int(spec.get("theme"))
        cases = self._cases(theme, spec.get("cases"))
        strip = self._points(spec.get("title", ""), theme, items, cases, said=said)
        if cases and not strip:
            self._slide_cases(spec.get("title", ""), theme, cases)

    def _points(
        self, title: str, theme, items: list, cases: list, talk: bool = True, said=None
    ) -> bool:
        """Points (head, body) packed onto as few slides as fit, continued when they do not;
        ``cases`` as a strip of chips on the last one when there is room (returns whether);
        ``said`` gives the whole text the notes read for a point shown cut short."""
        said = said or {}
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
        # a cases slide (talk off) lists the names already: no strip repeats them
        strip = self._case_strip_layout(cases, frame.w) if cases and items and talk else None
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
                notes = self._talk([said.get((h, b)) or self._joined(h, b) for h, b in group])
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

    def _joined(self, head: str, body: str) -> str:
        """A point read aloud: its head and body as one text; a head cut at a clause boundary
        (no sentence end) is followed by a comma, so the sentence reads as the article's."""
        if head and body and head.rstrip()[-1:] not in "。！？；：.!?;:”’\"')）":
            return f"{head}，{body}" if self.zh else f"{head}, {body}"
        return f"{head}{body}" if self.zh else " ".join(x for x in (head, body) if x)

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
