"""Charts: plan chart specs from the content model, then draw them with matplotlib."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.errors import ModelError

if TYPE_CHECKING:  # the build forks its chart helper before these (pydantic) are imported
    from reportgen.model import ChartSpec, Model
    from reportgen.theme import Theme

INDEX = "charts.json"


@dataclass(frozen=True)
class ChartFile:
    """One drawn chart: its spec, the three files, the alt text (one sentence of numbers) and
    the pixel sizes of the PNGs with their dpi (known before they are drawn)."""

    spec: ChartSpec
    slide_png: Path
    page_png: Path
    svg: Path
    alt: str
    slide_px: tuple[int, int] | None = None
    page_px: tuple[int, int] | None = None
    dpi: int | None = None


@dataclass(frozen=True)
class ChartSet:
    """The charts of one article, in order, with the folder that holds them.

    With a helper process drawing them, files appear while the writers run: a writer calls
    ``wait(path)`` before reading one, and the build calls ``finish()`` before moving them.
    """

    directory: Path
    entries: list[ChartFile] = field(default_factory=list)
    drawn: int = 0
    helper: object = field(default=None, repr=False, compare=False)

    def wait(self, path: Path) -> None:
        """Return once ``path`` exists (at once unless a helper is still drawing it)."""
        if self.helper is not None:
            self.helper.wait(path)

    def pending(self, path: Path) -> bool:
        """Whether ``path`` is still being drawn (never waits)."""
        return self.helper is not None and self.helper.pending(path)

    def finish(self) -> None:
        """Return once every chart file is written."""
        if self.helper is not None:
            self.helper.finish()

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def specs_for(model: Model, dirs: list[Path] | None = None) -> list[ChartSpec]:
    """The model's own specs when it has them (edited by a user), else planned ones worded by
    the chart labels found in ``dirs`` (a template folder's search path; default: built-in)."""
    if model.charts is not None:
        for spec in model.charts:
            _check(spec)
        return list(model.charts)
    from reportgen.charts.plan import plan
    from reportgen.charts.wording import load_wording

    return plan(model, load_wording(model.language, dirs) if dirs else None)


def _check(spec: ChartSpec) -> None:
    for i, series in enumerate(spec.series):
        sizes = {len(series.labels), len(series.values), len(series.facts)}
        sizes |= {len(x) for x in (series.derived, series.display, series.badges) if x}
        if len(sizes) != 1:
            where = f"charts.{spec.id}.series.{i}"
            raise ModelError(f"{where}: labels, values and facts must have the same length")
    if spec.kind in ("bar", "change") and spec.series and len(spec.series[0].values) < 2:
        raise ModelError(f"charts.{spec.id}: a {spec.kind} chart needs at least two values")


def run(
    model: Model,
    out_dir: Path,
    *,
    theme: Theme | None = None,
    helper=None,
    dirs: list[Path] | None = None,
) -> ChartSet:
    """Plan (or take the model's) chart specs, draw the ones not cached, write charts.json.

    With a ``helper`` (reportgen.charts.helper.ChartHelper) the drawing is handed to it and this
    returns at once; the ChartSet's ``wait`` and ``finish`` then wait for the files. ``dirs`` is
    a template folder's search path (its chart labels word the charts).
    """
    from reportgen.atomic import write_text
    from reportgen.charts.cache import chart_key, names, remove_stale
    from reportgen.charts.draw import chart_dpi, pixel_sizes

    out_dir = Path(out_dir)
    if theme is None:
        from reportgen.theme import load_theme

        theme = load_theme()
    specs = specs_for(model, dirs)
    chain, lacking = _fonts_for(specs, theme)
    entries, jobs, keep = [], [], set()
    for spec in specs:
        files = {k: out_dir / v for k, v in names(chart_key(spec, theme, chain)).items()}
        keep.update(p.name for p in files.values())
        px = pixel_sizes(spec, theme)
        entry = ChartFile(
            spec,
            files["slide_png"],
            files["page_png"],
            files["svg"],
            _alt(spec),
            slide_px=px["slide_png"],
            page_px=px["page_png"],
            dpi=chart_dpi(theme),
        )
        entries.append(entry)
        if not all(p.is_file() for p in files.values()):
            jobs.append(entry)
    remove_stale(out_dir, keep, listed_only=True)  # only what the last charts.json names
    if jobs:
        from reportgen.charts.draw import Targets

        work = [(_drawable(e.spec, lacking), Targets(e.slide_png, e.page_png, e.svg)) for e in jobs]
        if helper is not None:
            helper.submit(work, theme, chain)
        else:
            from reportgen.charts.draw import draw_all

            draw_all(work, theme, chain)
    write_text(out_dir / INDEX, _index(entries, chain))
    return ChartSet(out_dir, entries, drawn=len(jobs), helper=helper if jobs else None)


def _fonts_for(specs: list[ChartSpec], theme: Theme):
    """The font chain for the charts' text, and the characters none of its fonts draws: every
    character needs a font (a Korean name in a Chinese article adds Noto Sans KR)."""
    if not specs:
        return None, set()
    from reportgen.fonts import font_chain
    from reportgen.fonts_cover import covering, undrawable

    text = _drawn_text(specs)
    chain = covering(font_chain(theme.fonts), text)
    return chain, undrawable(chain, text)


def _drawable(spec: ChartSpec, lacking: set[str]) -> ChartSpec:
    """``spec`` with the characters no chart font has left out of its text (the documents keep
    them; a chart would show empty boxes)."""
    if not lacking:
        return spec
    from reportgen.model import ChartSpec

    table = {ord(ch): None for ch in lacking}

    def clean(value):
        if isinstance(value, str):
            return value.translate(table)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    try:
        return ChartSpec.model_validate(clean(spec.model_dump()))
    except ValueError:  # nothing left of a required text: draw it as it is
        return spec


def _drawn_text(specs: list[ChartSpec]) -> str:
    """Everything the charts may draw (titles, labels, values, notes, sources), as one string."""
    return "".join(json.dumps(spec.model_dump(mode="json"), ensure_ascii=False) for spec in specs)


def _alt(spec: ChartSpec) -> str:
    if spec.alt:
        return spec.alt
    if not spec.series:
        return spec.title
    s = spec.series[0]
    values = [f"{lab} {v:g}{spec.unit}" for lab, v in zip(s.labels, s.values, strict=False)]
    return f"{spec.title}: {', '.join(values)}."


def _index(entries: list[ChartFile], chain) -> str:
    data = {
        "version": 1,
        "font": {c.script: f"{c.family} ({c.origin})" for c in chain.choices} if chain else {},
        "charts": [
            {
                "id": e.spec.id,
                "kind": e.spec.kind,
                "title": e.spec.title,
                "alt": e.alt,
                "facts": e.spec.facts,
                "derived": e.spec.derived,
                "files": {
                    "slide_png": e.slide_png.name,
                    "page_png": e.page_png.name,
                    "svg": e.svg.name,
                },
                "spec": e.spec.model_dump(mode="json"),
            }
            for e in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
