"""Facts: every quantity in the body, with its sentence, what it counts, theme and span."""

from __future__ import annotations

import bisect
import functools
import re

from reportgen.ingest.numbers import Quantity, find_quantities
from reportgen.ingest.read import MAX_FIGURES
from reportgen.ingest.sentences import SentenceIndex
from reportgen.model import Fact, Span

_CLAUSE_BREAK = re.compile(r"[,，、:：;；。！？!?\n“”()（）…|]")
_JOINERS = re.compile(r"[及和与]")
_VERBS = (
    "累计形成|形成|集聚|聚集|拥有|引进|培育|新增|吸引|助力|促成|签约|入选|落户|实现|打造|建成|建设|"
    "出台|推动|完成|带动|已|其中|全年|累计"
)
_LEAD_VERB = re.compile(rf"^.*?(?:{_VERBS})")
_LEADING_VERB = re.compile(rf"^(?:{_VERBS})")
_MEASURE = {
    "家",
    "项",
    "个",
    "位",
    "所",
    "名",
    "人",
    "条",
    "件",
    "台",
    "辆",
    "架",
    "颗",
    "款",
    "座",
    "套",
    "批",
    "户",
    "大",
    "支",
    "张",
    "部",
    "艘",
    "人次",
    "万名",
    "股",
    "尾",
    "只",
    "头",
    "株",
    "枚",
}
_STOP = set(
    "的地得和与及等也已将在是为于把被让向从到走进榜落正均都共占达开入签参获实位居列用来并初纷完"
)
_TRAILING_VERB = re.compile(
    r"(?:投入|提升|提高|增长|增加|增至|降至|升至|减至|达到|达|高达|突破|超过|超|逾|占全[国省市区]|占|为|是|共|"
    r"累计|实现|有|"
    r"有望|可望|预计|将)+$"
)
_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}?[省市区县])(?=[\u4e00-\u9fff]{2,})")
_PAREN = re.compile(r"[(（][^()（）]*[)）]")


class TooManyFigures(ValueError):
    """An article stating more figures than MAX_FIGURES (an InputError once its file is known)."""


def extract_facts(
    text: str,
    body: list[tuple[int, int, int | None]],
    language: str,
    index: SentenceIndex,
    main: str = "",
) -> list[Fact]:
    """Facts in the body ranges [(start, end, theme)] of the canonical text, in text order;
    ``main`` is the article's main subject (for figures whose sentence names none)."""
    facts: list[Fact] = []
    for start, end, theme in body:
        first = len(facts)
        for q in find_quantities(text[start:end], language):
            q = _shift(q, start)
            if language == "zh":
                q = _unit_in_word(text, q, index)
                if q is None:
                    continue
            fact = _fact(text, q, theme, index, len(facts) + 1, language)
            _bind(text, fact, q, language, main)
            previous = facts[-1] if facts else None
            if _no_label(fact) and previous and previous.sentence_span == fact.sentence_span:
                fact.label = previous.label  # 指数182.6，位列全省第三、全市第二: the same measure
            facts.append(fact)
            if len(facts) > MAX_FIGURES:
                raise TooManyFigures(
                    f"the article has more than {MAX_FIGURES:,} figures; an article has at most "
                    f"{MAX_FIGURES:,}"
                )

        if language == "zh":
            _carry_subjects(text, facts[first:], main, index, start)
    if language == "zh":
        from reportgen.extract.respectively import distribute

        distribute(text, facts)
    _display_figures(text, facts)
    return facts


def _display_figures(text: str, facts: list[Fact]) -> None:
    """A figure set alone on its line (a page's display number: "98%" over "合格率首次达到98%")
    means what the next statement of the same figure in the next few lines says: it takes that
    fact's label, subject and counts."""
    for i, fact in enumerate(facts):
        said = text[fact.sentence_span.start : fact.sentence_span.end]
        if said.strip(" *#") != fact.text:
            continue
        for later in facts[i + 1 : i + 4]:
            same = later.value == fact.value and later.unit == fact.unit
            if same and later.sentence_span.start > fact.sentence_span.end:
                fact.label, fact.subject, fact.counts = later.label, later.subject, later.counts
                break


def _carry_subjects(
    text: str, facts: list[Fact], main: str, index: SentenceIndex, paragraph: int
) -> None:
    """A paragraph's sentence that names nobody goes on about the one the sentence before it
    named (营口港2007年吞吐量超过亿吨。2012年吞吐量突破3亿吨 -> 营口港), not the article's main
    subject."""
    from reportgen.extract.labels import named_in, opening_name, unsourced
    from reportgen.extract.topic import topic

    names: dict[tuple[int, int], bool] = {}  # per sentence: a line of many figures is one
    for fact in facts:
        start, end = fact.sentence_span.start, fact.sentence_span.end
        if fact.subject != main:
            continue
        if (start, end) not in names:
            names[(start, end)] = bool(named_in(text[start:end]))
        if names[(start, end)]:
            continue  # the sentence names its own subject, maybe after the figure
        before = index.around(start - 1) if start > 0 else (0, 0)
        if before[1] > start or before[0] < paragraph:
            continue
        said = text[before[0] : before[1]]
        named = opening_name(said) or ("" if main else topic(unsourced(said)))
        if named:
            fact.subject = named


def _unit_in_word(text: str, q: Quantity, index: SentenceIndex) -> Quantity | None:
    """A one-character measure word that is the start of a noun is no unit: 14亿人口 is 14亿
    (of 人口), and 十部门 no figure at all (a Chinese numeral counts only before a unit)."""
    from dataclasses import replace

    from reportgen.extract import segment

    unit = q.unit[-1:]
    if not unit or not q.text.endswith(unit) or not "\u4e00" <= unit <= "\u9fff":
        return q
    s_start, s_end = index.around(q.start)
    if q.end - s_start in segment.boundaries(text[s_start : max(s_end, q.end)]):
        return q
    shown = q.unit[:-1]
    if not shown:
        return q if q.text[:-1][-1:].isdigit() else None  # 3个人 stays; 十部门 is a name
    return replace(q, end=q.end - 1, text=q.text[:-1], unit=shown, base_unit=shown)


def _fact_before(text: str, sentence_start: int, q: Quantity) -> bool:
    """Another figure earlier in the sentence (its label is borrowed instead)."""
    return any(True for _ in find_quantities(text[sentence_start : q.start], "zh"))


def _no_label(fact: Fact) -> bool:
    return not fact.label or fact.label in _SCOPES


_SCOPES = {"全市", "全省", "全国", "全区", "全县", "全球", "世界"}


@functools.lru_cache(maxsize=4)
def _break_ends(text: str) -> list[int]:
    """Where each clause break of the text ends (one character each), found once per text."""
    return [m.end() for m in _CLAUSE_BREAK.finditer(text)]


def _last_break(text: str, start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last clause break in [start, pos),
    else ``start`` (bisection in the text's breaks, not a scan of the sentence per figure)."""
    ends = _break_ends(text)
    i = bisect.bisect_right(ends, pos)
    return ends[i - 1] if i and ends[i - 1] > start else start


def _bind(text: str, fact: Fact, q: Quantity, language: str, main: str) -> None:
    """Kind, label and subject of a fact, from its own clause and sentence."""
    from reportgen.extract.english import bind_en, label_en
    from reportgen.extract.kinds import kind_of
    from reportgen.extract.labels import bind_zh, label_after

    s_start = fact.sentence_span.start
    clause_start = _last_break(text, s_start, q.start)
    fact.kind = kind_of(text, q.start, q.end, clause_start, q.kind, language)
    fact.high = q.high
    if language == "zh":
        bound = bind_zh(text, q.start, s_start, main)
        fact.counts = _with_change(_past(fact.counts, bound.subject), text, s_start, q)
        counted = q.kind != "rank" and _counted(q)
        fact.label = (
            (label_after(text, q.end) or _fuller(bound.label, fact.counts))
            if counted
            else bound.label
        )
        of_what = _share_of(text, q)
        if of_what and (len(of_what) > 2 or not fact.label):  # 运力 alone says less
            fact.label = of_what
        fact.subject = bound.subject
        bare = not fact.label and not counted
        if bare and clause_start > s_start + 1 and not _fact_before(text, s_start, q):
            # 创新指数182.6，位列全省第三: a bare rank or change names the clause before it
            fact.label = bind_zh(text, clause_start - 1, s_start, main).label
    else:
        fact.label = label_en(text, q.start, q.end, s_start) or fact.counts
        fact.subject = bind_en(text, q.start, q.end, s_start, main)


# A verb of change right before a figure (亩产提升10.1斤, 销量同比增长超35%): the figure is the
# change, and what it counts says so.
_CHANGE_BEFORE = re.compile(
    r"((?:同比|环比)?(?:增长|提高|提升|增加|下降|减少|降低|上升|回落|下滑|下跌|上涨))了?"
    r"(?:约|近|超过|超|逾|达到|达)?$"
)


def _with_change(counts: str, text: str, sentence_start: int, q: Quantity) -> str:
    """``counts`` with the verb of change the figure follows (亩产 -> 亩产提升)."""
    m = _CHANGE_BEFORE.search(text, max(sentence_start, q.start - 10), q.start)
    if not m or not counts or counts.endswith(m.group(1)):
        return counts
    verb = m.group(1)  # 同比增长 whole: the segmenter reads it as one word
    return counts + (
        verb[2:] if counts.endswith(verb[:2]) and verb[:2] in ("同比", "环比") else verb
    )


def without_change(counts: str) -> str:
    """``counts`` without the verb of change ``_with_change`` gave it (亩产提升 -> 亩产)."""
    return _CHANGE_END.sub("", counts) or counts


_CHANGE_END = re.compile(
    r"(?:同比|环比)?(?:增长|提高|提升|增加|下降|减少|降低|上升|回落|下滑|下跌|上涨)$"
)


def _past(counts: str, subject: str) -> str:
    """What a figure counts without the subject that opens it (大连港净利润 -> 净利润, 美国的
    发电量 -> 发电量): the subject is said on its own."""
    rest = counts[len(subject) :] if subject and counts.startswith(subject) else ""
    rest = rest.lstrip("的之")
    return rest if len(rest) >= 2 else counts


def _share_of(text: str, q: Quantity) -> str:
    """What a share is a share of, when the noun after it says so (创造全市近60%的货物进出口,
    1/3的税收 -> 货物进出口, 税收), or the measure another figure is (2.44万亿元的管理规模): the
    nouns after its 的, else ""."""
    from reportgen.extract.labels import MEASURE_END, label_after

    if text[q.end : q.end + 1] != "的":
        return ""
    if text[max(0, q.start - 1) : q.start] in _TO:  # 降到2%的努力: the noun is no whole
        return ""
    from reportgen.extract import segment

    first = segment.words(text[q.end + 1 : q.end + 8])[:1]
    when = first[0][0] if first and first[0][1] == "t" else ""  # 14.47亿元的上半年净利润
    noun = label_after(text, q.end + 1 + len(when))
    noun = when + noun if noun and when else noun
    if q.base_unit == "%" or noun.endswith(_MEASURE_NOUNS) or noun[-1:] in MEASURE_END:
        return noun  # 2.44万亿元的管理规模: a measure, not a thing (50亿元的项目)
    return ""


# Nouns that name a measure though their last character does not say so (管理规模, 净利润).
_MEASURE_NOUNS = (
    "规模", "利润", "收入", "营收", "面积", "产值", "投资", "融资", "票房", "成本", "费用",
    "补贴", "预算", "资金", "税收", "工资", "租金", "市值", "估值", "储量", "人口", "订单",
)  # fmt: skip


# Words that make a figure the end point of a verb (降到2%, 提高至5%): a noun after its 的 is
# what the whole phrase describes, not what the figure is a share of.
_TO = frozenset("到至为达于")


def _fuller(clause_label: str, counts: str) -> str:
    """What a counted figure with no noun after it counts: the clause's label when it is the
    same noun named in full (全国“千亿县”数量 for 数量), else what it counts (else the label)."""
    whole = clause_label.endswith(counts) and not any(ch.isdigit() for ch in clause_label)
    return clause_label if counts and whole else counts or clause_label


def _shift(q: Quantity, offset: int) -> Quantity:
    from dataclasses import replace

    return replace(q, start=q.start + offset, end=q.end + offset)


def _fact(text: str, q: Quantity, theme: int | None, index: SentenceIndex, n: int, lang: str):
    s_start, s_end = index.around(q.start)
    s_end = max(s_end, q.end)
    return Fact(
        id=f"f{n}",
        text=q.text,
        value=q.value,
        unit=q.unit,
        qualifier=q.qualifier,
        qualifier_word=q.qualifier_word,
        normalized=q.normalized,
        base_unit=q.base_unit,
        counts=counts(text, q, s_start, lang, s_end),
        theme=theme,
        span=Span(start=q.start, end=q.end),
        sentence_span=Span(start=s_start, end=s_end),
    )


def counts(
    text: str, q: Quantity, sentence_start: int, language: str, sentence_end: int = 0
) -> str:
    """Best effort at what a quantity counts: the noun after a measure word, else the subject."""
    if language != "zh":
        from reportgen.extract.english import counts_en

        return counts_en(text, q, sentence_start)
    if _counted(q):
        after = _noun_after(text, q.end, sentence_end)
        if after.endswith("级"):
            after += _shared_head(text, q.end + len(after))
        if after:
            return after
    return _subject_before(text, q.start, sentence_start, sentence_end or q.end)


def _counted(q: Quantity) -> bool:
    """A figure of things counted by a measure word (52家), or a bare scale (14亿 of 人口)."""
    unit = q.unit
    return unit in _MEASURE or unit[-1:] in _MEASURE or unit[-2:] in _MEASURE or unit in _SCALES


_SCALES = frozenset({"万", "亿", "万亿"})


def _shared_head(text: str, pos: int) -> str:
    """'1个千亿级和3个500亿级产业集群': the grade word borrows the head noun of its partner."""
    m = re.match(
        r"[和与及、][^,，。；;]{0,12}?级([\u4e00-\u9fff]{2,6}?)(?=[已正将也都均,，。；;]|$)",
        text[pos : pos + 30],
    )
    return m.group(1) if m else ""


# Another figure near a quantity, with its measure word ("32家", "7.5%", "5亿元"); not a name
# with digits in it ("世界500强", "500亿级", "C919").
_FIGURE_BEFORE = re.compile(
    r"(?<![A-Za-z\d.])\d[\d.,]*(?:[%‰]|[万亿千百]*[个家项名位所条座人元])(?![级强届\d])"
)


# An age opening what a figure counts: '65周岁及以上', '60岁以上的'.
_AGE_LEAD = re.compile(r"\d{1,3}(?:周岁|岁)(?:及以上|及以下|以上|以下)?的?")


def _noun_after(text: str, pos: int, sentence_end: int) -> str:
    """The noun a counted figure counts: the characters after it up to a clause end, a function
    word or the next figure, then only the segmenter's whole words up to the first adverb,
    preposition or verb that is not inside a noun compound (片区分别设置… -> 片区; 2000名身着…
    -> nothing)."""
    from reportgen.extract import segment

    age = _AGE_LEAD.match(text, pos, sentence_end)
    if age:  # '1.7亿65周岁及以上人口': the age names the group counted, with its noun
        noun = _noun_after(text, age.end(), sentence_end)
        return text[pos : age.end()] + noun if noun else ""
    out = []
    window = text[pos : pos + 12]
    for i, ch in enumerate(window):
        if _CLAUSE_BREAK.match(ch) or ch in _STOP or _FIGURE_BEFORE.match(window, i):
            break  # a clause ends, or the next figure begins
        out.append(ch)
    run = "".join(out)[:10]
    # a few characters past the run decide its last word; never the whole rest of the sentence
    # (that would segment a figure-dense line once per figure)
    words = segment.words(text[pos : min(max(sentence_end, pos + len(run)), pos + len(run) + 8)])
    kept = ""
    for i, (word, tag) in enumerate(words):
        nxt = words[i + 1][1] if i + 1 < len(words) else ""
        inside = tag in ("v", "a") and bool(kept) and nxt.startswith("n")
        if len(kept) + len(word) > len(run) or (tag in _NOT_NOUN and not inside):
            break
        kept += word
    return kept


# Tags that end what a figure counts: verbs, adverbs, prepositions, conjunctions, particles.
_NOT_NOUN = frozenset(
    {"v", "vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "r", "f"}
)


# Clause breaks no figure spans and no bracket is: what a figure counts is read after the last of
# them (if no bracket stands between it and the figure), not from its sentence's start.
_SAFE_BREAK = re.compile(r"[，、:：;；。！？!?\n“”…]")


@functools.lru_cache(maxsize=4)
def _safe_ends(text: str) -> list[int]:
    return [m.end() for m in _SAFE_BREAK.finditer(text)]


def _window(text: str, sentence_start: int, pos: int) -> int:
    """Where ``_subject_before`` may start reading for the same answer as from the sentence's
    start: after the last safe break before ``pos`` (a long sentence of many figures is not
    read from its start for each of them)."""
    ends = _safe_ends(text)
    i = bisect.bisect_right(ends, pos)
    start = ends[i - 1] if i and ends[i - 1] > sentence_start else sentence_start
    if start > sentence_start and _BRACKET.search(text, start, pos):
        return sentence_start
    return start


_BRACKET = re.compile(r"[()（）]")


def _subject_before(text: str, pos: int, sentence_start: int, sentence_end: int) -> str:
    clause = text[_window(text, sentence_start, pos) : pos]
    figure = list(_FIGURE_BEFORE.finditer(clause))
    if figure:  # '32家企业产业链上下游企业180余家': the subject starts after the previous figure
        clause = clause[figure[-1].end() :]
    parts = _CLAUSE_BREAK.split(_PAREN.sub("", clause.rstrip(" |")))
    whole = _TRAILING_VERB.sub("", parts[-1].strip() if parts else "")
    subject = _JOINERS.split(whole)[-1] or whole
    subject = _LEAD_VERB.sub("", subject) or subject
    if _LEADING_VERB.fullmatch(subject):
        subject = whole.replace("已", "")
    while _LEADING_VERB.match(subject) and _LEADING_VERB.sub("", subject):
        subject = _LEADING_VERB.sub("", subject)
    return _whole(text, (sentence_start, sentence_end), pos, _PLACE_PREFIX.sub("", subject))


def _whole(text: str, sentence: tuple[int, int], pos: int, subject: str) -> str:
    """``subject``, found before ``pos`` in its sentence, cut to the sentence's whole words."""
    from reportgen.extract.labels import whole_words

    at = text.rfind(subject, sentence[0], pos) if subject else -1
    if at < 0:
        return _last_chars(subject, 12)
    start, said = at - sentence[0], text[sentence[0] : sentence[1]]
    words = whole_words(said, start, start + len(subject))
    bare = _TRAILING_VERB.sub("", words)  # 退市数量有望超过2022年的 -> 退市数量
    if bare != words and bare:
        at = said.find(bare, start)
        shorter = whole_words(said, at, at + len(bare)) if at >= 0 else ""
        return shorter or words
    return words


def _last_chars(text: str, n: int) -> str:
    """The last ``n`` characters, never starting inside a number ('18号园区' cut to '8号园区')."""
    tail = text[-n:]
    if len(text) > n and text[-n - 1].isdigit() and tail[:1].isdigit():
        tail = tail.lstrip("0123456789.,")
    return tail
