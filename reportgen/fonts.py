"""Font files: the bundled OFL Noto Sans SC (from PyPI) as static instances, cached on disk."""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportgen.errors import ConfigError, ReportgenError
from reportgen.notices import announced, notify, set_notifier  # noqa: F401 - re-exported

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
    LibreOffice) want a static Regular/Bold. HarfBuzz's instancer (uharfbuzz) pins the weight
    axis of the whole font in about 0.4 s; fontTools' pure-Python instancer, the fallback when
    uharfbuzz is missing, takes 15-50 s. The file name carries a hash of the source font and of
    the method, so an upgrade re-instances.
    """
    source = variable_font_path(family)
    digest = _file_digest(source)[:12]
    target = cache_dir() / "fonts" / f"{family.replace(' ', '')}-{weight}-{digest}.ttf"
    if not target.exists():
        _instantiate(source, weight, target, family)
    return target


INSTANCER_VERSION = 2  # 1: fontTools' instancer; 2: HarfBuzz, names and style bits set after


def _file_digest(path: Path) -> str:
    """Names the source font by package version, file name and size (not mtime) and the
    instancer's version, so every virtual environment with the same wheels shares one cached
    instance, and an upgrade of either makes a new one."""
    from importlib import metadata

    versions = []
    for name in (BUNDLED_PACKAGE, "uharfbuzz"):  # the font, and the instancer that pins it
        try:
            versions.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            versions.append("absent")
    key = f"{':'.join(versions)}:{path.name}:{path.stat().st_size}:{INSTANCER_VERSION}"
    return hashlib.sha256(key.encode()).hexdigest()


def _instantiate(source: Path, weight: int, target: Path, family: str = BUNDLED_FAMILY) -> None:
    from filelock import FileLock

    target.parent.mkdir(parents=True, exist_ok=True)
    style = _STYLE_NAMES.get(weight, str(weight))
    with FileLock(str(target) + ".lock"):
        if target.exists():
            return
        data = None
        try:
            import uharfbuzz  # noqa: F401
        except ImportError:
            pass
        else:
            what = f"making the chart font {family} {style} (once per machine)"
            with announced(what):
                data = _instantiate_harfbuzz(source, weight, family)
        if data is None:
            notify(
                f"making the chart font {family} {style} with fontTools (once per machine, "
                "15-50 s; `pip install uharfbuzz` makes it take under a second)"
            )
            data = _instantiate_fonttools(source, weight)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)


_STYLE_NAMES = {100: "Thin", 300: "Light", 400: "Regular", 500: "Medium", 700: "Bold", 900: "Black"}


def _instantiate_harfbuzz(source: Path, weight: int, family: str) -> bytes | None:
    """Pin the weight axis with HarfBuzz's instancer (glyphs, metrics, kerning, all of them),
    then name the instance as fontTools would (family, Regular/Bold, full and PostScript names)
    and set its style bits; None when this HarfBuzz cannot instance the font."""
    import io

    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    try:
        face = hb.Face(hb.Blob.from_file_path(str(source)))
        request = hb.SubsetInput()
        request.keep_everything()
        # as fontTools does: FreeType then renders overlapping contours (every glyph of a variable
        # font has them) without dark seams, and charts look as they always have
        request.flags |= hb.SubsetFlags.SET_OVERLAPS_FLAG
        request.pin_axis_location(face, "wght", float(weight))
        pinned = hb.subset(face, request)
        if pinned is None:
            return None
        data = pinned.blob.data
    except (AttributeError, RuntimeError, ValueError, OSError):
        return None
    # lazy, no recalculation: only name, head and OS/2 are rewritten; the file is reproducible
    font = TTFont(io.BytesIO(data), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    if "fvar" in font or "gvar" in font:
        return None
    # plain glyph names: fontTools would otherwise name 31 000 glyphs from the cmap (a second)
    font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
    _name_instance(font, family, weight)
    tables = {tag: font.getTableData(tag) for tag in ("name", "head", "OS/2")}
    return replace_tables(data, tables)


def replace_tables(data: bytes, tables: dict[str, bytes]) -> bytes:
    """The sfnt ``data`` with ``tables`` (tag: compiled bytes) in place of its own, checksums and
    ``head.checkSumAdjustment`` recomputed; every other table is copied as it is (fontTools'
    save would spend a second recompiling a 10 MB CJK font for three small tables)."""
    import struct

    count = struct.unpack(">H", data[4:6])[0]
    records = [struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i]) for i in range(count)]
    body, directory, offset = [], [], 12 + 16 * count
    total = 0
    for tag, checksum, start, length in records:
        name = tag.decode("latin-1")
        table = tables.get(name, data[start : start + length])
        if name == "head":
            table = table[:8] + b"\0\0\0\0" + table[12:]
        if name in tables or name == "head":
            checksum = _checksum(table)
        directory.append(struct.pack(">4sIII", tag, checksum, offset, len(table)))
        padded = table + b"\0" * (-len(table) % 4)
        body.append(padded)
        offset += len(padded)
        total += checksum
    header = data[:12] + b"".join(directory)
    total = (total + _checksum(header)) & 0xFFFFFFFF
    out = bytearray(header + b"".join(body))
    head = next(i for i, r in enumerate(records) if r[0] == b"head")
    where = struct.unpack(">I", directory[head][8:12])[0] + 8
    out[where : where + 4] = struct.pack(">I", (0xB1B0AFBA - total) & 0xFFFFFFFF)
    return bytes(out)


def _checksum(table: bytes) -> int:
    import struct

    padded = table + b"\0" * (-len(table) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def _name_instance(font, family: str, weight: int) -> None:
    """The names and style bits of a static ``family`` instance at ``weight``."""
    style = _STYLE_NAMES.get(weight, str(weight))
    bold = weight >= 700
    ribbi = style in ("Regular", "Bold")
    ps_family = family.replace(" ", "")
    names = font["name"]
    default_style = None
    for record in names.names:
        if record.nameID == 17 or (record.nameID == 2 and default_style is None):
            default_style = record.toUnicode()
    names.removeNames(nameID=16)
    names.removeNames(nameID=17)
    wanted = {
        1: family if ribbi else f"{family} {style}",
        2: style if ribbi else "Regular",
        4: f"{family} {style}",
        6: f"{ps_family}-{style}",
    }
    for record in list(names.names):
        if record.nameID in wanted:
            record.string = wanted[record.nameID]
        elif record.nameID == 3 and default_style:
            record.string = record.toUnicode().replace(f"-{default_style}", f"-{style}")
    if not ribbi:
        for platform in ((3, 1, 0x409), (1, 0, 0)):
            names.setName(family, 16, *platform)
            names.setName(style, 17, *platform)
    head, os2 = font["head"], font["OS/2"]
    head.macStyle = (head.macStyle & ~0b11) | (1 if bold else 0)
    selection = os2.fsSelection & ~((1 << 0) | (1 << 5) | (1 << 6))
    os2.fsSelection = selection | ((1 << 5) if bold else (1 << 6) if style == "Regular" else 0)
    os2.usWeightClass = weight


def _instantiate_fonttools(source: Path, weight: int) -> bytes:
    import io

    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = instancer.instantiateVariableFont(TTFont(source), {"wght": weight}, updateFontNames=True)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


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


def _font_list_cached() -> bool:
    """Whether matplotlib's font list is on disk already (found as matplotlib finds its cache
    folder, without importing it), so a slow import on a busy machine is not announced as the
    first one."""
    import glob

    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.environ.get("MPLCONFIGDIR") or os.path.join(xdg, "matplotlib")
    return bool(glob.glob(os.path.join(glob.escape(folder), "fontlist-v*.json")))


def resolve_font_chain(settings: dict) -> FontChain:
    """Resolve with matplotlib's font manager: explicit file, system families, bundled font."""
    # the first import on a machine scans the system's fonts into matplotlib's cache
    listing = "matplotlib is listing this machine's fonts (once per machine)"
    with contextlib.nullcontext() if _font_list_cached() else announced(listing):
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
