"""Regenerate the built-in reference .docx files (default and gongwen) from code.

Run from the repository root:  python templates/make_reference_docx.py
The look lives in reportgen/writers/brief_look.py; this script only bakes it into a clean file.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(style: str) -> bytes:
    """A cleaned python-docx default document with the style's look applied."""
    from docx import Document

    from reportgen.clock import FIXED_DATE
    from reportgen.theme import load_theme
    from reportgen.writers import brief_look as look
    from reportgen.writers import docx_helpers as h
    from reportgen.writers.ooxml import normalize_zip

    doc = Document()
    body = doc.element.body
    for node in list(body):
        if node.tag != h.w("sectPr"):
            body.remove(node)
    theme = load_theme()
    if style == "gongwen":
        look.apply_specs(doc, look.gongwen_specs())
        look.page_setup(doc.sections[0], top=37, bottom=35, left=28, right=26, header=15, footer=23)
        look.set_font_alternates(doc, look.GONGWEN_FONTS)
        ea, latin = look.GONGWEN_FONTS["body"][0], "Times New Roman"
    else:
        look.apply_specs(doc, look.default_specs(theme))
        look.page_setup(doc.sections[0], top=25, bottom=22, left=25, right=25, header=12, footer=10)
        ea, latin = theme.font("east_asian"), theme.font("latin")
    look.ensure_extra_styles(doc)
    _trim(doc)
    defaults = h.doc_defaults_rpr(doc.styles.element)
    h.set_fonts(defaults, latin=latin, east_asian=ea)
    h.set_lang(defaults, val="en-US", east_asia="zh-CN")
    h.set_theme_font_lang(doc.settings.element, val="en-US", east_asia="zh-CN")
    h.set_theme_east_asian(doc, ea)
    preview = doc.settings.element.find(h.w("savePreviewPicture"))
    if preview is not None:
        doc.settings.element.remove(preview)
    h.set_core_properties(
        doc, title="", author="", when=FIXED_DATE.replace(tzinfo=None), language="zh-CN"
    )
    h.drop_package_parts(doc)
    h.reset_app_properties(doc, "reportgen")
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


KEEP_TABLE_STYLES = {"TableNormal", "TableGrid"}


def _trim(doc) -> None:
    """Drop the ~130 unused table styles and the Word 2010 stylesWithEffects copy."""
    from reportgen.writers.docx_helpers import w

    styles = doc.styles.element
    for style in list(styles.iterfind(w("style"))):
        if style.get(w("type")) == "table" and style.get(w("styleId")) not in KEEP_TABLE_STYLES:
            styles.remove(style)
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[r_id]


def main() -> int:
    for style in ("default", "gongwen"):
        target = HERE / style / "reference.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(build(style))
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
