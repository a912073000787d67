"""Named companies, institutions and projects, found by their suffix and kept only when whole."""

from __future__ import annotations

import re
from dataclasses import dataclass

_KINDS = {
    "company": "股份有限公司|有限责任公司|有限公司|株式会社|集团|公司",
    "institution": "大学|学院|研究院|研究所|医院|银行|协会|商会|基金会|管委会|中心|药监局",
    "project": "项目|智能工厂|工厂|产业园|科技园|医药港|国际港|基地",
}
_SUFFIX = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _KINDS.items()))
# Characters a name never contains; meeting one ends the name.
_STOP = set(
    "的了个等是为在由让把被向从到有家位所名已将也都这那其该此每各多和与及或并以于对就我们你他她它咱"
)
# Verbs that may stand right before a name inside a run of characters.
_LEAD_WORD = re.compile(
    r"来自|借助|依托|联合|推动|帮助|助力|打造|引进|落户|签约|获得|建设|开工|计划|中标|成功|位于|"
    r"建成|新建|投用|投产|全年|今年|去年"
)
# A suffix followed by a count ("智能工厂15家", "项目8个") names a kind of thing, not one thing.
_COUNTED = re.compile(r"\s*[\d一二两三四五六七八九十百千万]+\s*[个家所座项条]")
_EN = re.compile(
    r"\b(?:[A-Z][\w&'-]*\s+){1,5}(?P<kind>Inc\.?|Ltd\.?|Corp\.?|Group|University|Institute|Bank|"
    r"Fund|Park|Center|Centre|Bureau|Agency|Company|Association|Authority|Council|Project)\b"
)
_EN_KIND = {
    "University": "institution",
    "Institute": "institution",
    "Bank": "institution",
    "Bureau": "institution",
    "Agency": "institution",
    "Association": "institution",
    "Authority": "institution",
    "Council": "institution",
    "Center": "institution",
    "Centre": "institution",
    "Park": "project",
    "Project": "project",
    "Fund": "project",
}
MAX_NAME = 18


@dataclass(frozen=True)
class FoundEntity:
    """A name, its kind (company, institution, project) and its span in the text."""

    start: int
    end: int
    kind: str


def find_entities(text: str, start: int, end: int, language: str) -> list[FoundEntity]:
    """Names inside [start, end) of the canonical text, outermost only, in text order."""
    finder = _zh if language == "zh" else _en
    found = [FoundEntity(s + start, e + start, k) for s, e, k in finder(text[start:end])]
    return _outermost(found)


def _zh(chunk: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _SUFFIX.finditer(chunk):
        begin = _name_start(chunk, m.start())
        if begin is not None:
            begin = _past_leading_words(chunk, begin, m.start())
        kind = m.lastgroup or "company"
        if begin is None or m.start() - begin < 2 or _dup(out, chunk, begin, m.end()):
            continue
        if _COUNTED.match(chunk, m.end()):
            continue
        if kind == "project" and _generic(chunk[begin : m.start()]):
            continue
        out.append((begin, m.end(), kind))
    return out


def _name_start(chunk: str, suffix_at: int) -> int | None:
    """Walk back from the suffix over name characters to a clean boundary, or give up."""
    i = suffix_at
    while i > 0 and suffix_at - i < MAX_NAME:
        ch = chunk[i - 1]
        if not ("\u4e00" <= ch <= "\u9fff" or ch.isalnum()) or ch in _STOP:
            break
        i -= 1
    run = chunk[i:suffix_at]
    leads = list(_LEAD_WORD.finditer(run))
    if leads:
        return i + leads[-1].end()
    clean = i == 0 or not ("\u4e00" <= chunk[i - 1] <= "\u9fff") or chunk[i - 1] in "在由让"
    return i if clean and not re.search(r"\d", run) else None


# Tags of words that never open a name: prepositions, adverbs, conjunctions, pronouns, numbers,
# measure words, particles and plain verbs (据汽车市场调研公司, 仍然雄踞银行, 暗示苹果公司).
_NOT_OPENING = frozenset({"p", "d", "c", "r", "m", "q", "v", "u", "uj", "ul", "ad", "vd", "x"})


def _past_leading_words(chunk: str, begin: int, suffix_at: int) -> int:
    """Where the name really starts: past the words before it that cannot open a name."""
    from reportgen.extract import segment

    for word, tag in segment.words(chunk[begin:suffix_at]):
        if tag not in _NOT_OPENING:
            break
        begin += len(word)
    return begin


def _generic(name: str) -> bool:
    """'制造业项目', '新工厂': a description, not a name."""
    return name.endswith("业") or name.startswith(("新", "该", "本"))


def _dup(out: list[tuple[int, int, str]], chunk: str, begin: int, end: int) -> bool:
    return any(chunk[s:e] == chunk[begin:end] for s, e, _ in out)


def _en(chunk: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), _EN_KIND.get(m.group("kind").rstrip("."), "company"))
        for m in _EN.finditer(chunk)
    ]


def _outermost(found: list[FoundEntity]) -> list[FoundEntity]:
    found = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    out: list[FoundEntity] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


# Words naming someone by their role before their name (村民周正, 店主李梅, 种粮大户王建国).
_ROLES = frozenset(
    {"村民", "农民", "市民", "居民", "店主", "老板", "店员", "大户", "种植户", "养殖户", "农户",
     "负责人", "董事长", "总经理", "经理", "主任", "店长", "司机", "工人", "游客", "网友",
     "学生", "教师", "医生", "嫌疑人", "犯罪嫌疑人", "创始人", "村支书", "社长"}
)  # fmt: skip
# Polite forms after a surname that name a person (付小姐, 王先生).
_ADDRESS = frozenset({"小姐", "先生", "女士", "师傅"})


def persons(pairs, surnames: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """``pairs`` with each person the tagger half sees made one word tagged ``nrp``: a name
    of two or three characters opening with a common surname right after a role (村民/周正), or
    a surname with a polite form (付/小姐)."""
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        if word in _ADDRESS and out and len(out[-1][0]) == 1 and out[-1][0] in surnames:
            out[-1] = (out[-1][0] + word, "nrp")
            continue
        role = bool(out) and out[-1][0] in _ROLES
        if role and tag.startswith("nr") and 2 <= len(word) <= 3 and word[0] in surnames:
            out.append((word, "nrp"))
            continue
        out.append((word, tag))
    return tuple(out)


# Tags of the word after a person who is a sentence's topic (周正每天…, 付小姐，借了…), not a
# noun's owner (负责人袁野身后…).
_ACTS = frozenset({"v", "vd", "d", "t", "r", "x", "p", "c"})


def acting_person(pairs) -> str:
    """The first person ``persons`` found who is the topic of what follows, or ""."""
    for i, (word, tag) in enumerate(pairs):
        after = pairs[i + 1][1] if i + 1 < len(pairs) else "x"
        if tag == "nrp" and after in _ACTS:
            return word
    return ""
