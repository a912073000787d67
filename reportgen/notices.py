"""Saying what a slow one-time step is doing (a font instance, a dictionary): on stderr, or in a
front end's progress bar."""

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
