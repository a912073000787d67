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
    from reportgen.model import ChartSpec
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


_TOKEN = re.compile(r"[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+|.")


def _wrap(text: str, size: float, width: float) -> str:
    """Lines no wider than ``width``: broken between words (Latin) or characters (CJK); a
    word wider than a line alone is broken within it."""
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        if line and text_inches(line + token.rstrip(), size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
        while len(line) > 1 and text_inches(line.rstrip(), size) > width:
            cut = max(1, _fits(line, size, width))
            lines.append(line[:cut])
            line = line[cut:]
    return "\n".join([*lines, line.rstrip()])


def _fits(text: str, size: float, width: float) -> int:
    n = 0
    while n < len(text) and text_inches(text[: n + 1], size) <= width:
        n += 1
    return n


def latin(spec: ChartSpec) -> bool:
    """Whether a chart's words hold no CJK character (its text is set Latin font first)."""
    words = [spec.title, spec.source, *spec.derived, *spec.notes]
    for series in spec.series:
        words += [*series.labels, *series.display, *series.badges, series.name]
    return not any(
        "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for w in words for ch in w
    )


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
    from matplotlib import rc_context, rcParams
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from reportgen.charts.kinds import draw_kind
    from reportgen.fonts import FALLBACK_FAMILY

    W, H = size
    # English text: a Latin font first (true apostrophes, Latin spacing), CJK per glyph after
    families = list(rcParams["font.family"])
    if latin(spec) and families[:1] != [FALLBACK_FAMILY]:
        families = [FALLBACK_FAMILY, *families]
    with rc_context({"font.family": families}):
        fig = Figure(figsize=size, facecolor=_c(theme, "background"))
        FigureCanvasAgg(fig)
        box = _frame(fig, spec, theme, W, H, title)
        draw_kind(fig, spec, theme, box)
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
        from reportgen.charts.kinds import _stacked_height

        need = _stacked_height(spec, theme, width, width * 0.3) + 0.3
    if need is None:
        return W, H
    return W, min(H, round(PAD + 0.15 + need + _foot_height(spec, theme, width), 2))
