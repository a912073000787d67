"""A batch built in worker processes reports each article as it finishes."""

from __future__ import annotations

import multiprocessing
import sys

import pytest
from conftest import ARTICLES

import reportgen.build
from reportgen import notices
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


def _notifying_build(job, config):
    """A stand-in build in a worker: a slow one-time step says what it does."""
    from reportgen.build.report import ArticleResult
    from reportgen.notices import notify

    notify(f"making something for {job.slug} (once per machine)")
    return ArticleResult(job.slug, job.slug, "built")


def test_a_workers_notices_are_said_by_the_parent(tmp_path, monkeypatch) -> None:
    """On the parent's progress bar (its notifier), not written over it by the worker."""
    if sys.platform != "linux":
        pytest.skip("the stand-in reaches the workers by fork")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reportgen.build, "build_and_release", _notifying_build)
    config = load_config().with_options(verify=False)
    articles = [ARTICLES / "zh_numbered.txt", ARTICLES / "en_plain.txt"]
    jobs, _ = make_jobs(articles, tmp_path / "out", config)
    heard: list[str] = []
    notices.set_notifier(heard.append)
    try:
        results = run_pool(jobs, config, 2, Recorder(), multiprocessing.get_context("fork"))
    finally:
        notices.set_notifier(None)
    assert sorted(r.status for r in results) == ["built", "built"]
    assert sorted(heard) == [
        "making something for en_plain (once per machine)",
        "making something for zh_numbered (once per machine)",
    ]
