"""The words charts use (labels, formats, badges), merged from the template folders."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.model import Fact

# What a phrase cut after a date's digits opens with (2023年我国… read as 年我国…).
_CUT_DATE = re.compile(r"^(?:年|月份|月|日|季度|号)")


def bar_label(fact: Fact) -> str:
    """What a bar or a chart title names: what the figure counts, or its label when that phrase
    opens with the tail of a date (年我国经济发展新动能指数: the year's digits fell off)."""
    counts = fact.counts.strip()
    cut = _CUT_DATE.match(counts)
    if cut and fact.label.strip():
        return fact.label.strip()
    if cut and len(counts) - cut.end() >= 2:  # 月份钢铁行业PMI: the date's tail is no word of it
        return counts[cut.end() :]
    return counts


# The period a figure's sentence states before it: 2023年, 8月份, 1-8月, 上半年, 前三季度; in
# English "in August", "in 2023".
_ZH_PERIOD = re.compile(
    r"(?:\d{4}年)?(?:\d{1,2}\s*[-—–至~]\s*)?\d{1,2}月份?(?:末|底)?"
    r"|\d{4}年(?:上半年|下半年|前三季度|[一二三四]季度|末|底)?"
    r"|(?:上半年|下半年|前三季度|[一二三四]季度)"
)
_EN_PERIOD = re.compile(
    r"\b(?:[Ii]n|[Ff]or|[Dd]uring)\s+((?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:\s+\d{4})?|(?:19|20)\d{2})\b"
)


def period(sentence_before: str, language: str) -> str:
    """The last period the words before a figure state ("" when none): what a chart's bar of
    the stated value is called instead of a bare "now" (8月份, not 当前). In Chinese only a
    time phrase of its own (opening its clause or closed by a comma), never a year inside a
    name (根据2023年全省…报告显示)."""
    sentence_before = sentence_before.replace("*", "")  # Markdown emphasis marks no clause
    if language == "zh":  # a time phrase of its own: opening its clause or closed by a comma
        found = [
            m
            for m in _ZH_PERIOD.finditer(sentence_before)
            if sentence_before[m.end() : m.end() + 1] in "，,"
            or sentence_before[max(0, m.start() - 1) : m.start()] in ("", "，", ",", "。", "；")
        ]
        return found[-1].group(0).replace(" ", "") if found else ""
    found = list(_EN_PERIOD.finditer(sentence_before))
    return found[-1].group(1) if found else ""


@dataclass
class Wording:
    """The chart labels of one language, with small formatting helpers."""

    labels: dict[str, str]
    language: str = "zh"

    def __getitem__(self, key: str) -> str:
        return self.labels[key]

    def fmt(self, key: str, **fields: object) -> str:
        return self.labels[key].format(**fields)

    def words(self, key: str) -> set[str]:
        return {w.strip() for w in self.labels.get(key, "").split(",") if w.strip()}

    def number(self, value: float) -> str:
        """A value as text: no trailing zeros, thousands separators when the language uses them."""
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        sep = self.labels.get("thousands", "")
        if not sep:
            return text
        sign = "-" if text.startswith("-") else ""
        whole, dot, frac = text.lstrip("-").partition(".")
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        return sign + sep.join(groups) + dot + frac

    def display(self, fact: Fact) -> str:
        """The value as the article qualifies it: 突破1200, 180余, 近80 / 1,600+, nearly 80."""
        n = self.number(fact.value)
        word = fact.qualifier_word.strip()
        if word and self.labels.get("qualifier_style") == "word":
            sep = self.labels.get("word_sep", "")
            if fact.text.lstrip().startswith(word):
                return f"{word}{sep}{n}"
            return f"{n}{sep}{word}"
        if fact.qualifier != "exact":
            return self.fmt(f"qualifier_{fact.qualifier}", n=n)
        return n

    def with_unit(self, value: str, unit: str) -> str:
        return self.fmt("value_unit", value=value, unit=unit).strip() if unit else value

    def ordinal(self, position: int) -> str:
        numerals = self.labels.get("numerals", "")
        return numerals[position] if 0 < position < len(numerals) else str(position)


def load_wording(language: str, dirs: list | None = None) -> Wording:
    """The chart labels for ``language`` from the template folders (user folder first)."""
    from reportgen.plans import labels, template_dirs

    return Wording(labels("chart", language, dirs or template_dirs()), language)
