"""What a build reports: per-article results, the summary, and the progress shown while it runs."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportgen.errors import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
)


@dataclass
class ArticleResult:
    """What happened to one article: built, current, stale, missing or failed."""

    article: str
    slug: str
    status: str
    reason: str = ""
    error: str = ""
    exit_code: int = EXIT_OK
    findings: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class BuildReport:
    """Every article's result in input order, and the exit code they add up to."""

    out: Path
    results: list[ArticleResult]
    check: bool = False
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        codes = {r.exit_code for r in self.results}
        for code in (EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_FINDINGS):
            if code in codes:
                return code
        return EXIT_OK

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    def to_data(self) -> dict:
        return {
            "out": str(self.out),
            "check": self.check,
            "exit_code": self.exit_code,
            "seconds": round(self.seconds, 3),
            "counts": {
                s: self.count(s)
                for s in ("built", "current", "stale", "missing", "failed")
                if self.count(s)
            },
            "articles": [asdict(r) | {"seconds": round(r.seconds, 3)} for r in self.results],
        }

    def summary(self) -> str:
        parts = [
            f"{self.count(s)} {label}"
            for s, label in (
                ("built", "built"),
                ("current", "up to date"),
                ("stale", "stale"),
                ("missing", "missing"),
                ("failed", "failed"),
            )
            if self.count(s)
        ]
        findings = sum(len(r.findings) for r in self.results)
        if findings:
            parts.append(f"{findings} verify finding{'s' * (findings != 1)}")
        return f"{', '.join(parts) or 'nothing to build'} in {self.out}/ ({self.seconds:.2f} s)"


class Reporter:
    """Told about progress; the default says nothing."""

    def start(self, total: int) -> None: ...

    def done(self, result: ArticleResult) -> None: ...

    def close(self) -> None: ...


class RichReporter(Reporter):
    """A progress bar on stderr (rich) for several articles; a line per failed article."""

    def __init__(self, bar: bool = True) -> None:
        self.bar = bar
        self.progress = None
        self.task = None

    def start(self, total: int) -> None:
        if not self.bar:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task("", total=total)
        from reportgen import fonts

        fonts.set_notifier(self.notice)  # one-time steps (a font instance) show in the bar

    def notice(self, message: str) -> None:
        """A slow one-time step: a line above the bar, and the bar's description."""
        if self.progress is not None:
            self.progress.console.print(f"reportgen: {message}", markup=False, highlight=False)
            self.progress.update(self.task, description=message)

    def done(self, result: ArticleResult) -> None:
        if self.progress is not None:
            self.progress.update(self.task, advance=1, description=result.slug)

    def close(self) -> None:
        if self.progress is not None:
            from reportgen import fonts

            fonts.set_notifier(None)
            self.progress.stop()
            self.progress = None
