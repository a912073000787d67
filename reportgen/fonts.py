"""Font files: the bundled OFL Noto Sans SC (from PyPI) as static instances, cached on disk."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from reportgen.errors import ConfigError

BUNDLED_FAMILY = "Noto Sans SC"
BUNDLED_PACKAGE = "justmytype-intl-cjk"


def cache_dir() -> Path:
    """Where reportgen keeps derived files: $REPORTGEN_CACHE, else ~/.cache/reportgen."""
    env = os.environ.get("REPORTGEN_CACHE")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base if env else base / "reportgen"


def variable_font_path() -> Path:
    """The variable Noto Sans SC shipped by the justmytype-intl-cjk wheel (OFL-1.1)."""
    try:
        import justmytype_intl_cjk
    except ImportError:
        raise ConfigError(f"the font package {BUNDLED_PACKAGE} is not installed") from None
    root = Path(justmytype_intl_cjk.__file__).resolve().parent / "fonts" / "ofl" / "notosanssc"
    found = sorted(root.glob("NotoSansSC*.ttf"))
    if not found:
        raise ConfigError(f"no Noto Sans SC font inside {BUNDLED_PACKAGE}", path=root)
    return found[0]


@lru_cache(maxsize=4)
def bundled_font_path(weight: int = 400) -> Path:
    """A static TrueType instance of Noto Sans SC at ``weight``, made once and cached.

    The wheel ships a variable font whose default instance is Thin; renderers (matplotlib,
    LibreOffice) want a static Regular/Bold, so fontTools' instancer makes one (about 15 s, once
    per machine). The file name carries a hash of the source font, so an upgrade re-instances.
    """
    source = variable_font_path()
    digest = _file_digest(source)[:12]
    target = cache_dir() / "fonts" / f"NotoSansSC-{weight}-{digest}.ttf"
    if not target.exists():
        _instantiate(source, weight, target)
    return target


def _file_digest(path: Path) -> str:
    stat = path.stat()
    key = f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}"
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
