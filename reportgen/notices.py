"""Saying what a slow one-time step is doing (a font instance, a dictionary): on stderr, or in a
front end's progress bar; and how long each stage of a command took, to a front end that asks
(--verbose)."""

from __future__ import annotations

import contextlib

# A step that may take more than a second (making a font instance) says what it does on stderr,
# at once when it is known to be slow, else after a second. A front end (the build's progress
# bar) may take the messages instead with ``set_notifier``.

_notifier = None


def set_notifier(func) -> None:
    """Send one-time-step messages to ``func(message)`` instead of stderr (None: stderr)."""
    global _notifier
    _notifier = func


def notify(message: str) -> None:
    """Say what a slow one-time step is doing: to the notifier, else one line on stderr."""
    if _notifier is not None:
        _notifier(message)
        return
    import sys

    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"reportgen: {message}\n")
        sys.stderr.flush()


@contextlib.contextmanager
def announced(message: str, *, after: float = 1.0):
    """Run the block; if it is still running after ``after`` seconds, ``notify(message)``."""
    import threading

    if after <= 0:
        notify(message)
        yield
        return
    timer = threading.Timer(after, notify, (message,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


# --verbose: each stage of a command (extract, charts, brief...) reports its time to a listener
# the front end sets; without one, timing a stage costs nothing but two clock reads.

_stage_listener = None


def set_stage_listener(func) -> None:
    """Send ``func(stage, seconds)`` each timed stage as it ends (None: nobody listens)."""
    global _stage_listener
    _stage_listener = func


@contextlib.contextmanager
def stage(name: str):
    """Time the block as stage ``name`` and tell the listener, if any, when it ends."""
    import time

    start = time.perf_counter()
    try:
        yield
    finally:
        if _stage_listener is not None:
            _stage_listener(name, time.perf_counter() - start)
