"""A slide bullet from a point: its key sentence, or its main clause, kept word for word.

The deck summarises where the brief keeps every paragraph: a bullet's head is the point's key
sentence (a question or a bare transition such as "Things changed." is no key sentence: the
sentence after it is), with a leading dateline, attribution or connective trimmed (本报北京4月
2日电（记者…）, 据统计，, Meanwhile,) when what follows stands alone. A head too long for a
bullet is cut at a clause boundary into its main clause (the head) and the rest of its sentence
(the body, which then replaces the case sentence): nothing is paraphrased, no figure is cut, and
no ellipsis stands in the middle of a thought. Extractive only: every word shown is the
article's, in the article's order.
"""

from __future__ import annotations

import re

# Longest head of a bullet (characters), and the shortest main clause a head is cut to.
HEAD_MAX = {"zh": 56, "en": 140}
HEAD_MIN = {"zh": 10, "en": 40}
_QUESTION = re.compile(r"[？?][”’」』）)\"']*\s*$")
_ZH_FRAME_START = re.compile(
    r"(?:在|对于|对|随着|为了|为|从|自|当|通过|针对|围绕|按照|根据|经过|截至|截止|就|据|面对|基于|受|"
    r"不管|无论|不论)"
)
# A clause that only says who tells what follows (国家统计局公布数据, 某某表示): no head ends on it.
_ZH_SAYS_END = re.compile(
    r"(?:显示|表示|指出|认为|称|介绍|透露|强调|说|公布数据|发布数据|发布报告)$"
)
_ZH_FRAME_END = re.compile(
    r"(?:而言|来说|看来|方面|期间|以来|之际|之后|以后|之前|以前|时|时间|下|中|里|上|后|年|月|日|季度|半年|年度|目前|当前|如今|近年|近日|日前)$"
)
# A sentence opening on a subordinate clause (purpose, concession, cause, condition): its
# main clause comes after clauses that cannot stand alone.
_ZH_SUBORDINATE = re.compile(
    r"(?:为了|为|随着|通过|虽然|尽管|如果|若|由于|因为|即使|除了|只要|只有)"
)
_EN_SUBORDINATE = re.compile(
    r"(?:Although|Though|While|If|Because|Since|Unless|Whereas|To\s\w+|Despite)\b"
)
_EN_FRAME_START = re.compile(
    r"(?:In|At|On|For|After|Before|During|Since|With|As|Under|By|From|When|While|Although|"
    r"Though|If|Despite|According to|Last|This|Next|Earlier|Later)\b"
)
# Datelines and attributions a Chinese report opens with: 本报北京4月2日电, 新华社北京电,
# （记者 某某）, 记者从某部门获悉：, 据统计，, 据了解，.
_ZH_DATELINE = re.compile(
    r"^(?:本报|新华社|中新社|中新网|人民网|央视网|新华网)[^，。：:]{0,16}?电\s*"
    r"(?:[（(][^）)]{0,30}[）)])?\s*"
)
_ZH_REPORTER = re.compile(r"^[（(]?记者[^，。：:）)]{0,12}[）)]\s*")
_ZH_LEARNED = re.compile(r"^记者[^，。：:]{0,24}?(?:获悉|了解到)[：:，,]\s*")
_ZH_CONNECTIVE = re.compile(
    r"^(?:据(?:统计|了解|介绍|悉|测算|初步统计)|(?:公开)?(?:信息|资料|数据|统计|调查)显示|此外|另外|同时|与此同时|而且|并且|不仅如此|"
    r"总的来看|总体来看|总之|可以说|事实上|值得一提的是|值得注意的是)[，,：:]\s*"
)
_EN_CONNECTIVE = re.compile(
    r"^(?:Meanwhile|In addition|Additionally|Also|Moreover|Furthermore|However|Still|Besides|"
    r"In fact|Indeed|Overall|Separately|Likewise)\s*,\s*(?=[A-Za-z\"“])"
)
# Where a Chinese sentence may be cut into clauses; in English, a comma or semicolon before a
# space (never inside 7,000).
_ZH_CLAUSE = re.compile(r"[，；：,;](?![”’」』])")
# In English only a semicolon, or a comma before a conjunction, a relative word or a reported
# speaker (", a spokeswoman … said"), ends a clause: commas also join adjectives ("a full time,
# full year student") and list items.
_EN_CLAUSE = re.compile(
    r";(?=\s)|,(?=\s+(?:and|but|while|whereas|which|who|although|though|yet|so|including|"
    r"according to)\b)|,(?=\s+(?:an?|the)\s[^,.;]{0,80}\b(?:said|says|told)\b)"
)


# A list number a digest item opens with (1、, （一）, 2.) and Markdown emphasis left in the text
# (**): the slide's accent bar marks the item, and ** is no word of the article.
_ENUMERATOR = re.compile(
    r"^(?:\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*"
)
_EMPHASIS = re.compile(r"\*\*|__")


def clean(text: str) -> str:
    """``text`` without a leading list number or Markdown emphasis marks."""
    return _ENUMERATOR.sub("", _EMPHASIS.sub("", text).strip(), count=1)


def trim_opening(sentence: str, language: str, named_source: bool = False) -> str:
    """``sentence`` without a leading dateline, reporter, attribution or connective, when what
    is left still holds a clause of its own (otherwise the sentence as it was). With
    ``named_source`` the attribution that names where the news came from (记者从某部门获悉：)
    stays: a brief's key point keeps its source, a slide's bullet is shorter without it."""
    text = sentence.strip()
    if language == "zh":
        learned = () if named_source else (_ZH_LEARNED,)
        for pattern in (_ZH_DATELINE, _ZH_REPORTER, *learned, _ZH_CONNECTIVE):
            text = pattern.sub("", text, count=1)
    else:
        rest = _EN_CONNECTIVE.sub("", text, count=1)
        if rest != text:
            text = rest[:1].upper() + rest[1:]
    return text if len(text) >= HEAD_MIN.get(language, 10) // 2 else sentence.strip()


def weak(sentence: str, language: str) -> bool:
    """Whether ``sentence`` is no key sentence: empty, a question or a bare transition (a short
    statement is kept: a section's points are often as short as 有效激发消费活力。)."""
    text = sentence.strip()
    return not text or bool(_QUESTION.search(text)) or transition(text, language)


# The words a bare transition is made of ("如今情况不同了。", "But that was then.", "Things
# changed."): time and reference words, connectives, change verbs, particles. A short sentence
# made of nothing else carries no figure, no named subject and no claim: it only turns the story.
_ZH_TURN_WORDS = sorted(
    set(
        re.findall(
            r"\S+",
            (
                "如今 现在 眼下 当下 此时 那时 这时 当时 后来 此后 "
                "从此 今天 今日 过去 以前 以往 曾经 然而 但是 可是 "
                "不过 于是 而且 情况 形势 局面 事情 一切 故事 问题 "
                "变化 这些 那些 这个 那个 这样 那样 如此 已经 早已 "
                "终于 真的 确实 其实 完全 彻底 悄然 正在 开始 发生 "
                "出现 来了 改变 不同 一样 不再 再也 没有 可 但 却 "
                "而 事 这 那 此 就 也 都 又 还 再 已 大 很 正 "
                "在 变 样 不 是 了 呢 啊 吧 的 之 有 所 还有 "
                "另外 另 一个 关键 一点 点 这里"
            ),
        )
    ),
    key=len,
    reverse=True,
)
_ZH_TURN = re.compile("(?:" + "|".join(map(re.escape, _ZH_TURN_WORDS)) + ")+")
_EN_TURN_WORDS = set(
    re.findall(
        r"\S+",
        (
            "a again all and any anymore are be been but case change changed changing "
            "different everything had has have however is it it's longer more no not "
            "now so still story that that's the then things this times today was well "
            "were yet here here's there's another key point thing one more next "
            "finally"
        ),
    )
)
_TURN_MOST = {"zh": 12, "en": 6}  # characters (zh) or words (en) of a bare transition


def transition(sentence: str, language: str) -> bool:
    """Whether ``sentence`` is a bare transition: short, with no digit, and made only of the
    time, reference, connective and change words above (如今情况不同了。, But that was then.)."""
    text = sentence.strip().replace("’", "'").rstrip("。！!.…”'\": ：")
    if not text or re.search(r"\d", text):
        return False
    if re.search(r"[\u4e00-\u9fff]", text):  # the sentence's own language, not the article's
        core = re.sub(r"[，,、；;：:\s“”‘’\"']", "", text)
        return len(core) <= _TURN_MOST["zh"] and not _ZH_TURN.sub("", core)
    words = re.findall(r"[A-Za-z']+", text)
    return 0 < len(words) <= _TURN_MOST["en"] and all(w.lower() in _EN_TURN_WORDS for w in words)


def _frame(clause: str, language: str) -> bool:
    """Whether ``clause`` only frames what follows (a time, a place, a topic: 前段时间, 在…方面,
    对…而言, In 2024, As a result): a head never ends on one."""
    clause = clause.strip()
    if language == "zh":
        return bool(
            _ZH_FRAME_START.match(clause)
            or _ZH_FRAME_END.search(clause)
            or _ZH_SAYS_END.search(clause)
        )
    return bool(_EN_FRAME_START.match(clause))


def main_clause(sentence: str, language: str, longest: int | None = None) -> tuple[str, str]:
    """(head, rest): ``sentence`` cut at the first clause boundary that leaves a head of at least
    HEAD_MIN characters and at most ``longest`` (HEAD_MAX); the whole sentence and "" when it
    fits already or no boundary serves. The boundary's punctuation is dropped from the head."""
    longest = longest or HEAD_MAX.get(language, 120)
    if len(sentence) <= longest:
        return sentence, ""
    shortest = HEAD_MIN.get(language, 10)
    pattern = _ZH_CLAUSE if language == "zh" else _EN_CLAUSE
    if (_ZH_SUBORDINATE if language == "zh" else _EN_SUBORDINATE).match(sentence):
        return sentence, ""  # 为了…, 虽然…, Although…: the main clause comes late, no cut serves
    for m in pattern.finditer(sentence):
        if m.start() > longest:
            break
        head = sentence[: m.start()]
        last = re.split(r"[，；：,;:]\s*", head)[-1]
        if len(head) >= shortest and _balanced(head) and not _frame(last, language):
            rest = sentence[m.end() :].strip()
            if rest:
                return sentence[: m.start()].rstrip(), rest
    return sentence, ""


def _balanced(text: str) -> bool:
    """Whether every quote and bracket opened in ``text`` is closed in it (a cut never leaves
    “… open)."""
    pairs = ("“”", "「」", "『』", "《》", "（）", "()")
    return all(text.count(a) == text.count(b) for a, b in pairs) and text.count('"') % 2 == 0


# Longest body of a bullet (characters): a longer case is cut to its main clause, or, when it
# has none, left to the speaker notes (``note``) and the brief; never cut mid-thought.
BODY_MAX = {"zh": 60, "en": 160}


def bullet(head: str, body: str, language: str) -> dict:
    """A slide bullet from a point (``head``, its case ``body``): the key sentence, trimmed of
    its opening, cut to its main clause when too long (the rest of the sentence then is the
    body); a body longer than BODY_MAX is cut to its main clause, or left out when it has none.
    When the body is cut, ``note`` holds the bullet's whole text (the speaker notes read it)."""
    head, body = clean(head), _EMPHASIS.sub("", body).strip()
    if weak(head, language) and body and not weak(body, language):
        head, body = body, ""
    head = trim_opening(head, language)
    head, rest = main_clause(head, language)
    if rest:
        body = rest
    # a clause the page ended on a semicolon or comma (a list run into a paragraph) ends bare
    head = head.rstrip("；;，, ") or head
    body = body.rstrip("；;，, ") or body
    longest = BODY_MAX.get(language, 160)
    if len(body) <= longest:
        return {"head": head, "body": body}
    whole = _said(head, body, language)
    short, more = main_clause(body, language, longest)
    body = short if more and len(short) <= longest else ""
    return {"head": head, "body": body, "note": whole}


def _said(head: str, body: str, language: str) -> str:
    """A point's head and body as one text, as the article says them."""
    if head and body and head.rstrip()[-1:] not in "。！？；：.!?;:”’\"')）":
        return f"{head}，{body}" if language == "zh" else f"{head}, {body}"
    return f"{head}{body}" if language == "zh" else " ".join(x for x in (head, body) if x)


def bullets(items: list[dict], language: str) -> list[dict]:
    """The bullets of a list of points: each made a ``bullet``; a point that is nothing but a
    question, a bare figure another bullet states with its words, or a table flattened into a
    line, is left to the brief when others remain; a line of page chrome (``chrome``) never is
    a bullet."""
    items = [i for i in items if not chrome(i["head"])]
    out = [bullet(i["head"], i["body"], language) for i in items]
    text = " ".join(b["head"] + b["body"] for b in out)
    kept = [
        b
        for b in out
        if not table(b["head"])
        and (b["body"] or not (weak(b["head"], language) or _echoed_figure(b["head"], text)))
    ]
    return kept or out


_NUMBER = re.compile(r"\d[\d,.]*")


def table(head: str, most: int = 8) -> bool:
    """Whether ``head`` is a table flattened into a line (``most`` figures or more): the brief
    keeps it, a bullet cannot say its rows and columns."""
    return len(_NUMBER.findall(head)) >= most


_BARE_FIGURE = re.compile(r"[\d.,%％\s]+[^\s\d]{0,3}")


def _echoed_figure(head: str, text: str) -> bool:
    """Whether ``head`` is a bare figure (80%, 33.78万个: a page's big-number callout) that
    another bullet states with its words."""
    head = head.strip().rstrip("。.")
    return bool(_BARE_FIGURE.fullmatch(head)) and text.count(head) > 1


def chrome(text: str) -> bool:
    """Whether ``text`` is a line of the page rather than of the article (navigation, an ad, a
    credit, a byline, a photo credit), by the furniture patterns ingest reads pages with: if
    one reaches a plan, it is no bullet and no title."""
    from reportgen.ingest.patterns import ad, kind

    line = text.strip()
    return bool(line) and (kind(line) in ("furniture", "credit", "caption", "byline") or ad(line))
