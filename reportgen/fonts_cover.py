"""Characters a font chain lacks, and the bundled faces that bring them in (Hangul, kana,
traditional Han)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from reportgen.fonts import (
    BUNDLED_PACKAGE,
    FontChain,
    FontChoice,
    bundled_font_path,
    variable_font_path,
)

# --- characters the chain lacks ---------------------------------------------------------------
# Bundled faces tried, in order, for characters the chain's fonts do not have: Hangul, then
# kana, then traditional Han. Each is instanced (like Noto Sans SC) only when an article needs it.
EXTRA_FAMILIES = ("Noto Sans KR", "Noto Sans JP", "Noto Sans TC")
# Characters every chain draws (Latin, punctuation, arrows, maths, circled numbers and shapes,
# CJK symbols, the unified Han block, full-width forms; checked against Noto Sans SC with
# DejaVu Sans): text made only of these needs no font file read at all.
_COMMON = (
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x2000, 0x2064),
    (0x2190, 0x22FF),
    (0x2460, 0x24FF),
    (0x25A0, 0x25FF),
    (0x3000, 0x303F),
    (0x4E00, 0x9FEF),
    (0xFF01, 0xFF9F),
    (0xFFE0, 0xFFE6),
)
_UNCOMMON = re.compile("[^\\s" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _COMMON) + "]")


def covering(chain: FontChain, text: str) -> FontChain:
    """``chain`` with the bundled faces that draw what its fonts lack in ``text`` (a Korean name
    in a Chinese article), appended to its fallback order; ``chain`` itself when nothing is
    missing, which a look at the characters tells without reading any font in most articles."""
    missing = undrawable(chain, text)
    families, files, choices = [*chain.families], [*chain.files], [*chain.choices]
    for family in EXTRA_FAMILIES:
        found = {ch for ch in missing if ord(ch) in _codepoints(str(variable_font_path(family)))}
        if not found:
            continue
        missing -= found
        regular, bold = (str(bundled_font_path(w, family)) for w in (400, 700))
        families.append(family)
        files += [regular, bold]
        shown = "".join(sorted(found))[:12]
        reason = f"characters the other fonts lack ({shown}); OFL font from {BUNDLED_PACKAGE}"
        choices.append(FontChoice("extra", family, regular, "bundled", reason))
    if families == chain.families:
        return chain
    return FontChain(families, files, choices)


def _drawn_by(chain: FontChain) -> list[str]:
    """The font files the chain draws with: its choices, its added files and matplotlib's own
    DejaVu Sans (found without importing matplotlib)."""
    from importlib.util import find_spec

    paths = [c.path for c in chain.choices] + list(chain.files)
    spec = find_spec("matplotlib")
    if spec is not None and spec.origin:
        paths.append(
            str(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf")
        )
    return [p for p in dict.fromkeys(paths) if p and Path(p).is_file()]


@lru_cache(maxsize=16)
def _codepoints(path: str) -> frozenset[int]:
    """The characters a font file maps (its best Unicode cmap), empty when it cannot be read."""
    return read_codepoints(path) or frozenset()


def read_codepoints(path: str, index: int = 0) -> frozenset[int] | None:
    """The characters font ``index`` of a font file (a .ttc holds several) maps, from its best
    Unicode cmap; None when the file cannot be read as a font."""
    from fontTools.ttLib import TTFont

    try:
        with open(path, "rb") as file:  # closed even when fontTools gives up half-way
            font = TTFont(file, lazy=True, fontNumber=index)
            # plain glyph names: fontTools would otherwise derive a name for each of 65 000 glyphs
            font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
            return frozenset(font.getBestCmap() or {})
    except Exception:  # noqa: BLE001 - an unreadable font file
        return None


def undrawable(chain: FontChain, text: str) -> set[str]:
    """The characters of ``text`` no font of ``chain`` draws (an emoji, with no colour font in
    the chain); charts leave them out rather than draw empty boxes."""
    unusual = set(_UNCOMMON.findall(text))
    drawn_by = _drawn_by(chain) if unusual else []
    return {ch for ch in unusual if not any(ord(ch) in _codepoints(p) for p in drawn_by)}


# --- installed fonts, as a renderer found them -------------------------------------------------
# verify --render asks, for each character of a PDF, whether the font the PDF names draws it.

_CJK_NAME = re.compile(r"CJK|SC|TC|Hei|Song|Ming|Kai|Fang|Han|Yuan|WenQuanYi")


def base_font_name(fontname: str) -> str:
    """The font name without the six-letter subset tag (ABCDEF+NotoSansCJKsc-Regular)."""
    return fontname.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", fontname) else fontname


class InstalledFonts:
    """Installed fonts by PostScript name (from fc-list, optionally with the fontconfig file a
    renderer used), with their character maps read on first use."""

    def __init__(self, config: Path | None = None) -> None:
        self._config = config  # a fontconfig file (the one LibreOffice rendered with)
        self._files: dict[str, tuple[str, int]] | None = None
        self._cmaps: dict[str, frozenset[int] | None] = {}

    def covers(self, fontname: str, ch: str) -> bool:
        """Does the font a PDF names ``fontname`` (subset tag and suffixes allowed) draw ``ch``;
        a font not installed or not readable is trusted when its name is a CJK family's."""
        name = base_font_name(fontname)
        if name not in self._cmaps:
            self._cmaps[name] = self._read(name)
        cmap = self._cmaps[name]
        if cmap is None:
            return bool(_CJK_NAME.search(fontname))
        return ord(ch) in cmap

    def _read(self, name: str) -> frozenset[int] | None:
        files = self.files()
        key = name
        while key not in files and "-" in key:
            key = key.rsplit("-", 1)[0]  # LibreOffice appends -VKana and the like
        if key not in files:
            return None
        path, index = files[key]
        return read_codepoints(path, index)

    def files(self) -> dict[str, tuple[str, int]]:
        """PostScript name: (font file, index in the file), as fc-list lists them."""
        if self._files is None:
            self._files = fc_list(self._config)
        return self._files


def fc_list(config: Path | None = None) -> dict[str, tuple[str, int]]:
    """The fonts fontconfig knows (with ``config`` as FONTCONFIG_FILE when given), by PostScript
    name: (file, index); empty when fc-list is not installed."""
    import os
    import shutil
    import subprocess

    found: dict[str, tuple[str, int]] = {}
    tool = shutil.which("fc-list")
    if tool is None:
        return found
    env = dict(os.environ, FONTCONFIG_FILE=str(config)) if config is not None else None
    fmt = "%{postscriptname}|%{file}|%{index}\\n"
    out = subprocess.run(
        [tool, "--format", fmt], capture_output=True, text=True, check=False, env=env
    ).stdout
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0]:
            found.setdefault(parts[0], (parts[1], int(parts[2] or 0)))
    return found
