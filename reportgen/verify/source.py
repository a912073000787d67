"""What the outputs may show, read once from the model and the chart specs, with indexes that
keep each check's cost to the figure's own words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportgen.ingest.dates import display_date
from reportgen.ingest.numbers import NUMBER
from reportgen.ingest.sentences import SPLIT_FOR_SEARCH
from reportgen.model import Model

_NUMBER = re.compile(NUMBER)  # the extractor's own reading of a number
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_FOLD = str.maketrans("，：；！？（）［］｛｝％", ",:;!?()[]{}%")
_NOISE = re.compile(r"[\s\u00a0\u3000]+")


@dataclass
class Source:
    """Numbers, quantities and labels the outputs may show, read from the model and charts."""

    language: str
    text: str
    folded: str
    tokens: set[str]
    values: list[float]
    quantities: dict[str, list[float]]
    derived: list[float]
    labels: set[str]
    # each sentence of the article (lower-cased for English) with its quantities (base unit, value)
    statements: list[tuple[str, list[tuple[str, float]]]] = field(default_factory=list)
    # the article's file name and stem, and its publication date (from the page's metadata, it
    # may be in no line of the text): shown as provenance (a title, the sources slide), no figure
    names: list[str] = field(default_factory=list)
    # derived chart values by the chart's unit: a value with a unit may be one only in that unit
    derived_units: dict[str, list[float]] = field(default_factory=dict)
    # indexes built once, so each figure checked costs what its own words cost, not the article
    _by_unit: dict | None = field(default=None, repr=False, compare=False)
    _bigrams: set | None = field(default=None, repr=False, compare=False)
    _lower: str | None = field(default=None, repr=False, compare=False)
    _known: dict = field(default_factory=dict, repr=False, compare=False)
    _unit_index: dict = field(default_factory=dict, repr=False, compare=False)
    _casefold: str | None = field(default=None, repr=False, compare=False)
    _found: dict = field(default_factory=dict, repr=False, compare=False)

    def quantities_in(self, text: str) -> list:
        """The quantities in ``text`` (a piece of an output), parsed once however many checks
        read the piece (the number parser was a third of verify's time on large documents)."""
        found = self._found.get(text)
        if found is None:
            from reportgen.ingest.numbers import find_quantities

            found = self._found[text] = find_quantities(text, self.language)
        return found

    @property
    def folded_casefold(self) -> str:
        """``folded`` in lower case (a label opening with a capital is the article's words)."""
        if self._casefold is None:
            self._casefold = self.folded.casefold()
        return self._casefold

    def statements_of(self, unit: str) -> list[tuple[str, list[tuple[str, float]]]]:
        """The statements that state a quantity in ``unit`` (casefolded base unit)."""
        if self._by_unit is None:
            index: dict[str, list] = {}
            for statement in self.statements:
                for u in {u for u, _ in statement[1]}:
                    index.setdefault(u, []).append(statement)
            self._by_unit = index
        return self._by_unit.get(unit, [])

    def unit_index(self, unit: str):
        """For Chinese: the statements of ``unit`` as (sorted (value, id) pairs, bigram -> ids).

        A Han bigram is in a sentence exactly when it is one of the sentence's bigrams, so the
        scores of _better_home come from these postings. None for English (substring words)."""
        if self.language != "zh":
            return None
        cache = self._unit_index
        if unit not in cache:
            values, postings = [], {}
            for i, (sentence, found) in enumerate(self.statements_of(unit)):
                values += [(v, i) for u, v in found if u == unit]
                grams = {r[j : j + 2] for r in _HAN.findall(sentence) for j in range(len(r) - 1)}
                for gram in grams:
                    postings.setdefault(gram, []).append(i)
            values.sort()
            cache[unit] = (values, postings)
        return cache[unit]

    def uses(self, word: str) -> bool:
        """Whether the article's text holds ``word`` (a Han bigram, or lower-case English)."""
        if self.language == "zh" and len(word) == 2 and _HAN.fullmatch(word):
            if self._bigrams is None:
                self._bigrams = {
                    run[i : i + 2] for run in _HAN.findall(self.text) for i in range(len(run) - 1)
                }
            return word in self._bigrams
        known = self._known.get(word)
        if known is None:
            if self._lower is None:
                self._lower = self.text.lower()
            known = self._known[word] = word in (
                self.text if self.language == "zh" else self._lower
            )
        return known

    @classmethod
    def of(cls, model: Model, specs: Iterable) -> Source:
        from reportgen.ingest.numbers import find_quantities

        text = model.text
        tokens = {_canon(m.group(0)) for m in _NUMBER.finditer(text)}
        values = [float(t) for t in tokens]
        quantities: dict[str, list[float]] = {}
        found = [
            (q.value, q.normalized, q.base_unit) for q in find_quantities(text, model.language)
        ]
        found += [(f.value, f.normalized, f.base_unit) for f in model.facts]
        for value, normalized, base in found:
            values += [value, normalized]
            quantities.setdefault(base.casefold(), []).append(normalized)
        derived, labels, derived_units = _chart_allowances(specs)
        values.sort()
        derived.sort()
        for found_values in quantities.values():
            found_values.sort()
        source = cls(model.language, text, fold(text), tokens, values, quantities, derived, labels)
        source.statements = _statements(text, model.language)
        name = model.source.name
        dates = [model.date, display_date(model.date, model.language)] if model.date else []
        shown = {name, name.rsplit(".", 1)[0], *dates}
        source.names = sorted(shown, key=len, reverse=True)
        source.derived_units = {u: sorted(v) for u, v in derived_units.items()}
        return source


def _statements(text: str, language: str) -> list[tuple[str, list[tuple[str, float]]]]:
    from reportgen.ingest.numbers import find_quantities

    out = []
    for sentence in SPLIT_FOR_SEARCH.split(text):
        if sentence.strip():
            found = [
                (q.base_unit.casefold(), q.normalized) for q in find_quantities(sentence, language)
            ]
            out.append((sentence.lower() if language == "en" else sentence, found))
    return out


def _chart_allowances(specs: Iterable) -> tuple[list[float], set[str], dict[str, list[float]]]:
    """Derived values (marked in the chart specs), chart labels (they may be quoted) and the
    derived values by their chart's unit."""
    derived: list[float] = []
    labels: set[str] = set()
    by_unit: dict[str, list[float]] = {}
    for spec in specs:
        labels.add(fold(spec.title))
        for how in spec.derived:  # the constants of a stated derivation, e.g. the 1 in (1 + 6.5%)
            derived += [float(n) for n in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", how)]
        for series in spec.series:
            labels.update(fold(x) for x in [series.name, *series.labels] if x)
            for i, value in enumerate(series.values):
                if i < len(series.derived) and series.derived[i]:
                    derived.append(float(value))
                    by_unit.setdefault(spec.unit.casefold(), []).append(float(value))
    return derived, labels, by_unit


def _canon(number: str) -> str:
    return number.replace(",", "")


def fold(text: str) -> str:
    """Text for verbatim comparison: no whitespace, full-width punctuation as ASCII."""
    return _NOISE.sub("", text).translate(_FOLD)
