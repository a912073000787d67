"""The brief's reference document and plan: which --template, the plan's blocks and styles
checked, the document prepared (styles, fonts, language) and dated."""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.errors import ConfigError, TemplateError
from reportgen.writers.ooxml import xml_safe

if TYPE_CHECKING:
    from reportgen.model import Model
    from reportgen.theme import Theme

PLAN = "brief.yaml.j2"
REQUIRED_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Caption", "Quote")
KINDS = [
    "title",
    "toc",
    "heading",
    "paragraph",
    "note",
    "key_points",
    "figures_table",
    "table",
    "theme_section",
    "section",
    "points",
    "chart",
    "charts",
    "quote",
    "quotes",
    "annex",
    "page_break",
]


# -- template, plan and reference --------------------------------------------------------------


def _locate(style: str, template: Path | None) -> tuple[list[Path], Path, bool]:
    """Plan/label search path, the reference .docx, and whether it is the user's."""
    from reportgen.plans import locate
    from reportgen.theme import TEMPLATES

    if not (TEMPLATES / style).is_dir() or not re.fullmatch(r"[a-z0-9_-]+", style):
        styles = sorted(p.name for p in TEMPLATES.iterdir() if (p / "reference.docx").is_file())
        raise ConfigError(f"unknown brief style {style!r}; choose one of {', '.join(styles)}")
    return locate(template, "reference.docx", style)


def check_plan(plan: object) -> dict:
    """The rendered plan must be a mapping with a list of blocks of known kinds."""
    if not isinstance(plan, dict) or not isinstance(plan.get("blocks"), list):
        raise TemplateError("the plan must be a mapping with a 'blocks' list", path=PLAN)
    _check_blocks(plan["blocks"], "blocks")
    return plan


def _check_blocks(blocks: list, where: str) -> None:
    for i, block in enumerate(blocks):
        if not isinstance(block, dict) or block.get("kind") not in KINDS:
            kind = block.get("kind") if isinstance(block, dict) else block
            raise TemplateError(
                f"{where}[{i}]: unknown block kind {kind!r}; known: {', '.join(KINDS)}", path=PLAN
            )
        inner = block.get("blocks")
        if inner is not None:
            if not isinstance(inner, list):
                raise TemplateError(f"{where}[{i}].blocks must be a list", path=PLAN)
            _check_blocks(inner, f"{where}[{i}].blocks")


def open_reference(path: Path):
    """Open a reference .docx (a .dotx is accepted); anything else is a TemplateError."""
    from docx import Document

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read template: {exc.strerror or exc}", path=path) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError("not a .docx file (it is not a zip package)", path=path)
    data = _dotx_as_docx(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if types and b"wordprocessingml.document.main+xml" not in types:  # e.g. a .pptx or .xlsx
        raise TemplateError("not a .docx file (no Word document part)", path=path)
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors...
        raise TemplateError(f"not a usable .docx file: {exc}", path=path) from None


def _dotx_as_docx(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    try:
        types = source.read("[Content_Types].xml")
    except KeyError:
        return data
    marker = b"wordprocessingml.template.main+xml"
    if marker not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(marker, b"wordprocessingml.document.main+xml")
            target.writestr(info, blob)
    return out.getvalue()


def _styles_in(blocks: list) -> set[str]:
    found = set()
    for block in blocks:
        if isinstance(block.get("style"), str):
            found.add(block["style"])
        found |= _styles_in(block.get("blocks") or [])
    return found


def check_styles(document, plan: dict, path: Path | None = None) -> None:
    """Every style the writer or the plan needs must exist; the error names the first missing."""
    from reportgen.writers.brief_look import EXTRA_STYLES

    have = {s.name for s in document.styles} | set(EXTRA_STYLES)
    for name in (*REQUIRED_STYLES, *sorted(_styles_in(plan["blocks"]))):
        if name not in have:
            raise TemplateError(f"the template has no paragraph style {name!r}", path=path)


def _prepare(document, theme: Theme, *, style: str, user: bool, language: str) -> None:
    """Empty the body, set fonts/language, add the writer's own styles when missing."""
    from reportgen.writers import docx_helpers as h
    from reportgen.writers.brief_look import apply_specs, default_specs, ensure_extra_styles
    from reportgen.writers.brief_theme import reskin

    body = document.element.body
    for node in list(body):
        if node.tag != h.w("sectPr"):
            body.remove(node)
    styles = document.styles.element
    ea = theme.font("east_asian")
    if style == "default" and not user:
        apply_specs(document, default_specs(theme, language))
        h.set_fonts(h.doc_defaults_rpr(styles), latin=theme.font("latin"), east_asian=ea)
        reskin(document, theme, styles=False)  # its theme part, for a theme not the built-in
    else:
        # a theme other than the built-in one restyles a user's reference (GB/T 9704 stays)
        reskin(document, theme, styles=user)
        h.fill_east_asian(h.doc_defaults_rpr(styles), ea)
        for s in document.styles:
            rpr = s.element.find(h.w("rPr"))
            if rpr is not None and rpr.find(h.w("rFonts")) is not None:
                h.fill_east_asian(rpr, ea)
    ensure_extra_styles(document)
    h.set_lang(h.doc_defaults_rpr(styles), val="en-US", east_asia="zh-CN")
    h.set_theme_font_lang(document.settings.element, val="en-US", east_asia="zh-CN")
    h.set_theme_east_asian(document, ea)
    preview = document.settings.element.find(h.w("savePreviewPicture"))
    if preview is not None:
        document.settings.element.remove(preview)
    normal_ppr = document.styles["Normal"].element.get_or_add_pPr()
    h.set_kinsoku(normal_ppr)


def _properties(document, model: Model, when: _dt.datetime) -> None:
    from reportgen.writers import docx_helpers as h

    sep = "、" if model.language == "zh" else ", "
    h.set_core_properties(
        document,
        title=xml_safe(model.headline),
        author=xml_safe(sep.join(model.authors)),
        subject=xml_safe(model.series),
        when=when.replace(tzinfo=None),
        language="zh-CN" if model.language == "zh" else "en-US",
    )
    h.drop_package_parts(document)
    h.reset_app_properties(document, "reportgen")
