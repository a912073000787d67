"""Read the brief and the deck back and trace every number, quote and theme to the source."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reportgen.errors import FindingsError, InputError
from reportgen.model import Model
from reportgen.verify.checks import (
    Source,
    _heading_has,
    check_attribution,
    check_document,
    check_numbers,
    check_quotes,
    check_themes,
    fold,
    quote_ok,
    quoted_spans,
    unsupported_numbers,
)
from reportgen.verify.findings import Document, Finding, Piece
from reportgen.verify.fit import fit_problem
from reportgen.verify.meaning import check_charts
from reportgen.verify.read_docx import read_docx
from reportgen.verify.read_pptx import read_pptx
from reportgen.verify.render import pdf_findings, render_findings
from reportgen.writers import OUTPUTS, by_file

__all__ = [
    "Document",
    "Finding",
    "Piece",
    "Source",
    "_heading_has",
    "check_attribution",
    "check_document",
    "check_numbers",
    "check_quotes",
    "check_themes",
    "fit_problem",
    "fold",
    "pdf_findings",
    "quote_ok",
    "quoted_spans",
    "raise_for",
    "read_docx",
    "read_pptx",
    "render_findings",
    "unsupported_numbers",
    "verifier_for",
    "verify_outputs",
]

CONTENT = "content.json"
CHARTS = "charts/charts.json"
# --- entry points -----------------------------------------------------------------------------


def verify_outputs(out_dir: Path, model: Model | None = None, *, render: bool = False):
    """Every finding in ``out_dir``'s brief.docx and deck.pptx (an empty list when clean)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        what = "is not a folder" if out_dir.exists() else "no such folder"
        raise InputError(what, path=out_dir)
    model = model if model is not None else _load_model(out_dir)
    docs = _read_documents(out_dir)
    specs = _chart_specs(out_dir, model)
    source = Source.of(model, specs)
    findings = check_charts(specs, model, source)
    findings += [f for doc in docs for f in check_document(doc, source, model)]
    if render:
        findings += render_findings(out_dir, [d.name for d in docs], model)
    return findings


def verifier_for(out_dir: Path, model: Model) -> Callable[[str], list[Finding]]:
    """A check of one output file in ``out_dir`` by name (brief.docx or deck.pptx), so a build
    can verify each document as soon as it is written; the source is read once."""
    out_dir = Path(out_dir)
    specs = _chart_specs(out_dir, model)
    source = Source.of(model, specs)
    pending = check_charts(specs, model, source)  # reported with the first document checked

    def check(name: str) -> list[Finding]:
        found = pending[:] + check_document(by_file(name).read_back(out_dir / name), source, model)
        pending.clear()
        return found

    return check


def raise_for(findings: list[Finding], out_dir: Path) -> None:
    """A FindingsError (exit code 1) when there are findings; nothing when clean."""
    if findings:
        n = len(findings)
        raise FindingsError(f"{n} finding{'s' if n != 1 else ''}", path=out_dir)


def _load_model(out_dir: Path) -> Model:
    from reportgen.model import load

    path = out_dir / CONTENT
    if not path.is_file():
        raise InputError(f"no {CONTENT} (the content model) in this folder", path=out_dir)
    return load(path)


def _read_documents(out_dir: Path) -> list[Document]:
    docs = []
    for output in OUTPUTS:
        if (out_dir / output.file).is_file():
            docs.append(output.read_back(out_dir / output.file))
    if not docs:
        names = " nor ".join(o.file for o in OUTPUTS)
        raise InputError(f"neither {names} in this folder", path=out_dir)
    return docs


def _chart_specs(out_dir: Path, model: Model) -> list:
    """The chart specs the writers used: charts/charts.json, else the model's (or planned) ones."""
    from reportgen.model import ChartSpec

    index = out_dir / CHARTS
    if index.is_file():
        try:
            data = json.loads(index.read_text(encoding="utf-8"))
            return [ChartSpec.model_validate(c["spec"]) for c in data.get("charts", [])]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InputError("not a valid chart index", path=index) from None
    if model.charts is not None:
        return list(model.charts)
    from reportgen.charts import specs_for

    return specs_for(model)


def verify_document(path: Path, model: Model, *, render: bool = False) -> list[Finding]:
    """Every finding in one brief (.docx) or deck (.pptx) written on its own (`reportgen brief
    -o x/brief.docx`), checked against ``model`` (the article's, or a content model): no output
    folder and no content.json needed. Chart labels come from a charts.json beside it when there
    is one, else from the model's charts (planned as the writers plan them)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "is not a file", path=path)
    readers = {".docx": read_docx, ".pptx": read_pptx}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise InputError("verify reads an output folder, a .docx or a .pptx", path=path)
    doc = reader(path)
    source = Source.of(model, _chart_specs(path.parent, model))
    findings = check_document(doc, source, model)
    if render:
        findings += render_findings(path.parent, [path.name], model)
    return findings
