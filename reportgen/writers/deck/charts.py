"""Chart slides: the drawn PNG as a picture, or an editable native PowerPoint chart."""

from __future__ import annotations

import io

from reportgen.model import ChartSpec
from reportgen.writers.deck.layout import EMU_IN, Box, Entry, _has_fact, _image_size

NATIVE_KINDS = ("bar", "stacked", "donut", "change")


def _chart_data(chart: ChartSpec):
    """The native chart type and its data: the parts of a stacked chart (first series) as one
    stacked bar, a whole's own series being its total; other kinds one series per series."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE

    data = CategoryChartData(number_format=_number_format(chart))
    first = chart.series[0]
    if chart.kind == "stacked":
        data.categories = [chart.title]
        for label, value in zip(first.labels, first.values, strict=False):
            data.add_series(label, [value])
        return XL_CHART_TYPE.BAR_STACKED, data
    data.categories = first.labels
    for s in chart.series:
        data.add_series(s.name or chart.title, s.values)
    ctype = {
        "bar": XL_CHART_TYPE.BAR_CLUSTERED,
        "change": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "stacked": XL_CHART_TYPE.BAR_STACKED,
        "donut": XL_CHART_TYPE.DOUGHNUT,
    }[chart.kind]
    return ctype, data


def _number_format(chart: ChartSpec) -> str:
    values = [v for s in chart.series for v in s.values]
    return "0" if all(float(v).is_integer() for v in values) else "0.0#"


class ChartSlides:
    """Chart slides of a deck (a mixin of the deck renderer)."""

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
        from reportgen.charts import png
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
        from pptx.enum.chart import XL_LEGEND_POSITION
        from pptx.util import Pt

        from reportgen.writers.pptx_helpers import set_alt_text

        kind = chart.kind
        ctype, data = _chart_data(chart)
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
        multi = kind in ("donut", "stacked")
        ch.has_legend = multi or len(chart.series) > 1
        if ch.has_legend:
            ch.legend.position = XL_LEGEND_POSITION.BOTTOM
            ch.legend.include_in_layout = False
        self._color_native(ch, plot, chart)

    def _color_native(self, ch, plot, chart: ChartSpec) -> None:
        """Fill colours (derived values muted), axes and labels of a native chart."""
        from pptx.dml.color import RGBColor

        palette = self.theme.palette
        first = chart.series[0]
        kind = chart.kind
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
