"""Corpus gold files: load, validate and check them against their article (no extraction).

Run: python benchmarks/corpus_gold.py [tests/corpus/NAME.gold.yaml ...]   (default: every gold)
Prints one line per problem and exits 1 when there is any. See docs/corpus-gold.md.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
KINDS = ("measured", "target", "limit", "forecast", "rank", "range")
_SCALARS = ("file", "language", "outlet", "shape", "headline", "series", "dek", "dateline")
_LISTS = (
    "authors",
    "sections",
    "captions",
    "furniture",
    "paragraphs",
    "figures",
    "not_figures",
    "quotes",
    "not_quotes",
)


@dataclass
class Gold:
    """One article's gold answers (see docs/corpus-gold.md)."""

    name: str
    path: Path
    data: dict
    problems: list[str] = field(default_factory=list)

    def __getattr__(self, key: str):
        try:
            return self.data[key]
        except KeyError:
            raise AttributeError(key) from None

    @property
    def article(self) -> Path:
        return self.path.parent / self.data["file"]


def fold(text: str) -> str:
    """Text compared leniently: NFKC (full-/half-width), no whitespace, no Markdown emphasis."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s*_#\\]+", "", text).lower()


def gold_paths(names: list[str] | None = None) -> list[Path]:
    """Every gold file of the corpus, sorted, or those named (a name or a path)."""
    if not names:
        return sorted(CORPUS.glob("*.gold.yaml"))
    out = []
    for n in names:
        p = Path(n)
        if not p.exists():
            p = CORPUS / (n if n.endswith(".gold.yaml") else f"{n}.gold.yaml")
        out.append(p)
    return out


def load(path: Path) -> Gold:
    """A gold file with its structural problems listed (never raises for bad content)."""
    import yaml

    name = path.name.removesuffix(".gold.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return Gold(name, path, {}, [f"cannot read: {exc}".splitlines()[0]])
    if not isinstance(data, dict):
        return Gold(name, path, {}, ["not a mapping"])
    gold = Gold(name, path, data)
    for key in _SCALARS:
        data.setdefault(key, "")
        if data[key] is None:
            data[key] = ""
        if not isinstance(data[key], str):
            data[key] = str(data[key])
    if "date" in data:  # optional: the publication date, where the article plainly states it
        data["date"] = "" if data["date"] is None else str(data["date"])
    for key in _LISTS:
        if data.get(key) is None:
            data[key] = []
        if not isinstance(data[key], list):
            gold.problems.append(f"{key}: not a list")
            data[key] = []
    _normalize_items(gold)
    return gold


def _normalize_items(gold: Gold) -> None:
    d = gold.data
    d["authors"] = [str(a) for a in d["authors"]]
    d["captions"] = [str(c) for c in d["captions"]]
    d["furniture"] = [str(c) for c in d["furniture"]]
    d["paragraphs"] = [str(p) for p in d["paragraphs"]]
    d["not_figures"] = [str(p) for p in d["not_figures"]]
    d["not_quotes"] = [str(p) for p in d["not_quotes"]]
    sections = []
    for s in d["sections"]:
        s = s if isinstance(s, dict) else {"heading": str(s)}
        sections.append(
            {"heading": str(s.get("heading") or ""), "tagline": str(s.get("tagline") or "")}
        )
    d["sections"] = sections
    figures = []
    for i, f in enumerate(d["figures"]):
        if not isinstance(f, dict) or not f.get("text"):
            gold.problems.append(f"figures[{i}]: needs text")
            continue
        kind = str(f.get("kind") or "measured")
        if kind not in KINDS:
            gold.problems.append(f"figures[{i}] {f['text']}: kind {kind!r} not one of {KINDS}")
        figures.append(
            {"text": str(f["text"]), "subject": str(f.get("subject") or ""), "kind": kind}
        )
    d["figures"] = figures
    quotes = []
    for i, q in enumerate(d["quotes"]):
        if not isinstance(q, dict) or not q.get("text"):
            gold.problems.append(f"quotes[{i}]: needs text")
            continue
        quotes.append({"text": str(q["text"]), "speaker": str(q.get("speaker") or "")})
    d["quotes"] = quotes


def article_text(path: Path) -> str:
    """The article's visible text: decoded text, or an HTML page's text with entities decoded,
    or a .docx's paragraphs. Used only to check that gold strings are verbatim."""
    raw = path.read_bytes()
    if path.suffix.lower() == ".docx":
        return _docx_text(raw)
    text = _decode(raw)
    if path.suffix.lower() in (".html", ".htm"):
        import lxml.html

        # Parse the decoded text: a page's <meta charset> may not tell the truth about its bytes.
        text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
        doc = lxml.html.document_fromstring(text)
        for bad in doc.xpath("//script|//style"):
            bad.drop_tree()
        return doc.text_content()
    import html

    return html.unescape(text)


def _decode(raw: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030", "utf-16"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _docx_text(raw: bytes) -> str:
    import io
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return "\n".join(
        "".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
        for p in root.iter()
        if p.tag.endswith("}p")
    )


def check(gold: Gold) -> list[str]:
    """Problems of a gold file: structure, and strings that are not verbatim in its article."""
    problems = list(gold.problems)
    if not gold.data:
        return problems
    for key in ("file", "language", "headline"):
        if not gold.data.get(key):
            problems.append(f"{key}: missing")
    if gold.data.get("language") not in ("zh", "en"):
        problems.append(f"language: {gold.data.get('language')!r} is not zh or en")
    if not gold.data.get("file") or not gold.article.exists():
        return problems + [f"file: {gold.data.get('file')!r} not found beside the gold"]
    body = fold(article_text(gold.article))
    for key, value in _verbatim(gold):
        if value and fold(value) not in body:
            problems.append(f"{key}: {value!r} is not in the article")
    return problems


def _verbatim(gold: Gold):
    d = gold.data
    for key in ("headline", "series", "dek", "dateline", "date"):
        yield key, d.get(key, "")
    for i, a in enumerate(d["authors"]):
        yield f"authors[{i}]", a
    for i, s in enumerate(d["sections"]):
        yield f"sections[{i}].heading", s["heading"]
        yield f"sections[{i}].tagline", s["tagline"]
    for key in ("captions", "furniture", "paragraphs", "not_figures", "not_quotes"):
        for i, v in enumerate(d[key]):
            yield f"{key}[{i}]", v
    for i, f in enumerate(d["figures"]):
        yield f"figures[{i}].text", f["text"]
    for i, q in enumerate(d["quotes"]):
        yield f"quotes[{i}].text", q["text"]
        yield f"quotes[{i}].speaker", q["speaker"]


def choose_heldout(golds: list[Gold]) -> set[str]:
    """The held-aside third: per language, names sorted by the SHA-256 of the name, every third
    one from the first. Blind to content, so it is chosen before any tuning."""
    import hashlib

    held: set[str] = set()
    for lang in ("zh", "en"):
        names = sorted(
            (g.name for g in golds if g.data.get("language") == lang),
            key=lambda n: hashlib.sha256(n.encode()).hexdigest(),
        )
        held |= set(names[::3])
    return held


def main(argv: list[str]) -> int:
    if argv[:1] == ["--heldout"]:
        golds = [load(p) for p in gold_paths()]
        print("\n".join(sorted(choose_heldout(golds))))
        return 0
    bad = 0
    for path in gold_paths(argv):
        problems = check(load(path))
        for p in problems:
            print(f"{path.name}: {p}")
        bad += bool(problems)
    print(f"{len(gold_paths(argv))} gold files, {bad} with problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
