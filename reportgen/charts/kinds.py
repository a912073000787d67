"""What each kind of chart draws inside its frame: figure cards, bars, stacked bars, donuts and
changes, with their badges, keys and callouts."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from reportgen.charts.draw import (
    _Box,
    _c,
    _fit,
    _palette,
    _wrap,
    text_inches,
)

if TYPE_CHECKING:
    from reportgen.model import ChartSeries, ChartSpec
    from reportgen.theme import Theme


# --- shared bits ----------------------------------------------------------------------------


def _shown(series: ChartSeries, i: int) -> str:
    if i < len(series.display) and series.display[i]:
        return series.display[i]
    return f"{series.values[i]:.6f}".rstrip("0").rstrip(".")


def _badge(series: ChartSeries, i: int) -> str:
    return series.badges[i] if i < len(series.badges) else ""


def _is_derived(series: ChartSeries, i: int) -> bool:
    return bool(series.derived[i]) if i < len(series.derived) else series.facts[i] is None


def _bar_style(theme: Theme, derived: bool, color: str) -> dict:
    if derived:
        return {"color": _c(theme, "muted"), "hatch": "///", "edgecolor": "#FFFFFF", "lw": 0}
    return {"color": color, "lw": 0}


def _badge_box(theme: Theme) -> dict:
    return {"boxstyle": "round,pad=0.28", "fc": _c(theme, "accent"), "ec": "none"}


# --- kinds --------------------------------------------------------------------------------------


_NUMBER = re.compile(r"[0-9][0-9.,]*")


def _figures(fig, spec: ChartSpec, theme: Theme, box: _Box) -> None:
    """A panel of big numbers: qualifier and unit smaller, label below, rank badge."""
    if not spec.series or not spec.series[0].labels:
        return
    s = spec.series[0]
    n = len(s.labels)
    cols = n if n <= 3 else (2 if n == 4 else 3)
    rows = math.ceil(n / cols)
    gap = 0.14
    tw, th = (box.w - gap * (cols - 1)) / cols, (box.h - gap * (rows - 1)) / rows
    th = min(th, tw * 0.62, 1.9)
    top = box.y1 - (box.h - rows * th - (rows - 1) * gap) / 2
    for i in range(n):
        r, c = divmod(i, cols)
        x, y = box.x0 + c * (tw + gap), top - (r + 1) * th - r * gap
        _figure_tile(fig, box, theme, s, i, (x, y, tw, th), range(r * cols, min(n, (r + 1) * cols)))


def _figure_tile(fig, box: _Box, theme: Theme, s: ChartSeries, i: int, tile, row) -> None:
    """One figure card at ``tile`` (x, y, width, height in inches); ``row`` holds the indexes of
    its row's cards, which share one baseline."""
    from matplotlib.patches import FancyBboxPatch

    x, y, tw, th = tile
    label_size = float(theme.sizes["chart_label"])
    fig.patches.append(
        FancyBboxPatch(
            (x / box.W, y / box.H),
            tw / box.W,
            th / box.H,
            boxstyle="round,pad=0,rounding_size=0.012",
            transform=fig.transFigure,
            fc=_c(theme, "panel"),
            ec="none",
        )
    )
    shown = _shown(s, i)
    pre, num, post, big = _figure_parts(shown, tw, th)
    # "600 rooms" needs no "rooms" under it: a label the value already says is left out
    said = s.labels[i].strip().casefold() in shown.casefold()
    lsize = _fit(s.labels[i], label_size, tw * 0.92, floor=0.7)
    label = "" if said else _wrap(s.labels[i], lsize, tw * 0.92)
    badged = any(_badge(s, k) for k in row)  # one baseline per row of tiles
    badge_h = (label_size * 0.85 / 72 * 1.6 + 0.14) if badged else 0.0
    lines = label.count("\n") + 1 if label else 0
    block = big / 72 * 0.95 + 0.1 + lines * lsize / 72 * 1.35 + badge_h
    cy = y + th / 2 + block / 2 - big / 72 * 0.95
    _figure_value(fig, box, theme, (pre, num, post), big, ((x + tw / 2), cy))
    fig.text(
        (x + tw / 2) / box.W,
        (cy - 0.1) / box.H,
        label,
        size=lsize,
        color=_c(theme, "text"),
        ha="center",
        va="top",
    )
    if _badge(s, i):
        fig.text(
            (x + tw / 2) / box.W,
            (cy - block + big / 72 * 0.95 + label_size * 0.85 / 72 * 0.45) / box.H,
            _badge(s, i),
            size=label_size * 0.85,
            color="#FFFFFF",
            ha="center",
            va="bottom",
            bbox=_badge_box(theme),
        )


def _figure_parts(shown: str, tw: float, th: float) -> tuple[str, str, str, float]:
    """A card's value split around its number, and the number's size to fit the card."""
    m = _NUMBER.search(shown)
    pre, num, post = (shown[: m.start()], m.group(), shown[m.end() :]) if m else ("", shown, "")
    if pre[-1:] in ("$", "€", "£", "¥") and pre:  # $1.2: the sign is as big as its number
        pre, num = pre[:-1], pre[-1] + num
    big = min(th * 72 * 0.34, 34.0)
    need = text_inches(num, big) + text_inches(pre + post, big * 0.5) + 0.12 * bool(pre + post)
    if need > tw * 0.9:
        big *= tw * 0.9 / need
    return pre, num, post, big


def _figure_value(fig, box: _Box, theme: Theme, texts, big: float, at) -> None:
    """The value on one baseline: qualifier and unit at half the number's size."""
    from matplotlib.offsetbox import AnnotationBbox, HPacker, TextArea

    pre, num, post = texts
    parts = []
    for text, size in ((pre, big * 0.5), (num, big), (post, big * 0.5)):
        if text:
            props = {"size": size, "color": _c(theme, "accent"), "weight": "bold"}
            parts.append(TextArea(text, textprops=props))
    packer = HPacker(children=parts, align="baseline", pad=0, sep=2)
    fig.add_artist(
        AnnotationBbox(
            packer,
            (at[0] / box.W, at[1] / box.H),
            xycoords="figure fraction",
            frameon=False,
            box_alignment=(0.5, 0.0),
            pad=0,
        )
    )


def _rect(fig, box: _Box, x: float, y: float, w: float, h: float, style: dict) -> None:
    """A rectangle given in inches from the figure's bottom-left corner."""
    from matplotlib.patches import Rectangle

    style = dict(style)
    color = style.pop("color")
    lw = style.pop("lw", 0)
    fig.patches.append(
        Rectangle(
            (x / box.W, y / box.H),
            w / box.W,
            h / box.H,
            transform=fig.transFigure,
            fc=color,
            linewidth=lw,
            **style,
        )
    )


def _line(fig, box: _Box, xs: tuple[float, float], ys: tuple[float, float], theme: Theme) -> None:
    from matplotlib.lines import Line2D

    xy = ([x / box.W for x in xs], [y / box.H for y in ys])
    fig.add_artist(Line2D(*xy, transform=fig.transFigure, color=_c(theme, "subtle"), lw=1.0))


def _text(fig, box: _Box, x: float, y: float, text: str, **kw) -> None:
    fig.text(x / box.W, y / box.H, text, **kw)


def _bar(fig, spec: ChartSpec, theme: Theme, box: _Box) -> None:
    """Horizontal bars from a zero baseline, largest first, each labelled with the stated value.

    Drawn as figure patches (no Axes): every bar carries its value, so a value axis would only
    repeat the labels; the unit stands at the end of the baseline.
    """
    s = spec.series[0]
    n = len(s.labels)
    size = float(theme.sizes["chart_label"])
    shown = [_shown(s, i) for i in range(n)]
    labels = [_wrap(lab, size, box.w * 0.36) for lab in s.labels]
    left = min(max(text_inches(lab, size) for lab in labels) + 0.18, box.w * 0.4)
    right = max(text_inches(t + "  " + _badge(s, i), size) for i, t in enumerate(shown)) + 0.3
    unit_h = 0.3 if spec.unit else 0.0
    slot = min((box.h - unit_h) / n, 0.72)
    top = box.y0 + unit_h + (box.h - unit_h + n * slot) / 2
    x0, span = box.x0 + left, box.w - left - right
    peak = max(s.values) or 1
    for i in range(n):
        y = top - (i + 1) * slot + slot * 0.18
        h = slot * 0.64
        w = max(s.values[i], 0) / peak * span
        _rect(fig, box, x0, y, w, h, _bar_style(theme, _is_derived(s, i), _c(theme, "primary")))
        mid = y + h / 2
        _text(fig, box, x0 - 0.1, mid, labels[i], size=size, ha="right", va="center")
        _text(fig, box, x0 + w + 0.07, mid, shown[i], size=size, weight="bold", va="center")
        if _badge(s, i):
            bx = x0 + w + 0.07 + text_inches(shown[i], size) + 0.18
            _text(
                fig,
                box,
                bx,
                mid,
                _badge(s, i),
                size=size * 0.85,
                color="#FFFFFF",
                va="center",
                bbox=_badge_box(theme),
            )
    base_y = top - n * slot + slot * 0.1
    _line(fig, box, (x0, x0), (base_y, top - slot * 0.1), theme)
    if spec.unit:
        _text(
            fig,
            box,
            x0,
            base_y - 0.06,
            spec.unit,
            size=float(theme.sizes["chart_source"]),
            color=_c(theme, "subtle"),
            va="top",
        )


def _parts(spec: ChartSpec) -> tuple[ChartSeries, ChartSeries | None]:
    total = next((x for x in spec.series[1:] if x.name == "total"), None)
    return spec.series[0], total


def _segment_colors(theme: Theme, s: ChartSeries) -> list[str]:
    colors, k = [], 0
    for i in range(len(s.labels)):
        if _is_derived(s, i):
            colors.append(_c(theme, "muted"))
        else:
            colors.append(_palette(theme, k))
            k += 1
    return colors


def _key(fig, spec, theme, box, s, colors, x, y, width, draw=True) -> float:
    """A legend: swatches and 'label value unit' entries wrapping onto rows; returns the height."""
    size = float(theme.sizes["chart_label"])
    row_h, sw = size / 72 * 1.9, size / 72 * 1.1
    cx, cy = x, y
    for i in range(len(s.labels)):
        text = f"{s.labels[i]}  {_with_unit(_shown(s, i), spec.unit)}"
        need = sw + 0.1 + text_inches(text, size) + 0.35
        if cx > x and cx + need > x + width:
            cx, cy = x, cy - row_h
        if draw:
            style = _bar_style(theme, _is_derived(s, i), colors[i])
            _rect(fig, box, cx, cy - sw / 2, sw, sw, style)
            _text(fig, box, cx + sw + 0.1, cy, text, size=size, va="center")
        cx += need
    return y - cy + row_h


def _with_unit(value: str, unit: str) -> str:
    """Latin-letter units take a space (52 reforms); CJK units and symbols do not (52项, 5%)."""
    if unit and unit[0].isascii() and unit[0].isalpha():
        return f"{value} {unit}"
    return f"{value}{unit}"


def _total_text(spec: ChartSpec, total: ChartSeries | None) -> str:
    if total is None:
        return ""
    return f"{total.labels[0]}  {_with_unit(_shown(total, 0), spec.unit)}"


def _stacked(fig, spec: ChartSpec, theme: Theme, box: _Box) -> None:
    """One bar split into parts; a derived remainder is grey, hatched and labelled as derived."""
    s, total = _parts(spec)
    size = float(theme.sizes["chart_label"])
    colors = _segment_colors(theme, s)
    whole = max(total.values[0] if total else 0, sum(s.values)) or 1
    bar_h = min(0.75, box.h * 0.3)
    key_h = _key(fig, spec, theme, box, s, colors, box.x0, 0.0, box.w, draw=False)
    block = _stacked_height(spec, theme, box.w, box.h * 0.3)
    y0 = box.y0 + (box.h - block) / 2 + key_h + 0.2
    x = box.x0
    for i, value in enumerate(s.values):
        w = value / whole * box.w
        _rect(fig, box, x, y0, w, bar_h, _bar_style(theme, _is_derived(s, i), colors[i]))
        text = _shown(s, i)
        if w > text_inches(text, size) + 0.15:
            style = {"boxstyle": "round,pad=0.2", "fc": colors[i], "ec": "none"}
            _text(
                fig,
                box,
                x + w / 2,
                y0 + bar_h / 2,
                text,
                size=size,
                weight="bold",
                color="#FFFFFF",
                ha="center",
                va="center",
                bbox=style if _is_derived(s, i) else None,
            )
        x += w
    _text(
        fig,
        box,
        box.x0,
        y0 + bar_h + 0.1,
        _total_text(spec, total),
        size=size * 1.3,
        weight="bold",
        color=_c(theme, "accent"),
        va="bottom",
    )
    key_y = y0 - 0.2 - size / 72 * 1.9 / 2
    _key(fig, spec, theme, box, s, colors, box.x0, key_y, box.w)


def _stacked_height(spec: ChartSpec, theme: Theme, width: float, bar_room: float) -> float:
    """Height of a stacked chart's block: total line, bar, gap, legend rows."""
    s, total = _parts(spec)
    size = float(theme.sizes["chart_label"])
    total_h = size * 1.3 / 72 * 1.3 + 0.1 if total is not None else 0.0
    colors = _segment_colors(theme, s)
    key_h = _key(None, spec, theme, None, s, colors, 0.0, 0.0, width, draw=False)
    return total_h + min(0.75, bar_room) + 0.2 + key_h


def _donut(fig, spec: ChartSpec, theme: Theme, box: _Box) -> None:
    """Parts of a whole as a ring, the whole in the middle, a legend at the right."""
    s, total = _parts(spec)
    colors = _segment_colors(theme, s)
    d = min(box.h, box.w * 0.5)
    ax = fig.add_axes(box.frac(box.x0, box.y0 + (box.h - d) / 2, d, d))
    wedges, _ = ax.pie(
        s.values,
        colors=colors,
        startangle=90,
        counterclock=False,
        wedgeprops={"width": 0.36, "edgecolor": "#FFFFFF", "linewidth": 1.5},
    )
    for i, wedge in enumerate(wedges):
        if _is_derived(s, i):
            wedge.set_hatch("///")
    ax.set_aspect("equal")
    if total is not None:
        ax.text(
            0,
            0,
            f"{_with_unit(_shown(total, 0), spec.unit)}\n{total.labels[0]}",
            ha="center",
            va="center",
            size=float(theme.sizes["chart_label"]),
            weight="bold",
            color=_c(theme, "accent"),
        )
    kx = box.x0 + d + 0.3
    _key(fig, spec, theme, box, s, colors, kx, box.y0 + box.h / 2 + 0.3, 0.1)


def _change(fig, spec: ChartSpec, theme: Theme, box: _Box) -> None:
    """Before and after from a zero baseline; the derived earlier value is grey and hatched."""
    s = spec.series[0]
    size = float(theme.sizes["chart_label"])
    n = len(s.values)
    area_w = min(box.w * 0.55, 4.2)
    label_h = size / 72 * 2.2
    value_h = size / 72 * 1.8
    base = box.y0 + label_h
    height = box.h - label_h - value_h
    peak = max(s.values) or 1
    slot = area_w / n
    for i, value in enumerate(s.values):
        h = max(value, 0) / peak * height
        x = box.x0 + i * slot + slot * 0.2
        w = slot * 0.6
        _rect(fig, box, x, base, w, h, _bar_style(theme, _is_derived(s, i), _c(theme, "primary")))
        _text(
            fig,
            box,
            x + w / 2,
            base + h + 0.06,
            _shown(s, i),
            size=size,
            weight="bold",
            ha="center",
            va="bottom",
        )
        _text(fig, box, x + w / 2, base - 0.08, s.labels[i], size=size, ha="center", va="top")
    _line(fig, box, (box.x0, box.x0 + area_w), (base, base), theme)
    if spec.unit:
        _text(
            fig,
            box,
            box.x0,
            base + height + value_h,
            spec.unit,
            size=float(theme.sizes["chart_source"]),
            color=_c(theme, "subtle"),
            va="top",
        )
    _callout(fig, spec, theme, box, box.x0 + area_w + 0.35)


def _callout(fig, spec: ChartSpec, theme: Theme, box: _Box, x: float) -> None:
    """The stated change (and rank badge) beside a before/after chart."""
    s = spec.series[0]
    label_size = float(theme.sizes["chart_label"])
    width = box.x1 - x
    y = box.y0 + box.h * 0.62
    if spec.notes:
        note = spec.notes[0]
        size = _fit(note, label_size * 1.9, width, floor=0.5)
        fig.text(
            x / box.W,
            y / box.H,
            note,
            size=size,
            weight="bold",
            color=_c(theme, "accent"),
            va="bottom",
        )
    name = s.name or ""
    current = f"{name} {_with_unit(_shown(s, len(s.values) - 1), spec.unit)}".strip()
    fig.text(
        x / box.W,
        (y - 0.1) / box.H,
        _wrap(current, label_size, width),
        size=label_size,
        color=_c(theme, "text"),
        va="top",
    )
    badge = _badge(s, len(s.values) - 1)
    if badge:
        fig.text(
            (x + 0.05) / box.W,
            (y - 0.55) / box.H,
            badge,
            size=label_size * 0.95,
            color="#FFFFFF",
            va="top",
            bbox=_badge_box(theme),
        )


_KINDS = {
    "figures": _figures,
    "rank": _figures,
    "bar": _bar,
    "stacked": _stacked,
    "donut": _donut,
    "change": _change,
}


def draw_kind(fig, spec: ChartSpec, theme: Theme, box: _Box) -> None:
    """Draw ``spec`` into ``box`` of ``fig`` by its kind (figure cards for an unknown one)."""
    _KINDS.get(spec.kind, _figures)(fig, spec, theme, box)
