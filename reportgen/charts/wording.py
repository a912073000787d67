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
