"""A time, memory and size budget for rendering user templates (Jinja2's sandbox has none).

The sandbox stops templates reaching Python internals, not from running for ever or filling
memory: nested ``range(100000)`` loops, ``'a' * 3000000000``, ``'%3000000000d' % 1`` or a
recursive macro. Rendering here runs in a sandbox whose operators, calls, filters and ``range``
check the budget before they allocate, whose output is counted as it is produced, and (in the
main thread) under a watchdog timer that checks time and memory ten times a second.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import re
import signal
import threading
import time

MAX_SECONDS = 20.0  # the built-in plans render in well under a second for the largest article
MAX_OUTPUT = 64 * 1024 * 1024  # characters of rendered text
MAX_MEMORY = 768 * 1024 * 1024  # bytes of resident memory the render may add
MAX_SIZE = 1_000_000  # widths, counts and repeats given to operators, filters and methods
MAX_RANGE = 100_000  # as Jinja2's sandbox
MAX_POWER_BITS = 100_000
_WIDTH = re.compile(r"(\d{7,})")
_TICK = 0.1


class BudgetExceeded(Exception):
    """The template went past its budget; the message says which."""


class _Budget:
    def __init__(self) -> None:
        self.start = time.monotonic()
        self.deadline = self.start + MAX_SECONDS
        self.rss = _rss()

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(f"rendering took longer than the limit of {MAX_SECONDS:g} s")
        rss = _rss()
        if rss and self.rss and rss - self.rss > MAX_MEMORY:
            raise BudgetExceeded(
                f"rendering used more memory than the limit of {MAX_MEMORY >> 20:,} MiB"
            )


_current: _Budget | None = None


def _rss() -> int:
    """Resident memory in bytes (Linux); 0 where unknown."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def tick() -> None:
    """Check the time budget (cheap); called from loops, calls and operators."""
    budget = _current
    if budget is not None and time.monotonic() > budget.deadline:
        budget.check()


def _refuse(what: str) -> None:
    raise BudgetExceeded(f"{what}; the limit is {MAX_SIZE:,}")


def _check_size(value: object, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE:
        _refuse(f"{what} of {value:,} is too large")


def _check_format(text: object) -> None:
    if isinstance(text, str):
        for digits in _WIDTH.findall(text):
            if int(digits) > MAX_SIZE:
                _refuse(f"a format width of {int(digits):,} is too large")


def _sized(value: object) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def binop(operator: str, left: object, right: object) -> None:
    """Refuse an operation whose result would be too large, before it is computed."""
    tick()
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            size = _sized(seq)
            if size is not None and isinstance(count, int) and size * count > MAX_SIZE:
                _refuse(f"a repeat making {size * count:,} items is too large")
    elif operator == "**":
        ints = isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0
        if ints and right * math.log2(abs(left)) > MAX_POWER_BITS:
            _refuse(f"{left} ** {right} is too large a number")
    elif operator == "%":
        _check_format(left)
    elif operator == "+":
        a, b = _sized(left), _sized(right)
        if a is not None and b is not None and a + b > MAX_OUTPUT:
            raise BudgetExceeded(f"a text longer than the limit of {MAX_OUTPUT:,} characters")


def arguments(args: tuple, kwargs: dict, skip_first: bool = False) -> None:
    """Refuse integer arguments (widths, counts) past MAX_SIZE."""
    tick()
    for value in args[1:] if skip_first else args:
        _check_size(value, "an argument")
    for value in kwargs.values():
        _check_size(value, "an argument")


class BudgetRange:
    """``range`` for templates: at most MAX_SIZE numbers, and loops over it keep the budget."""

    def __init__(self, *args: int) -> None:
        self.range = range(*args)
        if len(self.range) > MAX_RANGE:
            raise BudgetExceeded(
                f"a range of {len(self.range):,} numbers is too large; the limit is {MAX_RANGE:,}"
            )

    def __iter__(self):
        for i, value in enumerate(self.range):
            if not i & 255:
                tick()
            yield value

    def __len__(self) -> int:
        return len(self.range)

    def __getitem__(self, index):
        return self.range[index]

    def __contains__(self, value: object) -> bool:
        return value in self.range

    def __reversed__(self):
        return reversed(self.range)

    def __repr__(self) -> str:
        return repr(self.range)


def guard_filter(func):
    """A filter that checks the budget and its width/count arguments before it runs."""

    @functools.wraps(func)
    def guarded(*args, **kwargs):
        # the value (after any context/environment argument) may be large; its options may not
        values = [a for a in args if not _is_jinja_state(a)]
        arguments(tuple(values), kwargs, skip_first=True)
        if func.__name__ in ("do_format", "format") and values:
            _check_format(values[0])
        return func(*args, **kwargs)

    return guarded


def _is_jinja_state(value: object) -> bool:
    from jinja2.environment import Environment
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

    return isinstance(value, (Environment, EvalContext, Context))


def guard_call(obj: object, args: tuple, kwargs: dict) -> None:
    """Before a call from a template: the budget, and sizes given to str/list methods."""
    tick()
    method = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(method, "__self__", None)
    if isinstance(owner, (str, bytes, list, tuple)):
        arguments(args, kwargs)
        if getattr(method, "__name__", "") in ("format", "format_map"):
            _check_format(owner)


def environment_class():
    """ImmutableSandboxedEnvironment with the budget on operators, calls, filters and range."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BudgetSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.globals["range"] = BudgetRange
            lipsum = self.globals.get("lipsum")
            if lipsum is not None:
                self.globals["lipsum"] = _small_lipsum(lipsum)
            self.filters = {name: guard_filter(f) for name, f in self.filters.items()}

        def call_binop(self, context, operator, left, right):
            binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja2's signature
            guard_call(__obj, args, kwargs)
            return super().call(__context, __obj, *args, **kwargs)

    return BudgetSandbox


def _small_lipsum(lipsum):
    @functools.wraps(lipsum)
    def small(n: int = 5, *args, **kwargs):
        if isinstance(n, int) and n > 100:
            _refuse(f"lipsum of {n:,} paragraphs is too large")
        return lipsum(n, *args, **kwargs)

    return small


def render(template, context: dict) -> str:
    """Render with the budget; BudgetExceeded when the template goes past it."""
    global _current
    outer = _current
    _current = _Budget()
    try:
        with _watchdog():
            parts, size = [], 0
            for chunk in template.generate(**context):
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise BudgetExceeded(
                        f"the output is longer than the limit of {MAX_OUTPUT:,} characters"
                    )
                parts.append(chunk)
                tick()
            return "".join(parts)
    finally:
        _current = outer


@contextlib.contextmanager
def _watchdog():
    """In the main thread, a timer that checks the budget between bytecodes (a tight loop with
    no calls, or a macro building a string, is stopped too)."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield
        return

    def check(signum, frame) -> None:
        if _current is not None:
            _current.check()

    previous = signal.signal(signal.SIGALRM, check)
    signal.setitimer(signal.ITIMER_REAL, _TICK, _TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        signal.signal(signal.SIGALRM, previous)
