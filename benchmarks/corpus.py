"""Score reportgen's extraction on the real-article corpus against its hand-made gold.

Run: python benchmarks/corpus.py [--json] [--only NAME ...] [--gallery DIR] [--scoreboard]

Per article and in total (all, worked, held aside), precision and recall for: headline, series,
dek, dateline, publication date (where the gold gives one), byline, sections, captions,
furniture kept out of the body, paragraphs reaching the body, figures (as written), figure
values, figure subjects, figure kinds, non-figures taken, quotes, speakers and non-quotes taken.
See docs/corpus-gold.md and docs/corpus.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gold import CORPUS, Gold, fold, gold_paths, load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCOREBOARD = ROOT / "docs" / "corpus.md"
HELDOUT = CORPUS / "heldout.txt"
ELEMENTS = (
    "headline",
    "series",
    "dek",
    "dateline",
    "date",
    "byline",
    "sections",
    "captions",
    "furniture",
    "paragraphs",
    "figures",
    "figure_values",
    "subjects",
    "kinds",
    "quotes",
    "speakers",
)
# Counts that must stay at zero (reported as numbers, not ratios).
ERRORS = ("non_figures", "non_quotes", "body_removed")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．]"
    r"|第[一二三四五六七八九十]+[部分章节])"
)
_EN_STOP = {
    "the", "a", "an", "of", "in", "for", "and", "to", "on", "at", "by", "with", "its", "their",
    "from", "per", "as", "is", "was", "are", "that", "this",
}  # fmt: skip


@dataclass
class Count:
    """Gold items found (``tp``) of ``gold``, and predictions that are right (``right``, or
    ``tp`` when not set apart) of ``pred``: recall is tp/gold, precision right/pred."""

    tp: int = 0
    pred: int = 0
    gold: int = 0
    right: int | None = None

    @property
    def right_pred(self) -> int:
        return self.tp if self.right is None else self.right

    def add(self, other: Count) -> None:
        if self.right is not None or other.right is not None:
            self.right = self.right_pred + other.right_pred
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def as_dict(self) -> dict:
        return {
            "precision": _ratio(self.right_pred, self.pred),
            "recall": _ratio(self.tp, self.gold),
            "tp": self.tp,
            "right": self.right_pred,
            "pred": self.pred,
            "gold": self.gold,
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


@dataclass
class Score:
    """One article's (or a total's) counts per element, error counts and notes."""

    counts: dict[str, Count] = field(default_factory=lambda: {e: Count() for e in ELEMENTS})
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ERRORS, 0))
    failed: str = ""
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for key, count in other.counts.items():
            self.counts[key].add(count)
        for key, n in other.errors.items():
            self.errors[key] += n
        self.failed = self.failed or other.failed

    def as_dict(self) -> dict:
        out: dict = {key: c.as_dict() for key, c in self.counts.items()}
        out.update(self.errors)
        if self.failed:
            out["failed"] = self.failed
        return out


# ---------------------------------------------------------------- model access


def _get(obj, *names, default=""):
    for name in names:
        value = getattr(obj, name, None)
        if value:
            return value
    return default


def _body_paragraphs(model) -> list[str]:
    paras = [p.text for p in model.lead]
    for theme in model.themes:
        paras.extend(p.text for p in theme.paragraphs)
    return paras


def _shown_text(model) -> str:
    """Everything the model presents as article text: headline, heads, paragraphs."""
    parts = [model.headline, *_body_paragraphs(model)]
    for theme in model.themes:
        parts.extend([theme.heading, theme.tagline])
    return "\n".join(fold(p) for p in parts if p)


def _fact_label(fact) -> str:
    return " ".join(
        str(v) for v in (_get(fact, "subject"), _get(fact, "label"), _get(fact, "counts")) if v
    )


def _fact_kind(fact, ranked: set[str]) -> str:
    kind = _get(fact, "kind", default="")
    if kind in ("measured", "target", "limit", "forecast", "rank", "range"):
        return kind
    if fact.id in ranked:
        return "rank"
    return {"cap": "limit", "threshold": "limit", "floor": "limit"}.get(kind, "measured")


# ---------------------------------------------------------------- matching rules


def _same(a: str, b: str) -> bool:
    return bool(a) and fold(a) == fold(b)


def _head(text: str) -> str:
    return fold(_NUMBERING.sub("", text.strip().lstrip("#* ")))


def _same_head(model_head: str, gold: dict) -> bool:
    m = _head(model_head)
    g = _head(gold["heading"])
    if not m or not g:
        return False
    if m in (g, g + fold(gold["tagline"])):
        return True
    short, long = sorted((m, g), key=len)
    return short in long and len(short) >= 0.6 * len(long)


def _overlaps(a: str, b: str, least: int = 6) -> bool:
    """One text holds the other (folded), and the shorter is not trivially short."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= min(least, len(long))


def _bigrams(text: str) -> set[str]:
    """The character pairs of each of ``text``'s space-separated parts: a pair that spans two
    parts (the subject's last character and the label's first) is no word of either."""
    out: set[str] = set()
    for part in text.split():
        t = re.sub(r"[^\w]", "", fold(part))
        out |= {t[i : i + 2] for i in range(len(t) - 1)} or ({t} if t else set())
    return out


def fold_spaced(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", text).lower()


def _words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z0-9]+", fold_spaced(text)):
        if w not in _EN_STOP and len(w) > 1:
            out.add(re.sub(r"(?:ies|es|s|ing|ed)$", "", w) or w)
    return out


def holds_subject(
    label: str,
    subject: str,
    language: str,
    entity_words: str = "",
    measure_words: str | None = None,
) -> bool:
    """The model's words for a figure hold the gold subject: the gold entity, or the model's
    entity (``entity_words``) inside it (钱塘 for 钱塘区); and the measure, judged by its bigrams
    (Chinese) or content words (English): half of the gold measure's are in the label, or most
    of the label's are in the gold measure (a shorter label that is right), the label read with
    its subject or, given ``measure_words`` (the model's label and counts), without it: a longer
    right subject (太平湾港 for 太平湾) no longer outweighs a right label)."""
    if not label or not subject:
        return False
    entity, _, measure = subject.rpartition("|")
    if entity and not _entity_held(entity, label, entity_words):
        return False
    if not measure:
        return True
    grams = _bigrams if language == "zh" else _words
    want, have = grams(measure), grams(label)
    if not want or not have:
        return False
    if len(want & have) >= max(1, 0.5 * len(want)):
        return True
    said = [have, grams(measure_words)] if measure_words else [have]
    return any(len(want & g) >= max(2, 0.6 * len(g)) for g in said)


def _entity_held(entity: str, label: str, entity_words: str) -> bool:
    e = fold(entity)
    if e in fold(label):
        return True
    m = fold(entity_words)
    if e in _NATION and m in _NATION:
        return True  # a Chinese paper's names for its own country are one subject
    return bool(m) and (m in e or e in m)


_NATION = frozenset({"全国", "我国", "国内", "中国", "全国各地"})


# ---------------------------------------------------------------- scoring


def score(gold: Gold, model) -> Score:
    """Compare one article's model with its gold."""
    s = Score()
    d = gold.data
    _score_scalar(s.counts["headline"], d["headline"], model.headline)
    _score_scalar(s.counts["series"], d["series"], _get(model, "series", "kicker"))
    _score_scalar(s.counts["dek"], d["dek"], _get(model, "dek"))
    _score_scalar(s.counts["dateline"], d["dateline"], _get(model, "dateline"))
    if "date" in d:  # scored where the gold gives it (a date the article plainly states, or "")
        _score_date(s.counts["date"], d["date"], _get(model, "date"))
    _score_set(s.counts["byline"], d["authors"], list(model.authors), _same)
    _score_sections(s.counts["sections"], d["sections"], model)
    _score_captions(s, d, model)
    _score_paragraphs(s.counts["paragraphs"], d["paragraphs"], model)
    _score_figures(s, d, model, gold.data["language"])
    _score_quotes(s, d, model)
    return s


def _score_scalar(c: Count, gold: str, pred: str) -> None:
    c.gold += bool(gold)
    c.pred += bool(pred)
    c.tp += bool(gold) and bool(pred) and _same(gold, pred)


def _score_date(c: Count, gold: str, pred: str) -> None:
    """The publication date: the same day, however it is written (2020年08月23日, 2020-08-23)."""
    c.gold += bool(gold)
    c.pred += bool(pred)
    c.tp += bool(gold) and bool(pred) and _day(gold) == _day(pred)


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _day(text: str) -> tuple[int, int, int] | str:
    """(year, month, day) of a date as written, else the folded text."""
    digits = re.match(r"^\D*(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*$", text)
    if digits:
        return tuple(int(g) for g in digits.groups())  # type: ignore[return-value]
    words = re.search(r"(\d{1,2})?\s*([A-Za-z]{3})[a-z]*\.?\s*(\d{1,2})?,?\s+(\d{4})", text)
    if words and words.group(2).lower() in _MONTH_NAMES and (words.group(1) or words.group(3)):
        month = _MONTH_NAMES.index(words.group(2).lower()) + 1
        return int(words.group(4)), month, int(words.group(1) or words.group(3))
    return fold(text)


def _score_set(c: Count, gold: list[str], pred: list[str], same) -> None:
    c.gold += len(gold)
    c.pred += len(pred)
    left = list(pred)
    for g in gold:
        hit = next((p for p in left if same(g, p)), None)
        if hit is not None:
            left.remove(hit)
            c.tp += 1


def _score_sections(c: Count, gold: list[dict], model) -> None:
    c.gold += len(gold)
    c.pred += len(model.themes)
    left = [t.heading for t in model.themes]
    for g in gold:
        hit = next((m for m in left if _same_head(m, g)), None)
        if hit is not None:
            left.remove(hit)
            c.tp += 1


def _score_captions(s: Score, d: dict, model) -> None:
    """Captions recognised as captions; captions and furniture kept out of the shown text."""
    captions = [c.text for c in model.captions]
    cap = s.counts["captions"]
    cap.gold += len(d["captions"])
    cap.tp += sum(any(_overlaps(g, m) for m in captions) for g in d["captions"])
    cap.pred += len(captions)
    cap.right = sum(any(_overlaps(g, m) for g in d["captions"] + d["furniture"]) for m in captions)
    furn = s.counts["furniture"]
    shown = _shown_text(model)
    lines = d["furniture"] + d["captions"]
    furn.gold += len(lines)
    furn.tp += sum(fold(line) not in shown for line in lines)
    s.notes.extend(f"furniture shown: {line[:40]!r}" for line in lines if fold(line) in shown)
    prefixes = [fold(p) for p in d["paragraphs"]]
    kept_out = [*_get(model, "furniture", default=[]), *_get(model, "credits", default=[])]
    removed = [*kept_out, *captions]
    body = [r for r in removed if _is_body(r, prefixes)]
    furn.pred += len(removed)
    furn.right = len(removed) - len(body)
    s.errors["body_removed"] += len(body)
    s.notes.extend(f"body text kept out: {r[:40]!r}" for r in body)


def _is_body(text: str, prefixes: list[str]) -> bool:
    return any(p and p in fold(text) for p in prefixes)


def _score_paragraphs(c: Count, gold: list[str], model) -> None:
    """Gold paragraphs reaching the body; body paragraphs that are gold paragraphs."""
    paras = [fold(p) for p in _body_paragraphs(model)]
    prefixes = [fold(p) for p in gold]
    c.gold += len(prefixes)
    c.tp += sum(any(p and p in m for m in paras) for p in prefixes)
    c.pred += len(paras)
    c.right = sum(any(p and p in m for p in prefixes) for m in paras)


def _score_figures(s: Score, d: dict, model, language: str) -> None:
    ranked = {r.fact for r in model.relations if r.kind == "rank" and r.fact}
    facts = list(model.facts)
    gold = d["figures"]
    fig, val = s.counts["figures"], s.counts["figure_values"]
    subj, kind = s.counts["subjects"], s.counts["kinds"]
    fig.gold += len(gold)
    fig.pred += len(facts)
    val.gold += len(gold)
    val.pred += len(facts)
    subj.gold += sum(bool(g["subject"]) for g in gold)
    kind.gold += len(gold)
    matched, exact = match_figures(gold, facts)
    for g, f in matched:
        if id(f) not in exact:
            s.notes.append(f"figure as written: gold {g['text']!r}, model {f.text!r}")
    found = {id(g) for g, _ in matched}
    s.notes.extend(f"figure missed: {g['text']!r}" for g in gold if id(g) not in found)
    fig.tp += len(exact)
    val.tp += len(matched)
    subj.pred += sum(bool(_fact_label(f)) for _, f in matched)
    kind.pred += len(matched)
    for g, f in matched:
        label = _fact_label(f)
        said = " ".join(str(v) for v in (_get(f, "label"), _get(f, "counts")) if v)
        if g["subject"] and holds_subject(label, g["subject"], language, _get(f, "subject"), said):
            subj.tp += 1
        elif g["subject"]:
            s.notes.append(f"subject of {g['text']!r}: gold {g['subject']!r}, model {label!r}")
        if _fact_kind(f, ranked) == g["kind"]:
            kind.tp += 1
        else:
            s.notes.append(
                f"kind of {g['text']!r}: gold {g['kind']}, model {_fact_kind(f, ranked)}"
            )
    for f in facts:
        if non_figure(f, d):
            s.errors["non_figures"] += 1
            s.notes.append(f"non-figure taken: {f.text!r}")


def match_figures(gold: list[dict], facts: list) -> tuple[list[tuple[dict, object]], set[int]]:
    """Gold figures paired with the model's facts, in gold order: by the text as written first,
    else by value (``_core``), else (English) by value without the counted noun (``_bare``);
    also the ids of the facts matched as written."""
    by_text: dict[str, list] = defaultdict(list)
    by_core: dict[str, list] = defaultdict(list)
    by_bare: dict[str, list] = defaultdict(list)
    for f in facts:
        by_text[fold(f.text)].append(f)
        by_core[_core(f.text)].append(f)
        if _bare(f):
            by_bare[_bare(f)].append(f)
    matched, exact = [], set()
    for g in gold:
        pool = by_text.get(fold(g["text"]))
        if pool:
            f = pool.pop(0)
            by_core[_core(f.text)].remove(f)
            exact.add(id(f))
            matched.append((g, f))
            continue
        pool = by_core.get(_core(g["text"])) or by_bare.get(_core(g["text"]))
        if pool:
            f = pool.pop(0)
            for index, key in ((by_text, fold(f.text)), (by_core, _core(f.text))):
                if f in index.get(key, []):
                    index[key].remove(f)
            for bare in by_bare.values():
                if f in bare:
                    bare.remove(f)
            matched.append((g, f))
    return matched, exact


def _bare(fact) -> str:
    """An English fact's value without the noun it counts (``nearly 20 airports`` -> the core
    of ``nearly 20``): the gold writes English figures without their counted noun; empty for a
    fact whose unit is no word (a currency, a percent, a scale)."""
    unit = fold(_get(fact, "unit") or "")
    core = _core(fact.text)
    if not re.fullmatch(r"[a-z][a-z-]+", unit) or not core.endswith(unit):
        return ""
    value = re.sub(r"[a-z-]+$", "", core)  # 55,800 full-time jobs: the words before the noun too
    return value if re.search(r"\d$", value) else ""


def non_figure(fact, d: dict) -> bool:
    """Whether the gold lists the fact's text among its non-figures (and not as a figure)."""
    t = fold(fact.text)
    if not t or t in {fold(g["text"]) for g in d["figures"]}:
        return False
    return any(t in fold(tok) for tok in d["not_figures"])


def _core(text: str) -> str:
    """The digits and unit letters of a figure without qualifier words (value-level match)."""
    t = fold(text)
    t = re.sub(
        r"^(?:约|近|超过|超|突破|逾|达到|达|高达|不足|不到|more than|nearly|about|over|"
        r"almost|around|up to|approximately|some|roughly)",
        "",
        t,
    )
    return re.sub(r"(?:左右|以上|以下|余|多|来|plus)", "", t)


def _score_quotes(s: Score, d: dict, model) -> None:
    quotes = list(model.quotes)
    q, sp = s.counts["quotes"], s.counts["speakers"]
    q.gold += len(d["quotes"])
    q.pred += len(quotes)
    sp.gold += sum(bool(g["speaker"]) for g in d["quotes"])
    sp.pred += sum(bool(m.speaker) for m in quotes)
    left = list(quotes)
    for g in d["quotes"]:
        hit = next((m for m in left if fold(g["text"]) in fold(m.text)), None)
        if hit is None:
            s.notes.append(f"quote missed: {g['text']!r}")
            continue
        left.remove(hit)
        q.tp += 1
        if g["speaker"] and _same(g["speaker"], hit.speaker):
            sp.tp += 1
        elif hit.speaker or g["speaker"]:
            s.notes.append(
                f"speaker of {g['text']!r}: gold {g['speaker']!r}, model {hit.speaker!r}"
            )
    terms = [fold(t) for t in d["not_quotes"]]
    for m in left:
        if any(t and (t in fold(m.text) or fold(m.text) in t) for t in terms):
            s.errors["non_quotes"] += 1
            s.notes.append(f"non-quote taken: {m.text[:30]!r}")


# ---------------------------------------------------------------- running


def extract(gold: Gold):
    """The model of a gold file's article (extraction only)."""
    from reportgen.extract import extract_path

    return extract_path(gold.article)


def run(names: list[str] | None = None) -> tuple[dict[str, Score], dict[str, Score]]:
    """Score every article (or those named); returns per-article scores and the totals."""
    from reportgen.errors import ReportgenError

    heldout = held_aside()
    per: dict[str, Score] = {}
    for path in gold_paths(names):
        gold = load(path)
        try:
            model = extract(gold)
        except ReportgenError as exc:
            per[gold.name] = Score(failed=str(exc))
            continue
        per[gold.name] = score(gold, model)
    totals = {"all": Score(), "worked": Score(), "heldout": Score()}
    for name, sc in per.items():
        totals["all"].add(sc)
        totals["heldout" if name in heldout else "worked"].add(sc)
    return per, totals


def held_aside() -> set[str]:
    """Names of the held-aside third (tests/corpus/heldout.txt)."""
    if not HELDOUT.exists():
        return set()
    lines = HELDOUT.read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}


def totals_dict(totals: dict[str, Score]) -> dict:
    return {part: sc.as_dict() for part, sc in totals.items()}


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.0f}"


def table(per: dict[str, Score], totals: dict[str, Score]) -> str:
    """A plain-text table: recall per element per article, then P/R totals."""
    short = ("head", "ser", "dek", "dtln", "date", "byl", "sec", "cap", "furn", "para", "fig",
             "val", "subj", "kind", "quot", "spkr")  # fmt: skip
    width = max([len(n) for n in per] + [10])
    lines = [f"{'article (recall %)':<{width}} " + " ".join(f"{h:>4}" for h in short) + "  nf nq"]
    for name, sc in per.items():
        if sc.failed:
            lines.append(f"{name:<{width}} FAILED: {sc.failed}")
            continue
        cells = " ".join(f"{_pct(sc.counts[e].as_dict()['recall']):>4}" for e in ELEMENTS)
        lines.append(
            f"{name:<{width}} {cells}  {sc.errors['non_figures']:>2} {sc.errors['non_quotes']:>2}"
        )
    lines.append("")
    lines.append(markdown_totals(totals))
    return "\n".join(lines)


def markdown_totals(totals: dict[str, Score]) -> str:
    """The totals as a Markdown table: P/R per element for all, worked and held aside."""
    parts = ("all", "worked", "heldout")
    head = "| element | " + " | ".join(f"{p} P | {p} R" for p in parts) + " |"
    rows = [head, "|---" * (1 + 2 * len(parts)) + "|"]
    for e in ELEMENTS:
        cells = []
        for p in parts:
            d = totals[p].counts[e].as_dict()
            cells += [_pct(d["precision"]), _pct(d["recall"])]
        rows.append(f"| {e} | " + " | ".join(cells) + " |")
    for e in ERRORS:
        cells = []
        for p in parts:
            cells += [str(totals[p].errors.get(e, 0)), ""]
        rows.append(f"| {e} (count) | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def write_scoreboard(per: dict[str, Score], totals: dict[str, Score]) -> None:
    """Regenerate the totals table inside docs/corpus.md (between its markers)."""
    text = SCOREBOARD.read_text(encoding="utf-8")
    start, end = "<!-- scoreboard:start -->", "<!-- scoreboard:end -->"
    n_held = sum(name in held_aside() for name in per)
    block = (
        f"{start}\n{len(per)} articles ({len(per) - n_held} worked, {n_held} held aside); "
        f"P = precision, R = recall, in %.\n\n{markdown_totals(totals)}\n{end}"
    )
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    SCOREBOARD.write_text(head + block + tail, encoding="utf-8")


def gallery(names: list[str] | None, folder: Path) -> None:
    """Build every article and keep its deck contact sheet and brief's first pages as PNG."""
    import shutil
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "out"
    for path in gold_paths(names):
        gold = load(path)
        slug = gold.article.stem
        cmd = [sys.executable, "-m", "reportgen", "build", str(gold.article), "-o", str(out), "-q"]
        subprocess.run(cmd, check=False)
        subprocess.run([sys.executable, "-m", "reportgen", "preview", str(out / slug)], check=False)
        preview = out / slug / "preview"
        if (preview / "contact-sheet.png").exists():
            shutil.copy(preview / "contact-sheet.png", folder / f"{gold.name}-deck.png")
        for i, page in enumerate(sorted(preview.glob("brief*.png"))[:2], 1):
            shutil.copy(page, folder / f"{gold.name}-brief-{i}.png")
        print(f"{gold.name}: {folder}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="score only these articles")
    parser.add_argument("--gallery", type=Path, metavar="DIR", help="also build and render")
    parser.add_argument("--scoreboard", action="store_true", help="rewrite docs/corpus.md")
    parser.add_argument("--notes", action="store_true", help="print what each article missed")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    per, totals = run(args.only)
    elapsed = time.perf_counter() - started
    if args.json:
        print(
            json.dumps(
                {
                    "articles": {n: sc.as_dict() for n, sc in per.items()},
                    "totals": totals_dict(totals),
                    "seconds": round(elapsed, 2),
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        print(table(per, totals))
        if args.notes:
            for name, sc in per.items():
                for note in sc.notes:
                    print(f"{name}: {note}")
        print(f"\n{len(per)} articles scored in {elapsed:.1f} s", file=sys.stderr)
    if args.scoreboard and not args.only:
        write_scoreboard(per, totals)
    if args.gallery:
        gallery(args.only, args.gallery)
    return 0


if __name__ == "__main__":
    sys.exit(main())
