"""Benchmark the first run after install: `reportgen build` of the seed with every cache empty.

Run: python benchmarks/bench_first_run.py [--repeat 3] [--without-harfbuzz]

Each run gets fresh, empty folders for reportgen's cache ($REPORTGEN_CACHE: the static chart
font instances, the font chain, compiled templates), matplotlib's ($MPLCONFIGDIR: its font list)
and the output, as on a machine where reportgen was just installed. `--without-harfbuzz` hides
uharfbuzz, so the fonts are instanced by fontTools (what every first run did before).
Prints the wall seconds of each run, their median and the target (10 s), then the no-op rebuild
and `reportgen --help` of the same install.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import CPU, command, machine, timed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "qiantang-2024.txt"
TARGET = 10.0

HIDE_HARFBUZZ = (
    "import sys\nsys.modules['uharfbuzz'] = None\n"
    "from reportgen.cli import main\nsys.argv = ['reportgen', *sys.argv[1:]]\nmain()\n"
)


def fresh_env(work: Path) -> dict:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    env["REPORTGEN_CACHE"] = str(work / "cache")
    env["MPLCONFIGDIR"] = str(work / "mpl")
    env["XDG_CACHE_HOME"] = str(work / "xdg")
    env.pop("REPORTGEN_CHART_FONT", None)
    return env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--without-harfbuzz", action="store_true")
    args = parser.parse_args()
    build = ["build", str(SEED), "-o", "out"]
    if args.without_harfbuzz:
        cmd = [sys.executable, "-c", HIDE_HARFBUZZ, *build]
    else:
        cmd = command(*build)
    print(f"machine: {machine()}")
    runs, cpu = [], []
    for i in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="reportgen-first-") as tmp:
            work = Path(tmp)
            env = fresh_env(work)
            load = os.getloadavg()[0]
            seconds, rss, code = timed(cmd, work, env)
            if code != 0:
                raise SystemExit(f"{' '.join(cmd)} exited {code}")
            runs.append(seconds)
            cpu.append(CPU[-1])
            print(
                f"run {i + 1}: {seconds:.2f} s wall, {CPU[-1]:.2f} s CPU, peak {rss:.0f} MB, "
                f"load average {load:.1f} before"
            )
            if i == args.repeat - 1:
                noop, _, _ = timed(command(*build), work, env)
                helped, _, _ = timed(command("--help"), work, env)
    median = statistics.median(runs)
    verdict = "ok" if median <= TARGET else "MISSED"
    how = "fontTools instancer (uharfbuzz hidden)" if args.without_harfbuzz else "HarfBuzz"
    print(
        f"first run, empty caches, {how}: median {median:.2f} s "
        f"(CPU {statistics.median(cpu):.2f} s), target {TARGET:g} s: {verdict}"
    )
    print(
        f"then: no-op rebuild {noop:.3f} s (target 0.25), reportgen --help {helped:.3f} s "
        "(target 0.2)"
    )


if __name__ == "__main__":
    main()
