"""What a figure measures (its label) and whom it is about (its subject), on word boundaries.

Chinese labels are cut from the figure's clause with the segmenter: the noun phrase before the
figure without the verbs, adverbs, time words and connectors around it; the subject is the last
place, organisation or person named before the figure in its sentence, else the article's main
subject (the place or body its headline and lead name most). English uses the same idea with
capitalised names and the words before the figure.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reportgen.extract import segment
from reportgen.extract.topic import colon_topic, counted_group, topic

_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_CLAUSE_BREAK = re.compile(r"[,，、:：;；。！？!?\n“”()（）…|]")
# Words that end or begin a Chinese label but do not name what is measured.
_ZH_DROP = re.compile(
    r"^(?:增长|增加|达到|达|为|是|突破|实现|完成|超过|超|提高|提升|占|共|累计|约|近|同比|比上年|较上年|"
    r"分别|已|将|均|全年|其中|同时|此外|目前|截至|据统计|据了解|今年|去年|明年|前年|上年|当年|年均|"
    r"年|月|日|月份|年度|季度|高达|多达|逾|仅|只有|只|已经|已达|又|也|都|还|再|首次|首批|新增|净增|下降|减少|"
    r"回落|上涨|带动|拉动|吸引|引进|培育|聚集|集聚|拥有|建成|建设|形成|打造|推动|持续|稳定|保持|"
    r"跃居|位居|位列|居|列|的|了|着|和|与|及|等|在|从|由|向|对|把|被|让|每|个|这|该|其|所|来|去|"
    r"以上|以下|左右|余|多|有|后|前|内|中|里|上|下|当中|之中|之内|以内|会|能|可|要|需要|应)$"
)
_KEEP_TAGS = frozenset(
    {"n", "nz", "vn", "an", "ng", "nrt", "j", "l", "eng", "b", "nt", "ns", "nr", "s"}
)
ENTITY_TAGS = segment.PLACE | segment.ORG
# Last characters of the nouns that name a measure (产量, 增加值, 比重, 销售额, 占比, 增速).
MEASURE_END = frozenset("量额值率重比数价积度速幅")
_SCOPE_WORDS = {
    "全市", "全省", "全国", "全区", "全县", "全球", "比重", "总量", "总数", "规模", "世界",
}  # fmt: skip
_ADMIN = "省市区县镇乡村州旗盟"
_SCOPE = {"全省": "省", "全市": "市", "全区": "区", "全县": "县", "全国": "国"}


@dataclass(frozen=True)
class Bound:
    """A figure's label (what it measures) and subject (whom it is about)."""

    label: str
    subject: str


def main_subject(headline: str, lead: str, language: str) -> str:
    """The place or body the article is about: the one its headline and lead name most, not
    counting the wire dateline's city or the reporters in brackets; a country writing of itself
    (我国, 全国) counts as a place."""
    from reportgen.ingest.patterns import dateline

    opening = dateline(lead)
    lead = lead[opening.end() :] if opening else lead
    if language != "zh":
        from reportgen.extract.english import main_subject_en

        return main_subject_en(headline, lead)
    counts: Counter[str] = Counter()
    for weight, text in ((3, headline), (1, _sourceless(lead[:600]))):
        for word, tag in _compounds(segment.words(_PAREN.sub("", text[:600]))):
            if (tag in ENTITY_TAGS or word in _SELF) and len(word) >= 2:
                counts[_governed_place(word) if tag in segment.ORG else word] += weight
    return counts.most_common(1)[0][0] if counts else ""


def _sourceless(text: str) -> str:
    """``text`` without the source clauses of its sentences (据国家统计局，…): a source the
    lead cites is not what the article is about."""
    return "".join(unsourced(part) for part in re.split(r"(?<=[。！？!?\n])", text))


def _governed_place(body: str) -> str:
    """The place a government body is named after is what its figures are about
    (中华人民共和国国务院 -> 中国, 浙江省人民政府 -> 浙江省); any other body is itself."""
    for end in range(len(body) - 1, 1, -1):
        head = segment.words(body[:end])
        if len(head) == 1 and head[0][1] in segment.PLACE and _GOVERNMENT.fullmatch(body[end:]):
            return _COUNTRY.get(head[0][0], head[0][0])
    return body


_GOVERNMENT = re.compile(r"(?:人民)?(?:政府|国务院|委员会|人大常委会|人民代表大会)")
# The country's formal name, as its own papers write it short.
_COUNTRY = {"中华人民共和国": "中国"}


# How a national paper names its own country: the subject of its national figures.
_SELF = frozenset({"我国", "全国", "国内"})


def bind_zh(text: str, start: int, sentence_start: int, main: str) -> Bound:
    """Label and subject of the Chinese figure at ``start``."""
    sentence, clause = _before(text, sentence_start, start)
    pairs = _trim(_glued(segment.words(clause)))
    subject = colon_topic(sentence)
    sentence = unsourced(sentence)
    subject = subject or _entity(_named(clause), "", main)
    said = _SPEAKER_CLAUSE.sub("", sentence)  # 某某表示，…: a name in what is said comes first
    subject = subject or (said != sentence and _entity(_named(said), "")) or ""
    subject = subject or _entity(_named(sentence), main)
    words = [w for w, _ in _past_subject(pairs, subject)]
    if not subject:  # an article of items (a digest) has no main subject: each item's own topic
        subject = topic(clause) or topic(sentence) or counted_group(sentence)
        # a topic that is the whole label is also what is measured (园区企业达到573家)
        words = [w for w, _ in _past_subject(pairs, subject)] or words
    if (
        subject
        and words
        and len(words[0]) == 1
        and words[0] in _ADMIN
        and subject + words[0] in sentence
    ):
        subject += words.pop(0)  # 东城/区/规上工业… -> 东城区 (never 欧洲/市场 -> 欧洲市)
    label = "".join(reversed(_fitting(list(reversed(words)), 14)))
    return Bound(label if len(label) >= 2 else "", subject)


def _past_subject(pairs: list[tuple[str, str]], subject: str) -> list[tuple[str, str]]:
    """The label's words without the subject that opens them, in one word or several (浙江/规上
    工业增加值, 青岛/港/去年/集装箱吞吐量 -> 集装箱吞吐量), and without the time words after it."""
    opening, n = "", 0
    while n < len(pairs) and len(opening) < len(subject):
        opening += pairs[n][0]
        n += 1
    if not subject or opening != subject:
        return pairs
    rest = pairs[n:]
    while rest and (rest[0][1] == "t" or rest[0][1] in _LOOSE_START):
        rest = rest[1:]  # 美国/的/发电量 -> 发电量
    return rest


# Past this many characters between a sentence's start and a figure (never in prose: a table
# or a list run into one line), only a window is segmented for the figure: the sentence's head
# for its subject, the clause's tail for its label. Linear on lines of thousands of figures.
_LONG = 500
_HEAD, _TAIL = 200, 60


def _before(text: str, sentence_start: int, start: int) -> tuple[str, str]:
    """The sentence before a figure and its last clause, without bracketed asides."""
    if start - sentence_start <= _LONG:
        sentence = _PAREN.sub("", text[sentence_start:start])
        return sentence, _last_clause(sentence)
    head = _PAREN.sub("", text[sentence_start : sentence_start + _HEAD])
    tail = _PAREN.sub("", text[start - _LONG : start])
    return head, _last_clause(tail)[-_TAIL:]


def _last_clause(sentence: str) -> str:
    """The sentence's last clause; the quotation marks of a quoted term (比“十三五”末增长,
    “千亿县”数量) are inside a clause, not between two."""
    term_marks = {i for m in _QUOTED_TERM.finditer(sentence) for i in (m.start(), m.end() - 1)}
    cut = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.start() not in term_marks:
            cut = m.end()
    return sentence[cut:]


_QUOTED_TERM = re.compile(r"“[^“”，。；：！？,;:!?\n]{1,10}”")


def whole_words(sentence: str, start: int, end: int, limit: int = 14) -> str:
    """``sentence[start:end]`` shrunk to the sentence's own words: words cut by either end are
    left out, function words at either end dropped, and at most ``limit`` characters of whole
    words kept from the end (对于义务教育阶段的在校生就 -> 义务教育阶段的在校生)."""
    import bisect

    pairs, offsets = segment.words(sentence), segment.starts(sentence)
    inside = []
    for i in range(bisect.bisect_left(offsets, start), len(pairs)):
        if offsets[i] + len(pairs[i][0]) > end:
            break
        inside.append(pairs[i])
    while inside and (inside[-1][1] in _LOOSE or inside[-1][0] in _MODALS):
        inside.pop()  # 销量会 -> 销量
    while inside and _loose_start(*inside[0]):
        inside.pop(0)
    words = [w for w, _ in inside]
    return "".join(reversed(_fitting(list(reversed(words)), limit))) if words else ""


# Tags of words that never close a label (adverbs, prepositions, conjunctions, particles,
# numerals, measure and time words, pronouns, punctuation, places like 以上) or open one (a time
# word may: 2014年净利润).
_LOOSE_START = frozenset(
    {"d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "x", "zg", "f"}
)
_LOOSE = _LOOSE_START | {"m", "q", "t", "r"}


# Modal verbs: never the end of a label (销量会接近90万辆).
_MODALS = frozenset({"会", "能", "可", "要", "需要", "应", "可以", "能够", "将会"})


def _loose_start(word: str, tag: str) -> bool:
    """A word that cannot open a label: a function word, or a one-character pronoun (其, 该)."""
    return tag in _LOOSE_START or (tag == "r" and len(word) == 1)


def _fitting(words: list[str], limit: int) -> list[str]:
    """The leading whole words that fit in ``limit`` characters (at least one): a label is cut
    between words, never inside one."""
    kept: list[str] = []
    for word in words:
        if kept and sum(map(len, kept)) + len(word) > limit:
            break
        kept.append(word)
    return kept


def _glued(pairs) -> list[tuple[str, str]]:
    """A measure's last character that the tagger calls a verb, right after a noun, is the
    noun's (贡献/率 -> 贡献率, 利用/率 -> 利用率), and a prefix the tagger sets apart opens the
    noun after it (非/制造业 -> 非制造业: without it the label says the opposite)."""
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        if tag == "v" and word in MEASURE_END and out and out[-1][1] in _NOUNISH:
            out[-1] = (out[-1][0] + word, "n")
        elif out and out[-1][1] == "h" and tag in _NOUNISH:
            out[-1] = (
                out[-1][0] + word,
                tag,
            )  # 非/制造业 -> 非制造业: a negating prefix is the noun's
        else:
            out.append((word, tag))
    return out


def _after_symbol(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words after the last range mark after a number (2016年-2018年的营业收入 -> 营业收入):
    a label does not reach back over a range (R&D经费 keeps its &)."""
    cut = max(
        (i for i, (w, _) in enumerate(pairs) if w in _RANGE and i and pairs[i - 1][1] in "mt"),
        default=-1,
    )
    return _strip_ends(pairs[cut + 1 :]) if cut >= 0 else pairs


_RANGE = frozenset({"-", "－", "—", "~", "～", "/", "／", "至"})


def _trim(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop function words, verbs and time words at both ends of a clause's words; inside, keep
    what follows the last verb (…企业实现营收 -> 营收), or what precedes it when only a scope
    follows (汽车产量占全市 -> 汽车产量)."""
    pairs = _after_symbol(_strip_ends(pairs))
    for i in range(len(pairs) - 1, 0, -1):
        if _modifier(pairs, i):
            continue
        if pairs[i][1] in ("v", "p", "d", "c", "vd"):
            before, after = _strip_ends(pairs[:i]), _strip_ends(pairs[i + 1 :])
            if after and not all(w in _SCOPE_WORDS for w, _ in after):
                return after
            return before or after
    return pairs


# Verbs that modify the noun after them inside a measure's name (城镇新增就业, 新增装机).
_MODIFIERS = frozenset({"新增", "净增"})


def _modifier(pairs: list[tuple[str, str]], i: int) -> bool:
    """The word at ``i`` is a verb inside a noun phrase: a noun on either side of it."""
    if pairs[i][0] not in _MODIFIERS or i + 1 >= len(pairs):
        return False
    return pairs[i - 1][1] in _NOUNISH and pairs[i + 1][1] in _NOUNISH


def _strip_ends(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    pairs = list(pairs)
    while pairs and (_ZH_DROP.match(pairs[-1][0]) or pairs[-1][1] not in _KEEP_TAGS):
        pairs.pop()
    while pairs and (_ZH_DROP.match(pairs[0][0]) or pairs[0][1] not in _KEEP_TAGS):
        pairs.pop(0)
    return pairs


@lru_cache(maxsize=256)
def _named(text: str) -> tuple[tuple[str, str], ...]:
    """``text``'s words, with each company, institution or project name that the suffix finder
    sees (同盾科技公司, 嘉鱼县蔬菜产业技术研究院) made one word tagged a body (nt), when the name
    starts and ends on word boundaries."""
    from reportgen.extract.entities import find_entities, persons

    pairs = persons(_companies(segment.words(text)), _SURNAMES)
    found = find_entities(text, 0, len(text), "zh")
    if not found:
        return _compounds(pairs)
    out, pos, names = [], 0, {(f.start, f.end) for f in found}
    ends = {s: e for s, e in names}
    skip_to = -1
    for word, tag in pairs:
        if pos < skip_to:
            pos += len(word)
            continue
        end = ends.get(pos)
        if end is not None and end in segment.boundaries(text):
            out.append((text[pos:end], "nt"))
            skip_to = end
        else:
            out.append((word, tag))
        pos += len(word)
    return _compounds(out)


# Words that finish the name of a port, bay, company or body when they follow a place or body
# (大连/港, 盛洋/科技, 招银/理财, 浙江/证监局): the name is the whole, not its first word.
_NAME_TAILS = frozenset(
    {"港", "湾", "湾港", "岛", "新区", "开发区", "经济区", "科技", "理财", "汽车", "集团", "股份",
     "控股", "证券", "银行", "证监局", "研究院", "电源", "电子", "能源"}
)  # fmt: skip


def _compounds(pairs) -> tuple[tuple[str, str], ...]:
    """Each place or body followed by a word that finishes a name, made one body (nt)."""
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        if out and word in _NAME_TAILS and out[-1][1] in ENTITY_TAGS and len(out[-1][0]) >= 2:
            out[-1] = (out[-1][0] + word, "nt")
        else:
            out.append((word, tag))
    return tuple(out)


def _companies(pairs) -> tuple[tuple[str, str], ...]:
    """Two single characters the tagger could not make a word of, followed by a company's
    suffix at the topic of the text (同/矛/科技…的营业收入), made one body (nt): a name in a
    sentence (never a main subject: a company a lead names in passing is not the article's).
    A word the tagger does not know before a suffix is not enough (城投/公司 is a kind of
    company, a broker quoted is a source)."""
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        n = _name_before(out) if word in _COMPANY_SUFFIXES else 0
        if n and not any(t in ("v", "vd") for _, t in out[:-n]):  # the topic, before a verb
            name = "".join(w for w, _ in out[-n:])
            del out[-n:]
            out.append((name + word, "nt"))
        else:
            out.append((word, tag))
    return tuple(out)


# Words that end a company's name (同矛科技, 某某股份, 某某集团).
_COMPANY_SUFFIXES = frozenset(
    {"科技", "集团", "股份", "控股", "公司", "证券", "药业", "实业", "传媒", "电子", "电气"}
)
# Characters no name is made of (particles, pronouns, numbers' neighbours: 这家, 各大).
_NOT_NAME = frozenset(
    "的了个等是为在由让把被向从到有家位所名已将也都这那其该此每各多和与及或并以于对就大新"
)
_NOT_NAME_TAGS = frozenset({"m", "x", "r", "u", "uj", "ul", "c", "d", "y", "eng"})


def _name_before(out: list[tuple[str, str]]) -> int:
    """How many of the last words in ``out`` make a name the tagger could not read (two single
    characters, 2), or 0."""
    singles = [
        w for w, t in out[-2:] if len(w) == 1 and w not in _NOT_NAME and t not in _NOT_NAME_TAGS
    ]
    return 2 if len(singles) == 2 and len(out) >= 2 else 0


def named_in(sentence: str) -> str:
    """The first place or body ``sentence`` names (its topic), or ""."""
    return _entity(_named(unsourced(_PAREN.sub("", sentence))), "")


def opening_name(sentence: str) -> str:
    """The first place or body ``sentence`` names, for a next sentence naming nobody to go on
    about (营口港…。2012年吞吐量… -> 营口港); a general group the tagger calls a place (城市,
    城镇) only where it opens its clause, never inside an object (建设…城市危旧房改造…)."""
    for clause in re.split(r"[，,；;：:]", unsourced(_PAREN.sub("", sentence))):
        pairs, verb = [], False
        for word, tag in _named(clause):
            verb = verb or tag in ("v", "vd")
            if not (verb and word in _GROUPS):
                pairs.append((word, tag))
        found = _entity(pairs, "")
        if found:
            return found
    return ""


# Words for a kind of place that the tagger calls places (城市, 城镇): a group a figure may be
# about, but only as a clause's topic.
_GROUPS = frozenset({"城市", "城镇", "农村", "乡村", "城乡", "大洋", "海外", "各地", "地方"})


def _entity(pairs, main: str, scope: str = "") -> str:
    """The first place or body named in the sentence (Chinese puts the topic first; later names
    are often destinations or comparators), never a name after a comparing word (比日本…), else
    the article's main subject. ``scope`` is the main subject when ``main`` is not given (a
    clause's names are read before its sentence's): the country's name for itself (我国) is the
    main subject when that is the country too."""
    from reportgen.extract.entities import acting_person

    person = acting_person(pairs)
    if person and not any(t in segment.ORG for _, t in pairs):  # a body's man speaks for it
        return person  # 在成都…的付小姐，借了…, 湖南…村，村民周正每天…: the place is the setting
    before = ""
    for i, (word, tag) in enumerate(pairs):
        toward = i + 1 < len(pairs) and pairs[i + 1][0] in _TOWARD  # 俄罗斯方向班列
        named = tag in ENTITY_TAGS or _person(word, tag)
        if named and len(word) >= 2 and before not in _VERSUS and not toward:
            return word
        if word in _SCOPE and main:
            return main
        if word in _OWN_COUNTRY:
            return (main or scope) if (main or scope) in _NATIONAL else word
        before = word
    return main


# Words that make the place before them a direction (俄罗斯方向班列): where things go, not whom
# the figure is about.
_TOWARD = frozenset({"方向"})


# How a Chinese paper names its own country inside a sentence (我国经济, 我国的…总数): the
# country is the subject, as a place named there would be.
_OWN_COUNTRY = frozenset({"我国"})
_NATIONAL = frozenset({"我国", "全国", "国内", "中国"})


# Where a sentence says who wrote or reported it rather than whom it is about: a dateline
# (本报北京4月2日电), a document's title (《2019年中国…报告》), a source clause (据国家统计局
# 监测，; Wind数据显示，; 记者从某部门获悉：). Names in them are sources, not subjects.
_TITLE = re.compile(r"《[^《》]*》")
_SOURCE_CLAUSE = re.compile(
    r"(?:^|(?<=[，,：:；;]))\s*(?:\d{1,2}[、.．]\s*)?\**(?:(?:据|根据|依据)[^，,：:；;。]{1,30}|"
    r"[^，,：:；;。]{1,30}?(?:显示|获悉|监测|统计|报道|发布|公布数据))[，,：:]"
)


# A clause saying who speaks (某某在会上表示，): the speaker is the subject of what is said
# only when that names nobody else.
_SPEAKER_CLAUSE = re.compile(r"^[^，,：:；;。]{1,30}?(?:表示|认为|指出|称|说|介绍|强调)[，,：:]")


def unsourced(sentence: str) -> str:
    """``sentence`` without its dateline, document titles and source clauses."""
    from reportgen.ingest.patterns import dateline

    opening = dateline(sentence)
    if opening:
        sentence = sentence[opening.end() :].lstrip(" \u3000")
    sentence = _TITLE.sub("", sentence)
    return _SOURCE_CLAUSE.sub("", sentence)


def _person(word: str, tag: str) -> bool:
    """A Chinese person's full name (a farmer's figures are his: 种粮大户贾国峰…亩产近2000斤):
    three characters the tagger calls a person, opening with a common surname, and no word of
    its dictionary (高水平, 名特优 are words it mis-tags; its guesses at rare words that are
    names are not in it)."""
    if tag == "nrp":  # a name after a role, a surname with 先生 (entities.persons)
        return True
    return tag == "nr" and len(word) == 3 and word[0] in _SURNAMES and not segment.known(word)


# The commonest Chinese surnames (about nine in ten people bear one of them).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)


# Words that make the name after them a comparator or a destination, not the subject
# (比日本的总人口还多; 入选联合国…名录, 运往泰国, 开往里海沿岸).
_VERSUS = frozenset(
    {"比", "较", "高于", "低于", "超过", "相当于", "不及", "赶超", "入选", "加入", "出口", "销往",
     "运往", "发往", "开往", "飞往", "前往", "抵达", "到达", "直达", "通达", "辐射"}
)  # fmt: skip


_NOUNISH = frozenset({"n", "nz", "vn", "an", "ng", "nt", "ns", "nr", "j", "eng", "b", "nrt"})


def label_after(text: str, end: int) -> str:
    """The noun a counted figure counts (32家企业 -> 企业; 4条国际直达线路 -> 国际直达线路): the
    nouns right after it, with a verb kept only inside a noun compound (直达 in 直达线路)."""
    clause = _CLAUSE_BREAK.split(text[end : end + 24])[0]
    pairs = segment.words(clause)
    taken: list[str] = []
    for i, (word, tag) in enumerate(pairs):
        nxt = pairs[i + 1][1] if i + 1 < len(pairs) else ""
        modifier = tag in ("v", "a") and nxt in _NOUNISH and (bool(taken) or len(word) == 2)
        if tag not in _NOUNISH and not modifier:
            break
        taken.append(word)
    return "".join(_fitting(taken, 12))
