"""Font files: the bundled OFL Noto Sans SC (from PyPI) as static instances, cached on disk."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportgen.errors import ConfigError, ReportgenError

BUNDLED_FAMILY = "Noto Sans SC"
BUNDLED_PACKAGE = "justmytype-intl-cjk"


def cache_dir() -> Path:
    """Where reportgen keeps derived files: $REPORTGEN_CACHE, else ~/.cache/reportgen."""
    env = os.environ.get("REPORTGEN_CACHE")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base if env else base / "reportgen"


def variable_font_path(family: str = BUNDLED_FAMILY) -> Path:
    """The variable Noto Sans ``family`` (SC, or KR, JP, TC) shipped by the justmytype-intl-cjk
    wheel (OFL-1.1)."""
    try:
        import justmytype_intl_cjk
    except ImportError:
        raise ConfigError(f"the font package {BUNDLED_PACKAGE} is not installed") from None
    stem = family.replace(" ", "")
    folder = Path(justmytype_intl_cjk.__file__).resolve().parent / "fonts" / "ofl"
    root = folder / stem.lower()
    found = sorted(root.glob(f"{stem}*.ttf"))
    if not found:
        raise ConfigError(f"no {family} font inside {BUNDLED_PACKAGE}", path=root)
    return found[0]


@lru_cache(maxsize=16)
def bundled_font_path(weight: int = 400, family: str = BUNDLED_FAMILY) -> Path:
    """A static TrueType instance of the bundled ``family`` at ``weight``, made once and cached.

    The wheel ships variable fonts whose default instance is Thin; renderers (matplotlib,
    LibreOffice) want a static Regular/Bold, so fontTools' instancer makes one (about 15 s, once
    per machine). The file name carries a hash of the source font, so an upgrade re-instances.
    """
    source = variable_font_path(family)
    digest = _file_digest(source)[:12]
    target = cache_dir() / "fonts" / f"{family.replace(' ', '')}-{weight}-{digest}.ttf"
    if not target.exists():
        _instantiate(source, weight, target)
    return target


def _file_digest(path: Path) -> str:
    """Names the source font by package version, file name and size (not mtime), so every
    virtual environment with the same wheel shares one cached instance."""
    from importlib import metadata

    try:
        version = metadata.version(BUNDLED_PACKAGE)
    except metadata.PackageNotFoundError:
        version = "unknown"
    key = f"{version}:{path.name}:{path.stat().st_size}"
    return hashlib.sha256(key.encode()).hexdigest()


def _instantiate(source: Path, weight: int, target: Path) -> None:
    from filelock import FileLock
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock"):
        if target.exists():
            return
        font = instancer.instantiateVariableFont(
            TTFont(source), {"wght": weight}, updateFontNames=True
        )
        tmp = target.with_suffix(".tmp")
        font.save(tmp)
        os.replace(tmp, target)


def bundled_font_dir() -> Path:
    """A folder holding the static Regular and Bold instances (for fontconfig and matplotlib)."""
    regular = bundled_font_path(400)
    bundled_font_path(700)
    return regular.parent


# --- the chart font chain -------------------------------------------------------------------
# Order: an explicit font file (parameter, $REPORTGEN_CHART_FONT or theme fonts.chart_font_file),
# then the theme's fonts.chart_families as installed on this system, then the bundled OFL font.
# $REPORTGEN_SYSTEM_FONTS=0 skips system fonts (what a fresh machine without CJK fonts sees).

FREE_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
)
FALLBACK_FAMILY = "DejaVu Sans"  # ships with matplotlib: symbols no CJK font has
CJK_PROBE = "中文数据"
CHAIN_VERSION = 1


@dataclass(frozen=True)
class FontChoice:
    """The font one script is drawn with, and why it was chosen."""

    script: str
    family: str
    path: str
    origin: str
    reason: str


@dataclass(frozen=True)
class FontChain:
    """Families for matplotlib's ``font.family`` (glyph fallback in order) and files to add."""

    families: list[str]
    files: list[str]
    choices: list[FontChoice] = field(default_factory=list)

    def fingerprint(self) -> str:
        """A short hash of the families and the exact font files (size, mtime)."""
        parts = [*self.families]
        for choice in self.choices:
            parts.append(_stat_key(choice.path))
        parts.extend(_stat_key(f) for f in self.files)
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]

    def to_data(self) -> dict:
        return {
            "families": self.families,
            "files": self.files,
            "choices": [choice.__dict__ for choice in self.choices],
        }


def _stat_key(path: str) -> str:
    try:
        stat = os.stat(path)
    except OSError:
        return f"{path}:missing"
    return f"{path}:{stat.st_size}:{int(stat.st_mtime)}"


def system_fonts_allowed(system: bool | None = None) -> bool:
    """May system fonts be used: the argument, else $REPORTGEN_SYSTEM_FONTS (default yes)."""
    if system is not None:
        return system
    return os.environ.get("REPORTGEN_SYSTEM_FONTS", "1").strip().lower() not in ("0", "no", "false")


def _settings(fonts: dict, system: bool | None, font_file: str | Path | None) -> dict:
    explicit = font_file or os.environ.get("REPORTGEN_CHART_FONT") or fonts.get("chart_font_file")
    families = fonts.get("chart_families") or list(FREE_CJK_FAMILIES)
    if isinstance(families, str):
        families = [families]
    return {
        "explicit": str(explicit) if explicit else "",
        "families": [str(f) for f in families],
        "latin": str(fonts.get("chart_latin") or ""),
        "system": system_fonts_allowed(system),
    }


def font_chain(
    fonts: dict | None = None,
    *,
    system: bool | None = None,
    font_file: str | Path | None = None,
    refresh: bool = False,
) -> FontChain:
    """The chart font chain for these theme fonts, from a small cache when still valid.

    Resolving needs matplotlib's font manager (slow to import); the result is remembered in the
    cache folder keyed by the settings, so a run whose charts are all cached never imports it.
    """
    import json

    settings = _settings(fonts or {}, system, font_file)
    if settings["explicit"]:
        settings["explicit_stat"] = _stat_key(settings["explicit"])
    key = hashlib.sha256(json.dumps([CHAIN_VERSION, settings], sort_keys=True).encode())
    path = cache_dir() / "fonts" / f"chain-{key.hexdigest()[:16]}.json"
    if not refresh and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            chain = FontChain(
                data["families"], data["files"], [FontChoice(**c) for c in data["choices"]]
            )
            if all(os.path.exists(c.path) for c in chain.choices):
                return chain
        except (OSError, ValueError, KeyError, TypeError):
            pass
    chain = resolve_font_chain(settings)
    from reportgen.atomic import write_text

    with contextlib.suppress(ReportgenError, OSError):  # an unwritable cache is only slower
        write_text(path, json.dumps(chain.to_data(), ensure_ascii=False, indent=1))
    return chain


def resolve_font_chain(settings: dict) -> FontChain:
    """Resolve with matplotlib's font manager: explicit file, system families, bundled font."""
    from matplotlib import font_manager

    cjk = _explicit_choice(settings["explicit"]) if settings["explicit"] else None
    if cjk is None and settings["system"]:
        cjk = _system_choice(font_manager, settings["families"])
    files: list[str] = []
    if cjk is None:
        regular, bold = bundled_font_path(400), bundled_font_path(700)
        files = [str(regular), str(bold)]
        why = "no listed family is installed" if settings["system"] else "system fonts excluded"
        why = f"{why}; OFL font from {BUNDLED_PACKAGE}"
        cjk = FontChoice("CJK", BUNDLED_FAMILY, str(regular), "bundled", why)
    elif cjk.origin == "file":
        files = [cjk.path]
    latin = _latin_choice(font_manager, settings, cjk)
    families = [latin.family] if latin.family != cjk.family else []
    families += [cjk.family, FALLBACK_FAMILY]
    return FontChain(families, files, [cjk, latin])


def _covers(path: str, text: str = CJK_PROBE) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(c) in charmap for c in text)


def _explicit_choice(path: str) -> FontChoice:
    from matplotlib import font_manager

    file = Path(path).expanduser()
    if not file.is_file():
        raise ConfigError("chart font file not found", path=file)
    if not _covers(str(file)):
        raise ConfigError("chart font file has no Chinese glyphs", path=file)
    font_manager.fontManager.addfont(str(file))
    family = font_manager.FontProperties(fname=str(file)).get_name()
    return FontChoice("CJK", family, str(file), "file", "explicit font file setting")


def _system_choice(font_manager, families: list[str]) -> FontChoice | None:
    entries = font_manager.fontManager.ttflist
    for family in families:
        found = [e for e in entries if e.name == family]
        if not found:
            continue
        entry = min(found, key=lambda e: (abs(_weight(e.weight) - 400), e.style != "normal"))
        if _covers(entry.fname):
            return FontChoice(
                "CJK", family, entry.fname, "system", "first theme chart family installed"
            )
    return None


def _weight(weight: object) -> int:
    if isinstance(weight, int):
        return weight
    return {"normal": 400, "regular": 400, "bold": 700}.get(str(weight), 400)


def _latin_choice(font_manager, settings: dict, cjk: FontChoice) -> FontChoice:
    family = settings["latin"]
    if family and settings["system"]:
        found = [e for e in font_manager.fontManager.ttflist if e.name == family]
        if found:
            return FontChoice("Latin", family, found[0].fname, "system", "theme chart_latin")
    return FontChoice(
        "Latin", cjk.family, cjk.path, cjk.origin, "Latin glyphs of the CJK font (one look)"
    )


def describe_chain(chain: FontChain) -> str:
    """Lines for `reportgen fonts`: which font each script uses, from where, and why."""
    lines = [
        f"{c.script:<6} {c.family}  [{c.origin}]  {c.path}\n       why: {c.reason}"
        for c in chain.choices
    ]
    lines.append(f"fallback chain: {', '.join(chain.families)}")
    return "\n".join(lines) + "\n"


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
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, lazy=True, fontNumber=0)
        # plain glyph names: fontTools would otherwise derive a name for each of 65 000 glyphs
        font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
        found = frozenset(font.getBestCmap() or {})
        font.close()
    except Exception:  # noqa: BLE001 - an unreadable font simply covers nothing
        return frozenset()
    return found


def undrawable(chain: FontChain, text: str) -> set[str]:
    """The characters of ``text`` no font of ``chain`` draws (an emoji, with no colour font in
    the chain); charts leave them out rather than draw empty boxes."""
    unusual = set(_UNCOMMON.findall(text))
    drawn_by = _drawn_by(chain) if unusual else []
    return {ch for ch in unusual if not any(ord(ch) in _codepoints(p) for p in drawn_by)}
