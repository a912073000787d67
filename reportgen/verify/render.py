"""Rendering with LibreOffice: text off the page, fonts not embedded, glyphs no font has."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.fonts_cover import InstalledFonts, base_font_name
from reportgen.model import Model
from reportgen.verify.checks import _short
from reportgen.verify.findings import Finding

# Ideographs, CJK punctuation and full-width forms: the text that needs a CJK-capable font.
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_EDGE = 0.5  # points a glyph box may touch past the page edge (anti-aliasing, rounding)


def render_findings(out_dir: Path, names: list[str], model: Model) -> list[Finding]:
    """Convert the outputs to PDF with LibreOffice, exactly as ``reportgen preview`` does (own
    profile, bundled CJK fonts); text that leaves the page and Chinese text no embedded font has
    glyphs for are findings."""
    import tempfile

    from reportgen.errors import ConfigError
    from reportgen.preview import INSTALL_HINT, convert, find_soffice, fonts_conf

    soffice = find_soffice()
    if soffice is None:
        raise ConfigError(f"--render: {INSTALL_HINT}")
    findings: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="reportgen-verify-") as tmp:
        pdfs = convert(soffice, [Path(out_dir) / n for n in names], Path(tmp))
        fonts = InstalledFonts(fonts_conf(Path(tmp)))
        for name, pdf in zip(names, pdfs, strict=True):
            findings += pdf_findings(name, pdf, fonts)
    return findings


def pdf_findings(name: str, pdf: Path, fonts: InstalledFonts | None = None) -> list[Finding]:
    """Text outside the page, fonts not embedded, and Chinese characters without a glyph."""
    try:
        import pdfplumber
    except ImportError:
        from reportgen.errors import OutputError

        raise OutputError(
            "checking rendered pages needs pdfplumber: pip install 'reportgen[render]'"
        ) from None

    fonts = fonts or InstalledFonts()
    unit = "slide" if name.endswith(".pptx") else "PDF page"
    findings = [Finding(name, f"font {f!r} is not embedded in the PDF") for f in _unembedded(pdf)]
    with pdfplumber.open(str(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            where = f"{name} {unit} {number}"
            findings += _off_page(where, page)
            findings += _missing_glyphs(where, page.chars, fonts)
    return findings


def _off_page(where: str, page) -> list[Finding]:
    w, h = float(page.width), float(page.height)
    out = [
        c
        for c in page.chars
        if c["x0"] < -_EDGE or c["x1"] > w + _EDGE or c["top"] < -_EDGE or c["bottom"] > h + _EDGE
    ]
    if not out:
        return []
    sample = _short("".join(c["text"] for c in out), 30)
    return [Finding(where, f"{len(out)} characters leave the page ({sample!r})")]


def _missing_glyphs(where: str, chars: list[dict], fonts: InstalledFonts) -> list[Finding]:
    missing: dict[str, set[str]] = {}
    for c in chars:
        text = c["text"]
        tofu = text.startswith("(cid:")  # a glyph with no Unicode mapping
        if tofu or (_CJK.match(text) and not fonts.covers(c["fontname"], text)):
            missing.setdefault(base_font_name(c["fontname"]), set()).add(text)
    return [
        Finding(where, f"font {font!r} has no glyph for {''.join(sorted(chars))[:20]!r} (tofu)")
        for font, chars in sorted(missing.items())
    ]


def _unembedded(pdf: Path) -> list[str]:
    import shutil
    import subprocess

    tool = shutil.which("pdffonts")
    if tool is None:
        return []
    out = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=False).stdout
    names = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        if len(cols) >= 7 and cols[-5] == "no":
            names.append(cols[0])
    return names
