"""Benchmark the chart stage on the seed: drawing beyond the matplotlib import, and a warm run.

Run: python benchmarks/bench_charts.py   (prints a table; not a test)
Targets on a 2-core machine: drawing all seed charts <= 0.6 s; warm cached `reportgen charts`
<= 0.25 s wall.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "qiantang-2024.txt"

DRAW = """
import sys, time, warnings
warnings.simplefilter("error")
from pathlib import Path
from reportgen.model import load
from reportgen.theme import load_theme
from reportgen.fonts import font_chain
model, theme = load(sys.argv[1]), load_theme()
font_chain(theme.fonts)
t0 = time.perf_counter()
import matplotlib.figure, matplotlib.backends.backend_agg, matplotlib.font_manager
t1, c1 = time.perf_counter(), time.process_time()
from reportgen.charts import run
r = run(model, Path(sys.argv[2]), theme=theme)
t2, c2 = time.perf_counter(), time.process_time()
t3 = time.perf_counter()
again = run(model, Path(sys.argv[2]), theme=theme)
assert again.drawn == 0
t4 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {r.drawn} {c2 - c1:.3f} {t4 - t3:.3f}")
"""


def _model_file(tmp: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    try:
        from reportgen.extract import extract_path

        model = extract_path(SEED)
        label = "seed"
    except Exception as exc:  # noqa: BLE001 - the extractor may be mid-change; say so
        sys.path.insert(0, str(ROOT / "tests"))
        from factories import zh_model

        print(f"(extractor failed: {type(exc).__name__}: {exc}; using tests' zh_model)")
        model, label = zh_model(), "zh_model"
    path = tmp / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    print(f"model: {label}")
    return path


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def _cli(*args: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reportgen", *args], check=True, capture_output=True)
    return time.perf_counter() - t


def _python(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - t


def main(repeat: int = 3) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        model = _model_file(tmp)
        imports, draws, cpus, cached = [], [], [], []
        for i in range(repeat):
            out = subprocess.run(
                [sys.executable, "-c", DRAW, str(model), str(tmp / f"cold{i}")],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            imports.append(float(out[0]))
            draws.append(float(out[1]))
            n = int(out[2])
            cpus.append(float(out[3]))
            cached.append(float(out[4]))
        rows.append(("matplotlib import (not counted)", statistics.median(imports), None))
        rows.append((f"draw all {n} charts (3 files each), wall", statistics.median(draws), 0.6))
        rows.append(("  same, CPU time of the process", statistics.median(cpus), None))
        rows.append(("run() again, all cached (in process)", statistics.median(cached), None))
        out = tmp / "warm"
        _cli("charts", "--model", str(model), "-o", str(out))
        warm = [_cli("charts", "--model", str(model), "-o", str(out)) for _ in range(repeat)]
        rows.append(("warm `reportgen charts --model`", statistics.median(warm), 0.25))
        floor = [_cli("--version") for _ in range(repeat)]
        rows.append(("  floor: `reportgen --version`", statistics.median(floor), None))
        bare = [_python("pass") for _ in range(repeat)]
        rows.append(("  floor: `python -c pass`", statistics.median(bare), None))
        _cli("charts", str(SEED), "-o", str(out))
        warm_a = [_cli("charts", str(SEED), "-o", str(out)) for _ in range(repeat)]
        rows.append(("warm `reportgen charts SEED` (extracts)", statistics.median(warm_a), None))
    print(f"{'step':<42} {'median s':>9} {'target':>7}  ok   (load {_load()})")
    for name, secs, target in rows:
        ok = "" if target is None else ("yes" if secs <= target else "NO")
        tgt = "" if target is None else f"{target:.2f}"
        print(f"{name:<42} {secs:>9.3f} {tgt:>7}  {ok}")


if __name__ == "__main__":
    main()
