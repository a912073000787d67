"""A batch built in worker processes reports each article as it finishes."""

from __future__ import annotations

from conftest import ARTICLES

from reportgen.build import _context
from reportgen.build.jobs import make_jobs
from reportgen.build.pool import run_pool
from reportgen.build.report import Reporter
from reportgen.config import load_config


class Recorder(Reporter):
    def __init__(self) -> None:
        self.events: list[str] = []

    def start(self, total: int) -> None:
        self.events.append(f"start {total}")

    def done(self, result) -> None:
        self.events.append(f"{result.slug} {result.status}")

    def close(self) -> None:
        self.events.append("close")


def test_run_pool_builds_every_job_and_reports(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config().with_options(verify=False)
    articles = [ARTICLES / "zh_numbered.txt", ARTICLES / "en_plain.txt"]
    jobs, failed = make_jobs(articles, tmp_path / "out", config)
    assert failed == []
    recorder = Recorder()
    results = run_pool(jobs, config, 2, recorder, _context())
    assert sorted(r.slug for r in results) == ["en_plain", "zh_numbered"]
    assert all(r.status == "built" for r in results), [r.error for r in results]
    assert recorder.events[0] == "start 2" and recorder.events[-1] == "close"
    assert (tmp_path / "out" / "zh_numbered" / "brief.docx").is_file()
