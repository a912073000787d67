"""Every package reportgen's code imports is one it declares: a module that comes only with
another package's install (click, once vendored by typer) works here and fails on a clean one."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> set[str]:
    """The distributions pyproject.toml names: dependencies, and extras (an optional feature
    imports its package lazily and says how to install it when it is missing)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        wanted += extra
    names = [re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0] for d in wanted]
    return {n.lower().replace("_", "-") for n in names}


def _imported() -> set[str]:
    """Top-level names of every module imported in reportgen/ (lazy imports included)."""
    found = set()
    for path in (ROOT / "reportgen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found - {"reportgen", "__future__"} - set(sys.stdlib_module_names)


def test_every_imported_package_is_declared() -> None:
    owners = packages_distributions()
    undeclared = {}
    for name in sorted(_imported()):
        dists = {d.lower().replace("_", "-") for d in owners.get(name, [name])}
        if not dists & _declared():
            undeclared[name] = sorted(dists) or ["not installed"]
    assert undeclared == {}
