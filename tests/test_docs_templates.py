"""docs/templates.md cannot drift from the writers, the plan contexts and templates/default."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

import pytest
import yaml
from conftest import ROOT

from reportgen.plans import deck as deck_plan
from reportgen.writers import brief_reference, deck
from reportgen.writers.brief_look import EXTRA_STYLES

DOC = ROOT / "docs" / "templates.md"
DEFAULT = ROOT / "templates" / "default"


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _code_spans() -> set[str]:
    """Everything the doc writes in backticks."""
    return set(re.findall(r"`([^`\n]+)`", _doc()))


def _missing(names: Iterable[object]) -> list[str]:
    """The names the doc does not write in backticks."""
    spans = _code_spans()
    return [str(name) for name in names if str(name) not in spans]


def _tables(section: str) -> dict[str, list[str]]:
    """The tables of the doc's ``## section``: first header cell -> the first cell of each row,
    without backticks."""
    text = _doc().split(f"\n## {section}", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, list[str]] = {}
    for block in re.findall(r"(?:^\|.*\n)+", text, flags=re.M):
        rows = [line.split("|")[1].strip() for line in block.splitlines()]
        tables[rows[0]] = [row.strip("`") for row in rows[2:]]
    return tables


@pytest.mark.parametrize(
    ("section", "header", "names"),
    [
        ("The brief plan", "kind", brief_reference.KINDS),
        ("The deck plan", "kind", deck.KINDS),
        ("The deck plan", "role", tuple(deck.DEFAULT_LAYOUTS)),
        ("Theme", "key", tuple(yaml.safe_load((DEFAULT / "theme.yaml").read_text("utf-8")))),
    ],
    ids=["brief-kinds", "deck-kinds", "layout-roles", "theme-keys"],
)
def test_tables_list_exactly_what_the_code_knows(
    section: str, header: str, names: Iterable[str]
) -> None:
    """One row per block kind, slide kind, layout role and theme key, in the code's order."""
    assert _tables(section)[header] == list(names)


def test_readme_links_the_templates_doc() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/templates.md)" in readme


@pytest.mark.parametrize(
    ("names", "what"),
    [
        (brief_reference.KINDS, "brief block kinds"),
        (deck.KINDS, "deck slide kinds"),
        (brief_reference.REQUIRED_STYLES, "required Word styles"),
        (EXTRA_STYLES, "styles the brief writer adds"),
        (deck.DEFAULT_LAYOUTS, "deck layout roles"),
    ],
    ids=["brief-kinds", "deck-kinds", "required-styles", "extra-styles", "layout-roles"],
)
def test_names_from_the_code_are_documented(names: Iterable[object], what: str) -> None:
    assert _missing(names) == [], f"docs/templates.md does not name these {what}"


def test_default_layout_names_are_documented() -> None:
    text = _doc()
    names = [name for names in deck.DEFAULT_LAYOUTS.values() for name in names]
    assert [name for name in names if name not in text] == []


def test_theme_keys_are_documented() -> None:
    theme = yaml.safe_load((DEFAULT / "theme.yaml").read_text(encoding="utf-8"))
    keys = list(theme)
    for value in theme.values():
        if isinstance(value, dict):
            keys.extend(value)
    assert _missing(keys) == []


def test_the_styles_a_theme_restyles_are_documented() -> None:
    from reportgen.writers.brief_theme import ROLES

    names = [n for n in ROLES if not re.fullmatch(r"Heading [2-9]", n)]
    assert _missing(names) == [] and "`Heading 1`-`9`" in _doc()


def test_brief_plan_context_is_documented(seed_model) -> None:
    from reportgen.plans import labels, template_dirs
    from reportgen.plans.brief import plan_context

    context = plan_context(
        seed_model, None, labels("brief", seed_model.language, template_dirs()), None
    )
    assert seed_model.themes, "the seed should have themes"
    assert _missing([*context, *context["model"], *context["themes"][0]]) == []


def test_deck_plan_context_is_documented(seed_model) -> None:
    from reportgen.plans import labels, template_dirs

    entries = deck.chart_entries(seed_model, None)
    context = deck_plan.plan_context(
        seed_model, labels("deck", seed_model.language, template_dirs()), entries
    )
    assert seed_model.themes, "the seed should have themes"
    assert _missing([*context, *context["themes"][0]]) == []


def _expand(pattern: str) -> list[str]:
    """``a_{zh,en}.yaml`` as ``a_zh.yaml`` and ``a_en.yaml`` (shell brace expansion)."""
    parts = re.split(r"\{([^{}]*)\}", pattern)
    choices = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    return ["".join(combo) for combo in itertools.product(*choices)]


def test_files_named_under_templates_default_exist() -> None:
    named = re.findall(r"templates/default/([^\s`)|]+)", _doc())
    assert named, "the doc names no files under templates/default/"
    missing = []
    for pattern in named:
        for name in _expand(pattern.rstrip(".,;:")):
            if name and not list(DEFAULT.glob(name)):
                missing.append(name)
    assert missing == []


def test_every_default_template_file_is_documented() -> None:
    text = _doc()
    files = sorted(p.name for p in DEFAULT.iterdir() if p.is_file())
    assert [name for name in files if f"templates/default/{name}" not in text] == []


def test_example_edit_matches_the_default_deck_plan() -> None:
    """The worked example deletes `- kind: summary` and the line after it with sed."""
    assert "sed -i '/- kind: summary/,+1d' myfolder/deck.yaml.j2" in _doc()
    lines = (DEFAULT / "deck.yaml.j2").read_text(encoding="utf-8").splitlines()
    at = [i for i, line in enumerate(lines) if "- kind: summary" in line]
    assert len(at) == 1
    assert lines[at[0] + 1].strip().startswith("title:")


def test_documented_slide_kind_error_lists_the_kinds() -> None:
    assert f"use one of {', '.join(deck.KINDS)}" in _doc()


def test_example_paths_are_relative_to_the_repository() -> None:
    for path in ("seeds/qiantang-2024.txt", "templates/make_reference_docx.py"):
        assert path in _doc()
        assert (ROOT / path).is_file()
