"""--help on a terminal, coloured by Rich: the same text and layout as the plain help, styled."""

from __future__ import annotations

import io
import os
import sys

import typer
from typer.core import TyperCommand, TyperGroup

# What is styled, by pattern over the plain help text (its layout is kept exactly: the examples
# stay as written, nothing is re-wrapped). Order matters: later styles win where spans overlap.
_STYLES = (
    (r"(?m)^ *[A-Z][A-Za-z ]*:(?=\s|$)", "bold"),  # Usage:, Options:, Examples:
    (r"(?<![\w/.-])--?[A-Za-z][\w-]*", "bold cyan"),  # -o, --theme
    (r"<[^<>\s]+>|\[[A-Z][A-Z_.]*\]|(?<=\s)[A-Z][A-Z_]{2,}(?:\.{3})?(?=\s|$)", "yellow"),
    (r"(?m)(?<=^  )[a-z][\w-]*(?=\s{2,}\S)", "bold green"),  # the group's command list
    (r"(?m)^ {4}\S.*?(?=\s+# |$)", "green"),  # example command lines (indented 4)
    (r"(?m)(?<=\s)# .*$", "dim"),  # an example's comment
)


def on_terminal() -> bool:
    """Whether help goes to a terminal that takes colour (NO_COLOR and TERM=dumb say no)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def styled(text: str) -> str:
    """``text`` with ANSI styles from Rich (imported here only: plain help never loads it)."""
    from rich.console import Console
    from rich.text import Text

    rich_text = Text(text)
    for pattern, style in _STYLES:
        rich_text.highlight_regex(pattern, style)
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, soft_wrap=True, highlight=False)
    console.print(rich_text, end="")
    return out.getvalue()


def _help(plain: str) -> str:
    return styled(plain) if on_terminal() else plain


class StyledGroup(TyperGroup):
    """The tool's command group, with its help styled on a terminal."""

    def get_help(self, ctx: typer.Context) -> str:
        return _help(super().get_help(ctx))


class StyledCommand(TyperCommand):
    """A command, with its help styled on a terminal."""

    def get_help(self, ctx: typer.Context) -> str:
        return _help(super().get_help(ctx))
