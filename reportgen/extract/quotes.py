"""Quotes: direct speech in quotation marks with a speech verb next to it, and its speaker.

Quoted words with no speech verb (a nickname, a slogan, a plan's name, a term) are not quotes.
A quote whose attribution names nobody identifiable is kept with an empty speaker. A quote left
open at the end of a paragraph goes on in the next paragraph that opens with a quotation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportgen.extract import segment
from reportgen.extract.speakers import (
    NOBODY,
    Speaker,
    en_mentioned,
    en_speaker,
    named_person,
    no_subject,
    opening_person,
    zh_speaker,
)
from reportgen.ingest.sentences import protect, unprotect

_ZH_VERBS = sorted(
    re.split(
        r"\s+",
        "说道 说 表示 介绍 认为 指出 称 坦言 感慨 强调 告诉记者 告诉 评价 谈道 谈到 透露 直言 回忆 "
        "解释 补充 提到 呼吁 分析 坦承 笑称 感叹 表态 写道 总结 形容 解读称 提醒 建议 宣布 承诺 "
        "警告 回答 笑言 称赞 赞叹 点评 坦陈 直呼 叮嘱 寄语 说起 谈起 指明",
    ),
    key=len,
    reverse=True,
)
_ZH_VERB = r"告诉[^，。“”\n]{0,20}?记者|" + "|".join(_ZH_VERBS)
_ZH_SPAN = re.compile(r"[“「](?P<q>[^“”「」]+)(?:[”」]|$)")
_ZH_AFTER = re.compile(
    rf"^[，,]?\s*(?P<sp>[^。！？!?“”「」\n]{{1,60}}?)(?P<v>{_ZH_VERB})道?(?P<end>[。，,：:；;！？!?…]|$)?"
)
# Verbs that take whom they address before the words (勉励辽宁“…”, 询问孩子们“…”, 叮嘱老人“…”).
_ZH_TELL = re.compile(
    r"(?P<sp>[^。！？!?“”「」\n]{0,60}?)(?P<v>勉励|鼓励|嘱托|叮嘱|叮咛|指示|询问|告诫|嘱咐|问)"
    r"(?P<obj>[\u4e00-\u9fff]{0,4})$"
)
# Verbs that are speech even before a short quote (笑着说“这温度达标了”).
_ZH_PLAIN_SAY = frozenset({"说", "说道", "问", "询问", "叮嘱"})
# A quote that is what a speech noun after it holds (“…”的殷殷叮咛, “…”的严厉表态).
_ZH_NOUNS = r"(?:叮咛|嘱托|叮嘱|表态|讲话|指示|寄语)"
_ZH_SPEECH_NOUN = re.compile(rf"^的[^，。“”「」]{{0,4}}?{_ZH_NOUNS}")
# Who opens the clause after such speech nouns (“A”的殷殷叮咛，到“B”的深情嘱托，王省长…).
_ZH_NOUN_OWNER = re.compile(
    rf"^的[^，。“”「」]{{0,4}}?{_ZH_NOUNS}"
    rf"(?:[，,]?(?:到|再到|又到|和|与)?[“「][^“”「」]+[”」]的[^，。“”「」]{{0,4}}?{_ZH_NOUNS})*"
    r"[，,](?P<rest>[^。！？!?\n]{0,40})"
)
# A run of quotes (“A”；“B”“C”) closed by an ellipsis, and who opens the clause after it.
# Between the quotes may stand a short telling clause (“A”；指示某市“B”……王省长…).
_ZH_CHAIN = re.compile(
    r"^(?:[；;、，,]?[^。！？!?“”「」\n…；;，,]{0,8}[“「][^“”「」]+[”」])*(?:……|…)+"
    r"(?P<rest>[^。！？!?\n]{0,40})"
)
# A date opening the sentence after a quote (“…”。2025年1月，王省长…).
_ZH_DATE_LEAD = re.compile(r"^[。]?\s*(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:[上下]午)?[，,]?")
# After a whole quoted sentence, the person who opens the next clause (“……。”吴翔宇自称…).
_ZH_NAMED_AFTER = re.compile(r"^[，,]?\s*(?P<sp>[^。！？!?“”「」\n，,]{2,30})")
_ZH_BEFORE = re.compile(
    rf"(?P<sp>[^。！？!?“”「」\n]{{0,60}}?)(?P<v>{_ZH_VERB})道?\s*[：:，,]?\s*$"
)
# A whole sentence in quotation marks after a comma or colon is speech even with no verb
# (种粮大户贾国峰喜笑颜开，“粮食产量涨了一大截……。”): its speaker is the person named before it.
_ZH_SENTENCE_END = re.compile(r"[。！？!?…]$")
_ZH_LEAD_IN = re.compile(r"(?P<sp>[^。！？!?“”「」\n]{0,60})[，,：:]\s*$")
# A clause reporting speech earlier in the paragraph (刘颖认为，… 。“…”): a quote standing on its
# own later in the paragraph is the reporter's, unless someone else is named as speaking.
_ZH_REPORTING = re.compile(
    rf"(?:^|(?<=[。！？!?；;，,＂]))(?P<sp>[^。！？!?“”「」\n，,；;：:＂]{{1,40}}?)(?P<v>{_ZH_VERB})"
    r"(?:《[^》]{1,12}》|(?:本报)?记者)?(?P<mark>[，,：:])?"
)
_QUOTED = re.compile(r"[“「][^“”「」]*[”」]")
_MASK = "＂"  # stands in for quoted words, so that no reporting clause is found inside them
_EN_VERB = (
    r"said|says|say|told|tells|added|adds|noted|notes|explained|explains|stated|states|wrote|"
    r"writes|asked|remarked|recalled|continued|argued|warned|insisted|acknowledged|agreed|"
    r"observed|predicted|emphasized|announced"
)
# A quote unclosed where the next one opens (“… 1879. “It is …”) is one run on from a paragraph
# the source joined to this one.
_EN_SPAN = re.compile(r"(?:“(?P<a>[^“”]+)(?:”|$|(?=“))|\"(?P<b>[^\"]+)(?:\"|$))")
_EN_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?:{_EN_VERB})\s+(?P<sp1>[^\"“”.;]{{1,120}}?)(?=[.;]\s|[.;]?$|,\s*[\"“])"
    rf"|according\s+to\s+(?P<sp3>[^\"“”.;,]{{1,80}})"
    rf"|(?P<sp2>[^\"“”.;,]{{1,80}}?)\s+(?:{_EN_VERB})\b)"
)
_EN_BEFORE = re.compile(
    rf"(?P<sp>[A-Z][^\"“”.;]{{0,100}}?)\s+(?:{_EN_VERB})(?:\s+[^\"“”.;:,]{{1,40}})?"
    r"(?P<mark>[,:])?\s*$"
)


@dataclass(frozen=True)
class FoundQuote:
    """A quote's text span (without quotation marks), speaker, title, theme and attribution end."""

    start: int
    end: int
    speaker: str
    title: str
    attribution_end: int
    theme: int | None = None
    pending: bool = False  # open at a paragraph's end with its attribution still to come


def find_quotes(
    text: str, body: list[tuple[int, int, int | None]], language: str
) -> list[FoundQuote]:
    """Quotes in the body paragraphs [(start, end, theme)] of the canonical text, in order."""
    finder = _Finder(text, language)
    for start, end, theme in body:
        finder.paragraph(start, end, theme)
    return finder.found


class _Finder:
    """Walks the paragraphs, remembering the last person (for 他/she) and an open quote."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.zh = language == "zh"
        self.found: list[FoundQuote] = []
        self.last_person: Speaker | None = None
        self.open: FoundQuote | None = None  # a quote left open at the end of a paragraph
        self.window_start = 0  # where the previous paragraph starts: 他/she looks back to here
        self.at = 0  # the quote being attributed starts here
        self.previous_speech: Speaker | None = None  # the last quote's speaker, when it was speech
        self.tail: FoundQuote | None = None  # a quote ending the previous paragraph
        self.people: dict[str, Speaker] = {}  # the persons quoted so far, by name
        self.para_person: Speaker | None = None  # who spoke this paragraph's last quote
        self.end = 0  # where the previous body paragraph ends
        self.speaking: Speaker | None = None  # quoted last in the previous paragraph, named last
        self.cut: list[FoundQuote] = []  # a run's parts before a block outside the body

    def paragraph(self, start: int, end: int, theme: int | None) -> None:
        if self.text[self.end : start].strip():
            self._cut()  # an ad, a caption or a heading stands between: no quote runs across it
        self.end = end
        para = self.text[start:end] if self.zh else protect(self.text[start:end])
        self.previous_speech = None
        self.para_person = None
        pattern = _ZH_SPAN if self.zh else _EN_SPAN
        carried, self.open = self.open, None
        resume = 0  # where a carried quote must open again to go on
        for m in pattern.finditer(para):
            group = "q" if self.zh else ("a" if m.group("a") is not None else "b")
            q_start, q_end = m.start(group), m.end(group)
            closed = m.end() > m.end(group)
            self.at = start + m.start()
            if carried is not None and not para[resume : m.start()].strip():
                if carried.pending and closed:
                    self._close_pending(carried, para, m, start)
                else:
                    self._continue(carried, start + q_end, start + m.end(), closed)
                carried, self.open, resume = self.open, None, m.end()
                continue
            carried = None
            speaker, att_end, speech = self._attribution(para, m, q_start, q_end, closed)
            if not speech and m.start() == 0:
                if not closed:  # its attribution may come where it closes, paragraphs on
                    self.open = FoundQuote(
                        start + q_start, start + q_end, "", "", start + m.end(), theme, True
                    )
                    continue
                if not self.zh and self._whole_paragraph(para, m):
                    if self.tail is not None:  # “…,” she said. ⏎ “…”: her quote goes on
                        self._extend_tail(start + q_end)
                        continue
                    speaker = self.last_person or NOBODY  # a statement's speaker goes on
                    att_end, speech = m.end(), True
                elif self.zh and self.speaking is not None and self._whole_paragraph(para, m):
                    speaker, att_end, speech = self.speaking, m.end(), True  # goes on speaking
            self.previous_speech = speaker if speech else None
            if not speech:
                continue
            quote = FoundQuote(
                start + q_start, start + q_end, speaker.name, speaker.title, start + att_end, theme
            )
            self._take(quote, speaker, closed)
        if carried is not None and resume:
            self.open = carried  # gone on through this paragraph, still open
        if self.open is None or not self.open.pending:
            self.cut = []
        self.speaking = self._still_speaking(para) if self.zh else None
        self.tail = None
        if self.found and self.found[-1].attribution_end >= start + len(para.rstrip()) - 2:
            self.tail = self.found[-1]
        self.window_start = start

    def _take(self, quote: FoundQuote, speaker: Speaker, closed: bool) -> None:
        if speaker.person:
            self.last_person = self.para_person = speaker
            self.people.setdefault(speaker.name, speaker)
        if closed and quote.start >= 0:
            self.found.append(quote)
        elif not closed:
            self.open = quote

    def _still_speaking(self, para: str) -> Speaker | None:
        """The person quoted in this paragraph who is also the last one it names: a quoted
        paragraph after it, standing alone, goes on with their words (“A。”…某总理… ⏎ “B。”)."""
        if self.para_person is None:
            return None
        named = named_person(_QUOTED.sub("", para))
        return self.para_person if named.name == self.para_person.name else None

    def _cut(self) -> None:
        """A block outside the body ends the open quote where it stands: one whose speaker is
        known is found as it is; one whose attribution is still to come waits for it. The run
        goes on past the block as a ghost (start -1), never found, so that its close still
        gives the attribution and its rest is no second quote."""
        self.tail = self.speaking = None
        if self.open is None or self.open.start < 0:
            return
        if self.open.pending:
            self.cut.append(self.open)
        else:
            self.found.append(self.open)
        self.open = replace(self.open, start=-1)

    def _close_pending(self, quote: FoundQuote, para: str, m: re.Match, start: int) -> None:
        """A quote run over paragraphs closes here: its attribution follows the close (and is
        also that of the run's parts a block outside the body cut off before it)."""
        group = "q" if self.zh else ("a" if m.group("a") is not None else "b")
        speaker, att_end, speech = self._attribution(para, m, m.start(group), m.end(group), True)
        if speech:
            for part in self.cut:
                self.found.append(replace(part, speaker=speaker.name, title=speaker.title))
            self.cut = []
            longer = replace(
                quote,
                end=start + m.end(group),
                speaker=speaker.name,
                title=speaker.title,
                attribution_end=start + att_end,
                pending=False,
            )
            self._take(longer, speaker, True)

    def _whole_paragraph(self, para: str, m: re.Match) -> bool:
        """The quote is the whole paragraph, one sentence or more of some length."""
        q = m.group("q") if self.zh else (m.group("a") or m.group("b") or "")
        long = len(q) >= 8 if self.zh else len(q.split()) >= 6
        ends = bool(re.search(r"[。！？!?….]\s*$", q))
        return long and ends and not para[m.end() :].strip()

    def _extend_tail(self, end: int) -> None:
        """The quote ending the previous paragraph goes on through this one."""
        i = self.found.index(self.tail)
        self.found[i] = replace(self.tail, end=end, attribution_end=max(end, self.tail.end))
        self.tail = self.found[i]

    def _continue(self, quote: FoundQuote, end: int, att_end: int, closed: bool) -> None:
        longer = replace(quote, end=end, attribution_end=max(att_end, end))
        if not closed:
            self.open = longer
        elif longer.start >= 0:  # (a ghost run past a block outside the body is never found)
            self.found.append(longer)

    def _attribution(
        self, para: str, m: re.Match, q_start: int, q_end: int, closed: bool
    ) -> tuple[Speaker, int, bool]:
        """(speaker, attribution end, whether it is speech) for one quoted span."""
        if self.zh:
            return self._zh(para, m, closed)
        return self._en(para, m, closed)

    def _zh(self, para: str, m: re.Match, closed: bool) -> tuple[Speaker, int, bool]:
        if closed and _ZH_SPEECH_NOUN.match(para[m.end() :]) and len(m.group("q")) >= 6:
            return self._noun_owner(para, m), m.end(), True  # 公安部“…”的严厉表态
        if closed and not _stands_alone(para, m):
            return NOBODY, m.end(), False  # “禁止…”是市场的误读, “机器狗之父”、: a term
        after = _ZH_AFTER.match(para[m.end() :]) if closed else None
        if after and _verb_is_word(after.group("sp"), after.group("v")):
            speaker = zh_speaker(after.group("sp"), self._mentioned())
            if after.group("end") is not None or speaker.person:  # 张凡说只能…: still his
                return speaker, m.end() + after.end(), True
        if self.previous_speech is not None and _follows(para, m):
            return self.previous_speech, m.end(), True  # “A”“B” after one 强调：
        before = _ZH_BEFORE.search(para[: m.start()])
        if before and _verb_is_word(before.group("sp"), before.group("v")):
            bare = not re.search(r"[：:，,]\s*$", before.group(0))
            plain = before.group("v") in _ZH_PLAIN_SAY and len(m.group("q")) >= 4
            if not bare or plain or len(m.group("q")) >= 8 or _whole_sentence(para, m):
                return zh_speaker(before.group("sp"), self._mentioned(), zero=True), m.end(), True
        told = self._told(para, m)
        if told is not None:
            return told, m.end(), True
        chained = self._chain(para, m) if closed else None
        if chained is not None:
            return chained, m.end(), True
        whole = _whole_sentence(para, m)
        lead_in = _ZH_LEAD_IN.search(para[: m.start()])
        reporter = self._reporter(para, m)
        if lead_in and whole and len(m.group("q")) >= 8:
            person = named_person(lead_in.group("sp"))
            if not person.person:
                person = reporter or self._known(lead_in.group("sp"))
            if not person.name:  # 居民顾兰妹乔迁新居。按下按钮，…，“…！”: the paragraph's person
                person = named_person(_QUOTED.sub("", para[: m.start()]))
            return person, m.end(), True
        if reporter is not None:
            return reporter, m.end(), True
        opener = m.start() == 0 or para[m.start() - 1] in "。！？!?"
        rest = _ZH_DATE_LEAD.sub("", para[m.end() :], count=1)
        run_on = rest[:1] in ("，", ",")  # “…”，刘兴亮劝导消费者…
        named = _ZH_NAMED_AFTER.match(rest) if closed and opener and (whole or run_on) else None
        if named is not None and len(m.group("q")) >= 8:
            sentence = re.split(r"[。！？!?；;]", rest, maxsplit=1)[0]
            for clause in re.split(r"[，,]", sentence.lstrip("，,。"))[:2]:
                person = opening_person(clause)  # “…。”会后首次调研，张部长…
                if person is not None:
                    return person, m.end(), True
        return NOBODY, m.end(), False

    def _noun_owner(self, para: str, m: re.Match) -> Speaker:
        """Whose words a speech noun holds: the body or person right before the quote, else the
        person opening the clause after the nouns (“A”的殷殷叮咛，到“B”的嘱托，王省长…)."""
        speaker = _right_before(para, m)
        if speaker.name:
            return speaker
        owner = _ZH_NOUN_OWNER.match(para[m.end() :])
        return (opening_person(owner.group("rest")) if owner else None) or NOBODY

    def _told(self, para: str, m: re.Match) -> Speaker | None:
        """The speaker of 勉励辽宁“…”, 叮嘱老人“…”: a telling verb and whom it addresses. A
        clause with no subject is told by the person opening the clause after the run of such
        quotes (勉励某省“A”；指示某市“B”……王省长…), else by the person who spoke the
        paragraph's earlier quote (笑着说“A”；在某中学，询问孩子们“B”)."""
        told = _ZH_TELL.search(para[: m.start()])
        if told is None or len(m.group("q")) < 4 or not _addressee(told.group("obj")):
            return None
        if not _verb_is_word(told.group("sp"), told.group("v")):
            return None
        speaker = zh_speaker(told.group("sp"), self._mentioned())
        if speaker.name or not no_subject(told.group("sp")):
            return speaker
        return self._chain(para, m) or self.para_person or NOBODY

    def _chain(self, para: str, m: re.Match) -> Speaker | None:
        """The person who opens a clause after a run of quotes closed by an ellipsis
        (“A”；“B”……王省长…, “A”……一次次调研，王省长…)."""
        if len(m.group("q")) < 6:
            return None
        chain = _ZH_CHAIN.match(para[m.end() :])
        if chain is None:
            return None
        for clause in re.split(r"[，,]", chain.group("rest"))[:3]:
            person = opening_person(clause)  # 一次次调研、…，王省长指方向
            if person is not None:
                return person
        return None

    def _reporter(self, para: str, m: re.Match) -> Speaker | None:
        """The speaker of the paragraph's last reporting clause before the quote (他坦言，…，“…”),
        for a quote of a sentence's length; nobody named when the clause names no one."""
        if len(m.group("q")) < 8 or para[m.end() : m.end() + 1] in ("？", "?"):
            return None
        before = _QUOTED.sub(lambda q: _MASK * len(q.group(0)), para[: m.start()])
        for found in reversed(list(_ZH_REPORTING.finditer(before))):
            if not _verb_is_word(found.group("sp"), found.group("v")):
                continue
            speaker = zh_speaker(found.group("sp"), self._mentioned())
            if not speaker.name:  # 夏勇峰出席年会并发表讲话称
                speaker = opening_person(found.group("sp")) or NOBODY
            if speaker.name or found.group("mark"):
                return speaker
        return None

    def _en(self, para: str, m: re.Match, closed: bool) -> tuple[Speaker, int, bool]:
        after = _EN_AFTER.match(para[m.end() :]) if closed else None
        if after:
            who = after.group("sp1") or after.group("sp2") or after.group("sp3") or ""
            return self._en_who(who), m.end() + after.end(), True
        before = _EN_BEFORE.search(para[: m.start()])
        words = len((m.group("a") or m.group("b") or "").split())
        if before and (before.group("mark") or words >= 4):  # says “these contrast …”
            return self._en_who(before.group("sp")), m.end(), True
        if closed and words >= 6 and re.search(r"[.!?]\W*$", m.group(0)):
            told = _EN_SAID.match(_last_sentence(para[max(0, m.start() - 300) : m.start()]))
            speaker = self._en_who(told.group("sp")) if told else NOBODY
            if speaker.person:  # Jane Doe said the plant would close. “We tried everything.”
                return speaker, m.end(), True
        return NOBODY, m.end(), False

    def _known(self, words: str) -> Speaker:
        """The last person already quoted whom ``words`` name (周顺义一一列举：…)."""
        best, at = NOBODY, -1
        for person in self.people.values():
            where = words.rfind(person.name) if self.zh and len(person.name) >= 2 else -1
            if where > at:
                best, at = person, where
        return best

    def _mentioned(self) -> Speaker | None:
        """The person a pronoun refers to: the last one named (outside quotation marks) in this
        paragraph or the one before, else the last speaker."""
        window = self.text[max(self.window_start, self.at - 400) : self.at]
        window = re.sub(r"“[^“”]*”|\"[^\"]*\"", "", window)
        found = named_person(window) if self.zh else en_mentioned(window)
        return found if found.name else self.last_person

    def _en_who(self, who: str) -> Speaker:
        speaker = en_speaker(unprotect(who), self._mentioned())
        if speaker.person and " " not in speaker.name:
            known = self._known_surname(speaker.name)
            if known is not None:
                return known
        return speaker

    def _known_surname(self, surname: str) -> Speaker | None:
        """The full name of a person first named earlier (Hansen -> Alec Hansen)."""
        for q in reversed(self.found):
            if q.speaker.split()[-1:] == [surname]:
                return Speaker(q.speaker, q.title, person=True)
        m = re.search(rf"\b([A-Z][a-z'’-]+(?:\s+[A-Z]\.)?\s+{re.escape(surname)})\b", self.text)
        return Speaker(m.group(1), "", person=True) if m else None


# A sentence reporting what someone said (Union president Jane Doe said the strike goes on.).
_EN_SAID = re.compile(rf"^(?P<sp>[A-Z][^\"“”.;,]{{0,80}}?)\s+(?:{_EN_VERB})\b[^\"“”]*[.!?]\s*$")


def _last_sentence(text: str) -> str:
    """The last whole sentence of ``text`` when it ends one (else '')."""
    text = text.rstrip()
    if not text.endswith((".", "!", "?")):
        return ""
    return re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text)[-1]


def _whole_sentence(para: str, m: re.Match) -> bool:
    """The quoted words are a sentence: they end with its mark inside or just after the quote;
    a question mark after it makes them part of the writer's question (如何…“确保…”？)."""
    return bool(_ZH_SENTENCE_END.search(m.group("q"))) or para[m.end() : m.end() + 1] in (
        "。",
        "！",
    )


def _follows(para: str, m: re.Match) -> bool:
    """The quote comes right after another one (“A”“B”, “A”、“B”)."""
    return m.start() > 0 and para[m.start() - 1] in "”」、"


def _addressee(obj: str) -> bool:
    """Whom a telling verb addresses: nobody, a place, a person or a group (辽宁, 孩子们, 老人)."""
    if not obj:
        return True
    tags = {t for _, t in segment.words(obj)}
    return obj.endswith("们") or bool(tags & (segment.PLACE | segment.PERSON | {"n", "r"}))


def _right_before(para: str, m: re.Match) -> Speaker:
    """The body or person named right before a quote (在公安部“…”), else nobody."""
    clause = re.split(r"[，,。；;：:！？!?]", para[: m.start()])[-1]
    clause = re.sub(r"^(?:[^在从]*[在从])", "", clause)
    return zh_speaker(clause) if clause else NOBODY


def _stands_alone(para: str, m: re.Match) -> bool:
    """Speech ends with its own punctuation inside the marks, or is followed by a comma, a full
    stop or the paragraph end; quoted words that run on into the sentence (“X”是…, “X”、) or
    sit in a list are terms."""
    if _ZH_SENTENCE_END.search(m.group("q")) or m.group("q")[-1:] in "，,；;：:":
        return True
    after = para[m.end() : m.end() + 1]
    return after in ("", "，", ",", "。", "！", "？", "!", "?", "；", ";", "…", "\n", "“", "「")


def _verb_is_word(before: str, verb: str) -> bool:
    """The speech verb stands as a word of its own (对浙江来说 holds 说 but says nothing)."""
    tail = (before[-6:] + verb).strip()
    pairs = segment.words(tail)
    joined = ""
    for word, _ in reversed(pairs):
        joined = word + joined
        if joined == verb:
            return True
        if len(joined) >= len(verb):
            return False
    return False
