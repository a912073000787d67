"""Slow one-time steps say what they do: on stderr, or to a front end's notifier."""

from __future__ import annotations

import time

from reportgen.notices import announced, notify, set_notifier


def test_notify_writes_one_line_on_stderr(capsys) -> None:
    notify("making a font")
    assert capsys.readouterr().err == "reportgen: making a font\n"


def test_set_notifier_takes_the_messages(capsys) -> None:
    got: list[str] = []
    set_notifier(got.append)
    try:
        notify("hello")
    finally:
        set_notifier(None)
    assert got == ["hello"] and capsys.readouterr().err == ""
    notify("back")
    assert capsys.readouterr().err == "reportgen: back\n"


def test_announced_is_silent_for_a_quick_block(capsys) -> None:
    with announced("slow step", after=5.0):
        pass
    assert capsys.readouterr().err == ""


def test_announced_speaks_when_the_block_is_slow_or_known_to_be(capsys) -> None:
    with announced("known slow", after=0):
        pass
    assert capsys.readouterr().err == "reportgen: known slow\n"
    with announced("turned slow", after=0.01):
        time.sleep(0.2)
    assert capsys.readouterr().err == "reportgen: turned slow\n"


def test_stages_are_timed_for_a_listener_only() -> None:
    from reportgen.notices import set_stage_listener, stage

    with stage("nobody listens"):
        pass
    heard: list[tuple[str, float]] = []
    set_stage_listener(lambda name, seconds: heard.append((name, seconds)))
    try:
        with stage("extract"):
            time.sleep(0.01)
    finally:
        set_stage_listener(None)
    assert [name for name, _ in heard] == ["extract"] and heard[0][1] >= 0.01
