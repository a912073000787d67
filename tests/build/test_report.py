"""What a build reports: results, the exit code they add up to, the summary, the JSON."""

from __future__ import annotations

from pathlib import Path

from reportgen.build.report import ArticleResult, BuildReport, Reporter, RichReporter
from reportgen.errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK


def _report(*results: ArticleResult) -> BuildReport:
    return BuildReport(Path("out"), list(results), seconds=1.23456)


def test_exit_code_is_the_worst() -> None:
    built = ArticleResult("a.md", "a", "built")
    found = ArticleResult("b.md", "b", "built", findings=["x"], exit_code=EXIT_FINDINGS)
    bad = ArticleResult("c.md", "c", "failed", error="no", exit_code=EXIT_BAD_INPUT)
    assert _report(built).exit_code == EXIT_OK
    assert _report(built, found).exit_code == EXIT_FINDINGS
    assert _report(found, bad).exit_code == EXIT_BAD_INPUT


def test_count_summary_and_data() -> None:
    report = _report(
        ArticleResult("a.md", "a", "built", findings=["x", "y"], seconds=0.5),
        ArticleResult("b.md", "b", "current"),
    )
    assert report.count("built") == 1 and report.count("failed") == 0
    assert report.summary() == "1 built, 1 up to date, 2 verify findings in out/ (1.23 s)"
    data = report.to_data()
    assert data["counts"] == {"built": 1, "current": 1} and data["seconds"] == 1.235
    assert [a["slug"] for a in data["articles"]] == ["a", "b"]
    assert _report().summary() == "nothing to build in out/ (1.23 s)"


def test_reporters_take_progress(capsys) -> None:
    quiet = Reporter()
    quiet.start(2)
    quiet.done(ArticleResult("a.md", "a", "built"))
    quiet.close()
    bar = RichReporter(bar=False)
    bar.start(1)
    bar.notice("making a font")  # no bar: nothing shown
    bar.done(ArticleResult("a.md", "a", "built"))
    bar.close()
    assert capsys.readouterr().err == ""
    live = RichReporter()
    live.start(1)
    live.notice("making a font")
    live.done(ArticleResult("a.md", "a", "built"))
    live.close()
    assert "reportgen: making a font" in capsys.readouterr().err
    assert live.progress is None
