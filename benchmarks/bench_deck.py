"""Benchmark: writing the seed deck once its charts exist (target: at most 0.3 s)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportgen.charts import run  # noqa: E402
from reportgen.extract import extract_path  # noqa: E402
from reportgen.writers.deck import build_deck  # noqa: E402

SEED = ROOT / "seeds" / "qiantang-2024.txt"
TARGET = 0.300


def _time(func, repeat: int = 7) -> float:
    """Median seconds of one call, over ``repeat`` calls."""
    return statistics.median(timeit.repeat(func, number=1, repeat=repeat))


def main() -> int:
    model = extract_path(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        charts = run(model, Path(tmp) / "charts")
        start = time.perf_counter()
        build_deck(model, charts=charts)  # first deck: python-pptx import, font widths, template
        first = time.perf_counter() - start
        pictures = _time(lambda: build_deck(model, charts=charts))
        native = _time(lambda: build_deck(model, charts=charts, native_charts=True))
    rows = [
        ("first deck in a process (cold)", first, None),
        ("deck, chart pictures", pictures, TARGET),
        ("deck, native charts", native, None),
    ]
    print(f"{'case':<34}{'median s':>10}{'target s':>10}")
    for name, secs, target in rows:
        print(f"{name:<34}{secs:>10.4f}{(f'{target:.3f}' if target else '-'):>10}")
    return 0 if pictures <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
