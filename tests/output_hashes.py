"""Build the seed and every fixture article in each variant and hash every output.

``python tests/output_hashes.py --update`` rewrites ``tests/fixtures/output_hashes.json``; do
that (and commit the file) only when a change is meant to change the outputs.
``python tests/output_hashes.py --out DIR`` builds into DIR and prints the differences.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HASHES = ROOT / "tests" / "fixtures" / "output_hashes.json"
EPOCH = "1700000000"
ARTICLES = [ROOT / "seeds" / "qiantang-2024.txt"] + sorted(
    (ROOT / "tests" / "fixtures" / "articles").iterdir()
)
VARIANTS = {
    "default": [],
    "gongwen": ["--style", "gongwen"],
    "native": ["--native-charts"],
}
HASHED = (".json", ".docx", ".pptx", ".png", ".svg")


def build(out: Path, variant: str, articles: list[Path] = ARTICLES) -> None:
    """``reportgen build`` the articles into OUT/VARIANT, dated by a fixed SOURCE_DATE_EPOCH."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    cmd = [sys.executable, "-m", "reportgen", "build", "-q", "--no-verify", "-o"]
    cmd += [str(out / variant), *VARIANTS[variant], *map(str, articles)]
    subprocess.run(cmd, check=True, env=env, cwd=out)


def hashes(folder: Path) -> dict[str, str]:
    """sha256 of every content.json, charts.json, .docx, .pptx, .png and .svg under FOLDER.

    Chart files are named by a key that includes the drawing code's own digest, so any edit to
    charts/draw.py renames them without changing a pixel: they are recorded under the sha256 of
    their SVG instead, and charts.json is hashed with those names substituted.
    """
    found = {}
    for article in sorted(p for p in folder.iterdir() if p.is_dir() and p.name[0] != "."):
        stems = {}
        for svg in sorted((article / "charts").glob("*.svg")):
            stems[svg.stem] = hashlib.sha256(svg.read_bytes()).hexdigest()[:16]
        for path in sorted(article.rglob("*")):
            rel = path.relative_to(folder).as_posix()
            if path.name == "manifest.json" or "/preview/" in rel or not path.is_file():
                continue
            if path.suffix not in HASHED:
                continue
            data = path.read_bytes()
            if path.parent.name == "charts":
                stem = path.name.split("-")[0].split(".")[0]
                if stem in stems:
                    rel = rel.replace(stem, "svg-" + stems[stem])
                elif path.name == "charts.json":
                    text = data.decode("utf-8")
                    for old, new in stems.items():
                        text = text.replace(old, "svg-" + new)
                    data = text.encode("utf-8")
            found[rel] = hashlib.sha256(data).hexdigest()
    return found


def build_all(out: Path, variants=tuple(VARIANTS)) -> dict[str, dict[str, str]]:
    out.mkdir(parents=True, exist_ok=True)
    for variant in variants:
        build(out, variant)
    return {v: hashes(out / v) for v in variants}


def diff(expected: dict, actual: dict) -> list[str]:
    lines = []
    for variant in sorted(set(expected) | set(actual)):
        want, got = expected.get(variant, {}), actual.get(variant, {})
        for name in sorted(set(want) | set(got)):
            if want.get(name) != got.get(name):
                lines.append(f"{variant}/{name}: {want.get(name)} -> {got.get(name)}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/reportgen-output-hashes"))
    parser.add_argument("--update", action="store_true", help="rewrite " + HASHES.name)
    args = parser.parse_args()
    actual = build_all(args.out)
    if args.update:
        HASHES.write_text(json.dumps(actual, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {HASHES}")
        return 0
    changes = diff(json.loads(HASHES.read_text(encoding="utf-8")), actual)
    print("\n".join(changes) or "outputs unchanged")
    return 1 if changes else 0


if __name__ == "__main__":
    sys.exit(main())
