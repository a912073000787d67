"""Benchmark: extraction of the seed article in-process (target: under 100 ms), and scaling."""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportgen.extract import extract_path, extract_text  # noqa: E402
from reportgen.ingest.read import read_text  # noqa: E402

SEED = ROOT / "seeds" / "qiantang-2024.txt"


def _time(func, repeat: int = 20) -> float:
    """Median seconds of one call, over ``repeat`` calls."""
    return statistics.median(timeit.repeat(func, number=1, repeat=repeat))


def main() -> None:
    extract_path(SEED)  # warm imports (markdown-it, cn2an, pydantic)
    seed = _time(lambda: extract_path(SEED))
    text = read_text(SEED)
    rows = [("seed, file to model", seed, 0.100)]
    for copies in (10, 40):
        big = "\n\n".join([text] * copies)
        rows.append(
            (f"seed x{copies} ({len(big):,} chars)", _time(lambda b=big: extract_text(b), 3), None)
        )
    print(f"{'case':<34}{'median s':>10}{'target s':>10}")
    for name, secs, target in rows:
        print(f"{name:<34}{secs:>10.4f}{(f'{target:.3f}' if target else '-'):>10}")


if __name__ == "__main__":
    main()
