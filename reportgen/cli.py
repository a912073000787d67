"""Thin Typer CLI: parse options, call one library function, map ReportgenError to an exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from reportgen import __version__
from reportgen.cli_help import StyledCommand, StyledGroup
from reportgen.cli_options import (
    ArticleArg,
    Format,
    LanguageOpt,
    ModelOpt,
    OutDirOpt,
    OutFileOpt,
    StyleOpt,
    TemplateOpt,
    ThemeOpt,
    _value,
)
from reportgen.cli_support import (
    STATE,
    _article,
    _articles,
    _env_flag,
    _print_build,
    _print_timings,
    _run,
    _set_verbose,
)

HELP = """Turn a feature article into a Word briefing and a PowerPoint deck.

\b
Examples:
  reportgen build                     # every article in seeds/ into out/<slug>/
  reportgen build a.md --pdf          # also brief.pdf and deck.pdf (LibreOffice)
  reportgen extract --format json     # the content model of the default article
  cat a.md | reportgen brief - -o a.docx
  reportgen deck a.md -o deck.pptx --reference-doc corp.pptx
  reportgen verify out/qiantang-2024  # trace every number back to the article
  reportgen init mine                 # editable templates, theme and reportgen.toml
  reportgen -v brief a.md             # the time of each stage

Settings: an option wins over reportgen.toml (or [tool.reportgen] in pyproject.toml) in the
current folder, which wins over the built-in default; every command reads the same file.

Exit codes: 0 success, 1 check or verify findings, 2 bad input or usage, 3 internal error
(--debug shows its traceback).
"""

app = typer.Typer(
    cls=StyledGroup,
    help=HELP,
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Say more: the time of each stage.")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show the traceback of an internal error (exit 3); REPORTGEN_DEBUG=1."
        ),
    ] = False,
) -> None:
    """Turn a feature article into a Word briefing and a PowerPoint deck."""
    _set_verbose(verbose)
    STATE["debug"] = debug or _env_flag("REPORTGEN_DEBUG")
    if STATE["debug"]:
        os.environ["REPORTGEN_DEBUG"] = "1"  # worker processes report their tracebacks too


@app.command(cls=StyledCommand)
def extract(
    article: ArticleArg = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.yaml,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
    language: LanguageOpt = None,
) -> None:
    """Print (or write) the content model extracted from ARTICLE.

    \b
    Examples:
      reportgen extract a.md > a.yaml
      reportgen extract a.md --format json -o content.json
      curl -s https://example.org/story.html | reportgen extract -
    """
    from reportgen import api

    text = _run(api.extract_command, _article(article), fmt.value, output, _value(language))
    if text is not None:
        sys.stdout.write(text)


@app.command(cls=StyledCommand)
def schema() -> None:
    """Print the JSON Schema of the content model.

    \b
    Examples:
      reportgen schema > content-model.schema.json
    """
    from reportgen import api

    sys.stdout.write(_run(api.schema_text))


@app.command(cls=StyledCommand)
def charts(
    article: ArticleArg = None,
    model: ModelOpt = None,
    output: OutDirOpt = None,
    theme: ThemeOpt = None,
    language: LanguageOpt = None,
) -> None:
    """Plan and draw the article's charts (PNG and SVG) with a charts.json index.

    It writes only into its output folder, and deletes only chart files its own last
    charts.json there names.

    \b
    Examples:
      reportgen charts a.md -o a-charts/
      reportgen charts --model out/a/content.json --theme corp/theme.yaml
    """
    from reportgen import api

    result = _run(api.charts_command, _article(article), model, output, theme, _value(language))
    typer.echo(f"wrote {len(result.entries)} charts to {result.directory}")


@app.command(cls=StyledCommand)
def fonts(
    no_system: Annotated[
        bool,
        typer.Option("--no-system-fonts", help="Ignore installed fonts (as on a bare machine)."),
    ] = False,
    font_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--font-file", help="Use this .ttf/.otf/.ttc for charts."),
    ] = None,
    theme: ThemeOpt = None,
) -> None:
    """Show which font charts use for Chinese and Latin text, and why.

    \b
    Examples:
      reportgen fonts
      reportgen fonts --no-system-fonts        # as on a bare machine
      reportgen fonts --font-file NotoSansSC-Regular.otf
      reportgen fonts --theme corp/theme.yaml    # the theme's chart_families first
    """
    from reportgen import api

    sys.stdout.write(_run(api.fonts_report, False if no_system else None, font_file, theme))


@app.command(cls=StyledCommand)
def brief(
    article: ArticleArg = None,
    model: ModelOpt = None,
    output: OutFileOpt = None,
    template: TemplateOpt = None,
    style: StyleOpt = None,
    theme: ThemeOpt = None,
    language: LanguageOpt = None,
) -> None:
    """Write the Word briefing (.docx).

    Its charts are kept in reportgen's cache, not beside the document.

    \b
    Examples:
      reportgen brief a.md -o a.docx --style gongwen
      reportgen brief --model edited.yaml -o a.docx --reference-doc letterhead.docx
    """
    _document("brief", article, model, output, template, theme, language, style=_value(style))


@app.command(cls=StyledCommand)
def deck(
    article: ArticleArg = None,
    model: ModelOpt = None,
    output: OutFileOpt = None,
    template: TemplateOpt = None,
    native_charts: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--native-charts/--picture-charts",
            help="Editable PowerPoint charts, or pictures (default: config, else pictures).",
            show_default=False,
        ),
    ] = None,
    theme: ThemeOpt = None,
    language: LanguageOpt = None,
) -> None:
    """Write the PowerPoint deck (.pptx).

    Its charts are kept in reportgen's cache, not beside the deck.

    \b
    Examples:
      reportgen deck a.md -o a.pptx --reference-doc corp.pptx
      reportgen deck a.md -o a.pptx --native-charts --theme corp/theme.yaml
    """
    _document(
        "deck", article, model, output, template, theme, language, native_charts=native_charts
    )


def _document(name: str, article, model, output, template, theme, language, **options) -> None:
    """The one implementation of the single-document commands (brief, deck): write the
    registered output ``name`` with its own ``options``, and say where."""
    from reportgen import api

    written = _run(
        api.document_command,
        name,
        _article(article),
        model,
        output,
        template,
        theme,
        _value(language),
        **options,
    )
    typer.echo(f"wrote {written}")


@app.command(cls=StyledCommand)
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
    model: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--model",
            help="Build from this content model (.json/.yaml), e.g. an edited "
            "out/<slug>/content.json, into out/<slug>/.",
        ),
    ] = None,
    template: TemplateOpt = None,
    style: StyleOpt = None,
    theme: ThemeOpt = None,
    language: LanguageOpt = None,
    native_charts: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--native-charts/--picture-charts", help="Editable PowerPoint charts, or pictures."
        ),
    ] = None,
    pdf: Annotated[
        bool,
        typer.Option("--pdf", help="Also write brief.pdf and deck.pdf (needs LibreOffice)."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a machine-readable summary on stdout.")
    ] = False,
) -> None:
    """Build every output (content.json, charts, brief, deck, manifest) of each article.

    \b
    Examples:
      reportgen build                       # seeds/ (or the config's inputs) into out/
      reportgen build articles/ -o site/ -j 2
      reportgen build --check               # exit 1 if anything is stale
      reportgen build --model out/a/content.json   # after editing the content model
    """
    from reportgen import api
    from reportgen.build import RichReporter

    bar = not (quiet or as_json) and sys.stderr.isatty()
    from reportgen import fonts

    if quiet:
        fonts.set_notifier(lambda _message: None)  # not even a slow one-time step is a problem
    try:
        report = _run(
            api.build_command,
            _run(_articles, paths),
            force=force,
            check=check,
            jobs=jobs,
            shard=shard,
            reporter=RichReporter(bar=bar),
            out=output,
            template=template,
            style=_value(style),
            theme=theme,
            language=_value(language),
            native_charts=native_charts,
            verify=False if no_verify else None,
            model=model,
        )
    finally:
        fonts.set_notifier(None)
    _print_build(report, quiet=quiet, as_json=as_json)
    _print_timings(report)
    code = report.exit_code
    if pdf and not check:
        folders = [report.out / r.slug for r in report.results if r.status in ("built", "current")]
        from reportgen.preview import write_pdfs

        try:
            written = _run(write_pdfs, folders)
        except typer.Exit as exc:
            code = max(code, exc.exit_code)
        else:
            if not (quiet or as_json):
                for path in written:
                    typer.echo(f"wrote {path}", err=True)
    raise typer.Exit(code)


@app.command(cls=StyledCommand)
def preview(
    folders: Annotated[
        list[Path], typer.Argument(help="Output folders (out/<slug>) holding deck.pptx/brief.docx.")
    ],
) -> None:
    """Render deck and brief to PDF and PNG pages plus a contact sheet (needs LibreOffice).

    \b
    Examples:
      reportgen preview out/qiantang-2024      # out/qiantang-2024/preview/
      reportgen preview out/*/
    """
    from reportgen import api

    for result in _run(api.preview_command, folders):
        typer.echo(f"wrote {result.describe()}")


@app.command(cls=StyledCommand)
def verify(
    out_dir: Annotated[
        Path,
        typer.Argument(
            metavar="OUT|DOCUMENT",
            help="An output folder (out/<slug>), or one .docx/.pptx written on its own.",
        ),
    ],
    article: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--article", help="The article to check against (needed for a single document)."
        ),
    ] = None,
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
    """Trace every number and quote in the brief and deck to the article; exit 1 on findings.

    \b
    Examples:
      reportgen verify out/qiantang-2024
      reportgen verify x/brief.docx --article a.md
    """
    from reportgen import api

    findings = _run(api.verify_command, out_dir, model, render, _article(article))
    for finding in findings:
        typer.echo(str(finding))
    _run(api.verify_result, out_dir, findings)
    typer.echo(f"{out_dir}: clean (every number, quote and theme traced to the source)")


@app.command(cls=StyledCommand)
def init(
    folder: Annotated[
        Path, typer.Argument(help="Folder to set up (default: the current one).")
    ] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Overwrite files already there.")] = False,
) -> None:
    """Write an editable copy of the default templates and theme, and a commented reportgen.toml.

    FOLDER/templates/ gets the plans, labels, reference.docx, reference.pptx and theme.yaml;
    FOLDER/reportgen.toml points every command run in FOLDER at them.

    \b
    Examples:
      reportgen init                  # here: ./templates/ and ./reportgen.toml
      reportgen init mine && cd mine && reportgen build ../article.md
    """
    from reportgen import api

    written = _run(api.init_command, folder, force)
    typer.echo(
        f"wrote {len(written) - 1} template files to {folder / 'templates'} and {written[-1]}"
    )


def main() -> None:
    """Console-script entry point."""
    app(prog_name="reportgen")


if __name__ == "__main__":
    main()
