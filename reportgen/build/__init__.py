"""`reportgen build`: every output of every article, incremental, atomic, locked, in parallel."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from pathlib import Path

from reportgen import manifest, writers
from reportgen.build.edits import edited, edited_by_hand
from reportgen.build.jobs import (
    ARTICLE_SUFFIXES,
    Job,
    article_slug,
    collect,
    display,
    make_jobs,
    parse_shard,
    shard,
)
from reportgen.build.report import ArticleResult, BuildReport, Reporter, RichReporter
from reportgen.clock import source_date
from reportgen.config import Config
from reportgen.errors import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    ConfigError,
    OutputError,
    ReportgenError,
)

__all__ = [
    "ArticleResult",
    "BuildReport",
    "Job",
    "Reporter",
    "RichReporter",
    "article_slug",
    "build",
    "build_article",
    "collect",
    "parse_shard",
    "shard",
]

LOCK_NAME = ".reportgen.lock"
STAGING = ".staging"
OUTPUTS = ("content.json", *(o.file for o in writers.OUTPUTS))
CHARTS = "charts"


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
        if os.environ.get("REPORTGEN_DEBUG", "") not in ("", "0"):  # reportgen --debug
            import traceback

            traceback.print_exc()
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
    model = _model(job, config)
    _warn_thin(job, model)
    write_text(staging / "content.json", model.to_json())
    lap("extract")
    theme = load_build_theme(config)
    templates = writers.split_template(config.template)
    from reportgen.charts import run
    from reportgen.plans import folder_dirs

    charts = run(
        model, staging / CHARTS, theme=theme, helper=helper, dirs=folder_dirs(config.template)
    )
    lap("charts")  # with a helper: planning only; the drawing overlaps the brief and the deck
    # Every document is laid out before any is saved: charts a helper is still drawing are
    # placed by size and put in at save time, so the writers never wait for the drawing.
    when = source_date()
    documents = {}
    for output in writers.OUTPUTS:
        documents[output] = output.compose(
            model,
            charts,
            when,
            template=templates[output.name],
            theme=theme,
            **output.options(config),
        )
        lap(output.name)
    verify = verifier(staging, model) if job.settings.get("verify") else None
    findings: list[str] | None = [] if verify is not None else None
    for output in reversed(writers.OUTPUTS):  # the order the helper draws in
        write_bytes(staging / output.file, documents[output].to_bytes())  # waits for its charts
        lap(f"save_{output.name}")
        if verify is not None:
            findings += [str(f) for f in verify(output.file)]
            lap(f"verify_{output.name}")
    charts.finish()
    if helper is not None:
        lap("charts_wait")
    return findings, timings


def _warn_thin(job: Job, model) -> None:
    """One warning line when the article gives a minimal build: no figures or no sections."""
    from reportgen.notices import notify
    from reportgen.plans.select import thin

    missing = thin(model)
    if missing:
        what = " and ".join(f"no {m}" for m in missing)
        notify(f"warning: {display(job.article)}: {what} found; built a minimal deck and brief")


def _model(job: Job, config: Config):
    """The content model: `--model FILE`, else extracted; in the configured label language."""
    if config.model:
        from reportgen.build.edits import load_model_file

        model = load_model_file(config.model)
    else:
        from reportgen.extract import extract_path

        model = extract_path(job.article)
    if config.language != "auto":
        model = model.model_copy(update={"language": config.language})
    return model


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
    source_date()  # a bad SOURCE_DATE_EPOCH is one error before any article, not one per article
    from reportgen.theme import SEEDS

    out = config.out
    articles = (
        [config.model]
        if config.model
        else shard(collect(list(config.inputs) or [SEEDS]), shard_spec)
    )
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
            elif not force and config.model is None and edited_by_hand(job.folder):
                results.append(edited(job, out))
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
    from reportgen.build.pool import run_pool

    return run_pool(todo, config, workers, reporter, _context())


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
