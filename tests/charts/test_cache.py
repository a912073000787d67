"""Chart file names from a hash of spec, theme, fonts and code; only our stale files go."""

from __future__ import annotations

import json

from factories import zh_model

from reportgen.charts.cache import chart_key, names, remove_stale, theme_data
from reportgen.charts.plan import plan
from reportgen.fonts import FontChain
from reportgen.theme import load_theme

THEME = load_theme()
CHAIN = FontChain(["Noto Sans SC"], [])


def test_theme_data_is_what_changes_a_chart() -> None:
    data = theme_data(THEME)
    assert set(data) == {"fonts", "colors", "palette", "sizes", "chart"}
    assert data["palette"] == THEME.palette


def test_chart_key_changes_with_spec_theme_and_fonts() -> None:
    first, second = plan(zh_model())[:2]
    key = chart_key(first, THEME, CHAIN)
    assert len(key) == 16 and int(key, 16) >= 0
    assert chart_key(first, THEME, CHAIN) == key
    assert chart_key(second, THEME, CHAIN) != key
    other = THEME.__class__(**{**THEME.__dict__, "palette": ["000000", *THEME.palette]})
    assert chart_key(first, other, CHAIN) != key
    assert chart_key(first, THEME, FontChain(["WenQuanYi Zen Hei"], [])) != key


def test_names() -> None:
    assert names("0123456789abcdef") == {
        "slide_png": "0123456789abcdef-slide.png",
        "page_png": "0123456789abcdef-page.png",
        "svg": "0123456789abcdef.svg",
    }


def test_remove_stale_deletes_only_our_files_not_kept(tmp_path) -> None:
    old, kept = names("a" * 16), names("b" * 16)
    for name in [*old.values(), *kept.values(), "notes.txt", "mine.png"]:
        (tmp_path / name).write_bytes(b"")
    removed = remove_stale(tmp_path, set(kept.values()))
    assert sorted(removed) == sorted(old.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*kept.values(), "notes.txt", "mine.png"]
    )
    assert remove_stale(tmp_path / "missing", set()) == []


def test_remove_stale_listed_only_spares_files_the_index_does_not_name(tmp_path) -> None:
    listed, stranger = names("c" * 16), names("d" * 16)
    for name in [*listed.values(), *stranger.values()]:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "charts.json").write_text(
        json.dumps({"charts": [{"files": listed}]}), encoding="utf-8"
    )
    removed = remove_stale(tmp_path, set(), listed_only=True)
    assert sorted(removed) == sorted(listed.values())
    assert all((tmp_path / n).exists() for n in stranger.values())
