"""Draw chart specs with matplotlib (Agg, object-oriented API): slide PNG, page PNG and SVG."""

from __future__ import annotations

import io
import math
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.atomic import write_bytes

if TYPE_CHECKING:  # specs may also come as plain data (the chart helper never loads pydantic)
    from reportgen.fonts import FontChain
    from reportgen.model import ChartSeries, ChartSpec
    from reportgen.theme import Theme

PAD = 0.22  # inches around the drawing
HASH_SALT = "reportgen"
SLIDE_INCHES = (8.0, 4.5)
PAGE_INCHES = (6.3, 3.6)
_ADDED: set[str] = set()


@dataclass(frozen=True)
class Targets:
    """Where one chart's three files go."""

    slide_png: Path
    page_png: Path
    svg: Path


def draw_all(
    jobs: list[tuple[ChartSpec, Targets]],
    theme: Theme,
    chain: FontChain,
    done: Callable[[Path], None] | None = None,
) -> None:
    """Draw every (spec, targets) pair; fonts are registered once per process.

    Files come in the order a build saves the documents: every slide PNG (the deck), then every
    page PNG (the brief), then the SVGs (read by no writer). ``done(path)`` is called once each
    file is in place, possibly from a helper thread.
    """
    quiet_blas()
    from matplotlib import font_manager, rc_context

    for path in chain.files:
        if path not in _ADDED:
            font_manager.fontManager.addfont(path)
            _ADDED.add(path)
    from concurrent.futures import ThreadPoolExecutor

    dpi = chart_dpi(theme)
    slide_in = _inches(theme, "slide_inches", SLIDE_INCHES)
    page_in = _inches(theme, "page_inches", PAGE_INCHES)

    def put(path: Path, data) -> None:
        if isinstance(data, bytes):
            write_bytes(path, data)
        else:
            _write_png(path, data, dpi)
        if done is not None:
            done(path)

    # PNG encoding (zlib, GIL released) runs in a helper thread while the next figure renders.
    with rc_context(_rc(theme, chain)), ThreadPoolExecutor(max_workers=1) as pool:
        pending = []
        slides = []
        for target in ("slide_png", "page_png"):
            for spec, targets in jobs:
                if target == "slide_png":  # a slide shows the drawn title; its SVG is this figure
                    fig = _figure(spec, theme, slide_in)
                    slides.append(fig)
                else:  # the brief's caption states the title
                    fig = _figure(spec, theme, page_size(spec, theme, page_in), title=False)
                image = _pixels(fig, dpi)
                pending.append(pool.submit(put, getattr(targets, target), image))
        for fig, (_spec, targets) in zip(slides, jobs, strict=True):
            put(targets.svg, _svg(fig))
        for future in pending:
            future.result()


def chart_dpi(theme: Theme) -> int:
    """Pixels per inch of both PNGs."""
    return int(theme.chart.get("dpi", 200))


def pixel_sizes(spec: ChartSpec, theme: Theme) -> dict[str, tuple[int, int]]:
    """Width and height in pixels of the page and slide PNGs, known before drawing (as Agg
    sizes its canvas), so writers can place a chart early."""
    dpi = chart_dpi(theme)
    sizes = {
        "page_png": page_size(spec, theme, _inches(theme, "page_inches", PAGE_INCHES)),
        "slide_png": _inches(theme, "slide_inches", SLIDE_INCHES),
    }
    return {k: (canvas_pixels(w, dpi), canvas_pixels(h, dpi)) for k, (w, h) in sizes.items()}


def canvas_pixels(inches: float, dpi: int) -> int:
    """Pixels Agg gives a figure side: truncated, except within 1e-8 of the next whole pixel
    (2.55 in x 200 = 509.99999999999994 is 510), as matplotlib's get_width_height does."""
    return int(inches * dpi + 1e-8)


def quiet_blas() -> None:
    """One OpenBLAS thread: charts do no linear algebra, and numpy's import otherwise starts a
    thread per core that spins (~0.1 s of CPU taken from the other core). Only before numpy."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _rc(theme: Theme, chain: FontChain) -> dict:
    return {
        "font.family": chain.families,
        "font.size": float(theme.sizes["chart_label"]),
        "svg.hashsalt": HASH_SALT,
        "svg.fonttype": "path",
        "axes.unicode_minus": True,
        "hatch.linewidth": 1.2,
        "text.hinting": "no_hinting",
        "text.color": _c(theme, "text"),
        "axes.edgecolor": _c(theme, "grid"),
        "xtick.color": _c(theme, "subtle"),
        "ytick.color": _c(theme, "subtle"),
    }


def _inches(theme: Theme, key: str, default: tuple[float, float]) -> tuple[float, float]:
    value = theme.chart.get(key, default)
    return float(value[0]), float(value[1])  # type: ignore[index]


def _svg(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, facecolor=fig.get_facecolor())
    return buf.getvalue()


def _pixels(fig, dpi: int) -> tuple[int, int, memoryview]:
    """Render with Agg; width, height and the PNG scanlines (filter byte 0, then RGB) as bytes."""
    import numpy as np

    fig.set_dpi(dpi)
    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    rows = np.empty((height, 1 + 3 * width), dtype=np.uint8)
    rows[:, 0] = 0  # filter type None
    rgb = rows[:, 1:].reshape(height, width, 3)
    for channel in range(3):  # one plane at a time: 5x faster than copying rgba[:, :, :3] whole
        rgb[:, :, channel] = rgba[:, :, channel]
    return width, height, rows.data


def _write_png(path: Path, image: tuple[int, int, memoryview], dpi: int) -> None:
    from reportgen.charts.png import rgb_png

    width, height, rows = image
    write_bytes(path, rgb_png(width, height, dpi, rows))


def _c(theme: Theme, key: str) -> str:
    return "#" + theme.color(key).lstrip("#")


def _palette(theme: Theme, i: int) -> str:
    return "#" + theme.palette[i % len(theme.palette)].lstrip("#")


# --- text measurement (estimates: no renderer needed) -----------------------------------------


def _em(ch: str) -> float:
    if ord(ch) >= 0x2E80 or ch in "“”‘’—…":
        return 1.0
    if ch in "ilI.,:;|!'":
        return 0.3
    if ch.isupper() or ch in "mwMW%":
        return 0.72
    return 0.56


def text_inches(text: str, size: float) -> float:
    """Estimated width of ``text`` at ``size`` points, in inches."""
    longest = max(text.split("\n"), key=lambda line: sum(map(_em, line)), default="")
    return sum(_em(c) for c in longest) * size / 72


def _fit(text: str, size: float, width: float, floor: float = 0.72) -> float:
    need = text_inches(text, size)
    return size if need <= width else max(size * floor, size * width / need)


def _wrap(text: str, size: float, width: float) -> str:
    lines, line = [], ""
    for ch in text:
        if text_inches(line + ch, size) > width and line:
            lines.append(line)
            line = ""
        line += ch
    return "\n".join([*lines, line])


# --- the frame: title, notes, source ----------------------------------------------------------


@dataclass
class _Box:
    """The content area in inches (x0, y0 from the bottom-left) of a W x H figure."""

    x0: float
    y0: float
    x1: float
    y1: float
    W: float
    H: float

    @property
    def w(self) -> float:
        return self.x1 - self.x0

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    def frac(self, x0: float, y0: float, w: float, h: float) -> list[float]:
        return [x0 / self.W, y0 / self.H, w / self.W, h / self.H]


def _figure(spec: ChartSpec, theme: Theme, size: tuple[float, float], *, title: bool = True):
    """One chart; ``title=False`` leaves the title out (a numbered caption states it)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    W, H = size
    fig = Figure(figsize=size, facecolor=_c(theme, "background"))
    FigureCanvasAgg(fig)
    box = _frame(fig, spec, theme, W, H, title)
    _KINDS.get(spec.kind, _figures)(fig, spec, theme, box)
    return fig


def _foot(spec: ChartSpec, theme: Theme, width: float) -> list[str]:
    """The lines under a chart: derived-value notes (wrapped), then the source."""
    s_src = float(theme.sizes["chart_source"])
    notes = [_wrap(n, s_src, width) for n in spec.derived]
    return notes + ([spec.source] if spec.source else [])


def _foot_height(spec: ChartSpec, theme: Theme, width: float) -> float:
    s_src = float(theme.sizes["chart_source"])
    lines = sum(t.count("\n") + 1 for t in _foot(spec, theme, width))
    return PAD * 0.7 + lines * s_src / 72 * 1.45 + 0.08


def _frame(fig, spec: ChartSpec, theme: Theme, W: float, H: float, title: bool = True) -> _Box:
    s_title, s_src = float(theme.sizes["chart_title"]), float(theme.sizes["chart_source"])
    width = W - 2 * PAD
    top = H - PAD
    below = 0.0
    if title:
        size = _fit(spec.title, s_title, width)
        fig.text(
            PAD / W,
            top / H,
            spec.title,
            size=size,
            weight="bold",
            color=_c(theme, "primary"),
            va="top",
            ha="left",
        )
        below = size / 72 * 1.55
    bottom = PAD * 0.7
    for text in reversed(_foot(spec, theme, width)):
        fig.text(PAD / W, bottom / H, text, size=s_src, color=_c(theme, "subtle"), va="bottom")
        bottom += (text.count("\n") + 1) * s_src / 72 * 1.45
    return _Box(PAD, bottom + 0.08, W - PAD, top - below, W, H)


def page_size(spec: ChartSpec, theme: Theme, size: tuple[float, float]) -> tuple[float, float]:
    """The page (brief) size of an untitled chart: as wide as given, no taller than its content
    needs (one row of cards or two bars would otherwise float in empty space)."""
    W, H = size
    width = W - 2 * PAD
    need = None
    s = spec.series[0] if spec.series else None
    if spec.kind in ("figures", "rank") and s is not None and s.labels:
        n = len(s.labels)
        cols = n if n <= 3 else (2 if n == 4 else 3)
        rows = math.ceil(n / cols)
        tw = (width - 0.14 * (cols - 1)) / cols
        need = rows * min(tw * 0.62, 1.9) + (rows - 1) * 0.14
    elif spec.kind == "bar" and s is not None and s.labels:
        need = len(s.labels) * 0.72 + (0.3 if spec.unit else 0.0)
    elif spec.kind == "stacked" and s is not None and s.labels:
        need = _stacked_height(spec, theme, width, width * 0.3) + 0.3
    if need is None:
        return W, H
    return W, min(H, round(PAD + 0.15 + need + _foot_height(spec, theme, width), 2))


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
    from matplotlib.offsetbox import AnnotationBbox, HPacker, TextArea
    from matplotlib.patches import FancyBboxPatch

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
    label_size = float(theme.sizes["chart_label"])
    for i in range(n):
        r, c = divmod(i, cols)
        x, y = box.x0 + c * (tw + gap), top - (r + 1) * th - r * gap
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
        m = _NUMBER.search(shown)
        pre, num, post = (shown[: m.start()], m.group(), shown[m.end() :]) if m else ("", shown, "")
        if pre[-1:] in ("$", "€", "£", "¥") and pre:  # $1.2: the sign is as big as its number
            pre, num = pre[:-1], pre[-1] + num
        big = min(th * 72 * 0.34, 34.0)
        need = text_inches(num, big) + text_inches(pre + post, big * 0.5) + 0.12 * bool(pre + post)
        if need > tw * 0.9:
            big *= tw * 0.9 / need
        # "600 rooms" needs no "rooms" under it: a label the value already says is left out
        said = s.labels[i].strip().casefold() in shown.casefold()
        lsize = _fit(s.labels[i], label_size, tw * 0.92, floor=0.7)
        label = "" if said else _wrap(s.labels[i], lsize, tw * 0.92)
        row = range(r * cols, min(n, (r + 1) * cols))
        badged = any(_badge(s, k) for k in row)  # one baseline per row of tiles
        badge_h = (label_size * 0.85 / 72 * 1.6 + 0.14) if badged else 0.0
        lines = label.count("\n") + 1 if label else 0
        block = big / 72 * 0.95 + 0.1 + lines * lsize / 72 * 1.35 + badge_h
        cy = y + th / 2 + block / 2 - big / 72 * 0.95
        parts = []
        for text, size in ((pre, big * 0.5), (num, big), (post, big * 0.5)):
            if text:
                props = {"size": size, "color": _c(theme, "accent"), "weight": "bold"}
                parts.append(TextArea(text, textprops=props))
        packer = HPacker(children=parts, align="baseline", pad=0, sep=2)
        fig.add_artist(
            AnnotationBbox(
                packer,
                ((x + tw / 2) / box.W, cy / box.H),
                xycoords="figure fraction",
                frameon=False,
                box_alignment=(0.5, 0.0),
                pad=0,
            )
        )
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
