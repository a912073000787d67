"""Writers: plans, chart files and the theme in; documents out. They never parse articles.

The registry below is the one place outputs are known: build, verify, preview and the API loop
over ``OUTPUTS``. An output declares its file name, which ``--template`` files are its own, how
it is composed from the model and how verify reads it back. Adding one is one writer module,
one plan template and one line in ``OUTPUTS`` (see docs/architecture.md).

Importing this package is cheap: writer and reader modules are imported only when used.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

__all__ = ["BRIEF", "DECK", "OUTPUTS", "Output", "by_file", "by_name", "split_template"]


@dataclass(frozen=True)
class Output:
    """One output document of a build."""

    name: str  # the stage and timing name: brief, deck
    file: str  # the file name in out/<slug>/
    template_suffixes: tuple[str, ...]  # a --template file with one of these is this output's
    writer: str  # "module:function" composing it: (model, *, charts, template, theme, when, ...)
    reader: str  # "module:function" reading it back for verify: (path) -> Document
    options: Callable[[object], dict]  # the build settings it takes, from a Config

    def compose(self, model, charts, when: _dt.datetime | None, **options):
        """The document laid out in memory (a Composed: ``to_bytes()`` finishes it)."""
        return _load(self.writer)(model, charts=charts, when=when, **options)

    def read_back(self, path: Path):
        """The document at ``path`` as verify sees it (reportgen.verify.findings.Document)."""
        return _load(self.reader)(path)

    def template(self, template: Path | None) -> Path | None:
        """This output's part of --template: the folder, a file of its own type, or nothing."""
        if template is None or template.is_dir():
            return template
        return template if template.suffix.lower() in self.template_suffixes else None


def _load(target: str) -> Callable:
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)


BRIEF = Output(
    name="brief",
    file="brief.docx",
    template_suffixes=(".docx", ".dotx"),
    writer="reportgen.writers.brief:compose_brief",
    reader="reportgen.verify.read_docx:read_docx",
    options=lambda config: {"style": config.style},
)
DECK = Output(
    name="deck",
    file="deck.pptx",
    template_suffixes=(".pptx",),
    writer="reportgen.writers.deck:compose_deck",
    reader="reportgen.verify.read_pptx:read_pptx",
    options=lambda config: {"native_charts": config.native_charts},
)
# Composed in this order; saved in reverse (the order the chart helper draws in: deck first).
OUTPUTS: tuple[Output, ...] = (BRIEF, DECK)


def by_file(name: str) -> Output:
    """The output written to file ``name`` (KeyError when none is)."""
    for output in OUTPUTS:
        if output.file == name:
            return output
    raise KeyError(name)


def by_name(name: str) -> Output:
    """The output called ``name`` (brief, deck); KeyError when none is."""
    for output in OUTPUTS:
        if output.name == name:
            return output
    raise KeyError(name)


def split_template(template: Path | None) -> dict[str, Path | None]:
    """--template for each output by name: a folder serves all, a file only its own type."""
    if template is not None and not template.is_dir():
        suffix = template.suffix.lower()
        if not any(suffix in o.template_suffixes for o in OUTPUTS):
            from reportgen.errors import ConfigError

            kinds = ", ".join(f"a {o.template_suffixes[0]} ({o.name})" for o in OUTPUTS)
            raise ConfigError(f"a template is {kinds} or a folder", path=template)
    return {o.name: o.template(template) for o in OUTPUTS}
