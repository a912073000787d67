"""manifest.json of an output folder: inputs, outputs (sha256), version, build key, timings."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from reportgen import __version__

NAME = "manifest.json"
FORMAT = 1
# Everything in a manifest is reproducible except this key (wall-clock seconds per stage).
VOLATILE = ("timings",)
MAX_BYTES = 16 * 1024 * 1024


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def output_hashes(folder: Path, names: list[str]) -> dict[str, str]:
    """sha256 of each output, keyed by its path relative to ``folder`` (posix, sorted)."""
    return {name: sha256_file(folder / name) for name in sorted(names)}


def make(
    *,
    article: str,
    key: str,
    inputs: dict[str, str],
    settings: dict,
    outputs: dict[str, str],
    findings: list[str] | None,
    timings: dict[str, float],
) -> dict:
    """The manifest as data; ``findings`` None means verification was not run; ``verified``
    is true only when it ran and found nothing."""
    return {
        "format": FORMAT,
        "tool": "reportgen",
        "version": __version__,
        "article": article,
        "key": key,
        "inputs": dict(sorted(inputs.items())),
        "settings": settings,
        "outputs": outputs,
        "verified": findings is not None and not findings,  # run, and nothing found
        "findings": findings or [],
        "timings": {k: round(v, 3) for k, v in timings.items()},
    }


def dumps(manifest: dict) -> str:
    """Stable JSON text (keys in insertion order, non-ASCII kept, newline at end)."""
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"


def read(folder: Path) -> dict | None:
    """The manifest in ``folder``, or None when it is missing or unreadable."""
    from reportgen.errors import ReportgenError
    from reportgen.limits import read_text_file

    try:
        data = json.loads(read_text_file(folder / NAME, MAX_BYTES))
    except (ReportgenError, ValueError, RecursionError):
        return None
    return (
        data if isinstance(data, dict) and data.get("format") == FORMAT and _sound(data) else None
    )


def _sound(data: dict) -> bool:
    """Whether the fields a build reads have their types (a hand-edited manifest may not)."""
    findings, outputs = data.get("findings", []), data.get("outputs", {})
    return (
        isinstance(data.get("key", ""), str)
        and isinstance(findings, list)
        and all(isinstance(f, str) for f in findings)
        and isinstance(outputs, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in outputs.items())
    )


def stable(manifest: dict) -> dict:
    """The manifest without its volatile keys (what two identical builds agree on)."""
    return {k: v for k, v in manifest.items() if k not in VOLATILE}


def why_stale(folder: Path, key: str) -> str | None:
    """None when ``folder`` holds current outputs for ``key``, else the reason they are stale."""
    manifest = read(folder)
    if manifest is None:
        if not folder.exists():
            return "missing"
        return "manifest is damaged" if (folder / NAME).exists() else "no manifest"
    if manifest.get("key") != key:
        return "inputs, settings or tool changed"
    outputs = manifest.get("outputs")
    if not isinstance(outputs, dict) or not outputs:
        return "manifest lists no outputs"
    for name, digest in outputs.items():
        path = folder / name
        if ".." in Path(name).parts or Path(name).is_absolute():
            return "manifest is damaged"
        if not path.is_file():
            return f"{name} is missing"
        if sha256_file(path) != digest:
            return f"{name} was changed"
    return None
