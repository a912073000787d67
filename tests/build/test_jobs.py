"""Build jobs: which articles, which shard, which folder, and the key their outputs must match."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTICLES, SEED

from reportgen.build.jobs import (
    article_slug,
    collect,
    display,
    make_jobs,
    parse_shard,
    settings_of,
    shard,
    shared_inputs,
)
from reportgen.config import load_config
from reportgen.errors import ConfigError


def test_collect_finds_articles_by_suffix_sorted_and_once(tmp_path) -> None:
    for name in ("b.md", "a.txt", "c.html", "notes.pdf", "d.docx"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.md").write_bytes(b"x")
    found = collect([tmp_path, tmp_path / "b.md", tmp_path / "missing.md"])
    assert [p.name for p in found] == ["a.txt", "b.md", "c.html", "d.docx", "missing.md"]


def test_shard_and_parse_shard() -> None:
    paths = [Path(f"{c}.md") for c in "edcba"]
    assert [p.stem for p in shard(paths, "1/2")] == ["a", "c", "e"]
    assert [p.stem for p in shard(paths, "2/2")] == ["b", "d"]
    assert shard(paths, None) == paths
    assert parse_shard("3/4") == (3, 4)
    for bad in ("0/2", "3/2", "x", "1/2/3"):
        with pytest.raises(ConfigError, match="--shard"):
            parse_shard(bad)


def test_article_slug_and_display(tmp_path, monkeypatch) -> None:
    assert article_slug(Path("dir/钱塘 2024.txt")) == "钱塘-2024"
    assert article_slug(Path("+++.md")) == "article"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    assert display(tmp_path / "a" / "x.md") == "a/x.md"
    assert display(SEED) == "seeds/qiantang-2024.txt"  # outside the cwd: relative to seeds/


def test_settings_and_shared_inputs_shape_the_key(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config()
    settings = settings_of(config)
    assert settings["style"] == "default" and "model" not in settings
    inputs = shared_inputs(config)
    assert "code:reportgen" in inputs and "templates/default/theme.yaml" in inputs
    assert "templates/gongwen/brief.yaml.j2" not in inputs
    gongwen = shared_inputs(config.with_options(style="gongwen"))
    assert any(k.startswith("templates/gongwen/") for k in gongwen)
    with pytest.raises(ConfigError, match="theme not found"):
        shared_inputs(config.with_options(theme=tmp_path / "none.yaml"))


def test_make_jobs_keys_and_failures(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config()
    (tmp_path / "x").mkdir()
    twin = tmp_path / "x" / "zh_numbered.txt"
    twin.write_bytes((ARTICLES / "zh_numbered.txt").read_bytes() + b"\n")
    articles = [ARTICLES / "zh_numbered.txt", twin, tmp_path / "gone.md"]
    jobs, failed = make_jobs(articles, tmp_path / "out", config)
    [job] = jobs
    assert job.slug == "zh_numbered" and job.folder == tmp_path / "out" / "zh_numbered"
    assert len(job.key) == 64
    assert [f.status for f in failed] == ["failed", "failed"]
    assert "already used" in failed[0].error and "not found" in failed[1].error
    again, _ = make_jobs(articles[:1], tmp_path / "out", config)
    assert again[0].key == job.key
    styled, _ = make_jobs(articles[:1], tmp_path / "out", config.with_options(style="gongwen"))
    assert styled[0].key != job.key
