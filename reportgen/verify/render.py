"""Rendering with LibreOffice: text off the page, fonts not embedded, glyphs no font has."""

from __future__ import annotations

import re
from pathlib import Path

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
        fonts = _FontIndex(fonts_conf(Path(tmp)))
        for name, pdf in zip(names, pdfs, strict=True):
            findings += pdf_findings(name, pdf, fonts)
    return findings


def pdf_findings(name: str, pdf: Path, fonts: _FontIndex | None = None) -> list[Finding]:
    """Text outside the page, fonts not embedded, and Chinese characters without a glyph."""
    import pdfplumber

    fonts = fonts or _FontIndex()
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


def _missing_glyphs(where: str, chars: list[dict], fonts: _FontIndex) -> list[Finding]:
    missing: dict[str, set[str]] = {}
    for c in chars:
        text = c["text"]
        tofu = text.startswith("(cid:")  # a glyph with no Unicode mapping
        if tofu or (_CJK.match(text) and not fonts.covers(c["fontname"], text)):
            missing.setdefault(_base_font(c["fontname"]), set()).add(text)
    return [
        Finding(where, f"font {font!r} has no glyph for {''.join(sorted(chars))[:20]!r} (tofu)")
        for font, chars in sorted(missing.items())
    ]


def _base_font(fontname: str) -> str:
    """The font name without the six-letter subset tag (ABCDEF+NotoSansCJKsc-Regular)."""
    return fontname.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", fontname) else fontname


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


class _FontIndex:
    """Installed fonts by PostScript name (from fc-list), with their character maps."""

    def __init__(self, config: Path | None = None) -> None:
        self._config = config  # a fontconfig file (the one LibreOffice rendered with)
        self._files: dict[str, tuple[str, int]] | None = None
        self._cmaps: dict[str, set[int] | None] = {}

    def covers(self, fontname: str, ch: str) -> bool:
        cmap = self._cmap(_base_font(fontname))
        if cmap is None:  # not an installed font we can read: trust a CJK family name
            return bool(re.search(r"CJK|SC|TC|Hei|Song|Ming|Kai|Fang|Han|Yuan|WenQuanYi", fontname))
        return ord(ch) in cmap

    def _cmap(self, name: str) -> set[int] | None:
        if name not in self._cmaps:
            self._cmaps[name] = self._read(name)
        return self._cmaps[name]

    def _read(self, name: str) -> set[int] | None:
        files = self._index()
        key = name
        while key not in files and "-" in key:
            key = key.rsplit("-", 1)[0]  # LibreOffice appends -VKana and the like
        if key not in files:
            return None
        from fontTools.ttLib import TTFont

        path, index = files[key]
        try:
            font = TTFont(path, fontNumber=index, lazy=True)
            cmap = set(font.getBestCmap() or {})
            font.close()
        except Exception:  # noqa: BLE001 - an unreadable font file: fall back to its name
            return None
        return cmap

    def _index(self) -> dict[str, tuple[str, int]]:
        if self._files is None:
            import shutil
            import subprocess

            self._files = {}
            tool = shutil.which("fc-list")
            if tool is not None:
                fmt = "%{postscriptname}|%{file}|%{index}\\n"
                env = None
                if self._config is not None:
                    import os

                    env = dict(os.environ, FONTCONFIG_FILE=str(self._config))
                out = subprocess.run(
                    [tool, "--format", fmt], capture_output=True, text=True, check=False, env=env
                ).stdout
                for line in out.splitlines():
                    parts = line.split("|")
                    if len(parts) == 3 and parts[0]:
                        self._files.setdefault(parts[0], (parts[1], int(parts[2] or 0)))
        return self._files
