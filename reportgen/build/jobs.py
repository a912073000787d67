"""What to build: the articles, their shards and slugs, the key each one's outputs must match."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from reportgen import __version__, manifest, writers
from reportgen.build.report import ArticleResult
from reportgen.config import Config
from reportgen.errors import (
    EXIT_BAD_INPUT,
    ConfigError,
    ReportgenError,
)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")


# Libraries whose version changes output bytes; part of every build key.
LIBRARIES = (
    "python-docx",
    "python-pptx",
    "matplotlib",
    "lxml",
    "pillow",
    "justmytype-intl-cjk",
    "uharfbuzz",  # makes the static chart font instances
    "jieba",  # its dictionary and tags decide labels and speakers
)


# Environment variables that change outputs (dates, chart fonts).
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "REPORTGEN_SYSTEM_FONTS", "REPORTGEN_CHART_FONT")


@dataclass(frozen=True)
class Job:
    """One article to build: where it is, where its outputs go, and the key they must match."""

    article: Path
    slug: str
    folder: Path
    key: str
    inputs: dict[str, str]
    settings: dict


def collect(paths: list[Path]) -> list[Path]:
    """Articles named or found (non-recursively, by suffix) in folders, sorted, without repeats.

    A named file that does not exist stays in the list, so it is reported as a bad article.
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            found.add(path)
    return sorted(found, key=lambda p: p.as_posix())


def shard(paths: list[Path], spec: str | None) -> list[Path]:
    """The I-th of N shards ("I/N", 1-based) of the sorted paths: every N-th path from I."""
    if not spec:
        return paths
    index, total = parse_shard(spec)
    return [
        p for i, p in enumerate(sorted(paths, key=lambda p: p.as_posix())) if i % total == index - 1
    ]


def parse_shard(spec: str) -> tuple[int, int]:
    """ "I/N" as two ints with 1 <= I <= N (a ConfigError otherwise)."""
    try:
        index, total = (int(x) for x in spec.split("/"))
    except ValueError:
        raise ConfigError(f"--shard must look like I/N (e.g. 1/4), not {spec!r}") from None
    if not 1 <= index <= total:
        raise ConfigError(f"--shard {spec}: I must be between 1 and N")
    return index, total


def article_slug(path: Path) -> str:
    """The output folder name of an article: its file name without the extension, made safe."""
    stem = path.stem
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in stem).strip("-") or "article"


def display(path: Path) -> str:
    """A path as shown and recorded: relative to the cwd (or seeds/), with posix separators."""
    from reportgen.limits import printable
    from reportgen.stdin import SHOWN, is_stdin_copy
    from reportgen.theme import SEEDS

    if is_stdin_copy(path):
        return SHOWN
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links
        resolved = Path(os.path.abspath(path))
    for base, prefix in ((Path.cwd(), ""), (SEEDS, "seeds/")):
        with contextlib.suppress(ValueError, OSError):
            return printable(prefix + resolved.relative_to(base.resolve()).as_posix())
    return printable(path.as_posix())


def _hash_files(root: Path, label: str) -> dict[str, str]:
    if root.is_file():
        return {label: manifest.sha256_file(root)}
    if not root.is_dir():
        return {}
    return {
        f"{label}/{p.relative_to(root).as_posix()}": manifest.sha256_file(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    }


def _code_digest() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]  # all of reportgen/
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _library_versions() -> dict[str, str]:
    from importlib import metadata

    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def settings_of(config: Config) -> dict:
    """The settings that shape outputs, as recorded in each manifest."""
    return {
        "style": config.style,
        "template": display(config.template) if config.template else None,
        "theme": display(config.theme) if config.theme else None,
        "fonts": config.fonts,
        "language": config.language,
        "native_charts": config.native_charts,
        "verify": config.verify,
        **({"model": display(config.model)} if config.model else {}),
    }


def shared_inputs(config: Config) -> dict[str, str]:
    """Hashes every article shares: templates, theme, user template, code, library versions."""
    from reportgen.template_safety import check_template
    from reportgen.theme import DEFAULT_THEME, TEMPLATES

    check_template(config.template)  # before hashing: nothing outside it, no FIFO, is read
    inputs = _hash_files(TEMPLATES / "default", "templates/default")
    if config.style != "default":
        inputs |= _hash_files(TEMPLATES / config.style, f"templates/{config.style}")
    for role, path in (("template", config.template), ("theme", config.theme)):
        if path is not None:
            if not path.exists():
                raise ConfigError(f"{role} not found", path=path)
            inputs |= _hash_files(path, f"{role}:{display(path)}")
    writers.split_template(config.template)  # a template of the wrong kind fails before any work
    if config.theme is None:
        inputs.setdefault("templates/default/theme.yaml", manifest.sha256_file(DEFAULT_THEME))
    font_file = config.fonts.get("chart_font_file")
    if font_file and Path(str(font_file)).is_file():
        inputs[f"font:{display(Path(str(font_file)))}"] = manifest.sha256_file(Path(str(font_file)))
    inputs["code:reportgen"] = _code_digest()
    for name, version in _library_versions().items():
        inputs[f"library:{name}"] = version
    for name in ENVIRONMENT:
        inputs[f"env:{name}"] = os.environ.get(name, "")
    return inputs


def make_jobs(
    articles: list[Path], out: Path, config: Config
) -> tuple[list[Job], list[ArticleResult]]:
    """A job per readable article, and a failed result per article that cannot even be hashed."""
    shared = shared_inputs(config)
    settings = settings_of(config)
    jobs, failed, slugs = [], [], {}
    for article in articles:
        name, slug = display(article), article_slug(article)
        if config.model is not None:
            from reportgen.build.edits import model_slug

            slug = model_slug(config.model)
        if slug in slugs:
            msg = f"{name}: output folder {slug}/ is already used by {slugs[slug]}; rename one"
            failed.append(ArticleResult(name, slug, "failed", error=msg, exit_code=EXIT_BAD_INPUT))
            continue
        slugs[slug] = name
        error = _unreadable(article, name)
        if error is None:
            try:
                digest = _digest(article)
            except ReportgenError as exc:
                error = f"{name}: {exc.args[0]}"
        if error is not None:
            failed.append(
                ArticleResult(name, slug, "failed", error=error, exit_code=EXIT_BAD_INPUT)
            )
            continue
        inputs = {f"article:{name}": digest} | shared
        payload = json.dumps([manifest.FORMAT, __version__, inputs, settings], sort_keys=True)
        key = hashlib.sha256(payload.encode()).hexdigest()
        jobs.append(Job(article, slug, out / slug, key, inputs, settings))
    return jobs, failed


def _unreadable(article: Path, name: str) -> str | None:
    """Why an article cannot even be hashed (missing, badly named), or None."""
    from reportgen.limits import utf8_name

    if not utf8_name(article):
        return f"{name}: the file name is not valid UTF-8; rename the file"
    if not os.path.lexists(article):
        return f"{name}: cannot read the article: not found"
    return None


def _digest(article: Path) -> str:
    """sha256 of an article, read with the article size cap (a FIFO or a device is refused)."""
    from reportgen.ingest.read import MAX_BYTES
    from reportgen.limits import digest_regular

    return digest_regular(article, MAX_BYTES)
