"""Benchmark the Word briefing writer on the seed, with its charts already drawn.

Run: python benchmarks/bench_brief.py   (prints a table; exits 1 when over budget; not a test)
Target on a 2-core machine: writing the brief costs at most 0.3 s beyond the charts, cold
(fresh process: python-docx, lxml and Jinja2 imports included) and warm.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "qiantang-2024.txt"
GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "qiantang-2024.json"
BUDGET = 0.3

WRITE = """
import sys, time
from pathlib import Path
from reportgen.model import load
from reportgen.charts import run
model = load(sys.argv[1])
charts = run(model, Path(sys.argv[2]))          # cached after the first call: not measured
t0 = time.perf_counter()
from reportgen.writers.brief import write_brief
write_brief(model, Path(sys.argv[3]), charts=charts)
t1 = time.perf_counter()
times = []
for _ in range(5):
    t = time.perf_counter()
    write_brief(model, Path(sys.argv[3]), charts=charts)
    times.append(time.perf_counter() - t)
print(f"{t1 - t0:.3f} " + " ".join(f"{x:.3f}" for x in times))
"""


def _model_file(tmp: Path) -> tuple[Path, str]:
    sys.path.insert(0, str(ROOT))
    try:
        from reportgen.extract import extract_path

        path = tmp / "model.json"
        path.write_text(extract_path(SEED).to_json(), encoding="utf-8")
        return path, "seed (extracted)"
    except Exception as exc:  # noqa: BLE001 - the extractor may be mid-change; say so
        print(f"(extractor failed: {type(exc).__name__}: {exc}; using the golden model)")
        return GOLDEN, "seed (golden model)"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        model, label = _model_file(tmp)
        args = [str(model), str(tmp / "charts"), str(tmp / "brief.docx")]
        subprocess.run([sys.executable, "-c", WRITE, *args], check=True, capture_output=True)
        out = subprocess.run(
            [sys.executable, "-c", WRITE, *args], check=True, capture_output=True, text=True
        ).stdout.split()
        cold, warm = float(out[0]), [float(x) for x in out[1:]]
        size = (tmp / "brief.docx").stat().st_size
    median = statistics.median(warm)
    print(f"model: {label}")
    print(f"{'measure':<34}{'seconds':>9}{'budget':>9}")
    print(f"{'cold write (imports included)':<34}{cold:>9.3f}{BUDGET:>9.2f}")
    print(f"{'warm write, median of 5':<34}{median:>9.3f}{BUDGET:>9.2f}")
    print(f"brief.docx: {size / 1024:.0f} KiB")
    return 0 if max(cold, median) <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
