"""`reportgen build`: reproducible bytes, incremental skips, --check, atomicity, lock, batches."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock
from typer.testing import CliRunner

from reportgen import build as build_module
from reportgen import manifest
from reportgen.build import article_slug, collect, parse_shard, shard
from reportgen.build import jobs as jobs_module
from reportgen.cli import app
from reportgen.config import Config
from reportgen.errors import ConfigError

EPOCH = "1700000000"
PLACES = ["湖畔", "云谷", "江北", "临港", "松岭", "青田", "东湾", "南山", "西溪", "北塘", "金沙"]
KINDS = ["新城", "新区", "园区", "高新区", "开发区", "港区", "科技城"]
PAIRS = [("守", "变"), ("时", "势"), ("硬", "软"), ("稳", "进"), ("放", "管"), ("引", "育")]
SURNAMES = "赵钱孙李周吴郑王冯陈"
GIVEN = ["敏", "程", "华", "明", "静", "磊", "芳", "强"]
TOPICS = ["产业根基", "营商环境", "人才动能", "开放格局", "创新生态", "绿色转型", "城市品质"]
runner = CliRunner()


def make_article(i: int) -> str:
    """A small Chinese feature article; ``i`` varies place, people, numbers, pairs and shape."""
    place = PLACES[i % len(PLACES)] + KINDS[i % len(KINDS)]
    a, b = SURNAMES[i % 10] + GIVEN[i % 8], SURNAMES[(i + 3) % 10] + GIVEN[(i + 5) % 8]
    gdp, growth, firms = 300 + 37 * i, 3.1 + (i % 7) * 0.6, 120 + 11 * i
    lines = [
        f"{place}:创新引领 开放提质",
        f"记者 {a} {b}",
        f"过去一年,{place}地区生产总值达到{gdp}亿元,同比增长{growth:.1f}%。",
    ]
    for k in range(2 + i % 3):
        x, y = PAIRS[(i + k) % len(PAIRS)]
        lines.append(f"{'一二三四'[k]}、统筹“{x}”与“{y}” 夯实{TOPICS[(i + k) % len(TOPICS)]}")
        lines.append(
            f"做强主导产业,培育新兴赛道。{place}已集聚规上企业{firms + k * 7}余家,"
            f"其中高新技术企业{40 + 3 * i + k}家、专精特新企业{12 + k + i % 5}家。"
        )
        if k == 1:
            lines.append(f"“我们要把优势产业做得更强。”{place}负责人{a}说。")
        if i % 2 and k == 0:
            lines.append(
                f"全年新增市场主体约{1 + i % 4}.{i % 10}万户,较上年提升{2 + i % 6}个百分点。"
            )
    return "\n\n".join(lines) + "\n"


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"a{i:02d}.txt"
        path.write_text(make_article(i), encoding="utf-8")
        paths.append(path)
    return paths


def run_cli(*args: str):
    return runner.invoke(app, ["build", *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (relative posix name -> bytes)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True)
def _epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


REAL_CODE_DIGEST = jobs_module._code_digest


def fixed_code_digest() -> str:
    """In-process builds key on this, not on the package sources (which others may be editing)."""
    return "tests"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A project folder with two articles built once (no verify) into out/."""
    root = tmp_path_factory.mktemp("project")
    write_articles(root / "articles", 2)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        mp.setattr(jobs_module, "_code_digest", fixed_code_digest)
        result = run_cli("articles", "--no-verify", "--jobs", "1", "--quiet")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def project(built, tmp_path, monkeypatch) -> Path:
    """A private copy of the built project, as the cwd."""
    root = tmp_path / "p"
    shutil.copytree(built, root)
    monkeypatch.chdir(root)
    monkeypatch.setattr(jobs_module, "_code_digest", fixed_code_digest)
    return root


# --- layout and manifest ---------------------------------------------------------------------


def test_outputs_and_manifest(project) -> None:
    folder = project / "out" / "a00"
    for name in ("content.json", "brief.docx", "deck.pptx", "manifest.json", "charts/charts.json"):
        assert (folder / name).is_file(), name
    assert list((folder / "charts").glob("*.svg")) and list((folder / "charts").glob("*.png"))
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert data["article"] == "articles/a00.txt"
    assert data["inputs"]["article:articles/a00.txt"] == manifest.sha256_file(
        project / "articles" / "a00.txt"
    )
    assert data["inputs"]["templates/default/deck.yaml.j2"]
    assert data["version"]
    for name, digest in data["outputs"].items():
        assert manifest.sha256_file(folder / name) == digest
    assert set(data["timings"]) >= {"extract", "charts", "brief", "deck"}
    assert not (project / "out" / ".staging").exists()
    assert oct((folder / "deck.pptx").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_rebuild_in_a_fresh_process_is_byte_identical(project, tmp_path) -> None:
    """Same inputs, another process and hash seed: identical bytes (manifest less timings)."""
    first = snapshot(project / "out")
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED="12345")
    cmd = [sys.executable, "-m", "reportgen", "build", "articles", "-o", "again", "--no-verify"]
    subprocess.run(cmd + ["-q", "-j", "1"], check=True, env=env, cwd=project, timeout=300)
    second = snapshot(project / "again")
    assert sorted(first) == sorted(second)
    compared = 0
    for name, data in first.items():
        if name.endswith("manifest.json"):
            a, b = (manifest.stable(json.loads(d)) for d in (data, second[name]))
            for m in (a, b):  # the in-process build keyed on a fixed code digest
                del m["key"], m["inputs"]["code:reportgen"]
            assert a == b
        elif name.endswith((".json", ".docx", ".pptx", ".png", ".svg")):
            assert data == second[name], f"{name} differs between two builds"
            compared += 1
    assert compared >= 2 * 5


# --- incremental ----------------------------------------------------------------------------


def test_noop_rebuild_skips_everything_without_heavy_imports(project, monkeypatch) -> None:
    monkeypatch.setattr(jobs_module, "_code_digest", REAL_CODE_DIGEST)
    assert run_cli("articles", "--no-verify", "-q", "-j", "1").exit_code == 0  # real code key
    before = snapshot(project / "out")
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('HEAVY=' + ','.join(m for m in "
        "('matplotlib', 'pptx', 'docx') if m in sys.modules), file=sys.stderr))\n"
        "from reportgen.cli import main\n"
        "sys.argv = ['reportgen', 'build', 'articles', '--no-verify', '--json']\n"
        "main()\n"
    )
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=project
    )
    assert run.returncode == 0, run.stderr
    assert "HEAVY=\n" in run.stderr
    summary = json.loads(run.stdout)
    assert summary["counts"] == {"current": 2}
    assert snapshot(project / "out") == before


def test_changed_article_rebuilds_only_itself_and_force_rebuilds_all(project) -> None:
    article = project / "articles" / "a01.txt"
    article.write_text(make_article(1).replace("做强", "做优", 1), encoding="utf-8")
    result = run_cli("articles", "--no-verify", "--json", "-j", "1")
    assert result.exit_code == 0, result.output
    statuses = {a["slug"]: a["status"] for a in json.loads(result.stdout)["articles"]}
    assert statuses == {"a00": "current", "a01": "built"}
    result = run_cli("articles", "--no-verify", "--json", "--force", "-j", "1")
    statuses = {a["slug"]: a["status"] for a in json.loads(result.stdout)["articles"]}
    assert statuses == {"a00": "built", "a01": "built"}


def test_changed_setting_or_edited_output_makes_stale(project) -> None:
    result = run_cli("articles", "--no-verify", "--check", "--style", "gongwen")
    assert result.exit_code == 1
    assert "stale: articles/a00.txt (inputs, settings or tool changed)" in result.stdout
    (project / "out" / "a00" / "deck.pptx").write_bytes(b"edited by hand")
    result = run_cli("articles", "--no-verify", "--check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["stale: articles/a00.txt (deck.pptx was changed)"]


def test_check_writes_nothing_and_lists_stale_and_missing(project) -> None:
    result = run_cli("articles", "--no-verify", "--check")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    write_articles(project / "articles", 1, start=7)
    (project / "articles" / "a00.txt").write_text(make_article(30), encoding="utf-8")
    before = snapshot(project)
    result = run_cli("articles", "--no-verify", "--check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "stale: articles/a00.txt (inputs, settings or tool changed)",
        "missing: articles/a07.txt (missing)",
    ]
    assert snapshot(project) == before
    result = run_cli("articles", "--no-verify", "--check", "-o", "elsewhere")
    assert result.exit_code == 1
    assert not (project / "elsewhere").exists()


# --- failures ---------------------------------------------------------------------------------


def test_bad_article_is_reported_and_the_others_are_built(project) -> None:
    (project / "articles" / "empty.txt").write_text("  \n", encoding="utf-8")
    write_articles(project / "articles", 1, start=3)
    result = run_cli("articles", "--no-verify", "-j", "1")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1
    assert "articles/empty.txt" in errors[0] and "empty" in errors[0]
    assert (project / "out" / "a03" / "manifest.json").is_file()
    assert not (project / "out" / "empty").exists()


def test_missing_named_article_is_one_line(project) -> None:
    result = run_cli("articles/a00.txt", "nope.txt", "--no-verify", "-q")
    assert result.exit_code == 2
    assert result.stderr == "Error: nope.txt: cannot read the article: not found\n"


def test_failure_mid_build_leaves_previous_outputs(project, monkeypatch) -> None:
    before = snapshot(project / "out")

    def broken(*args, **kwargs):
        raise OSError("disk on fire")

    import reportgen.writers.deck as deck

    monkeypatch.setattr(deck, "compose_deck", broken)
    result = run_cli("articles", "--no-verify", "--force", "-j", "1")
    assert result.exit_code == 3
    assert "articles/a00.txt: internal error (OSError: disk on fire)" in result.stderr
    assert snapshot(project / "out") == before
    assert not (project / "out" / ".staging").exists()


def test_kill_mid_build_leaves_previous_outputs(project) -> None:
    """SIGKILL while an article is being rendered: old outputs stay whole and current."""
    before = snapshot(project / "out")
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    cmd = [sys.executable, "-m", "reportgen", "build", "articles", "--force", "-j", "1", "-q"]
    proc = subprocess.Popen(cmd + ["--no-verify"], cwd=project, env=env)
    staging = project / "out" / ".staging"
    deadline = time.monotonic() + 60
    while not any(staging.glob("*/charts")) and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    assert any(staging.glob("*/charts")), "the build never started rendering"
    after = {k: v for k, v in snapshot(project / "out").items() if not k.startswith(".")}
    assert after == {k: v for k, v in before.items() if not k.startswith(".")}
    result = run_cli("articles", "--no-verify", "--json")
    assert json.loads(result.stdout)["counts"] == {"current": 2}
    assert not staging.exists()


def test_killed_build_leftovers_are_cleared(project) -> None:
    stale = project / "out" / ".staging" / "a00-99999"
    stale.mkdir(parents=True)
    (stale / "deck.pptx").write_bytes(b"half")
    result = run_cli("articles", "--no-verify", "-q")
    assert result.exit_code == 0
    assert not (project / "out" / ".staging").exists()


def test_lock_stops_a_second_build(project) -> None:
    with FileLock(str(project / "out" / ".reportgen.lock")):
        result = run_cli("articles", "--no-verify")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: another reportgen build is writing to out/")
    assert len(result.stderr.splitlines()) == 1


def test_findings_are_recorded_and_reported_again_when_current(project, monkeypatch) -> None:
    class Finding:
        def __str__(self) -> str:
            return "deck.pptx slide 2: number '42' is not in the source"

    def verifier(folder, model):
        return lambda name: [Finding()] if name == "deck.pptx" else []

    monkeypatch.setattr(build_module, "verifier", verifier)
    result = run_cli("articles/a00.txt", "-j", "1")
    assert result.exit_code == 1
    assert "a00: deck.pptx slide 2: number '42' is not in the source" in result.stderr
    data = manifest.read(project / "out" / "a00")
    assert data["verified"] is False and data["findings"] == [  # ran, found a problem
        "deck.pptx slide 2: number '42' is not in the source"
    ]
    again = run_cli("articles/a00.txt", "--json")
    assert again.exit_code == 1
    assert json.loads(again.stdout)["articles"][0]["status"] == "current"


# --- inputs, shards, config ------------------------------------------------------------------


def test_collect_sorts_dedupes_and_keeps_missing(tmp_path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF")
    found = collect([tmp_path / "in", paths[1], tmp_path / "zz.txt"])
    assert [p.name for p in found] == ["a00.txt", "a01.txt", "a02.txt", "zz.txt"]


def test_shards_partition_sorted_paths() -> None:
    paths = [Path(f"x/{c}.txt") for c in "gfedcba"]
    parts = [shard(paths, f"{i}/3") for i in (1, 2, 3)]
    assert [p.stem for p in parts[0]] == ["a", "d", "g"]
    assert sorted(p for part in parts for p in part) == sorted(paths)
    assert shard(paths, None) == paths
    for bad in ("0/3", "4/3", "1-3", "a/b"):
        with pytest.raises(ConfigError):
            parse_shard(bad)


def test_shard_option_builds_its_share(project) -> None:
    write_articles(project / "articles", 2, start=2)
    result = run_cli("articles", "--no-verify", "--shard", "1/2", "--json", "-j", "1")
    assert result.exit_code == 0, result.output
    assert [a["slug"] for a in json.loads(result.stdout)["articles"]] == ["a00", "a02"]
    assert not (project / "out" / "a03").exists()


def test_slug_matches_api_slug(seed_model) -> None:
    from reportgen import api
    from reportgen.theme import DEFAULT_SEED

    assert article_slug(DEFAULT_SEED) == api.slug(seed_model)
    assert article_slug(Path("年报 2024 (终稿).md")) == "年报-2024--终稿"


def test_same_slug_twice_is_an_error(project) -> None:
    (project / "other").mkdir()
    shutil.copy(project / "articles" / "a00.txt", project / "other" / "a00.md")
    result = run_cli("articles/a00.txt", "other/a00.md", "--no-verify", "-q")
    assert result.exit_code == 2
    assert "other/a00.md: output folder a00/ is already used by articles/a00.txt" in result.stderr


def test_config_file_sets_defaults_and_options_override(project) -> None:
    (project / "reportgen.toml").write_text(
        'inputs = ["articles/a01.txt"]\nout = "out"\nverify = false\n', encoding="utf-8"
    )
    result = run_cli("--json")
    assert [a["slug"] for a in json.loads(result.stdout)["articles"]] == ["a01"]
    result = run_cli("articles/a00.txt", "--json")
    assert [a["slug"] for a in json.loads(result.stdout)["articles"]] == ["a00"]
    (project / "reportgen.toml").write_text('outdir = "x"\n', encoding="utf-8")
    result = run_cli("--check")
    assert result.exit_code == 2
    assert "unknown key 'outdir'" in result.stderr


def test_json_summary_and_quiet(project) -> None:
    result = run_cli("articles", "--no-verify", "--json")
    data = json.loads(result.stdout)
    assert data["exit_code"] == 0 and data["out"] == "out" and data["check"] is False
    assert [(a["article"], a["status"]) for a in data["articles"]] == [
        ("articles/a00.txt", "current"),
        ("articles/a01.txt", "current"),
    ]
    quiet = run_cli("articles", "--no-verify", "-q")
    assert quiet.exit_code == 0 and quiet.output == ""


def test_no_articles_is_a_usage_error(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    result = run_cli("empty", "--check")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no articles to build")


def test_template_goes_to_the_writer_it_fits(tmp_path) -> None:
    from reportgen.writers import split_template

    folder = tmp_path / "corp"
    folder.mkdir()
    assert split_template(None) == {"brief": None, "deck": None}
    assert split_template(Path("x.docx")) == {"brief": Path("x.docx"), "deck": None}
    assert split_template(Path("x.pptx")) == {"brief": None, "deck": Path("x.pptx")}
    # a folder goes to both: each writer finds its own plan, labels and reference file in it
    assert split_template(folder) == {"brief": folder, "deck": folder}
    with pytest.raises(ConfigError, match="a template is a .docx"):
        split_template(Path("x.potx"))


def test_wrong_template_fails_before_any_work(project) -> None:
    (project / "corp.odt").write_bytes(b"x")
    result = run_cli("articles", "--template", "corp.odt", "--force", "-q")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: corp.odt: a template is a .docx (brief), a .pptx (deck) or a folder\n"
    )


def test_build_article_config_is_picklable() -> None:
    import pickle

    config = Config(inputs=[Path("a.txt")], fonts={"latin": "Arial"})
    assert pickle.loads(pickle.dumps(config)) == config


# --- batches ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fifty_articles_with_two_jobs(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "many", 50)
    start = time.perf_counter()
    result = run_cli("many", "--jobs", "2", "--no-verify", "--json")
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"] == {"built": 50}
    slugs = [a["slug"] for a in data["articles"]]
    assert slugs == [f"a{i:02d}" for i in range(50)]
    for slug in slugs:
        assert manifest.why_stale(tmp_path / "out" / slug, _key(tmp_path, slug)) is None
    print(f"50 articles, 2 jobs: {seconds:.1f} s ({seconds / 50:.2f} s per article)")


def _key(root: Path, slug: str) -> str:
    return json.loads((root / "out" / slug / "manifest.json").read_text())["key"]


@pytest.mark.slow
def test_seed_builds_reproducibly(tmp_path, monkeypatch) -> None:
    """The bundled seed, built twice in separate processes: identical bytes."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    outs = []
    for i, seed in enumerate(("1", "2")):
        out = tmp_path / f"out{i}"
        cmd = [sys.executable, "-m", "reportgen", "build", "-o", str(out), "-q"]
        run = subprocess.run(
            cmd, env=env | {"PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=600
        )
        assert run.returncode in (0, 1), run.stderr
        outs.append(snapshot(out / "qiantang-2024"))
    assert sorted(outs[0]) == sorted(outs[1])
    for name, data in outs[0].items():
        if name != "manifest.json":
            assert data == outs[1][name], name


@pytest.mark.slow  # about 8 s: a batch of real builds in worker processes, then Ctrl-C
@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
@pytest.mark.timeout(180)
def test_ctrl_c_stops_a_batch_within_a_second(tmp_path) -> None:
    """SIGINT to the terminal's process group (what Ctrl-C sends) while two workers build 30
    articles: exit 130 within a second, queued articles never started, the running ones
    discarded, the finished ones whole and current."""
    import signal

    write_articles(tmp_path / "many", 30)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    cmd = [sys.executable, "-m", "reportgen", "build", "many", "-j", "2", "--no-verify"]
    proc = subprocess.Popen(
        cmd, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    out = tmp_path / "out"
    deadline = time.monotonic() + 150
    while not list(out.glob("*/manifest.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(out.glob("*/manifest.json")), "no article was built"
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    proc.wait(timeout=30)
    took = time.monotonic() - sent
    stderr = proc.stderr.read()
    proc.stderr.close()
    assert proc.returncode == 130, stderr
    print(f"exit {took:.2f} s after Ctrl-C")
    assert took < 1.5, f"{took:.2f} s after Ctrl-C"
    assert stderr.splitlines()[-1] == "Error: interrupted; earlier outputs are left as they were"
    time.sleep(2)  # no worker carries on in the background
    built = sorted(p.parent.name for p in out.glob("*/manifest.json"))
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == built
    assert len(built) < 10
    assert not (out / ".staging").exists()
    for slug in built:
        assert manifest.why_stale(out / slug, _key(tmp_path, slug)) is None
