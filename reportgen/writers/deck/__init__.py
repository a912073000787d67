"""Write the PowerPoint deck: a Jinja2 slide plan rendered by one method per slide kind."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportgen.clock import source_date
from reportgen.errors import TemplateError
from reportgen.model import Model
from reportgen.plans.deck import plan_context, sentence_at
from reportgen.theme import TEMPLATES, Theme, load_theme
from reportgen.writers.deck.kpi import _split_value, _value_fit
from reportgen.writers.deck.layout import INSET, Entry
from reportgen.writers.deck.slides import DEFAULT_LAYOUTS, _Deck
from reportgen.writers.late_images import Composed, LateImages

__all__ = [
    "DEFAULT_LAYOUTS",
    "DEFAULT_TEMPLATE",
    "KINDS",
    "INSET",
    "_split_value",
    "_value_fit",
    "build_deck",
    "chart_entries",
    "compose_deck",
    "locate_template",
    "sentence_at",
    "write_deck",
]

DEFAULT_TEMPLATE = TEMPLATES / "default" / "reference.pptx"
PLAN = "deck.yaml.j2"
KINDS = ("title", "agenda", "kpis", "section", "points", "chart", "quote", "summary", "sources")


def write_deck(
    model: Model,
    output: Path,
    *,
    charts=None,
    template: Path | None = None,
    native_charts: bool = False,
    theme: Theme | None = None,
    when: datetime | None = None,
) -> Path:
    """Render the deck plan for ``model`` into a 16:9 .pptx at ``output`` (atomically)."""
    from reportgen.atomic import write_bytes

    data = build_deck(
        model,
        charts=charts,
        template=template,
        native_charts=native_charts,
        theme=theme,
        when=when,
    )
    return write_bytes(output, data)


def build_deck(model: Model, **options) -> bytes:
    """The deck as reproducible .pptx bytes (``options`` as for compose_deck)."""
    return compose_deck(model, **options).to_bytes()


def compose_deck(
    model: Model,
    *,
    charts=None,
    template: Path | None = None,
    native_charts: bool = False,
    theme: Theme | None = None,
    when: datetime | None = None,
) -> Composed:
    """The deck laid out in memory; ``to_bytes()`` waits for charts still being drawn.
    ``when`` (else SOURCE_DATE_EPOCH) dates it; with neither, 2000-01-01."""
    from reportgen.plans import labels as load_labels
    from reportgen.plans import render_plan
    from reportgen.writers.pptx_helpers import open_template, remove_all_slides

    when = when or source_date()
    theme = theme or load_theme()
    dirs, path = locate_template(template)
    labels = load_labels("deck", model.language, dirs)
    entries = chart_entries(model, charts)
    plan = render_plan(PLAN, plan_context(model, labels, entries), dirs)
    slides = _validate(plan, next((d / PLAN for d in dirs if (d / PLAN).is_file()), PLAN))
    prs = open_template(path)
    remove_all_slides(prs)
    from reportgen.writers.deck_theme import reskin

    reskin(prs, theme)  # a theme other than the built-in one recolours masters and layouts
    deck = _Deck(prs, model, theme, labels, entries, native_charts, plan, path)
    # a chart set still being drawn (by a helper process): stand-ins now, real PNGs at save
    deck.images = LateImages(charts)
    for spec in slides:
        deck.render(spec)
    return deck.finish(when)


def locate_template(template: Path | None) -> tuple[list[Path], Path]:
    """The plan/labels search path and the reference .pptx for ``template``: a .pptx (its
    masters and layouts; the built-in plan), or a folder holding any of deck.yaml.j2,
    deck_labels_<lang>.yaml and reference.pptx (what it lacks comes from the built-in style)."""
    from reportgen.plans import locate

    dirs, reference, _ = locate(template, "reference.pptx")
    return dirs, reference


def _validate(plan: object, where: Path | str = PLAN) -> list[dict]:
    if not isinstance(plan, dict) or not isinstance(plan.get("slides"), list):
        raise TemplateError("the deck plan must be a mapping with a `slides` list", path=where)
    for i, spec in enumerate(plan["slides"]):
        if not isinstance(spec, dict) or spec.get("kind") not in KINDS:
            kind = spec.get("kind") if isinstance(spec, dict) else spec
            raise TemplateError(
                f"slides[{i}]: unknown slide kind {kind!r}; use one of {', '.join(KINDS)}",
                path=where,
            )
    return plan["slides"]


def chart_entries(model: Model, charts) -> dict[str, Entry]:
    """Charts by id: from the chart stage's files when given, else the model's own specs."""
    if charts is not None:
        out = {}
        for item in charts.entries:
            png = getattr(item, "slide_png", None)
            px = getattr(item, "slide_px", None)
            dpi = getattr(item, "dpi", None)
            path = Path(png) if png else None
            out[item.spec.id] = Entry(item.spec, path, item.alt or "", px, dpi)
        return out
    return {spec.id: Entry(spec, None, spec.alt) for spec in model.charts or []}
