"""Speakers: the person or body named in a quote's attribution, with a title, or nobody.

A speaker is a name the segmenter tags as a person (梁婧, with its title 中国银行研究院高级研究员),
an organisation (国际货币基金组织), or a role within a named body (某区委主要负责人); a pronoun is
the person named just before. Anything else (a fragment, a vague group such as 业内人士, a
document title) gives no speaker: the quote is kept, unattributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.extract import segment

# Role nouns a speaker may be named by when the article gives no name.
_ROLES = (
    "负责人|负责同志|主任|副主任|书记|党委书记|局长|厅长|部长|处长|科长|区长|市长|县长|省长|镇长|乡长|"
    "村长|院长|校长|所长|主席|总监|总裁|董事长|总经理|经理|会长|秘书长|理事长|发言人|专家|教授|研究员|"
    "分析师|经济学家|代表|委员|工程师|创始人|厂长|站长|主管|队长|组长|村支书|支书|店主|老板|船长|"
    "院士|主播|医生|律师|首席|合伙人|董事|行长|署长|司长|大使|总理|总统|部长助理|CEO|CFO|COO|CTO"
)
_ROLE_END = re.compile(rf"(?:{_ROLES})$")
# Groups too vague to be a speaker: the quote stays, unattributed.
_VAGUE = re.compile(
    r"^(?:有|不少|很多|许多|多位|一些|部分|某些|相关|当地|业内|有关|该)?"
    r"(?:人士|专家|专家们|学者|人|网友|市民|群众|居民|村民|企业家|业内人士|有关人士|知情人士|负责人)$"
)
# Leading words of a clause that are not part of the speaker (据…介绍, 对此, 随后…).
_LEAD = re.compile(r"^(?:据|对此|对于此|随后|此外|同时|当时|而|但|但是|并且|那么|他们说|正如)")
_PRONOUN = {"他": "m", "她": "f", "他们": "p", "她们": "p"}
_ADVERB_TAGS = frozenset({"d", "ad", "uz", "ul", "ug", "f", "p", "t", "c", "y"})
_TAIL_WORDS = re.compile(
    r"(?:在[^，。]{0,20}?(?:上|时|中|里|期间|之际)|从[^，。]{1,12}?(?:角度|层面|方面|出发)|接受[^，。]{0,20}?采访时|对记者|向记者|对[^，。]{1,6}?|"
    r"跟记者|同记者|笑着|笑|动情地|感慨地|激动地|坦率地|兴奋地|自豪地|深有感触地|也|还|则|又|更|都|"
    r"再次|一再|多次|曾|曾经|早就|已经|进一步|同时|当即|随即|直接|明确|特别|反复)+$"
)
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff·]{2,6}$")


@dataclass(frozen=True)
class Speaker:
    """Who speaks: the name (person, body or role), its title, and whether it is a person."""

    name: str
    title: str = ""
    person: bool = False


NOBODY = Speaker("")


def zh_speaker(candidate: str, previous: Speaker | None = None, zero: bool = False) -> Speaker:
    """The speaker in the words before a speech verb (``对此，某研究院研究员张三``). With
    ``zero``, a clause with no subject at all (``，鲜明指出``, ``笑着说``) is the person last named
    (``previous``), as a pronoun would be."""
    text = _clean(candidate)
    if zero and previous is not None and previous.person and _no_subject(text):
        return previous
    if not text:
        return NOBODY
    if text in _PRONOUN:
        return previous if previous and previous.person else NOBODY
    pairs = segment.words(text)
    person = (
        _honorific(text)
        or _person(pairs)
        or _name_then_title(pairs)
        or _surname_name(text)
        or _latin_name(text)
    )
    if person is not None:
        return person
    if _VAGUE.match(text) or text.startswith(("的", "地", "得", "之")):
        return NOBODY
    last_tag = pairs[-1][1] if pairs else ""
    if len(text) > 20 or _UNNAMED.match(text):
        return NOBODY
    if last_tag in segment.ORG:
        return Speaker(text)  # a body: 国际货币基金组织
    role = _ROLE_END.search(text)
    if role and _UNNAMED_ROLE.search(text[: role.start()]):
        return NOBODY  # 大连港一位工程师: a body's member nobody can look up
    if role and _named_body(text[: role.start()]):
        return Speaker(text)  # a role in a named body: 东阳市委主要负责人
    if _BODY_END.search(text) and _named_body(text) and _plain_nouns(pairs):
        return Speaker(text)  # a body the segmenter reads as a noun: 公安部
    return NOBODY


def no_subject(candidate: str) -> bool:
    """The clause before a speech verb names no one (``在青海某中学，``, ``笑着``)."""
    return _no_subject(_clean(candidate))


def _no_subject(text: str) -> bool:
    """Only adverbs and particles, or nothing: the clause leaves its subject out."""
    return all(t in _ADVERB_TAGS or t in ("a", "ad") for _, t in segment.words(text))


_BODY_END = re.compile(r"(?:部|局|厅|委员会|署|总局|银行|协会)$")


def _plain_nouns(pairs: tuple[tuple[str, str], ...]) -> bool:
    """Nouns and names only: no pronoun, verb or particle (我们公司, 做中层的部)."""
    return all(t[:1] in ("n", "j") for _, t in pairs)


# A role nobody can look up: 一位专家, 上述区域专家, 该负责人, 企业负责人.
_UNNAMED = re.compile(r"^(?:一位|一名|一家|某|上述|这位|那位|该|此|有关|相关|多位|几位|部分)")
_UNNAMED_ROLE = re.compile(r"(?:一位|一名|某位|某|多位|几位)$")
_BODY_SUFFIX = re.compile(
    r"(?:公司|集团|科技|股份|委|局|厅|部|院|所|中心|银行|协会|商会|政府|办|馆|站|厂|社|大学|学院|学校|"
    r"医院|基金|机构|组织|联盟|平台|交易所|法院|检察院)"
)
_GENERIC_BODY = re.compile(
    r"^(?:企业|公司|单位|部门|机构|当地|区域|行业|业内|项目|相关|有关|村|社区)+$"
)


def _named_body(org: str) -> bool:
    """Words naming a particular body: a place or organisation the segmenter knows (东阳市委),
    or a name before a body's suffix (兆奕科技), not a generic word (企业, 区域)."""
    org = re.sub(r"(?:相关|主要|有关|的)+$", "", org)
    if not org or _GENERIC_BODY.match(org):
        return False
    tags = {t for _, t in segment.words(org)}
    if tags & (segment.PLACE | segment.ORG | segment.PERSON | {"nz"}):
        return True
    body = _BODY_SUFFIX.search(org)
    return bool(body) and not _GENERIC_BODY.match(org[: body.start()] or "企业")


def named_person(text: str) -> Speaker:
    """The last person the words name (贾国峰 in 种粮大户贾国峰喜笑颜开), or nobody. A word tagged
    as a name counts only where a name can stand: at a clause start or after a noun, a title or a
    body (他正张罗一场 and 这段时间 hold no names)."""
    pairs = segment.words(text)
    latin = list(_LATIN_AFTER_ROLE.finditer(text))
    end = len(text)
    for i in range(len(pairs) - 1, -1, -1):
        word, tag = pairs[i]
        end -= len(word)
        if latin and latin[-1].start() >= end:
            break  # 波士顿动力创始人Marc Raibert: the name after the title is the later one
        if tag not in segment.PERSON or not _NAME_CHARS.match(word) or word[-1] in _PLACE_END:
            continue
        before = pairs[i - 1][1] if i else "x"
        if before not in _NAME_MAY_FOLLOW and not (before == "uj" and _of_whom(pairs, i)):
            continue  # 做中层的孙丹, 某村的拉姆 name a person; 这段时间 names nobody
        return Speaker(word, _title_before(pairs, i), person=True)
    if latin:
        return Speaker(latin[-1].group("name"), person=True)
    return _honorific(text, anywhere=True) or NOBODY


def _of_whom(pairs: tuple[tuple[str, str], ...], i: int) -> bool:
    """The word at ``i``, after 的, is a name: it opens with a common surname (做中层的孙丹), or
    what stands before 的 is a place (森嘎村的拉姆: a place's resident)."""
    place = pairs[i - 2] if i >= 2 else ("", "")
    return pairs[i][0][0] in _SURNAMES or place[1] in segment.PLACE or place[0][-1:] in "村镇乡"


def opening_person(words: str) -> Speaker | None:
    """The person named at the start of ``words`` (吴翔宇自称…, 项目负责人袁野身后…), after a
    title and organisation (枣庄市发展改革委主任刘中波信心十足)."""
    found = named_person(words[:12])
    if found.person and words.find(found.name) <= 8:
        return found
    pos = 0
    for word, tag in segment.words(words[:24]):
        if tag in segment.PERSON:
            end = pos + len(word)
            titled = zh_speaker(words[:end])
            named = titled.person and titled.name.endswith(word)
            return titled if named and is_title(words[: end - len(titled.name)]) else None
        pos += len(word)
    return None


def _title_before(pairs: tuple[tuple[str, str], ...], i: int) -> str:
    """The title in the nouns right before the name at ``i``, whole (某市交通运输局综合业务
    服务科科长), two titles joined by 、 kept together; empty unless it ends in a role."""
    start = i
    while start > 0 and _title_word(pairs[start - 1][1]) and i - start < 12:
        start -= 1
        if start > 1 and pairs[start - 1][0] == "、" and _ROLE_END.search(pairs[start - 2][0]):
            start -= 1  # 某联合会副会长、某中心党委书记: two titles of one person
    # at least the three words before the name, as the segmenter may tag a body's words
    # otherwise (合作社 l, 奔驰 v), up to a punctuation mark
    near = max(0, i - 3)
    while near < i and any(t == "x" for _, t in pairs[near:i]):
        near += 1
    start = min(start, near)
    title = "".join(w for w, _ in pairs[start:i])
    return title if _ROLE_END.search(title) and len(title) <= 40 else ""


def _title_word(tag: str) -> bool:
    """A word a title is made of: a noun, place, body or name read inside one (贾宋镇), an
    abbreviation, a distinguishing word (副) or a verbal noun (服务, 综合); never a verb."""
    return tag[:1] in ("n", "j", "b") or tag == "vn"


_PLACE_END = "村镇乡县市区省州湾港"
_LATIN_AFTER_ROLE = re.compile(rf"(?:{_ROLES})\s*(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)+)")
_NAME_MAY_FOLLOW = frozenset({"x", "n", "nt", "ns", "nz", "eng", "b", "nr", "j", "ng"})


def _clean(candidate: str) -> str:
    """The clause holding the speaker, without lead-in and adverbial words around it."""
    clause = re.split(r"[，,；;：:。！？!?…\n]", candidate.strip())[-1]
    pieces = clause.split("、")
    text = pieces.pop().strip()
    while pieces and _ROLE_END.search(pieces[-1].strip()):
        text = f"{pieces.pop().strip()}、{text}"  # 某联合会副会长、某中心党委书记张三
    text = text.strip("”’“‘\"' 　")
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text)
        text = _TAIL_WORDS.sub("", text)
    return text.strip()


def _person(pairs: tuple[tuple[str, str], ...]) -> Speaker | None:
    """The last person name in the clause, when it ends the clause; with the words before it as
    the title."""
    words = [w for w, _ in pairs]
    for i in range(len(pairs) - 1, -1, -1):
        word, tag = pairs[i]
        if tag not in segment.PERSON:
            continue
        if i != len(pairs) - 1:
            return None  # a name inside the clause (张三的同事) is not the speaker
        start = i - 1 if _split_name(pairs, i) else i
        name = "".join(words[start:])
        if not _NAME_CHARS.match(name) or _ADDRESS_ONLY.match(name):
            return None  # 小姐 alone names nobody
        title = "".join(words[:start]).strip()
        return Speaker(name, title if _titled(title) else "", person=True)
    return None


def _name_then_title(pairs: tuple[tuple[str, str], ...]) -> Speaker | None:
    """习近平总书记, 李强总理: a name followed by its title."""
    if len(pairs) >= 2 and pairs[-2][1] in segment.PERSON and _ROLE_END.search(pairs[-1][0]):
        name = pairs[-2][0]
        if _NAME_CHARS.match(name):
            before = "".join(w for w, _ in pairs[:-2])
            return Speaker(name, before + pairs[-1][0], person=True)
    return None


# Common surnames: a name the segmenter cut (周/顺义 read as a place) after a role or a body.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤"
)
_SURNAME_END = re.compile(
    rf"(?P<title>.*(?:{_ROLES}|[农户民工师员长家手人]))(?P<name>[{_SURNAMES}][\u4e00-\u9fff]{{1,2}})$"
)


def _surname_name(text: str) -> Speaker | None:
    """A name the segmenter cut in two after its surname (周/顺义): the surname must stand as a
    word of its own, and the clause must not end with a role (高级工程师 is no 程师)."""
    m = _SURNAME_END.match(text)
    if not m or _ROLE_END.search(text):
        return None
    cuts = segment.boundaries(text)
    if m.start("name") not in cuts:
        return None
    if m.start("name") + 1 not in cuts and not _tagged_name(text, m.start("name")):
        return None
    return Speaker(m.group("name"), m.group("title"), person=True)


def _tagged_name(text: str, start: int) -> bool:
    """The segmenter tags some word of ``text[start:]`` as a person (会长陈河/nr才, 唐在/林/nr):
    a name it cut in the wrong place."""
    pos = 0
    for word, tag in segment.words(text):
        if pos >= start and tag in segment.PERSON:
            return True
        pos += len(word)
    return False


# A person named by surname and a form of address (付小姐, 王先生, 李师傅).
_HONORIFICS = "先生|女士|小姐|老师|师傅|阿姨|大爷|大妈|大姐|大哥|老汉|老伯|大叔|大婶"
_HONORIFIC = re.compile(rf"[{_SURNAMES}](?:{_HONORIFICS})")
_ADDRESS_ONLY = re.compile(rf"^(?:{_HONORIFICS})$")


def _honorific(text: str, anywhere: bool = False) -> Speaker | None:
    """付小姐, 王先生: a surname with a form of address, ending the clause (or anywhere)."""
    found = [
        m
        for m in _HONORIFIC.finditer(text)
        if (anywhere or m.end() == len(text))
        and text[m.end() : m.end() + 1] != "们"
        and _stands_as_surname(text, m.start())
    ]
    if not found:
        return None
    title = "" if anywhere else text[: found[-1].start()]
    return Speaker(found[-1].group(0), title if _titled(title) else "", person=True)


def _stands_as_surname(text: str, start: int) -> bool:
    """The character at ``start`` opens a word and is no preposition (归功于女士)."""
    pos = 0
    for word, tag in segment.words(text):
        if pos == start:
            return tag not in ("p", "c", "u", "uj", "d")
        if pos > start:
            return False
        pos += len(word)
    return False


_LATIN_NAME = re.compile(r"(?P<title>.*[\u4e00-\u9fff])\s*(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)+)$")


def _latin_name(text: str) -> Speaker | None:
    """A foreign name kept in Latin letters after its title (创始人Marc Raibert)."""
    m = _LATIN_NAME.match(text)
    if not m or not _ROLE_END.search(m.group("title")):
        return None
    return Speaker(m.group("name"), m.group("title"), person=True)


def _split_name(pairs: tuple[tuple[str, str], ...], i: int) -> bool:
    """A name cut in two by the segmenter (山石/n 昌孝/nr after a title): a short noun before the
    name that is no role and follows a title, an organisation or the clause start."""
    if i == 0:
        return False
    before, tag = pairs[i - 1]
    if tag not in ("n", "nr", "ng", "nz") or len(before) + len(pairs[i][0]) > 4:
        return False
    if _ROLE_END.search(before):
        return False
    return i == 1 or pairs[i - 2][1] in ("eng", "nt") or bool(_ROLE_END.search(pairs[i - 2][0]))


def is_title(text: str) -> bool:
    """The words are a title ending in a role (枣庄市发展改革委主任, 首席经济学家)."""
    return bool(_ROLE_END.search(text)) and _titled(text)


def _titled(title: str) -> bool:
    return bool(title) and not title.startswith(("的", "在", "对")) and len(title) <= 40


# ---------------------------------------------------------------- English

EN_FULL_NAME = (
    r"[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?\s+(?:(?:de|van|von|der|da|del|la|le|di)\s+)?"
    r"[A-Z][\w’'-]+(?:\s+(?:Jr\.|Sr\.|III|II))?"
)
_EN_TITLED = re.compile(rf"^(?P<title>[^,]*?)\s*(?P<name>{EN_FULL_NAME})$")
_EN_SURNAME = re.compile(r"^[A-Z][\w’'-]+$")
_EN_BODY = re.compile(
    r"^(?:the\s+)?(?P<name>(?:[A-Z][\w.&'’-]*\s+)*(?:Department|Office|Agency|Bureau|"
    r"Administration|Commission|Board|Council|Ministry|Bank|Fund|Institute|Association|Authority|"
    r"Service|Corporation|Company|Inc\.?|Group|University|Center|Centre|Government|Committee|"
    r"Union|Party|Foundation|Federation|Coalition|Chamber\s+of\s+Commerce|Institution|"
    r"Organization|Organisation|Trust|Alliance)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*)?)$"
)
_EN_HONORIFIC = re.compile(
    r"^(?:Mayor|Gov\.|Governor|President|Sen\.|Senator|Rep\.|Representative|Dr\.|Secretary|"
    r"Commissioner|Director|Chairman|Chairwoman|Chair|Councilman|Councilwoman|Treasurer|Minister|"
    r"Premier|Professor|Prof\.|Judge|Superintendent|Administrator|Supervisor|Manager|CEO|Mr\.|"
    r"Mrs\.|Ms\.|Deputy|Acting|Former|Executive|Chief)$"
)
_EN_PRONOUN = {"he", "she", "they"}
_EN_CLAUSE = re.compile(r"^(?:and|but|then|when|as|while|because|if|so|that|which|who)\b", re.I)
_EN_NOT_NAME = {"The", "This", "That", "It", "We", "I", "You", "There", "In", "But", "And", "He",
                "She", "They", "His", "Her", "Our", "A", "An", "Officials", "Experts"}  # fmt: skip


def en_speaker(candidate: str, previous: Speaker | None = None) -> Speaker:
    """The speaker in an English attribution (``Jane Doe, the city's planner``, ``he``)."""
    text = re.sub(r"\s+", " ", candidate).strip(" ,.;:")
    found = _en_name(text, previous)
    if found is NOBODY and ", " in text:
        head, _, tail = text.partition(", ")
        found = _en_name(head, previous)
        if found.person and not found.title:
            found = Speaker(found.name, tail.strip(), person=True)
        elif found is NOBODY:
            found = _en_name(text.rsplit(", ", 1)[1], previous)
    return found


def _en_name(text: str, previous: Speaker | None) -> Speaker:
    text = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+(?=[A-Z])", "", text)
    if text.lower() in _EN_PRONOUN:
        return previous if previous and previous.name else NOBODY  # a body: its spokeswoman
    body = _EN_BODY.match(text)
    if body:
        return Speaker(body.group("name").strip())
    titled = _EN_TITLED.match(text)
    if titled:
        name, title = titled.group("name"), titled.group("title").strip()
        first = name.split()[0]
        if _EN_HONORIFIC.match(first):
            name, title = name.split(None, 1)[1], f"{title} {first}".strip()
        if first not in _EN_NOT_NAME and not _EN_CLAUSE.match(title):
            return Speaker(name, title, person=True)
    if _EN_SURNAME.match(text) and text not in _EN_NOT_NAME and not _EN_HONORIFIC.match(text):
        return Speaker(text, person=True)
    return NOBODY


# A run of capitalised words (Service Employees International Union, Jane Doe).
_EN_CAPITALS = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)+")
# A capitalised run after "the" names a thing (a paper, a building), never a person; so does
# one ending in a publication's word.
_EN_THING = re.compile(r"\bthe\s+$", re.I)
_EN_PUBLICATION = re.compile(
    r"\b(?:Times|Post|Journal|News|Herald|Tribune|Gazette|Daily|Press|Review|Weekly|Magazine|"
    r"Telegraph|Guardian|Observer|Chronicle|Wire|Agency|Television|Radio|TV)$"
)
_EN_SPOKESPERSON = re.compile(r"\bspokes(?:wo)?(?:man|person)\s+(?:for|of|at)\s+(?:the\s+)?$")


def en_mentioned(window: str) -> Speaker:
    """The last person named in ``window``, or a body whose spokesperson it names (a
    spokeswoman for the Service Employees International Union … she said)."""
    for m in reversed(list(_EN_CAPITALS.finditer(window))):
        words = m.group(0)
        if _EN_SPOKESPERSON.search(window[: m.start()]):
            body = en_speaker(words)
            if body.name and not body.person:
                return body
        if _EN_THING.search(window[: m.start()]) or _EN_PUBLICATION.search(words):
            continue  # the Daily Times, the White House: named things, not people
        person = en_speaker(words)
        if person.person and " " in person.name:
            return Speaker(person.name, person=True)
    return NOBODY
