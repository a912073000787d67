"""`-` as an article: standard input copied to a private file named `stdin`, shown as `-`."""

from __future__ import annotations

import io
from pathlib import Path

from reportgen.build.jobs import display
from reportgen.stdin import copy_stdin, is_dash, is_stdin_copy


def test_only_a_lone_dash_means_standard_input() -> None:
    assert is_dash(Path("-"))
    assert not is_dash(None) and not is_dash(Path("a-b.md")) and not is_dash(Path("x/-"))


def test_the_copy_is_named_stdin_and_shown_as_a_dash() -> None:
    copy = copy_stdin(io.BytesIO("文章".encode()))
    assert copy.name == "stdin" and copy.read_bytes() == "文章".encode()
    assert is_stdin_copy(copy) and display(copy) == "-"
    assert not is_stdin_copy(Path("stdin")) and display(Path("stdin")) == "stdin"
