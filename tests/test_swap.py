"""The final move of a build (reportgen.swap): killed at any point, the output folder holds the
old set or the new set, each with its manifest; a file in the way is the user's and is kept."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportgen import swap

MANAGED = {"content.json", "brief.docx", "deck.pptx", "charts", "manifest.json"}

# Runs publish() with every line of reportgen.swap and shutil slowed down, so that a kill at a
# random moment lands inside the move rather than before or after it.
SCRIPT = r"""
import shutil, sys, time
from pathlib import Path
import reportgen.swap as swap
if sys.argv[3] == "fallback":
    swap._exchange = lambda a, b: False
SLOW = {swap.__file__, shutil.__file__}
def local(frame, event, arg):
    if event == "line":
        time.sleep(0.001)
    return local
def tracer(frame, event, arg):
    return local if frame.f_code.co_filename in SLOW else None
print("go", flush=True)
sys.settrace(tracer)
swap.publish(Path(sys.argv[1]), Path(sys.argv[2]), set(sys.argv[4].split(",")))
sys.settrace(None)
print("done", flush=True)
"""


def _write_set(folder: Path, label: str, charts: int) -> dict:
    """An output set: documents, charts and the manifest listing their sha256."""
    (folder / "charts").mkdir(parents=True)
    files = {
        "content.json": f"{label} model",
        "brief.docx": f"{label} brief",
        "deck.pptx": f"{label} deck",
    }
    files |= {f"charts/{label}{i:02d}-slide.png": f"{label} chart {i}" for i in range(charts)}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    data = {
        "label": label,
        "outputs": {n: hashlib.sha256(t.encode()).hexdigest() for n, t in sorted(files.items())},
    }
    (folder / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    return data


def _consistent(folder: Path) -> str:
    """Which set the folder holds ('old' or 'new'), after checking it is whole."""
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in data["outputs"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    charts = {f"charts/{p.name}" for p in (folder / "charts").iterdir()}
    assert charts == {n for n in data["outputs"] if n.startswith("charts/")}
    assert (folder / "preview" / "page-1.png").read_bytes() == b"preview"
    return data["label"]


def _prepare(tmp_path: Path) -> tuple[Path, Path, Path]:
    out = tmp_path / "out"
    folder = out / "article"
    _write_set(folder, "old", 12)
    (folder / "preview").mkdir()
    (folder / "preview" / "page-1.png").write_bytes(b"preview")
    new = out / ".staging" / "article-4242"
    _write_set(new, "new", 9)
    return out, folder, new


def _publish(tmp_path: Path, mode: str) -> subprocess.Popen:
    out, folder, new = _prepare(tmp_path)
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(new), str(folder), mode, ",".join(sorted(MANAGED))],
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow  # about 5 s each: twenty processes killed during the final move
@pytest.mark.parametrize("mode", ["exchange", "fallback"])
def test_twenty_kills_during_the_final_move_leave_a_whole_set(tmp_path, mode) -> None:
    if mode == "exchange":
        probe = tmp_path / "probe"
        (probe / "a").mkdir(parents=True)
        (probe / "b").mkdir()
        if not swap._exchange(probe / "a", probe / "b"):
            pytest.skip("this file system cannot exchange folders (renameat2)")
    # how long one slowed-down move takes, to kill at random points inside it
    proc = _publish(tmp_path / "timing", mode)
    assert proc.stdout.readline() == "go\n"
    start = time.monotonic()
    assert proc.stdout.readline() == "done\n"
    span = time.monotonic() - start
    proc.wait()
    proc.stdout.close()
    assert _consistent(tmp_path / "timing" / "out" / "article") == "new"

    rng = random.Random(19)
    seen = []
    for run in range(20):
        root = tmp_path / f"run{run}"
        proc = _publish(root, mode)
        assert proc.stdout.readline() == "go\n"
        time.sleep(rng.uniform(0, span))
        proc.kill()
        proc.wait()
        proc.stdout.close()
        out = root / "out"
        if mode == "exchange":
            # no recovery needed: the folder is whole at every instant
            seen.append(_consistent(out / "article"))
        swap.recover(out / ".staging", out)  # what the next build does first, under its lock
        label = _consistent(out / "article")
        if mode == "exchange":
            assert label == seen[-1]
        else:
            seen.append(label)
    assert len(seen) == 20
    assert set(seen) <= {"old", "new"}


def test_publish_into_a_new_folder_and_over_an_old_one(tmp_path) -> None:
    out, folder, new = _prepare(tmp_path)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / ".deck.pptx.abc.tmp").write_bytes(b"half-written")
    swap.publish(new, folder, MANAGED)
    assert _consistent(folder) == "new"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not (folder / ".deck.pptx.abc.tmp").exists()
    assert not new.exists() and list((out / ".staging").iterdir()) == []
    fresh = out / ".staging" / "other-1"
    _write_set(fresh, "new", 1)
    swap.publish(fresh, out / "other", MANAGED)
    assert (out / "other" / "manifest.json").is_file() and not fresh.exists()


def test_fallback_swap_and_recovery(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    out, folder, new = _prepare(tmp_path)
    swap.publish(new, folder, MANAGED)
    assert _consistent(folder) == "new"
    # a kill between the two renames: the old set waits in .staging/<slug>.old
    out, folder, new = _prepare(tmp_path / "killed")
    os.rename(folder, out / ".staging" / "article.old")
    assert swap.recover(out / ".staging", out) == ["article"]
    assert _consistent(folder) == "old"
