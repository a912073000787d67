"""Text fit on slides: does each box's text fit at its written sizes (the deck's own metrics)."""

from __future__ import annotations

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


# Text may overflow its box by this much (points) before it is a finding: rounding, not overflow.
FIT_SLACK = 2.0


def fit_problem(shape, slide_width: int | None = None) -> str | None:
    """Why the text of ``shape`` does not fit its box at its written sizes (None when it fits).

    A box that grows with its text (spAutoFit) only fails when an unwrapped line would run past
    the slide's right edge; PowerPoint does not apply any autofit before the text is edited.
    """
    body = shape.text_frame._txBody
    pr = body.find(f"{{{A_NS}}}bodyPr")
    if pr is None or shape.width is None:
        return None
    grows = pr.find(f"{{{A_NS}}}spAutoFit") is not None
    scale = _font_scale(pr)
    insets_w = _inset(pr, "lIns", 91440) + _inset(pr, "rIns", 91440)
    inner_w = (int(shape.width) - insets_w) / 12700
    inner_h = (int(shape.height) - _inset(pr, "tIns", 45720) - _inset(pr, "bIns", 45720)) / 12700
    wrap = pr.get("wrap") != "none"
    paras = _measured_paragraphs(body, scale)
    if paras is None or inner_w <= 0:
        return None
    need, widest = _text_extent(paras, inner_w, wrap)
    if grows:
        if wrap or slide_width is None or shape.left is None:
            return None
        right = (int(shape.left) + insets_w) / 12700 + widest
        if right > slide_width / 12700 + FIT_SLACK:
            return f"text runs {right - slide_width / 12700:.0f} pt past the slide's right edge"
        return None
    if not wrap and widest > inner_w + FIT_SLACK:
        return f"text is {widest:.0f} pt wide but the box is {inner_w:.0f} pt wide"
    if need > inner_h + max(FIT_SLACK, 0.03 * inner_h):
        size = max(p[1] for p in paras)
        return (
            f"text needs {need:.0f} pt at {size:g} pt but the box is {inner_h:.0f} pt high "
            "(it overflows)"
        )
    return None


def _inset(pr, name: str, default: int) -> int:
    value = pr.get(name)
    return int(value) if value is not None else default


def _font_scale(pr) -> float:
    norm = pr.find(f"{{{A_NS}}}normAutofit")
    if norm is not None and norm.get("fontScale"):
        return int(norm.get("fontScale")) / 100000
    return 1.0


def _measured_paragraphs(body, scale: float):
    """[(runs as (text, size, bold), biggest size, line pitch, space before)] or None when a
    run has no written size (it inherits one from the layout; not measured)."""
    paras = []
    for p in body.findall(f"{{{A_NS}}}p"):
        runs = []
        for r in p.iter(f"{{{A_NS}}}r", f"{{{A_NS}}}fld"):
            text = "".join(t.text or "" for t in r.iter(f"{{{A_NS}}}t"))
            rpr = r.find(f"{{{A_NS}}}rPr")
            if not text:
                continue
            if rpr is None or rpr.get("sz") is None:
                return None
            runs.append((text, int(rpr.get("sz")) / 100 * scale, rpr.get("b") in ("1", "true")))
        end = p.find(f"{{{A_NS}}}endParaRPr")
        fallback = int(end.get("sz")) / 100 * scale if end is not None and end.get("sz") else 0
        size = max((r[1] for r in runs), default=fallback)
        if not size:
            return None
        paras.append((runs, size, _spacing(p, "lnSpc", size * 1.2), _spacing(p, "spcBef", 0.0)))
    return paras


def _spacing(p, name: str, default: float) -> float:
    ppr = p.find(f"{{{A_NS}}}pPr")
    el = ppr.find(f"{{{A_NS}}}{name}") if ppr is not None else None
    if el is None:
        return default
    pts = el.find(f"{{{A_NS}}}spcPts")
    if pts is not None:
        return int(pts.get("val")) / 100
    pct = el.find(f"{{{A_NS}}}spcPct")
    if pct is not None and name == "lnSpc":
        return default * int(pct.get("val")) / 100000
    return default


def _text_extent(paras, width: float, wrap: bool) -> tuple[float, float]:
    """(height needed, widest line) of measured paragraphs in a box ``width`` pt wide."""
    need, widest = 0.0, 0.0
    for k, (runs, size, pitch, before) in enumerate(paras):
        natural = sum(_width(text, s, bold) for text, s, bold in runs)
        text = "".join(r[0] for r in runs)
        bold = any(r[2] for r in runs)
        lines = [text] if not runs else text.split("\n")
        count = 0
        for line in lines:
            if not wrap or natural <= width:
                count += 1
            else:
                count += max(len(_wrap(line, width, size, bold)), 1)
        widest = max(widest, natural)
        need += count * pitch + (before if k else 0.0)
    return need, widest


def _width(text: str, size: float, bold: bool) -> float:
    from reportgen.writers.textfit import text_width

    return text_width(text, size, bold)


def _wrap(text: str, width: float, size: float, bold: bool) -> list[str]:
    from reportgen.writers.textfit import wrap

    return wrap(text, width, size, bold)
