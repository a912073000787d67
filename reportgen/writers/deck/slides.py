"""The deck renderer: one method per slide kind, the shared pieces, the finished package."""

from __future__ import annotations

import io
from datetime import datetime

from reportgen.clock import FIXED_DATE
from reportgen.errors import TemplateError
from reportgen.plans.deck import _theme_view
from reportgen.plans.select import card_label, section_figure
from reportgen.writers import textfit as tf
from reportgen.writers.deck.charts import ChartSlides
from reportgen.writers.deck.kpi import KpiSlides
from reportgen.writers.deck.layout import (
    EMU_IN,
    EMU_PT,
    INSET,
    SAFE,
    Box,
    _as_list,
    _cut,
    _dark_background,
    _frame_setup,
    _int,
    _mark,
    _placeholder,
    _title_ph,
    _write,
)
from reportgen.writers.deck.points import PointSlides
from reportgen.writers.late_images import Composed, LateImages

# Cards on an agenda or summary slide: three columns of two rows, each wide enough for its
# heading and its figure at a readable size.
CARDS_PER_SLIDE = 6

DEFAULT_LAYOUTS = {
    "title": ["Title Slide"],
    "section": ["Section Header"],
    "content": ["Title Only"],
}


class _Deck(KpiSlides, ChartSlides, PointSlides):
    """Draws slides of each kind onto a presentation opened from the template."""

    def __init__(self, prs, model, theme, labels, entries, native, plan, path) -> None:
        from reportgen.writers.pptx_helpers import Notes, SlideAdder, find_layout

        self.prs, self.model, self.theme, self.labels = prs, model, theme, labels
        self.entries, self.native = entries, native
        self.images = LateImages(None)  # compose_deck gives it the chart set
        self.notes = Notes(prs)
        self.slides = SlideAdder(prs)
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

        slide = self.slides.add(self.layouts[role])
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
            sentence = self.model.sentence_of(fact)
            out.append(
                f"• {fact.text}（{fact.counts}）：{sentence}"
                if self.zh and fact.counts
                else f"• {fact.text}: {sentence}"
            )
        if out:
            out.insert(0, self.labels["notes_sources"] + ("：" if self.zh else ":"))
        return out

    def _talk(self, points: list[str]) -> list[str]:
        points = [p for p in points if p]
        if not points:
            return []
        return [self.labels["notes_talk"] + ("：" if self.zh else ":")] + [f"• {p}" for p in points]

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
        top = int(sub.top + sub.height) if sub is not None else int(self.H * 0.72)
        x, wide = int(slide.shapes.title.left), int(slide.shapes.title.width)
        if byline:
            box = Box(x, top + int(0.1 * EMU_IN), wide, int(0.5 * EMU_IN))
            self._text(slide, box, [byline], size=18, color=self.c["subtle"], name="Byline")
            top += int(0.5 * EMU_IN)
        # the publication date and the publication: small and muted, under the byline
        dated = [str(spec[k]) for k in ("date", "source") if spec.get(k)]
        if dated:
            box = Box(x, top + int(0.1 * EMU_IN), wide, int(0.4 * EMU_IN))
            line = "  ·  ".join(dated)
            self._text(slide, box, [line], size=14, color=self.c["subtle"], name="Date")

    def _slide_agenda(self, spec: dict) -> None:
        items = [i for i in spec.get("items") or [] if isinstance(i, dict)]
        for title, page in self._pages(spec.get("title", ""), items):
            notes = self._talk([f"{i.get('mark', '')}  {i.get('text', '')}" for i in page])
            slide = self._new("content", title, notes)
            cards = [
                [
                    (i.get("mark", ""), 40, 28, True, self.c["accent"], 1),
                    (i.get("text", ""), 20, self.body_min, True, self.c["primary"], 2),
                    (i.get("sub", ""), 16, self.body_min, False, self.c["text"], 2),
                ]
                for i in page
            ]
            self._cards(slide, self.frame, cards)

    def _pages(self, title: str, items: list) -> list[tuple[str, list]]:
        """``items`` in pages of at most six cards (three columns, two rows: each card keeps
        room for its words and figure); a page after the first is titled as continued."""
        pages = [items[i : i + CARDS_PER_SLIDE] for i in range(0, len(items), CARDS_PER_SLIDE)]
        more = f"{title}{self.labels.get('continued', '')}"
        return [(more if k else title, page) for k, page in enumerate(pages or [items])]

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

    def _slide_quote(self, spec: dict) -> None:
        quote = next((q for q in self.model.quotes if q.id == spec.get("quote")), None)
        if quote is None:
            return
        notes = [
            self.labels["notes_quote"] + ("：" if self.zh else ":"),
            f"{quote.speaker}{('，' + quote.title) if quote.title and self.zh else ''}",
            self.model.sentence_of(quote) or quote.text,
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
        if not quote.speaker:
            return  # an unattributed quote is shown without a speaker line
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
        n = len(self.model.themes)
        asked = spec.get("themes")
        themes = (
            [i for i in asked if isinstance(i, int) and 0 <= i < n]
            if isinstance(asked, list)
            else list(range(n))
        )
        for title, page in self._pages(spec.get("title", ""), themes):
            self._summary_page(title, page)

    def _summary_page(self, title: str, themes: list[int]) -> None:
        cards, talk, facts = [], [], []
        for i in themes:
            t = self.model.themes[i]
            view = _theme_view(self.model, i, {})
            # the section's lead: its first point, else the opening sentence the deck shows for it
            lead = view["items"][0]["head"] if view["items"] else ""
            talk.append(
                f"{view['mark']}：{t.heading}" if self.zh else f"{view['mark']}: {t.heading}"
            )
            key = section_figure(self.model, i)
            cards.append(
                [
                    (view["mark"], 40, 28, True, self.c["accent"], 1),
                    (view["title"], 20, self.body_min, True, self.c["primary"], 2),
                    (t.tagline, 16, self.body_min, False, self.c["text"], 2),
                    (key.text if key else "", 28, 20, True, self.c["accent"], 1),
                    (
                        card_label(key, self.model) if key else "",
                        14,
                        self.body_min,
                        False,
                        self.c["subtle"],
                        2,
                    ),
                    (lead, 16, self.body_min, False, self.c["subtle"], 4),
                ]
            )
            facts.extend([key.id] if key else [])
        notes = self._talk(talk) + self._notes_facts(facts)
        slide = self._new("content", title, notes)
        self._cards(slide, self.frame, cards)

    def _slide_sources(self, spec: dict) -> None:
        from reportgen.plans.deck import display_title

        m, lab = self.model, self.labels
        sep = "：" if self.zh else ": "
        title = display_title(m) if m.headline or m.series or m.dek or m.themes else ""
        lines = [
            f"{lab['article']}{sep}{title}" if title else "",  # never an empty "Article:" line
            f"{lab['authors']}{sep}{'  '.join(m.authors)}" if m.authors else "",
            f"{lab.get('publication', '')}{sep}{spec['source']}" if spec.get("source") else "",
            f"{lab['file']}{sep}{m.source.name}",
            lab["facts_line"],
        ]
        lines = [x for x in lines if x]
        slide = self._new("content", spec.get("title", ""), self._talk(lines))
        self._text(slide, self.frame, lines, size=self.body, color=self.c["text"], name="Sources")

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
                if max_lines == 1:  # a mark or a figure, measured whole: never rewrapped
                    slide.shapes[-1].name = "Card Line"
                    slide.shapes[-1].text_frame.word_wrap = False
                y += block.h + int(0.12 * EMU_IN)

    def _block_fit(self, block: tuple, width: float) -> tuple[tuple, int]:
        """A card block with the height it needs (0 blocks are dropped by the caller); a
        one-line block (a mark, a figure) that cannot fit whole is dropped, never cut."""
        text, size, floor, bold, _, max_lines = block
        if not text:
            return block, 0
        fit = tf.shrink([text], width, 1e9, size, floor, bold, max_lines=max_lines)
        if not fit.fits and max_lines == 1:
            return ("", *block[1:]), 0  # a mark or a figure is shown whole or not at all
        if not fit.fits:
            fit = tf.Fit(floor, [], max_lines * floor * tf.LINE)
        return block, int(fit.height * EMU_PT) + 2 * INSET

    def finish(self, when: datetime | None = None) -> Composed:
        """Fonts, properties dated ``when`` (2000-01-01 without one) and the package cleaned."""
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
        when = (when or FIXED_DATE).replace(tzinfo=None)
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
