"""The CLI's plumbing: one library call per command, its errors as one `Error: …` line and an
exit code, --verbose and --debug, `-` for standard input, and the build's report lines."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from reportgen.errors import EXIT_INTERNAL, ReportgenError

STATE = {"verbose": False, "debug": False}
_HINT = " (--debug shows the traceback)"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "no", "false")


def _say(message: str) -> None:
    """A --verbose line on stderr."""
    if STATE["verbose"]:
        typer.echo(message, err=True)


def _set_verbose(verbose: bool) -> None:
    """--verbose: each stage's time (extract, charts, brief, save_brief…) on stderr as it ends."""
    from reportgen.notices import set_stage_listener

    STATE["verbose"] = verbose
    set_stage_listener(_stage_line if verbose else None)


def _stage_line(stage: str, seconds: float) -> None:
    typer.echo(f"{stage}: {seconds:.2f} s", err=True)


def _run(func, *args, **kwargs):
    """Call the library; turn its errors into one `Error: …` line and the documented exit code."""
    import time

    start = time.perf_counter()
    try:
        result = func(*args, **kwargs)
    except ReportgenError as exc:
        if STATE["debug"]:
            _traceback()
        typer.echo(f"Error: {exc.message}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("Error: interrupted; earlier outputs are left as they were", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks for users
        name = type(exc).__name__
        if STATE["debug"]:
            _traceback()
        hint = "" if STATE["debug"] else _HINT
        typer.echo(
            f"Error: internal error ({name}: {exc}); please report it with the input file "
            f"and `reportgen --version`{hint}",
            err=True,
        )
        raise typer.Exit(EXIT_INTERNAL) from None
    if func.__name__.endswith("_command"):
        name = func.__name__.removesuffix("_command")
        _say(f"{name}: {time.perf_counter() - start:.2f} s in all")
    return result


def _traceback() -> None:
    import traceback

    traceback.print_exc(file=sys.stderr)


def _article(path: Path | None) -> Path | None:
    """The article argument, with `-` read from standard input into a private temporary file
    named `stdin` (so its outputs go to out/stdin/); removed when the command ends."""
    from reportgen.stdin import copy_stdin, is_dash

    return copy_stdin(sys.stdin.buffer) if is_dash(path) else path


def _articles(paths: list[Path] | None) -> list[Path] | None:
    """Build's articles, `-` (at most once) read from standard input as for one article."""
    if not paths:
        return paths
    from reportgen.errors import ConfigError
    from reportgen.stdin import is_dash

    if sum(is_dash(p) for p in paths) > 1:
        raise ConfigError("standard input can be read only once", path="-")
    return [_article(p) for p in paths]


def _print_build(report, *, quiet: bool, as_json: bool) -> None:
    """One line per problem (stderr), the check list (stdout), then a summary or the JSON."""
    for r in report.results:
        if r.error:
            internal = r.exit_code == EXIT_INTERNAL and not STATE["debug"]
            typer.echo(f"Error: {r.error}{_HINT if internal else ''}", err=True)
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


def _print_timings(report) -> None:
    """--verbose: each built article's stage timings, from its manifest."""
    if not STATE["verbose"]:
        return
    import json

    for r in report.results:
        if r.status != "built":
            continue
        try:
            data = json.loads((report.out / r.slug / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        stages = ", ".join(f"{k} {v:.2f} s" for k, v in (data.get("timings") or {}).items())
        typer.echo(f"{r.slug}: {stages}", err=True)
