"""Benchmark: the worst inputs the limits accept, each built once with its time and peak memory.

Each case is an article at the edge of what ``reportgen build`` accepts (8 MiB file, lines of at
most 100,000 characters, .docx parts of at most 64 MiB): many short paragraphs, figure-dense
lines, many sections, a small .docx inflating to tens of MiB of XML, a large HTML page. Each is
built with ``reportgen build --force -j 1`` in a fresh process and the stage times are read from
the manifest. The target: every case under 60 s and 1 GB. Never a timed test: run it by hand.

    python benchmarks/bench_hostile.py [--cases paragraphs,docx] [--scale 1.0] [--timeout 300]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MiB = 1 << 20
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def paragraphs(scale: float) -> tuple[str, bytes]:
    """About 200,000 short Chinese paragraphs (~8 MiB), a heading every 50."""
    count = int(200_000 * scale)
    lines = ["# 短段落压力测试", ""]
    for i in range(count):
        if i % 50 == 0:
            lines += [f"## 第{i // 50 + 1}部分", ""]
        lines += [f"这是第{i}段很短的文字。", ""]
    return "paragraphs.txt", "\n".join(lines).encode("utf-8")[: 8 * MiB - 1]


def figure_line(scale: float) -> tuple[str, bytes]:
    """One line of about 8,000 figures (100,000 characters), under a heading."""
    count = int(8_000 * scale)
    line = "".join(f"指标{i % 10}为{i}亿元，" for i in range(count))[:99_990] + "。"
    return "figure_line.txt", f"# 数字压力测试\n\n{line}\n".encode()


def figure_lines(scale: float) -> tuple[str, bytes]:
    """2,000 paragraphs each stating a few figures."""
    count = int(2_000 * scale)
    body = "\n\n".join(
        f"今年第{i}号园区产值达到{i + 100}亿元，同比增长{i % 30}.5%，企业{i % 90 + 10}家。"
        for i in range(count)
    )
    return "figure_lines.txt", f"# 数字段落\n\n{body}\n".encode()


def sections(scale: float) -> tuple[str, bytes]:
    """1,000 sections of two paragraphs with a figure each."""
    count = int(1_000 * scale)
    parts = ["# 多章节压力测试"]
    for i in range(count):
        parts.append(f"## 第{i + 1}章 园区{i}")
        parts.append(f"园区{i}的产值为{i + 10}亿元，增长{i % 20}%。")
        parts.append(f"园区{i}共有企业{i + 5}家，员工{i * 3 + 100}人。")
    return "sections.txt", "\n\n".join(parts).encode("utf-8")


def docx_bomb(scale: float) -> tuple[str, bytes]:
    """A small .docx whose document.xml inflates to about 60 MiB of short paragraphs."""
    para = "<w:p><w:r><w:t>这是一段很短的文字，在这里重复。</w:t></w:r></w:p>"
    count = int(60 * MiB * scale) // len(para.encode())
    body = para * count
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("word/document.xml", xml)
    return "bomb.docx", out.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def html_page(scale: float) -> tuple[str, bytes]:
    """An 8 MiB HTML page of paragraphs with figures under headings."""
    parts = ['<html><head><meta charset="utf-8"><title>页面压力测试</title></head><body>']
    size, i = 0, 0
    limit = int(8 * MiB * scale) - 200
    while size < limit:
        chunk = f"<h2>第{i}节</h2>" if i % 40 == 0 else ""
        chunk += f"<p>园区{i}的产值为{i + 10}亿元，同比增长{i % 20}%，位居全市前列。</p>\n"
        parts.append(chunk)
        size += len(chunk.encode())
        i += 1
    parts.append("</body></html>")
    return "page.html", "".join(parts).encode("utf-8")


def limits(scale: float) -> tuple[str, bytes]:
    """Every count limit at once: 200 sections of 50 paragraphs (10,000), 4,000 figures (two in
    every fifth paragraph)."""
    sections, per = int(200 * scale), 50
    parts = ["# 全部上限压力测试"]
    for s in range(sections):
        parts.append(f"## 第{s + 1}章 园区建设")
        for p in range(per):
            i = s * per + p
            if p % 5 == 0 and p < 50:
                parts.append(f"园区{i}产值达到{i + 100}亿元，共有企业{i % 90 + 10}家。")
            else:
                parts.append(f"这是第{s + 1}章的第{p + 1}段文字，讲述园区的发展。")
    return "limits.txt", "\n\n".join(parts).encode("utf-8")


CASES = {
    "paragraphs": paragraphs,
    "figure_line": figure_line,
    "figure_lines": figure_lines,
    "sections": sections,
    "docx": docx_bomb,
    "html": html_page,
    "limits": limits,
}


def stages(out: Path) -> str:
    """The stage times recorded in the article's manifest, as 'stage s' pairs."""
    for manifest in out.glob("*/manifest.json"):
        timings = json.loads(manifest.read_text(encoding="utf-8")).get("timings", {})
        return " ".join(f"{k} {v:.1f}" for k, v in timings.items() if isinstance(v, float))
    return ""


def run(article: Path, out: Path, verify: bool, timeout: float) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak RSS in KiB of this build's processes, exit code) of one
    build. CPU seconds are the steadier figure on a shared machine."""
    cmd = [sys.executable, "-m", "reportgen", "build", str(article), "-o", str(out), "--force"]
    cmd += ["-q", "-j", "1"] + ([] if verify else ["--no-verify"])
    env = dict(os.environ, SOURCE_DATE_EPOCH="1735689600")
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    timer = threading.Timer(timeout, os.killpg, (proc.pid, 9))  # the chart helper too
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--no-verify", action="store_true")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    print(
        f"{'case':<14}{'KiB':>8}{'exit':>6}{'seconds':>9}{'CPU s':>8}{'peak MiB':>10}{'load':>6}"
        "  stages"
    )
    for name in args.cases.split(","):
        with tempfile.TemporaryDirectory(
            prefix="reportgen-hostile-", ignore_cleanup_errors=True
        ) as tmp:
            file_name, data = CASES[name](args.scale)
            article = Path(tmp) / file_name
            article.write_bytes(data)
            out = Path(tmp) / "out"
            seconds, cpu, peak, code = run(article, out, not args.no_verify, args.timeout)
            print(
                f"{name:<14}{len(data) / 1024:>8.0f}{code:>6}{seconds:>9.1f}{cpu:>8.1f}"
                f"{peak / 1024:>10.0f}{os.getloadavg()[0]:>6.1f}"
                f"  {stages(out)}",
                flush=True,
            )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    main()
