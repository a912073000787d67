"""Slide geometry and text frames: boxes in EMU, measured text written with exact sizes."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportgen.model import ChartSpec, Model
from reportgen.writers import textfit as tf

EMU_PT = 12700
EMU_IN = 914400
INSET = 4 * EMU_PT  # text frame insets, all four sides
SAFE = 0.97  # measure against 97 % of the inner width


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
    from reportgen.plans.deck import theme_number

    t = model.themes[i]
    return "·".join(t.pair) if t.pair else theme_number(model, i)


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

    from reportgen.writers.ooxml import shown
    from reportgen.writers.pptx_helpers import style_run

    frame.clear()
    alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[align]
    for k, runs in enumerate(paras):
        para = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        para.alignment = alignment
        biggest = max((r[1] for r in runs), default=size)
        para.line_spacing = Pt(round(biggest * line, 1))
        para.space_before = Pt(round(size * gap, 1)) if k else Pt(0)
        for n, (text, run_size, bold, color) in enumerate(runs):
            run = para.add_run()
            run.text = shown(text, runs[n + 1][0] if n + 1 < len(runs) else "")
            style_run(run, run_size, bold=bold, color=color)
        end = para._p.get_or_add_endParaRPr()
        end.set("sz", str(int(round(biggest * 100))))
