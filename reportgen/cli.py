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
ThemeOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--theme", help="Theme file (fonts, colours, sizes)."),
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
def charts(
    article: ArticleArg = None,
    model: ModelOpt = None,
    output: OutDirOpt = None,
    theme: ThemeOpt = None,
) -> None:
    """Plan and draw the article's charts (PNG and SVG) with a charts.json index."""
    from reportgen import api

    result = _run(api.charts_command, article, model, output, theme)
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
    theme: ThemeOpt = None,
) -> None:
    """Write the Word briefing (.docx)."""
    from reportgen import api

    written = _run(api.brief_command, article, model, output, template, style, theme)
    typer.echo(f"wrote {written}")


@app.command()
def deck(
    article: ArticleArg = None,
    model: ModelOpt = None,
    output: OutFileOpt = None,
    template: TemplateOpt = None,
    native_charts: Annotated[
        bool, typer.Option("--native-charts", help="Editable PowerPoint charts, not pictures.")
    ] = False,
    theme: ThemeOpt = None,
) -> None:
    """Write the PowerPoint deck (.pptx)."""
    from reportgen import api

    written = _run(api.deck_command, article, model, output, template, native_charts, theme)
    typer.echo(f"wrote {written}")


@app.command()
def build(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            metavar="ARTICLE|DIR",
            help="Articles or folders; default: config inputs, else seeds/.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Output folder (default: out/); one subfolder each."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild even what is up to date.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 listing stale or missing outputs."),
    ] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: number of cores)."),
    ] = None,
    shard: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--shard", metavar="I/N", help="Build only shard I of N (1-based, sorted inputs)."
        ),
    ] = None,
    no_verify: Annotated[
        bool, typer.Option("--no-verify", help="Skip tracing numbers and quotes to the source.")
    ] = False,
    template: TemplateOpt = None,
    style: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--style", help="Brief style: default or gongwen."),
    ] = None,
    theme: ThemeOpt = None,
    native_charts: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--native-charts/--picture-charts", help="Editable PowerPoint charts, or pictures."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a machine-readable summary on stdout.")
    ] = False,
) -> None:
    """Build every output (content.json, charts, brief, deck, manifest) of each article."""
    from reportgen import api
    from reportgen.build import RichReporter

    bar = not (quiet or as_json) and sys.stderr.isatty()
    if quiet:
        from reportgen import fonts

        fonts.set_notifier(lambda _message: None)  # not even a slow one-time step is a problem
    report = _run(
        api.build_command,
        paths,
        force=force,
        check=check,
        jobs=jobs,
        shard=shard,
        reporter=RichReporter(bar=bar),
        out=output,
        template=template,
        style=style,
        theme=theme,
        native_charts=native_charts,
        verify=False if no_verify else None,
    )
    _print_build(report, quiet=quiet, as_json=as_json)
    raise typer.Exit(report.exit_code)


def _print_build(report, *, quiet: bool, as_json: bool) -> None:
    """One line per problem (stderr), the check list (stdout), then a summary or the JSON."""
    for r in report.results:
        if r.error:
            typer.echo(f"Error: {r.error}", err=True)
        for finding in r.findings:
            typer.echo(f"{r.slug}: {finding}", err=True)
        if r.status in ("stale", "missing") and not as_json:
            typer.echo(f"{r.status}: {r.article} ({r.reason})")
        elif r.status == "built" and not (quiet or as_json):
            typer.echo(f"built {report.out / r.slug} ({r.seconds:.1f} s)", err=True)
    if as_json:
        import json

        sys.stdout.write(json.dumps(report.to_data(), ensure_ascii=False, indent=2) + "\n")
    elif not quiet:
        typer.echo(report.summary(), err=True)


@app.command()
def preview(
    folders: Annotated[
        list[Path], typer.Argument(help="Output folders (out/<slug>) holding deck.pptx/brief.docx.")
    ],
) -> None:
    """Render deck and brief to PDF and PNG pages plus a contact sheet (needs LibreOffice)."""
    from reportgen import api

    for result in _run(api.preview_command, folders):
        typer.echo(f"wrote {result.describe()}")


@app.command()
def verify(
    out_dir: Annotated[Path, typer.Argument(help="An output folder (out/<slug>) to check.")],
    model: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--model", help="Content model to check against (default: its content.json)."),
    ] = None,
    render: Annotated[
        bool,
        typer.Option(
            "--render", help="Also render to PDF (LibreOffice): overflow, missing glyphs."
        ),
    ] = False,
) -> None:
    """Trace every number and quote in the brief and deck to the article; exit 1 on findings."""
    from reportgen import api

    findings = _run(api.verify_command, out_dir, model, render)
    for finding in findings:
        typer.echo(str(finding))
    _run(api.verify_result, out_dir, findings)
    typer.echo(f"{out_dir}: clean (every number, quote and theme traced to the source)")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
