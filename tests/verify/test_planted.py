"""Planted meaning errors: each kind is planted into a real build (the seed, a corpus article,
native charts) and `verify` must report it; the untouched builds verify clean."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from reportgen.verify import verify_outputs

pytestmark = pytest.mark.slow  # builds three articles and verifies ~40 copies

ROOT = Path(__file__).resolve().parents[2]
EPOCH = "1700000000"
TARGETS = "zh-163-portal-dalian-taipingwan"  # a worked corpus article full of planned figures


def _build(tmp: Path, article: Path, **options) -> Path:
    from reportgen.build import build
    from reportgen.config import load_config

    config = load_config().with_options(inputs=[article], out=tmp, **options)
    report = build(config, force=True, jobs=1)
    (result,) = report.results
    assert result.status == "built", result.error
    return tmp / result.slug


@pytest.fixture(scope="module")
def builds(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("SOURCE_DATE_EPOCH", EPOCH)
    base = tmp_path_factory.mktemp("planted")
    seed = ROOT / "seeds" / "qiantang-2024.txt"
    return {
        "seed": _build(base / "seed", seed),
        "native": _build(base / "native", seed, native_charts=True),
        "targets": _build(base / "targets", ROOT / "tests" / "corpus" / f"{TARGETS}.html"),
    }


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def _copy(folder: Path, tmp: Path) -> Path:
    target = tmp / folder.name
    shutil.copytree(folder, target)
    return target


def _edit_zip(path: Path, old: str, new: str, members: str) -> None:
    """Replace ``old`` (as XML text) in the first member under ``members`` that holds it: the
    first occurrence, or every one when it ends a heading (``…<``: the TOC entry and the head)."""
    old_x, new_x = old.replace("&", "&amp;"), new.replace("&", "&amp;")  # markup kept as given
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i.filename)) for i in zf.infolist()]
    done = False
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            if not done and info.filename.startswith(members) and info.filename.endswith(".xml"):
                text = data.decode("utf-8")
                if old_x in text:
                    count = -1 if old.endswith("<") and not old.startswith(">") else 1
                    data, done = text.replace(old_x, new_x, count).encode("utf-8"), True
            zf.writestr(info, data)
    out.replace(path)
    assert done, f"{old!r} not found in {path.name}:{members}"


DECK, BRIEF = "deck.pptx", "brief.docx"
SLIDES, NOTES, CHART_XML, BODY = "ppt/slides/", "ppt/notesSlides/", "ppt/charts/", "word/"

# (build, file, part, old text, planted text, what the finding says)
PLANTED = [
    # qualifiers: changed, dropped, moved
    ("seed", DECK, SLIDES, ">约<", ">超<", "written"),
    ("seed", DECK, SLIDES, ">约<", "><", "written"),
    ("seed", BRIEF, BODY, "规上工业总产值突破3700亿元", "规上工业总产值3700亿元", "written"),
    ("seed", BRIEF, BODY, ">180余家<", ">180多家<", "written"),
    ("seed", BRIEF, BODY, ">95%以上<", ">95%左右<", "written"),
    ("seed", BRIEF, BODY, ">约5亿美元<", ">5亿美元<", "written"),
    ("seed", BRIEF, BODY, ">1600余家<", ">近1600家<", "written"),
    # wrong digits and scales
    ("seed", DECK, SLIDES, ">3700<", ">3800<", "not in the source"),
    ("seed", DECK, SLIDES, ">亿美元<", ">万美元<", "not in the source"),
    ("seed", BRIEF, BODY, ">52项<", ">62项<", "not in the source"),
    ("seed", BRIEF, BODY, ">25万名<", ">25亿名<", "not in the source"),
    ("seed", DECK, NOTES, "1600余家", "1700余家", "not in the source"),
    ("seed", BRIEF, BODY, ">14所<", ">15所<", "not in the source"),
    ("seed", DECK, SLIDES, ">5.25<", ">5.35<", "not in the source"),
    ("seed", DECK, SLIDES, "德国40人考察团", "德国400人考察团", "not in the source"),
    ("native", DECK, CHART_XML, "<c:v>18.0</c:v>", "<c:v>19.0</c:v>", "not in the source"),
    # swapped labels, a label from another figure's clause, a comparator under the subject's
    ("seed", DECK, SLIDES, ">总投资<", ">规上工业总产值<", "not its own"),
    ("seed", DECK, SLIDES, ">总投资<", ">校企技术交易额<", "not its own"),
    ("seed", BRIEF, BODY, ">产业链上下游企业<", ">外资企业<", "180余家"),
    ("seed", BRIEF, BODY, ">市以上制度创新成果<", ">外资企业<", "52项"),
    ("seed", BRIEF, BODY, "规上工业总产值突破3700亿元", "校企技术交易额突破3700亿元", "3700"),
    ("seed", DECK, SLIDES, ">外资企业<", ">社会组织<", "1600余家"),
    ("seed", BRIEF, BODY, ">产业链上下游企业<", ">德国考察团<", "not its own"),
    # labels cut mid-word
    ("seed", DECK, SLIDES, ">规上工业总产值<", ">上工业总产<", "cuts a word"),
    ("seed", DECK, SLIDES, ">汽车产量<", ">车产量<", "cuts a word"),
    # a target, cap or forecast shown as a value
    ("targets", BRIEF, BODY, ">35个（目标）<", ">35个<", "target in the source, shown as a value"),
    # a comparator's figure shown under the article's subject
    ("seed", DECK, SLIDES, "德国40人考察团", "钱塘40人考察团", "is about 德国, shown under 钱塘"),
    # quotes altered
    ("seed", DECK, SLIDES, "从签约到开工仅用半年", "从签约到开工仅用三个月", "quote"),
    ("seed", BRIEF, BODY, "我们格外注重创新", "我们格外注重质量", "quote"),
    # a section heading lost
    ("seed", BRIEF, BODY, "统筹“硬”与“软” 打造人才赋能强引擎<", "统筹发展<", "theme"),
]


@pytest.mark.parametrize(
    ("build", "name", "part", "old", "new", "said"),
    PLANTED,
    ids=[f"{i:02d}-{p[1]}-{p[5]}" for i, p in enumerate(PLANTED)],
)
def test_each_planted_error_is_found(builds, tmp_path, build, name, part, old, new, said) -> None:
    folder = _copy(builds[build], tmp_path)
    _edit_zip(folder / name, old, new, part)
    findings = [str(f) for f in verify_outputs(folder)]
    assert any(said in f for f in findings), findings


def test_a_wrong_derivation_is_found(builds, tmp_path) -> None:
    """A derived value changed in charts.json no longer allows the value the documents show."""
    folder = _copy(builds["seed"], tmp_path)
    index = folder / "charts" / "charts.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    changed = False
    for chart in data["charts"]:
        for series in chart["spec"]["series"]:
            for i, derived in enumerate(series.get("derived", [])):
                if derived and not changed:
                    series["values"][i] += 7
                    changed = True
    assert changed, "the seed has no derived value"
    index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert any("not in the source" in str(f) for f in verify_outputs(folder))


def test_a_swapped_bar_label_is_found(builds, tmp_path) -> None:
    """A bar in charts.json labelled with another figure's words is not its own."""
    folder = _copy(builds["seed"], tmp_path)
    index = folder / "charts" / "charts.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    bars = [
        (series, i)
        for chart in data["charts"]
        for series in chart["spec"]["series"]
        for i, fact in enumerate(series["facts"])
        if fact and len(series["labels"]) > 1
    ]
    series, i = bars[0]
    other = next(label for j, label in enumerate(series["labels"]) if j != i)
    series["labels"][i] = "规上工业总产值" if other != "规上工业总产值" else "校企技术交易额"
    index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert any("is not what" in str(f) for f in verify_outputs(folder))


def test_the_untouched_builds_verify_clean(builds) -> None:
    for folder in builds.values():
        assert [str(f) for f in verify_outputs(folder)] == []
