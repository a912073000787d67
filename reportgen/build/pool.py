"""Building a batch in worker processes, and stopping it at once on Ctrl-C."""

from __future__ import annotations

import contextlib
import time

from reportgen.build.jobs import Job, display
from reportgen.build.report import ArticleResult, Reporter
from reportgen.config import Config
from reportgen.errors import EXIT_INTERNAL


def run_pool(
    todo: list[Job], config: Config, workers: int, reporter: Reporter, context
) -> list[ArticleResult]:
    """Build ``todo`` in ``workers`` processes; on any interruption the queued articles are
    cancelled and the workers ended (what they finished stays)."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from reportgen.build import build_and_release

    results, broken = [], False
    notices = context.SimpleQueue()
    # Not a `with` block: leaving one waits for every queued article (shutdown(wait=True)),
    # which made Ctrl-C wait for the whole batch.
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_worker_init, initargs=(notices,)
    )
    try:
        futures = {pool.submit(build_and_release, job, config): job for job in todo}
        relay = _relay(notices)  # after the workers are started (forked without this thread)
        reporter.start(len(todo))
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool as exc:
                broken = True
                name = display(job.article)
                msg = f"{name}: internal error (a worker process died: {exc})"
                result = ArticleResult(name, job.slug, "failed", error=msg, exit_code=EXIT_INTERNAL)
            results.append(result)
            reporter.done(result)
        if not broken:  # a worker that died mid-notice may hold the queue: leave the relay then
            notices.put(None)  # every worker is idle: the last notices reach the bar first
            relay.join(1.0)
    except BaseException:
        _stop_pool(pool)  # (the relay is left too: a daemon thread)
        raise
    finally:
        reporter.close()
    pool.shutdown(wait=True)
    return results


def _worker_init(notices) -> None:
    """Ctrl-C reaches every process of the terminal's group: only the parent acts on it (it
    stops the workers), so a worker never carries on with the next queued article. A slow
    one-time step in a worker (a font instance, the word list) is said by the parent, on its
    progress bar or stderr."""
    import signal

    from reportgen.notices import set_notifier

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_notifier(notices.put)


def _relay(notices):
    """A thread saying the workers' notices in this process until it reads None (a daemon,
    so one left waiting never holds up the end of the process)."""
    import threading

    from reportgen.notices import notify

    def run() -> None:
        for message in iter(notices.get, None):
            notify(message)

    thread = threading.Thread(target=run, name="reportgen-notices", daemon=True)
    thread.start()
    return thread


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
