"""Imports point one way: each layer imports only from layers below it (read from the source,
lazy imports inside functions included), and the pure-text layers stay free of heavy libraries.

    base (errors, clock, atomic, notices, theme, fonts and its parts, config, manifest, and the
    input limits: limits, safe_yaml, render_budget, template_safety, swap, stdin)
      < ingest < model < extract < plans < charts < writers < verify, preview < build < api
      < cli < clidoc, __main__

Tests mirror the package: every module has its test file (tests/a/test_b.py for reportgen/a/b.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "reportgen"
LAYERS = [
    {
        "reportgen",
        "errors",
        "clock",
        "atomic",
        "notices",
        "theme",
        "fonts",
        "fonts_cover",
        "fonts_describe",
        "config",
        "manifest",
        "limits",
        "safe_yaml",
        "render_budget",
        "template_safety",
        "swap",
        "stdin",
    },
    {"ingest"},
    {"model"},
    {"extract"},
    {"plans"},
    {"charts"},
    {"writers"},
    {"verify", "preview"},
    {"build"},
    {"api"},
    {"cli", "cli_support", "cli_options", "cli_help"},
    {"clidoc", "__main__"},
]
RANK = {name: i for i, names in enumerate(LAYERS) for name in names}
HEAVY = {"docx", "pptx", "matplotlib", "jinja2"}


def _part(module: str) -> str:
    """The top-level part of reportgen a module belongs to (reportgen.ingest.read: ingest)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "reportgen"


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "reportgen":
                found += [(node.lineno, f"reportgen.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out.append((".".join(p for p in parts if p != "__init__"), path))
    return out


def test_every_part_has_a_layer() -> None:
    parts = {_part(m) for m, _ in _modules()}
    parts.discard("__version__")
    assert parts <= set(RANK), sorted(parts - set(RANK))


def test_no_import_from_a_later_layer() -> None:
    bad = []
    for module, path in _modules():
        own = RANK[_part(module)]
        for line, target in _imports(path):
            if not target.startswith("reportgen.") or _part(target) == "__version__":
                continue
            if RANK[_part(target)] > own:
                bad.append(f"{path.relative_to(ROOT)}:{line}: {module} imports {target}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("layer", ["ingest", "model", "extract"])
def test_pure_text_layers_never_import_heavy_libraries(layer: str) -> None:
    """ingest, model and extract are text to data: no Office, plotting or template library."""
    bad = []
    for module, path in _modules():
        if _part(module) == layer:
            for line, target in _imports(path):
                if target.split(".")[0] in HEAVY:
                    bad.append(f"{path.relative_to(ROOT)}:{line}: {target}")
    assert not bad, "\n".join(bad)


def test_ingest_only_reexports() -> None:
    """ingest/__init__ holds no logic: its work is in its modules."""
    tree = ast.parse((PACKAGE / "ingest" / "__init__.py").read_text(encoding="utf-8"))
    kinds = {type(node).__name__ for node in tree.body}
    assert kinds <= {"Expr", "ImportFrom", "Assign"}, kinds


def test_plans_never_import_office_or_plotting() -> None:
    """Plans decide what documents say; only writers know python-docx, python-pptx, matplotlib."""
    bad = []
    for module, path in _modules():
        if _part(module) == "plans":
            for line, target in _imports(path):
                if target.split(".")[0] in HEAVY - {"jinja2"}:
                    bad.append(f"{path.relative_to(ROOT)}:{line}: {target}")
    assert not bad, "\n".join(bad)


MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
# Declarative tables, not logic: the two brief looks' style specs, and the build command's
# Typer option declarations (one parameter per option).
DECLARATIVE = {"default_specs", "gongwen_specs", "reportgen.cli.build"}


def test_no_module_is_over_500_lines() -> None:
    long = []
    for _module, path in _modules():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_MODULE_LINES:
            long.append(f"{path.relative_to(ROOT)}: {n} lines")
    assert not long, "\n".join(long)


def test_no_function_is_over_60_lines() -> None:
    long = []
    for module, path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            n = node.end_lineno - node.lineno + 1
            exempt = node.name in DECLARATIVE or f"{module}.{node.name}" in DECLARATIVE
            if n > MAX_FUNCTION_LINES and not exempt:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {n} lines")
    assert not long, "\n".join(long)


# --- tests mirror the package -------------------------------------------------------------------
# reportgen/a/b.py is tested in tests/a/test_b.py, reportgen/x.py in tests/test_x.py, and a
# package's __init__ (reportgen/a/__init__.py) in tests/test_a.py.
NO_MIRROR = {
    "reportgen/__init__.py",  # the version string only
    "reportgen/__main__.py",  # `python -m reportgen` calls cli.main (tests/test_build.py runs it)
}


def mirror_of(path: Path) -> Path:
    """The test file of a module of the package."""
    parts = path.relative_to(PACKAGE).parts
    if parts[-1] == "__init__.py":
        *folders, name = parts[:-1]
        return ROOT.joinpath("tests", *folders, f"test_{name}.py")
    return ROOT.joinpath("tests", *parts[:-1], f"test_{parts[-1]}")


def test_mirror_of() -> None:
    assert mirror_of(PACKAGE / "api.py") == ROOT / "tests" / "test_api.py"
    assert mirror_of(PACKAGE / "extract" / "quotes.py") == ROOT / "tests/extract/test_quotes.py"
    assert (
        mirror_of(PACKAGE / "writers" / "deck" / "__init__.py")
        == ROOT / "tests/writers/test_deck.py"
    )


def test_every_module_has_a_mirror_test_file() -> None:
    missing = []
    for _module, path in _modules():
        name = path.relative_to(ROOT).as_posix()
        if name not in NO_MIRROR and not mirror_of(path).is_file():
            missing.append(f"{name}: no {mirror_of(path).relative_to(ROOT).as_posix()}")
    assert not missing, "\n".join(missing)


def test_the_exemptions_are_real_modules() -> None:
    assert all((ROOT / name).is_file() for name in NO_MIRROR)
