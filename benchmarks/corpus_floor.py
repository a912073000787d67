"""Write tests/corpus/floor.json from the scorer's current totals (each ratio rounded down to a
whole per cent, each error count as it is). Run after a change raises the scores; lowering the
floor needs a line in the commit message saying why.

Run: python benchmarks/corpus_floor.py
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def floor_of(totals: dict) -> dict:
    """The floor: every ratio of every part rounded down to a whole per cent; error counts."""
    out: dict = {}
    for part, elements in totals.items():
        out[part] = {}
        for element, value in elements.items():
            if isinstance(value, dict):
                metrics = {
                    m: math.floor(value[m] * 100) / 100
                    for m in ("precision", "recall")
                    if value[m] is not None
                }
                if metrics:
                    out[part][element] = metrics
            elif isinstance(value, int):
                out[part][element] = value
    return out


def main() -> int:
    _, totals = corpus.run()
    path = corpus.CORPUS / "floor.json"
    path.write_text(json.dumps(floor_of(corpus.totals_dict(totals)), indent=1) + "\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
