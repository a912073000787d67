"""Each chart kind draws its data into the content box; an unknown kind draws figure cards."""

from __future__ import annotations

import pytest
from factories import zh_model

from reportgen.charts.draw import _Box, _rc
from reportgen.charts.kinds import draw_kind
from reportgen.charts.plan import plan
from reportgen.fonts import font_chain
from reportgen.theme import load_theme

THEME = load_theme()
SPECS = {spec.kind: spec for spec in plan(zh_model())}


def _drawn(spec):
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    chain = font_chain(THEME.fonts)
    for path in chain.files:  # as draw_all does: the bundled font when no system one is listed
        font_manager.fontManager.addfont(path)
    with matplotlib.rc_context(_rc(THEME, chain)):
        fig = Figure(figsize=(10, 5.625))
        FigureCanvasAgg(fig)
        draw_kind(fig, spec, THEME, _Box(0.4, 0.6, 9.6, 4.8, 10, 5.625))
        fig.canvas.draw()
    return fig


def _texts(fig) -> list[str]:
    found = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        found += [t.get_text() for t in ax.texts]
        found += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    return [t for t in found if t]


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_each_kind_shows_its_labels(kind: str) -> None:
    spec = SPECS[kind]
    text = "\n".join(_texts(_drawn(spec)))
    shown = [label for series in spec.series for label in series.labels if label in text]
    assert shown, f"{kind}: none of its labels is drawn"
    for ax in _drawn(spec).axes:
        x0, y0, x1, y1 = ax.get_position().extents
        assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1  # inside the figure


def test_an_unknown_kind_draws_figure_cards() -> None:
    cards = SPECS["figures"]
    odd = cards.model_construct(**{**dict(cards), "kind": "nonesuch"})
    assert _texts(_drawn(odd)) == _texts(_drawn(cards))
