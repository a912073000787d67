"""A forked helper process that draws an article's charts while the main process writes."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
from pathlib import Path
from types import SimpleNamespace


class ChartHelperError(RuntimeError):
    """The helper process died, or drawing failed with an error that is not a builtin one."""


class ChartHelper:
    """Forked before the article is read, it imports matplotlib at once (on the second core),
    then draws what ``submit`` sends; ``wait(path)`` blocks until that file is written.

    Only for one article on a machine with two or more cores: a build of many articles already
    keeps every core busy with whole articles.
    """

    def __init__(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._proc = context.Process(target=_serve, args=(child, self._conn), daemon=True)
        self._proc.start()
        child.close()
        self._pending: set[str] = set()
        self._submitted = False
        self._ended = False
        self._closed = False

    @classmethod
    def start(cls) -> ChartHelper | None:
        """A helper when forking is safe and useful here, else None (draw in process)."""
        import multiprocessing

        if (
            sys.platform != "linux"
            or (os.cpu_count() or 1) < 2
            or "fork" not in multiprocessing.get_all_start_methods()
            or threading.active_count() != 1
            or "matplotlib" in sys.modules  # already paid for: drawing here costs no import
            or os.environ.get("REPORTGEN_CHART_HELPER", "1") == "0"
        ):
            return None
        try:
            return cls()
        except OSError:
            return None

    def submit(self, jobs: list, theme, chain) -> None:
        """Send the charts to draw: [(spec, Targets)], the theme and the font chain."""
        self._pending = {str(p) for _, t in jobs for p in (t.slide_png, t.page_png, t.svg)}
        self._submitted = True
        # plain data: the helper then never imports pydantic (0.1 s before it could draw)
        plain = [(spec.model_dump(), targets) for spec, targets in jobs]
        self._conn.send((plain, theme, chain))

    def wait(self, path) -> None:
        """Return once ``path`` is written (at once for files the helper was not asked for)."""
        key = str(path)
        while key in self._pending:
            self._receive()

    def pending(self, path) -> bool:
        """Whether ``path`` is still to be written; reads the reports already sent, never waits."""
        while self._pending and self._conn.poll():
            self._receive()
        return str(path) in self._pending

    def finish(self) -> None:
        """Wait until every submitted file is written (or tell an idle helper to stop)."""
        if not self._submitted:
            self.close()
            return
        while not self._ended:
            self._receive()
        self.close()

    def close(self) -> None:
        """Stop the helper (when it is still drawing, it is terminated) and reap it."""
        if self._closed:
            return
        self._closed = True
        if not self._submitted:
            with contextlib.suppress(OSError):
                self._conn.send(None)
        elif not self._ended and self._proc.is_alive():
            self._proc.terminate()
        self._proc.join(5)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()
        self._conn.close()

    def _receive(self) -> None:
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            self._ended = True
            self._pending.clear()
            self._proc.join(5)
            code = self._proc.exitcode
            raise ChartHelperError(f"the chart drawing process died (exit code {code})") from None
        if kind == "done":
            self._pending.discard(value)
        elif kind == "end":
            self._ended = True
            self._pending.clear()
        else:  # "error": what drawing raised, as (kind, class name, message)
            self._ended = True
            self._pending.clear()
            raise _rebuild(*value)


def _serve(conn, parent_end) -> None:
    """The helper's life: import, wait for work (None: stop), draw, report each file."""
    parent_end.close()
    try:
        from reportgen.charts import draw

        draw.quiet_blas()
        import matplotlib.backends.backend_agg  # noqa: F401 - the point: import while idle
        import matplotlib.figure  # noqa: F401

        # what is loaded now lives as long as the helper: later collections need not scan it
        gc.freeze()
        message = conn.recv()
    except (EOFError, OSError, KeyboardInterrupt):
        return
    if message is None:
        return
    plain, theme, chain = message
    jobs = [(as_attributes(spec), targets) for spec, targets in plain]
    lock = threading.Lock()

    def done(path: Path) -> None:
        with lock:
            conn.send(("done", str(path)))

    try:
        draw.draw_all(jobs, theme, chain, done=done)
    except BaseException as exc:  # noqa: BLE001 - handed to the main process, which raises it
        from reportgen.errors import ReportgenError

        if isinstance(exc, ReportgenError):
            conn.send(("error", ("reportgen", type(exc).__name__, exc.message)))
        else:
            conn.send(("error", ("other", type(exc).__name__, str(exc))))
        return
    conn.send(("end", None))


def as_attributes(data):
    """A chart spec dumped to dicts, readable again by attribute (``spec.series[0].labels``) as
    the drawing code reads a ChartSpec."""
    if isinstance(data, dict):
        return SimpleNamespace(**{key: as_attributes(value) for key, value in data.items()})
    if isinstance(data, list):
        return [as_attributes(item) for item in data]
    return data


def _rebuild(kind: str, name: str, message: str) -> BaseException:
    """The helper's exception again: the same reportgen error or builtin, else a stand-in."""
    import builtins

    from reportgen import errors

    if kind == "reportgen":
        cls = getattr(errors, name, errors.ReportgenError)
        return cls(message) if isinstance(cls, type) else errors.ReportgenError(message)
    cls = getattr(builtins, name, None)
    if isinstance(cls, type) and issubclass(cls, Exception) and cls.__init__ is not None:
        try:
            return cls(message)
        except TypeError:
            pass
    return ChartHelperError(f"{name}: {message}")
