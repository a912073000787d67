"""Thin Typer CLI: parse options, call one library function, map ReportgenError to an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportgen import __version__
from reportgen.errors import EXIT_INTERNAL, ReportgenError

HELP = """Turn a feature article into a Word briefing and a PowerPoint deck.

Examples:

  reportgen build                      # every article in seeds/ into out/<slug>/

  reportgen extract --format json      # the content model of the default article

  reportgen deck article.md -o deck.pptx --template corp.pptx

  reportgen verify out/qiantang-2024   # trace every number back to the article

Exit codes: 0 success, 1 check or verify findings, 2 bad input or usage, 3 internal error.
"""

app = typer.Typer(
    help=HELP,
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

ArticleArg = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10
    typer.Argument(help="Article (.txt, .md, .html, .docx); default: the bundled seed article."),
]
ModelOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--model", help="Use this content model (.json/.yaml) instead of an article."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Turn a feature article into a Word briefing and a PowerPoint deck."""


def _run(func, *args, **kwargs):
    """Call the library; turn its errors into one `Error: …` line and the documented exit code."""
    try:
        return func(*args, **kwargs)
    except ReportgenError as exc:
        typer.echo(f"Error: {exc.message}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("Error: interrupted; earlier outputs are left as they were", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        name = type(exc).__name__
        typer.echo(
            f"Error: internal error ({name}: {exc}); please report it with the input file "
            "and `reportgen --version`",
            err=True,
        )
        raise typer.Exit(EXIT_INTERNAL) from None


@app.command()
def extract(
    article: ArticleArg = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="yaml or json.")] = "yaml",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Print (or write) the content model extracted from ARTICLE."""
    from reportgen import api

    text = _run(api.extract_command, article, fmt, output)
    if text is not None:
        sys.stdout.write(text)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the content model."""
    from reportgen import api

    sys.stdout.write(_run(api.schema_text))


OutDirOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Output folder (default: out/<slug>/charts)."),
]
OutFileOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Output file (default: out/<slug>/…)."),
]
TemplateOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--template", help="Your own reference file for styles, masters and layouts."),
]


@app.command()
def charts(article: ArticleArg = None, model: ModelOpt = None, output: OutDirOpt = None) -> None:
    """Plan and draw the article's charts (PNG and SVG) with a charts.json index."""
    from reportgen import api

    result = _run(api.charts_command, article, model, output)
    typer.echo(f"wrote {len(result.entries)} charts to {result.directory}")


@app.command()
def fonts(
    no_system: Annotated[
        bool,
        typer.Option("--no-system-fonts", help="Ignore installed fonts (as on a bare machine)."),
    ] = False,
    font_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--font-file", help="Use this .ttf/.otf/.ttc for charts."),
    ] = None,
) -> None:
    """Show which font charts use for Chinese and Latin text, and why."""
    from reportgen import api

    sys.stdout.write(_run(api.fonts_report, False if no_system else None, font_file))


@app.command()
def brief(
    article: ArticleArg = None,
    model: ModelOpt = None,
    output: OutFileOpt = None,
    template: TemplateOpt = None,
    style: Annotated[str, typer.Option("--style", help="default or gongwen.")] = "default",
) -> None:
    """Write the Word briefing (.docx)."""
    from reportgen import api

    typer.echo(f"wrote {_run(api.brief_command, article, model, output, template, style)}")


@app.command()
def deck(
    article: ArticleArg = None,
    model: ModelOpt = None,
    output: OutFileOpt = None,
    template: TemplateOpt = None,
    native_charts: Annotated[
        bool, typer.Option("--native-charts", help="Editable PowerPoint charts, not pictures.")
    ] = False,
) -> None:
    """Write the PowerPoint deck (.pptx)."""
    from reportgen import api

    typer.echo(f"wrote {_run(api.deck_command, article, model, output, template, native_charts)}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
