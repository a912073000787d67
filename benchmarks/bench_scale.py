"""Benchmark: does a build cost time and memory linear in the article's size?

Builds articles of 1x, 4x, 16x and 64x the seed's size and figure count (the seed's sections
repeated, each copy under its own headings, figures kept) with `reportgen build --force`, each
in a fresh process, and prints wall time, peak memory (the build process and the processes it
waited for), CPU seconds per MiB of article, and the marginal CPU seconds per MiB: what the
extra text cost over the next smaller size, (cpu_k - cpu_k-1) / (size_k - size_k-1), the cost
of size with the fixed start-up (imports, fonts, templates: ~2.5 s) taken out. The target: time
per MiB flat within 2x (read on the marginal column: a fixed start-up is no cost of size), peak
memory under 1 GB, every size under 60 s.

    python benchmarks/bench_scale.py [--sizes 1,4,16,64] [--no-verify] [--timeout 300]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from bench_hostile import run  # one timed build in a new process, for both benchmarks

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "qiantang-2024.txt"
_HEADING = re.compile(r"^(#+ .*|[一二三四五六七八九十]+、.*)$", re.M)


def scaled(copies: int) -> str:
    """The seed with its body (everything from its first section heading) repeated ``copies``
    times, each copy's headings numbered so the sections stay distinct."""
    text = SEED.read_text(encoding="utf-8")
    headings = list(_HEADING.finditer(text))
    first = headings[1] if len(headings) > 1 else None  # after the headline
    head, body = (text[: first.start()], text[first.start() :]) if first else ("", text)
    parts = [head]
    for i in range(copies):
        parts.append(_HEADING.sub(lambda m, i=i: f"{m.group(0)}（{i + 1}）", body))
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16,64")
    parser.add_argument("--no-verify", action="store_true")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'size':>5}{'KiB':>9}{'figures':>9}{'exit':>6}{'seconds':>10}{'CPU s':>8}"
        f"{'peak MiB':>10}{'CPU s per MiB':>15}{'marginal':>10}{'load':>6}"
    )
    previous: tuple[float, float] | None = None  # (MiB, CPU s) of the last size built
    with tempfile.TemporaryDirectory(prefix="reportgen-scale-") as tmp:
        for copies in sizes:
            article = Path(tmp) / f"scale{copies}.txt"
            article.write_text(scaled(copies), encoding="utf-8")
            size = article.stat().st_size
            from reportgen.extract import extract_path

            figures = len(extract_path(article).facts)
            out = Path(tmp) / "out"
            seconds, cpu, peak, code = run(article, out, not args.no_verify, args.timeout)
            mib = size / 2**20
            per_mib = cpu / mib
            margin = f"{(cpu - previous[1]) / (mib - previous[0]):.0f}" if previous else "-"
            previous = (mib, cpu)
            print(
                f"{copies:>4}x{size / 1024:>9.0f}{figures:>9}{code:>6}{seconds:>10.1f}{cpu:>8.1f}"
                f"{peak / 1024:>10.0f}{per_mib:>15.0f}{margin:>10}{os.getloadavg()[0]:>6.1f}",
                flush=True,
            )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
