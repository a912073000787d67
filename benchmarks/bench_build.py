"""Benchmark `reportgen build` end to end, in fresh processes, against its targets and a baseline.

Run: python benchmarks/bench_build.py [--articles 50] [--repeat 3]
Prints a table (wall seconds, peak RSS of the process tree) and the machine it ran on.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def command(*args: str) -> list[str]:
    """The installed console script when there is one beside the interpreter, else -m."""
    script = Path(sys.executable).parent / "reportgen"
    return [str(script), *args] if script.is_file() else [sys.executable, "-m", "reportgen", *args]


CPU: list[float] = []  # CPU seconds (user + system) of the last timed() call, tree included


def timed(cmd: list[str], cwd: Path, env: dict) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB (the process and the children it waited for), exit code.

    The CPU time of the process tree (user + system) is left in CPU[-1].
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    CPU.append(usage.ru_utime + usage.ru_stime)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode


def median_run(cmd, cwd, env, repeat, before=None) -> tuple[float, float, float, float]:
    """Median wall seconds, peak RSS, median CPU seconds and the load average before the runs."""
    load = os.getloadavg()[0]
    runs = []
    for _ in range(repeat):
        if before:
            before()
        seconds, rss, code = timed(cmd, cwd, env)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {code}")
        runs.append((seconds, rss, CPU[-1]))
    return (
        statistics.median(r[0] for r in runs),
        max(r[1] for r in runs),
        statistics.median(r[2] for r in runs),
        load,
    )


def heavy_imports_in_noop(cwd: Path, env: dict, out: Path) -> str:
    probe = (
        "import sys\nfrom reportgen.cli import main\n"
        f"sys.argv = ['reportgen', 'build', '-q', '-o', {str(out)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(','.join(m for m in ('matplotlib', 'pptx', 'docx') if m in sys.modules) or 'none')"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=cwd, env=env, capture_output=True)
    return run.stdout.decode().strip()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, load average {load:.1f} at start"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    work = Path(tempfile.mkdtemp(prefix="reportgen-bench-"))
    rows = []
    try:
        out = work / "out"
        cold = median_run(
            command("build", "-o", str(out), "--jobs", "1"),
            work,
            env,
            args.repeat,
            before=lambda: shutil.rmtree(out, ignore_errors=True),
        )
        rows.append(("cold build of the seed (1 article)", 1.2, *cold))
        noop = median_run(command("build", "-o", str(out)), work, env, args.repeat * 3)
        rows.append(("no-op rebuild of the seed", 0.25, *noop))
        heavy = heavy_imports_in_noop(work, env, out)
        helped = median_run(command("--help"), work, env, args.repeat * 3)
        rows.append(("reportgen --help", 0.2, *helped))
        if shutil.which("script"):  # on a pseudo-terminal: the help styled by Rich
            on_tty = ["script", "-qec", shlex.join(command("--help")), "/dev/null"]
            styled = median_run(on_tty, work, env, args.repeat * 3)
            rows.append(("reportgen --help on a terminal (Rich)", 0.2, *styled))
        base = median_run(
            [sys.executable, str(ROOT / "benchmarks" / "baseline.py"), str(work / "baseline")],
            work,
            env,
            args.repeat,
        )
        rows.append(("baseline.py (4 charts, 10 slides, memo)", None, *base))
        if args.articles:
            from test_build import write_articles

            write_articles(work / "many", args.articles)
            load = os.getloadavg()[0]
            seconds, many_rss, _ = timed(
                command("build", "many", "-o", str(work / "out-many"), "--jobs", "2", "-q"),
                work,
                env,
            )
            n = args.articles
            name = f"{n} articles, --jobs 2 (per article)"
            rows.append((name, 0.4, seconds / n, many_rss, CPU[-1] / n, load))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"machine: {machine()}")
    print(f"heavy modules imported by a no-op rebuild: {heavy}")
    print(f"{'case':<46}{'seconds':>9}{'target':>8}{'CPU s':>8}{'load':>6}{'peak MB':>9}  ")
    for name, target, seconds, rss, cpu, load in rows:
        verdict = "" if target is None else ("ok" if seconds <= target else "MISSED")
        shown = "-" if target is None else f"{target:g}"
        print(f"{name:<46}{seconds:>9.3f}{shown:>8}{cpu:>8.3f}{load:>6.1f}{rss:>9.0f}  {verdict}")
    peak = max(r[3] for r in rows)
    print(f"peak memory of any process: {peak:.0f} MB (target 250 MB)")


if __name__ == "__main__":
    main()
