"""`reportgen build`: every output of every article, incremental, atomic, locked, in parallel."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportgen import __version__, manifest
from reportgen.config import Config
from reportgen.errors import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    ConfigError,
    OutputError,
    ReportgenError,
)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
LOCK_NAME = ".reportgen.lock"
STAGING = ".staging"
BRIEF, DECK = "brief.docx", "deck.pptx"
OUTPUTS = ("content.json", BRIEF, DECK)
CHARTS = "charts"
# Libraries whose version changes output bytes; part of every build key.
LIBRARIES = ("python-docx", "python-pptx", "matplotlib", "lxml", "pillow", "justmytype-intl-cjk")
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


@dataclass
class ArticleResult:
    """What happened to one article: built, current, stale, missing or failed."""

    article: str
    slug: str
    status: str
    reason: str = ""
    error: str = ""
    exit_code: int = EXIT_OK
    findings: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class BuildReport:
    """Every article's result in input order, and the exit code they add up to."""

    out: Path
    results: list[ArticleResult]
    check: bool = False
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        codes = {r.exit_code for r in self.results}
        for code in (EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_FINDINGS):
            if code in codes:
                return code
        return EXIT_OK

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    def to_data(self) -> dict:
        return {
            "out": str(self.out),
            "check": self.check,
            "exit_code": self.exit_code,
            "seconds": round(self.seconds, 3),
            "counts": {
                s: self.count(s)
                for s in ("built", "current", "stale", "missing", "failed")
                if self.count(s)
            },
            "articles": [asdict(r) | {"seconds": round(r.seconds, 3)} for r in self.results],
        }

    def summary(self) -> str:
        parts = [
            f"{self.count(s)} {label}"
            for s, label in (
                ("built", "built"),
                ("current", "up to date"),
                ("stale", "stale"),
                ("missing", "missing"),
                ("failed", "failed"),
            )
            if self.count(s)
        ]
        findings = sum(len(r.findings) for r in self.results)
        if findings:
            parts.append(f"{findings} verify finding{'s' * (findings != 1)}")
        return f"{', '.join(parts) or 'nothing to build'} in {self.out}/ ({self.seconds:.2f} s)"


# --- inputs -------------------------------------------------------------------------------------


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
    from reportgen.theme import SEEDS

    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links
        resolved = Path(os.path.abspath(path))
    for base, prefix in ((Path.cwd(), ""), (SEEDS, "seeds/")):
        with contextlib.suppress(ValueError, OSError):
            return printable(prefix + resolved.relative_to(base.resolve()).as_posix())
    return printable(path.as_posix())


# --- the build key ------------------------------------------------------------------------------


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
    package = Path(__file__).resolve().parent
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
        "verify": config.verify and verify_available(),
    }


def shared_inputs(config: Config) -> dict[str, str]:
    """Hashes every article shares: templates, theme, user template, code, library versions."""
    from reportgen.theme import DEFAULT_THEME, TEMPLATES

    _check_template(config.template)  # before hashing: nothing outside it, no FIFO, is read
    inputs = _hash_files(TEMPLATES / "default", "templates/default")
    if config.style != "default":
        inputs |= _hash_files(TEMPLATES / config.style, f"templates/{config.style}")
    for role, path in (("template", config.template), ("theme", config.theme)):
        if path is not None:
            if not path.exists():
                raise ConfigError(f"{role} not found", path=path)
            inputs |= _hash_files(path, f"{role}:{display(path)}")
    split_template(config.template)  # a template of the wrong kind fails before any work
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


def _check_template(template: Path | None) -> None:
    """No symbolic links out of a template folder, no macros or outside links in a reference."""
    from reportgen.template_safety import check_template

    check_template(template)


def make_jobs(
    articles: list[Path], out: Path, config: Config
) -> tuple[list[Job], list[ArticleResult]]:
    """A job per readable article, and a failed result per article that cannot even be hashed."""
    shared = shared_inputs(config)
    settings = settings_of(config)
    jobs, failed, slugs = [], [], {}
    for article in articles:
        name, slug = display(article), article_slug(article)
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


# --- building one article -----------------------------------------------------------------------


def verify_available() -> bool:
    """Whether reportgen.verify exists (found without importing it: a no-op build stays fast)."""
    from importlib.util import find_spec

    return find_spec("reportgen.verify") is not None


def verifier(folder: Path, model):
    """The check of one written document in ``folder`` by name (reportgen.verify)."""
    from reportgen.verify import verifier_for

    return verifier_for(folder, model)


def build_article(job: Job, config: Config, helper=None) -> ArticleResult:
    """Build one article into a staging folder, then move the outputs into place.

    A ``helper`` (reportgen.charts.helper.ChartHelper, already importing matplotlib in a forked
    process) draws the charts while this process writes the brief and the deck; it is always
    stopped before this returns.
    """
    name = display(job.article)
    start = time.perf_counter()
    staging = job.folder.parent / STAGING / f"{job.slug}-{os.getpid()}"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        _check_folder(job.folder)
        findings, timings = _render(job, config, staging, helper)
        _commit(job, staging, findings, timings)
    except ReportgenError as exc:
        msg = exc.message if name in exc.message else f"{name}: {exc.message}"
        return ArticleResult(name, job.slug, "failed", error=msg, exit_code=exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop the batch
        msg = f"{name}: internal error ({type(exc).__name__}: {exc})"
        return ArticleResult(name, job.slug, "failed", error=msg, exit_code=EXIT_INTERNAL)
    finally:
        if helper is not None:
            helper.close()
        shutil.rmtree(staging, ignore_errors=True)
    seconds = time.perf_counter() - start
    code = EXIT_FINDINGS if findings else EXIT_OK
    return ArticleResult(
        name, job.slug, "built", findings=findings or [], exit_code=code, seconds=seconds
    )


def build_and_release(job: Job, config: Config) -> ArticleResult:
    """build_article, then hand freed memory back to the OS (a worker builds many articles).

    Without this a worker's resident memory grows about 10 MB per article: glibc keeps the
    heap that lxml, matplotlib and Pillow freed. gc + malloc_trim keep it flat (~60 ms).
    """
    try:
        return build_article(job, config)
    finally:
        release_memory()


def release_memory() -> None:
    """Collect cycles and return free heap pages to the OS (glibc only; a no-op elsewhere)."""
    import gc

    gc.collect()
    # What survived is the libraries' long-lived state (modules, caches): later collections need
    # not scan it again (a full scan of it cost ~50 ms per article).
    gc.freeze()
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _render(
    job: Job, config: Config, staging: Path, helper=None
) -> tuple[list[str] | None, dict[str, float]]:
    from reportgen.atomic import write_bytes, write_text

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    _seed_charts(job.folder / CHARTS, staging / CHARTS)
    from reportgen.extract import extract_path

    model = extract_path(job.article)
    if config.language != "auto":
        model = model.model_copy(update={"language": config.language})
    write_text(staging / "content.json", model.to_json())
    lap("extract")
    theme = load_build_theme(config)
    brief_template, deck_template = split_template(config.template)
    from reportgen.charts import run
    from reportgen.plans import folder_dirs

    charts = run(
        model, staging / CHARTS, theme=theme, helper=helper, dirs=folder_dirs(config.template)
    )
    lap("charts")  # with a helper: planning only; the drawing overlaps the brief and the deck
    from reportgen.writers.brief import compose_brief
    from reportgen.writers.deck import compose_deck

    # Both documents are laid out before either is saved: charts a helper is still drawing are
    # placed by size and put in at save time, so the writers never wait for the drawing.
    brief = compose_brief(
        model, charts=charts, template=brief_template, style=config.style, theme=theme
    )
    lap("brief")
    deck = compose_deck(
        model,
        charts=charts,
        template=deck_template,
        native_charts=config.native_charts,
        theme=theme,
    )
    lap("deck")
    verify = verifier(staging, model) if job.settings.get("verify") else None
    findings: list[str] | None = [] if verify is not None else None
    for name, document in ((DECK, deck), (BRIEF, brief)):  # the order the helper draws in
        write_bytes(staging / name, document.to_bytes())  # waits for its charts
        lap(f"save_{name.split('.')[0]}")
        if verify is not None:
            findings += [str(f) for f in verify(name)]
            lap(f"verify_{name.split('.')[0]}")
    charts.finish()
    if helper is not None:
        lap("charts_wait")
    return findings, timings


def split_template(template: Path | None) -> tuple[Path | None, Path | None]:
    """--template for the brief and for the deck: a .docx, a .pptx, or a folder holding either."""
    if template is None:
        return None, None
    if template.is_dir():  # each writer takes what it needs from the folder
        return template, template
    suffix = template.suffix.lower()
    if suffix in (".docx", ".dotx"):
        return template, None
    if suffix == ".pptx":
        return None, template
    raise ConfigError("a template is a .docx (brief), a .pptx (deck) or a folder", path=template)


def load_build_theme(config: Config):
    """The theme file (config's or the default) with the config's font overrides applied."""
    from dataclasses import replace

    from reportgen.theme import load_theme

    theme = load_theme(config.theme)
    return replace(theme, fonts={**theme.fonts, **config.fonts}) if config.fonts else theme


def _seed_charts(previous: Path, staged: Path) -> None:
    """Link the charts drawn last time into the staging folder so unchanged ones are reused."""
    staged.mkdir(parents=True, exist_ok=True)
    if not previous.is_dir():
        return
    for path in previous.iterdir():
        if path.is_file() and not path.name.startswith("."):
            try:
                os.link(path, staged / path.name)
            except OSError:
                shutil.copy2(path, staged / path.name)


def _outputs(staging: Path) -> list[str]:
    charts = sorted(p.name for p in (staging / CHARTS).iterdir() if p.is_file())
    return [*OUTPUTS, *(f"{CHARTS}/{n}" for n in charts)]


def _commit(job: Job, staging: Path, findings: list[str] | None, timings: dict) -> None:
    """Write the manifest into the staging folder, then swap it with the old output folder
    (reportgen.swap): a failure or a kill leaves the old set or the new set, each whole."""
    from reportgen.atomic import write_text
    from reportgen.swap import publish

    names = _outputs(staging)
    data = manifest.make(
        article=display(job.article),
        key=job.key,
        inputs=job.inputs,
        settings=job.settings,
        outputs=manifest.output_hashes(staging, names),
        findings=findings,
        timings=timings,
    )
    write_text(staging / manifest.NAME, manifest.dumps(data))
    try:
        publish(staging, job.folder, {*OUTPUTS, CHARTS, manifest.NAME})
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=job.folder) from None


def _check_folder(folder: Path) -> None:
    from reportgen.swap import check_folder

    check_folder(folder, (CHARTS,))


# --- the whole build ----------------------------------------------------------------------------


class Reporter:
    """Told about progress; the default says nothing."""

    def start(self, total: int) -> None: ...

    def done(self, result: ArticleResult) -> None: ...

    def close(self) -> None: ...


def build(
    config: Config,
    *,
    force: bool = False,
    check: bool = False,
    jobs: int | None = None,
    shard_spec: str | None = None,
    reporter: Reporter | None = None,
) -> BuildReport:
    """Build (or with ``check``, only inspect) every article of ``config`` into ``config.out``."""
    start = time.perf_counter()
    reporter = reporter or Reporter()
    from reportgen.theme import SEEDS

    out = config.out
    articles = shard(collect(list(config.inputs) or [SEEDS]), shard_spec)
    if not articles:
        raise ConfigError("no articles to build (looked for " + ", ".join(ARTICLE_SUFFIXES) + ")")
    planned, results = make_jobs(articles, out, config)
    if check:
        results += [_check(job) for job in planned]
        return _report(out, articles, results, start, check=True)
    with lock(out):
        _clear_staging(out)
        todo = []
        for job in planned:
            reason = "forced" if force else manifest.why_stale(job.folder, job.key)
            if reason is None:
                results.append(_current(job))
            else:
                todo.append(job)
        try:
            results += _run(todo, config, jobs or config.jobs or os.cpu_count() or 1, reporter)
        except BaseException:
            _clear_staging(out)  # the stopped workers' half-built folders
            raise
        with contextlib.suppress(OSError):
            (out / STAGING).rmdir()
    return _report(out, articles, results, start)


def _report(out, articles, results, start, check=False) -> BuildReport:
    order = {display(a): i for i, a in enumerate(articles)}
    results.sort(key=lambda r: order.get(r.article, len(order)))
    return BuildReport(out, results, check=check, seconds=time.perf_counter() - start)


def _check(job: Job) -> ArticleResult:
    reason = manifest.why_stale(job.folder, job.key)
    name = display(job.article)
    if reason is None:
        return ArticleResult(name, job.slug, "current")
    status = "missing" if reason == "missing" else "stale"
    return ArticleResult(name, job.slug, status, reason=reason, exit_code=EXIT_FINDINGS)


def _current(job: Job) -> ArticleResult:
    """An up-to-date article; findings recorded at its last build are reported again."""
    findings = list((manifest.read(job.folder) or {}).get("findings") or [])
    code = EXIT_FINDINGS if findings else EXIT_OK
    return ArticleResult(
        display(job.article), job.slug, "current", findings=findings, exit_code=code
    )


def _run(todo: list[Job], config: Config, workers: int, reporter: Reporter) -> list[ArticleResult]:
    if not todo:
        return []
    workers = max(1, min(workers, len(todo)))
    results = []
    if workers == 1 and len(todo) == 1:
        # One article: draw its charts on the other core (forked before any reporter thread).
        from reportgen.charts.helper import ChartHelper

        helper = ChartHelper.start() if (os.cpu_count() or 1) > 1 else None
        reporter.start(1)
        try:
            results.append(build_article(todo[0], config, helper))
            reporter.done(results[-1])
        finally:
            if helper is not None:
                helper.close()
            reporter.close()
        return results
    if workers == 1:
        reporter.start(len(todo))
        try:
            for job in todo:
                results.append(build_and_release(job, config))
                reporter.done(results[-1])
        finally:
            reporter.close()
        return results
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # Not a `with` block: leaving one waits for every queued article (shutdown(wait=True)),
    # which made Ctrl-C wait for the whole batch.
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_worker_ignores_sigint
    )
    try:
        futures = {pool.submit(build_and_release, job, config): job for job in todo}
        reporter.start(len(todo))
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool as exc:
                name = display(job.article)
                msg = f"{name}: internal error (a worker process died: {exc})"
                result = ArticleResult(name, job.slug, "failed", error=msg, exit_code=EXIT_INTERNAL)
            results.append(result)
            reporter.done(result)
    except BaseException:
        _stop_pool(pool)
        raise
    finally:
        reporter.close()
    pool.shutdown(wait=True)
    return results


def _worker_ignores_sigint() -> None:
    """Ctrl-C reaches every process of the terminal's group: only the parent acts on it (it
    stops the workers), so a worker never carries on with the next queued article."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_pool(pool) -> None:
    """Cancel queued articles and end the workers now: what they were building is discarded
    (its staging folder is cleared), what they finished stays."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # gone after shutdown
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    deadline = time.monotonic() + 1.0
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1.0)


def _context():
    """fork when safe (fast: the parent has no heavy imports), else forkserver or spawn."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


@contextlib.contextmanager
def lock(out: Path):
    """Hold OUT/.reportgen.lock for the whole build; a second build fails at once, clearly."""
    from filelock import FileLock, Timeout

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create the output folder: {exc.strerror or exc}", path=out
        ) from None
    path = out / LOCK_NAME
    file_lock = FileLock(str(path), timeout=0)
    try:
        file_lock.acquire()
    except Timeout:
        raise OutputError(
            f"another reportgen build is writing to {out}/ (lock {path}); wait for it to finish"
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot lock: {exc.strerror or exc}", path=path) from None
    try:
        yield
    finally:
        file_lock.release()


def _clear_staging(out: Path) -> None:
    """Remove staging folders a killed build left (we hold the lock: none is in use), after
    putting back any old output folder a kill left there in the middle of a swap."""
    from reportgen.swap import recover

    with contextlib.suppress(OSError):
        recover(out / STAGING, out)
    shutil.rmtree(out / STAGING, ignore_errors=True)


class RichReporter(Reporter):
    """A progress bar on stderr (rich) for several articles; a line per failed article."""

    def __init__(self, bar: bool = True) -> None:
        self.bar = bar
        self.progress = None
        self.task = None

    def start(self, total: int) -> None:
        if not self.bar:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task("", total=total)

    def done(self, result: ArticleResult) -> None:
        if self.progress is not None:
            self.progress.update(self.task, advance=1, description=result.slug)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
