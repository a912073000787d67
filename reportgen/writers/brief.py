"""Write the Word briefing: render the plan, open the reference .docx, write its blocks, save."""

from __future__ import annotations

import datetime as _dt
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.clock import FIXED_DATE, source_date
from reportgen.plans.brief import plan_context
from reportgen.writers.brief_reference import (
    PLAN,
    _locate,
    _prepare,
    _properties,
    check_plan,
    check_styles,
    open_reference,
)
from reportgen.writers.late_images import Composed, LateImages
from reportgen.writers.ooxml import shown, xml_safe

if TYPE_CHECKING:
    from reportgen.model import Model
    from reportgen.theme import Theme

_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]")


def write_brief(
    model: Model,
    output: Path,
    *,
    charts=None,
    template: Path | None = None,
    style: str = "default",
    theme: Theme | None = None,
    when: _dt.datetime | None = None,
) -> Path:
    """Write the briefing for ``model`` to ``output`` (.docx); same input gives the same bytes.

    ``template`` is a reference .docx (its styles, letterhead, header and footer are used) or a
    folder holding brief.yaml.j2 / labels / reference.docx. ``when`` (else SOURCE_DATE_EPOCH)
    dates the memo; with neither the date line is left out and properties use 2000-01-01.
    """
    from reportgen.atomic import write_bytes

    return write_bytes(
        output,
        render_brief(model, charts=charts, template=template, style=style, theme=theme, when=when),
    )


def render_brief(model: Model, **options) -> bytes:
    """The briefing as normalized .docx bytes (``options`` as for compose_brief)."""
    return compose_brief(model, **options).to_bytes()


def compose_brief(
    model: Model,
    *,
    charts=None,
    template: Path | None = None,
    style: str = "default",
    theme: Theme | None = None,
    when: _dt.datetime | None = None,
) -> Composed:
    """The briefing laid out in memory; ``to_bytes()`` waits for charts still being drawn."""
    from reportgen.plans import labels as load_labels
    from reportgen.plans import render_plan
    from reportgen.theme import load_theme

    theme = theme or load_theme()
    dirs, reference, user = _locate(style, template)
    labels = load_labels("brief", model.language, dirs)
    when = when or source_date()
    plan = check_plan(render_plan(PLAN, plan_context(model, charts, labels, when), dirs))
    document = open_reference(reference)
    check_styles(document, plan, reference)
    _prepare(document, theme, style=style, user=user, language=model.language)
    writer = _Writer(document, model, charts, labels, theme, plan)
    writer.blocks(plan["blocks"])
    writer.finish()
    _properties(document, model, when or FIXED_DATE)
    return Composed(document.part.package, writer.images, lambda: _serialize(document))


def _serialize(document) -> bytes:
    from reportgen.writers.ooxml import normalize_zip

    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())


# -- the writer: one method per block kind ------------------------------------------------------


class _Writer:
    """Writes plan blocks into a document and keeps the figure, table and heading counters."""

    def __init__(self, document, model: Model, charts, labels, theme: Theme, plan: dict) -> None:
        self.doc = document
        self.model = model
        self.labels = labels
        self.theme = theme
        self.plan = plan
        self.charts = {e.spec.id: e for e in (getattr(charts, "entries", None) or [])}
        # a chart set still being drawn (by a helper process): stand-ins now, real PNGs at save
        self.images = LateImages(charts)
        self.placed: set[str] = set()
        self.zh = model.language == "zh"
        self.figures = 0
        self.tables = 0
        self.headings: list[tuple[int, str, str]] = []
        self.toc = None
        self.toc_levels = 2

    # helpers
    def style(self, paragraph, name: str | None) -> None:
        """Apply a paragraph style by name (cached id lookup: python-docx scans every style)."""
        if name is None:
            return
        paragraph._p.style = self._ids_map()[name]

    def para(self, style: str | None = None, text: str = "", *, bold: bool = False):
        from reportgen.writers.docx_helpers import add_body_paragraph

        paragraph = add_body_paragraph(self.doc)
        self.style(paragraph, style)
        if text:
            self.text(paragraph, text, bold=bold)
        return paragraph

    def last_paragraph(self):
        from reportgen.writers.docx_helpers import last_body_paragraph

        return last_body_paragraph(self.doc)

    def text(self, paragraph, text: str, *, bold: bool = False) -> None:
        """Add text; ``**...**`` marks bold spans."""
        for i, chunk in enumerate(shown(str(text)).split("**")):
            if chunk:
                self.run(paragraph, chunk, bold=bold or i % 2 == 1)

    def run(self, paragraph, text: str, *, bold: bool = False):
        from reportgen.writers.docx_helpers import RPR_ORDER, child, w

        run = paragraph.add_run(shown(text))
        if bold:
            run.bold = True
        if self.zh and _CJK.search(text):
            # Ambiguous-width punctuation (quotes, dashes) then takes the East Asian face.
            child(run._r.get_or_add_rPr(), "rFonts", RPR_ORDER).set(w("hint"), "eastAsia")
        return run

    def heading(self, text: str, level: int = 1, style: str | None = None):
        from reportgen.writers.docx_helpers import add_bookmark

        paragraph = self.para(style or f"Heading {level}", text)
        name = f"_Toc{len(self.headings) + 1:08d}"
        add_bookmark(paragraph, len(self.headings) + 1, name)
        self.headings.append((level, shown(str(text)).replace("**", ""), name))
        return paragraph

    def blocks(self, blocks: list[dict]) -> None:
        for block in blocks:
            getattr(self, f"block_{block['kind']}")(block)

    # block kinds
    def block_title(self, b: dict) -> None:
        if b.get("kicker"):
            self.para("Brief Kicker", b["kicker"])
        self.para(b.get("style", "Title"), b.get("headline", ""))
        for line in b.get("lines") or []:
            self.para("Brief Meta", line)
        if b.get("lines"):
            self.last_paragraph().paragraph_format.space_after = _pt(18)

    def block_toc(self, b: dict) -> None:
        if b.get("heading"):
            self.para(b.get("style", "TOC Heading"), b["heading"])
        self.toc = self.para("TOC 1")
        self.toc_levels = int(b.get("levels", 2))

    def block_heading(self, b: dict) -> None:
        self.heading(b.get("text", ""), int(b.get("level", 1)), b.get("style"))

    def block_paragraph(self, b: dict) -> None:
        self.para(b.get("style"), b.get("text", ""))

    def block_note(self, b: dict) -> None:
        self.para(b.get("style", "Brief Note"), b.get("text", ""))

    def block_page_break(self, b: dict) -> None:
        from docx.enum.text import WD_BREAK

        last = self.last_paragraph()
        if last is None:
            last = self.para()
        last.add_run().add_break(WD_BREAK.PAGE)

    def block_key_points(self, b: dict) -> None:
        if b.get("heading"):
            self.heading(b["heading"], 1)
        for item in b.get("items") or []:
            self.para(b.get("style", "List Bullet"), item)

    def block_points(self, b: dict) -> None:
        as_headings = b.get("as") == "headings"
        for item in b.get("items") or []:
            item = item if isinstance(item, dict) else {"text": item}
            support = " ".join(str(s) for s in item.get("support") or [])
            if as_headings:
                self.heading(item.get("text", ""), 2, b.get("style"))
                if support:
                    self.para(b.get("body_style"), support)
                continue
            p = self.para(b.get("style", "List Bullet"))
            self.text(p, item.get("text", ""), bold=True)
            if support:
                self.text(p, (" " if not self.zh else "") + support)

    def block_quote(self, b: dict) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = self.para(b.get("style", "Quote"), b.get("text", ""))
        p.paragraph_format.keep_with_next = bool(b.get("attribution"))
        if b.get("attribution"):
            a = self.para(b.get("style", "Quote"), b["attribution"])
            a.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            a.paragraph_format.space_before = _pt(0)
            a.paragraph_format.space_after = _pt(10)

    def block_quotes(self, b: dict) -> None:
        if b.get("heading") and b.get("items"):
            self.heading(b["heading"], 2)
        for item in b.get("items") or []:
            self.block_quote({**item, "style": b.get("style", "Quote")})

    def block_chart(self, b: dict) -> None:
        entry = self.charts.get(str(b.get("id")))
        if entry is None or entry.spec.id in self.placed:
            return
        self.placed.add(entry.spec.id)
        self.picture(entry, b)

    def block_charts(self, b: dict) -> None:
        for chart_id in b.get("ids") or []:
            self.block_chart({**b, "id": chart_id})

    def picture(self, entry, b: dict) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.image.image import Image

        from reportgen.writers.docx_helpers import add_field, set_alt_text

        px, dpi = getattr(entry, "page_px", None), getattr(entry, "dpi", None)
        blob = self.images.blob(entry.page_png, px, dpi)
        width = min(Image.from_blob(blob).width, self.text_width())
        p = self.para()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_after = _pt(2)
        p.paragraph_format.line_spacing = 1.0
        _no_indent(p)
        shape = self.run(p, "").add_picture(io.BytesIO(blob), width=width)
        alt = xml_safe(entry.alt or entry.spec.alt or entry.spec.title)
        set_alt_text(shape, alt, xml_safe(entry.spec.title))
        self.figures += 1
        cap = self.para(b.get("caption_style", "Caption"))
        label = self.labels.get("figure", "Figure")
        self.run(cap, label + ("" if self.zh else " "))
        add_field(cap, f"SEQ {label} \\* ARABIC", str(self.figures))
        self.text(cap, " " + entry.spec.title)
        if b.get("refs"):
            self.text(cap, b["refs"])

    def block_figures_table(self, b: dict) -> None:
        self.block_table(b)

    def block_table(self, b: dict) -> None:
        from reportgen.writers.docx_helpers import add_field, table_cells

        if b.get("heading"):
            self.heading(b["heading"], int(b.get("level", 1)))
        if b.get("intro"):
            self.para(None, b["intro"])
        columns = [str(c) for c in b.get("columns") or []]
        merge = [int(c) for c in b.get("merge") or []]
        rows = table_cells(b.get("rows") or [], merge)
        if not columns or not rows:
            return
        if b.get("caption"):
            self.tables += 1
            cap = self.para(b.get("caption_style", "Caption"))
            cap.paragraph_format.keep_with_next = True
            cap.paragraph_format.space_after = _pt(4)
            label = self.labels.get("table", "Table")
            self.run(cap, label + ("" if self.zh else " "))
            add_field(cap, f"SEQ {label} \\* ARABIC", str(self.tables))
            self.text(cap, " " + b["caption"])
        self.table(columns, rows, b.get("widths"), b.get("caption", ""), merge)

    def table(
        self,
        columns: list[str],
        rows: list[list[str]],
        widths,
        caption: str,
        merge: list[int] | None = None,
    ) -> None:
        """A table with a repeated header row; in ``merge`` columns a value repeated by the rows
        below (one source sentence holding several figures) is written once, in a merged cell."""
        from docx.shared import Emu
        from docx.text.paragraph import Paragraph

        from reportgen.writers import docx_helpers as h

        table = self.doc.add_table(rows=1 + len(rows), cols=len(columns))
        if "Table Grid" in self._ids_map():
            table._tbl.tblPr.get_or_add_tblStyle().val = self._ids_map()["Table Grid"]
        h.set_table_borders(table, self.theme.color("grid"), inside_vertical=False)
        h.set_table_caption(table, xml_safe(caption))
        total = self.text_width()
        fractions = widths or [1 / len(columns)] * len(columns)
        scale = sum(float(f) for f in fractions)
        sizes = [Emu(int(total * float(f) / scale)) for f in fractions]
        table.autofit = False
        for col, size in zip(table._tbl.tblGrid.gridCol_lst, sizes, strict=False):
            col.w = size
        panel = self.theme.color("panel")
        grid = [columns, *rows]
        keep_rows: set[int] = set()
        for i, (tr, values) in enumerate(zip(table._tbl.tr_lst, grid, strict=True)):
            if i == 0:
                h.repeat_header_tr(tr)
            else:
                h.no_split_tr(tr)
            for j, (tc, value, size) in enumerate(zip(tr.tc_lst, values, sizes, strict=False)):
                tc.width = size
                if i == 0:
                    h.shade_tc(tc, panel)
                p = Paragraph(tc.p_lst[0], None)
                self.style(p, "Table Text")
                _no_indent(p)
                if i > 0 and j in (merge or ()) and value:
                    above = grid[i - 1][j] if j < len(grid[i - 1]) else None
                    below = grid[i + 1][j] if i + 1 < len(grid) and j < len(grid[i + 1]) else None
                    if below == value:  # keep a merged group on one page: no blank cell overleaf
                        keep_rows.add(i)
                    if i > 1 and above == value:
                        tc.vMerge = "continue"
                        continue
                    if below == value:
                        tc.vMerge = "restart"
                self.text(p, value, bold=i == 0)
        trs = table._tbl.tr_lst  # once: each call lists every row of the table
        for i in sorted(keep_rows):
            for p in trs[i].iter(h.w("p")):
                Paragraph(p, None).paragraph_format.keep_with_next = True

    def _ids_map(self) -> dict[str, str]:
        if not hasattr(self, "_ids"):
            self._ids = {s.name: s.style_id for s in self.doc.styles}
        return self._ids

    def block_theme_section(self, b: dict) -> None:
        if b.get("page_break"):
            self.block_page_break({})
        if b.get("heading"):
            self.heading(b["heading"], int(b.get("level", 1)), b.get("style"))
        self.blocks(b.get("blocks") or [])

    block_section = block_theme_section

    def block_annex(self, b: dict) -> None:
        if b.get("page_break", True):
            self.block_page_break({})
        self.block_theme_section({**b, "page_break": False})

    # geometry, table of contents, header and footer
    def text_width(self) -> int:
        s = self.doc.sections[-1]
        return int(s.page_width - s.left_margin - s.right_margin)

    def finish(self) -> None:
        self.fill_toc()
        self.furniture()

    def fill_toc(self) -> None:
        from reportgen.writers import docx_helpers as h

        if self.toc is None:
            return
        entries = [e for e in self.headings if e[0] <= self.toc_levels]
        instr = f'TOC \\o "1-{self.toc_levels}" \\h \\z \\u \\n'
        anchor, first = self.toc, True
        if not entries:
            h.field_begin(anchor, instr)
            h.field_end(anchor)
            return
        for k, (level, text, name) in enumerate(entries):
            p = anchor if first else h.add_body_paragraph(self.doc)
            self.style(p, f"TOC {min(level, 2)}")
            if first:
                h.field_begin(p, instr)
            else:
                anchor._p.addnext(p._p)
            h.add_internal_link(p, name, text)
            if k == len(entries) - 1:
                h.field_end(p)
            anchor, first = p, False
        self.toc_last = anchor
        anchor.paragraph_format.space_after = _pt(12)

    def furniture(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        section = self.doc.sections[0]
        header_text = str(self.plan.get("header") or "")
        if header_text and not _has_content(section.header):
            p = section.header.paragraphs[0]
            p.style = self.doc.styles["Header"]
            self.text(p, header_text)
        fmt = str(self.plan.get("page_format") or "{page}")
        if _has_content(section.footer):
            return
        outside = self.plan.get("page_align") == "outside"
        if outside:
            self.doc.settings.odd_and_even_pages_header_footer = True
            self.page_number(section.footer.paragraphs[0], fmt, WD_ALIGN_PARAGRAPH.RIGHT)
            self.page_number(section.even_page_footer.paragraphs[0], fmt, WD_ALIGN_PARAGRAPH.LEFT)
            if header_text:
                p = section.even_page_header.paragraphs[0]
                p.style = self.doc.styles["Header"]
                self.text(p, header_text)
        else:
            self.page_number(section.footer.paragraphs[0], fmt, None)

    def page_number(self, p, fmt: str, align) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from reportgen.writers.docx_helpers import add_field

        p.style = self.doc.styles["Footer"]
        if align is not None:
            p.alignment = align
            indent = _pt(14)
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                p.paragraph_format.right_indent = indent
            else:
                p.paragraph_format.left_indent = indent
        before, _, after = fmt.partition("{page}")
        if before:
            self.run(p, xml_safe(before))
        add_field(p, "PAGE", "1")
        if after:
            self.run(p, xml_safe(after))


def _no_indent(paragraph) -> None:
    """Cancel a style's first-line indent, in characters too (``firstLineChars`` wins in Word)."""
    from reportgen.writers.docx_helpers import PPR_ORDER, child, w

    ind = child(paragraph._p.get_or_add_pPr(), "ind", PPR_ORDER)
    ind.set(w("firstLine"), "0")
    ind.set(w("firstLineChars"), "0")


def _has_content(part) -> bool:
    """Whether a header/footer already holds text or drawings (a user's letterhead)."""
    if part.is_linked_to_previous:
        return False
    xml = part._element
    texts = "".join(t.text or "" for t in xml.iter() if t.tag.endswith("}t"))
    drawings = any(t.tag.endswith("}drawing") or t.tag.endswith("}pict") for t in xml.iter())
    return bool(texts.strip()) or drawings


def _pt(value: float):
    from docx.shared import Pt

    return Pt(value)
