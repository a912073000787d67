"""The real-article corpus: its gold is sound, its scores hold the floor, its scoreboard is current."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FLOOR = CORPUS / "floor.json"


def _module(name: str):
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gold_mod = _module("corpus_gold")
scorer = _module("corpus")
GOLDS = [gold_mod.load(p) for p in gold_mod.gold_paths()]


@pytest.fixture(scope="module")
def scored():
    return scorer.run()


def test_corpus_is_large_and_varied() -> None:
    langs = [g.language for g in GOLDS]
    kinds = [g.article.suffix.lower() for g in GOLDS]
    assert len(GOLDS) >= 40
    assert langs.count("zh") >= 25
    assert langs.count("en") >= 10
    assert sum(k in (".html", ".htm", ".docx") for k in kinds) >= 8
    assert len({g.outlet for g in GOLDS if g.language == "zh"}) >= 8


@pytest.mark.parametrize("gold", GOLDS, ids=[g.name for g in GOLDS])
def test_gold_is_verbatim_and_well_formed(gold) -> None:
    assert gold_mod.check(gold) == []


def test_every_article_has_gold_and_a_source_line() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    articles = {
        p.name
        for p in CORPUS.iterdir()
        if p.suffix in (".txt", ".md", ".html", ".htm", ".docx")
        and p.name not in ("SOURCES.md", "heldout.txt")
    }
    assert articles == {g.data["file"] for g in GOLDS}
    for gold in GOLDS:
        row = rf"^\| `?{re.escape(gold.name)}(?:\.\w+)?`? \|"
        assert re.search(row, sources, re.M), gold.name


def test_held_aside_third_is_chosen_by_the_documented_rule() -> None:
    held = scorer.held_aside()
    assert held == gold_mod.choose_heldout(GOLDS)
    assert abs(len(held) - len(GOLDS) / 3) <= 2


def test_scores_hold_the_floor(scored) -> None:
    _, totals = scored
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    now = scorer.totals_dict(totals)
    failures = []
    for part, elements in floor.items():
        for element, limits in elements.items():
            got = now[part][element]
            if isinstance(limits, dict):
                for metric, least in limits.items():
                    if (got[metric] or 0) < least:
                        failures.append(f"{part} {element} {metric}: {got[metric]} < {least}")
            elif got > limits:
                failures.append(f"{part} {element}: {got} > {limits}")
    assert failures == []


def test_no_article_fails_to_extract(scored) -> None:
    per, _ = scored
    assert {name: sc.failed for name, sc in per.items() if sc.failed} == {}


def test_scoreboard_is_current(scored) -> None:
    _, totals = scored
    assert scorer.markdown_totals(totals) in scorer.SCOREBOARD.read_text(encoding="utf-8")


def test_subject_matching_needs_the_entity_and_the_measure() -> None:
    holds = scorer.holds_subject
    assert holds("浙江 规上工业增加值", "浙江|规上工业增加值", "zh")
    assert not holds("江苏 规上工业增加值", "浙江|规上工业增加值", "zh")
    assert not holds("浙江 出口总额", "浙江|规上工业增加值", "zh")
    assert holds("Allentown area unemployment rates", "Allentown|unemployment rate", "en")
    assert not holds("Pennsylvania unemployment rate", "Allentown|unemployment rate", "en")
    assert not holds("", "GDP", "en")
    assert holds("规上工业总产值", "钱塘区|规上工业总产值", "zh", entity_words="钱塘")
    assert not holds("规上工业总产值", "钱塘区|规上工业总产值", "zh", entity_words="萧山")


def test_english_figures_match_without_their_counted_noun() -> None:
    """The gold writes English figures without the noun they count (``nearly 20``); a model's
    ``nearly 20 airports`` holds that value, and is no exact match; a currency or a percent is
    never cut to its number."""
    from types import SimpleNamespace as F

    airports = F(text="nearly 20 airports", unit="airports")
    jobs = F(text="55,800 full-time jobs", unit="jobs")
    dollars = F(text="$5 million", unit="million USD")
    gold = [{"text": "nearly 20"}, {"text": "55,800"}, {"text": "$5"}]
    matched, exact = scorer.match_figures(gold, [airports, jobs, dollars])
    assert matched == [(gold[0], airports), (gold[1], jobs)] and not exact


def test_subject_bigrams_never_span_two_of_the_models_fields() -> None:
    """The model's subject, label and counts are joined with spaces: a character pair across a
    space is no word of either field, so it neither counts nor dilutes the label's words."""
    assert scorer._bigrams("城镇 就业") == {"城镇", "就业"}
    assert scorer.holds_subject("城镇 就业 就业", "城镇新增就业", "zh")
    assert not scorer.holds_subject("城镇 投资 投资", "城镇新增就业", "zh")


@pytest.fixture(scope="module")
def chinese_models():
    return [(g.name, scorer.extract(g)) for g in GOLDS if g.data["language"] == "zh"]


def _whole_word_runs(sentence: str, figure: str) -> set[str]:
    """Every run of whole words of ``sentence``: as the segmenter cuts it, and as it cuts the
    text on either side of the figure (a figure is a word of its own: 4个片区 -> 4个, 片区), with
    and without bracketed asides."""
    from reportgen.extract import segment

    at = sentence.find(figure)
    texts = {sentence, _PAREN.sub("", sentence)}
    if at >= 0:
        texts |= {sentence[:at], sentence[at + len(figure) :]}
    runs = set()
    for text in texts:
        cuts = sorted(segment.boundaries(text))
        runs |= {text[a:b] for i, a in enumerate(cuts) for b in cuts[i + 1 :]}
    return runs


def _tiled(label: str, runs: set[str]) -> bool:
    """``label`` is one run of whole words, or several (分别 lists and bracketed asides give a
    label made of two runs: 汽车、新能源汽车产量 -> 新能源汽车 + 产量)."""
    ends = {0}
    for i in range(len(label)):
        if i in ends:
            ends |= {i + len(r) for r in runs if r and label.startswith(r, i)}
    return len(label) in ends


_PAREN = re.compile(r"[(（][^()（）]*[)）]")
# A year that a year range lists (2016年-2018年的营业收入 gives 2017年营业收入 its year).
_LISTED_YEAR = re.compile(r"^(?:19|20)\d\d年")


def test_every_label_starts_and_ends_on_a_word_boundary(chinese_models) -> None:
    """Over the whole corpus, a Chinese figure's label and what it counts are whole words of
    its sentence, never a word cut in two."""
    runs = _whole_word_runs("发展区域优势特色产业3个", "3个")
    assert _tiled("优势特色产业", runs) and not _tiled("域优势特色产业", runs)
    cut = []
    for name, model in chinese_models:
        for i, fact in enumerate(model.facts):
            runs = _whole_word_runs(model.sentence_of(fact), fact.text)
            if model.sentence_of(fact).strip(" *#") == fact.text:  # a display figure: its
                for later in model.facts[i + 1 : i + 4]:  # words are its next statement's
                    runs |= _whole_word_runs(model.sentence_of(later), later.text)
            for label in {fact.label, fact.counts} - {""}:
                if not (_tiled(label, runs) or _tiled(_LISTED_YEAR.sub("", label), runs)):
                    cut.append((name, fact.text, label))
    assert cut == []


def test_section_heads_match_without_numbering() -> None:
    same = scorer._same_head
    assert same("一、红线", {"heading": "红线", "tagline": ""})
    assert same("（二）升级", {"heading": "升级", "tagline": ""})
    assert same("守正创新 擦亮底色", {"heading": "守正创新", "tagline": "擦亮底色"})
    assert not same("竞争", {"heading": "升级", "tagline": ""})


def test_publication_dates_match_by_the_day_however_written() -> None:
    day = scorer._day
    assert day("2020年08月23日") == day("2020-08-23") == day("2020/8/23") == (2020, 8, 23)
    assert day("August 23, 2020") == day("23 Aug 2020") == (2020, 8, 23)
    assert day("2020年08月23日") != day("2020年08月24日")
    count = scorer.Count()
    scorer._score_date(count, "14 May 2018", "2018-05-14")
    scorer._score_date(count, "", "2018-05-14")
    assert (count.tp, count.gold, count.pred) == (1, 1, 2)
