"""The typed content model: one article's metadata, themes, facts, relations, quotes, captions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from reportgen.errors import ModelError

# 2: a fact's (and a quote's) sentence is its ``sentence_span`` into ``text``, no longer a copy
# (``Model.sentence_of``); files of version 1 still load (their ``sentence`` strings are read
# as spans).
SCHEMA_VERSION = 2

Qualifier = Literal["exact", "approx", "over", "under"]
FigureKind = Literal["measured", "target", "limit", "forecast", "rank", "range"]
Language = Literal["zh", "en"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, allow_inf_nan=False)


class Span(_Strict):
    """Half-open character range [start, end) in the model's normalized ``text``."""

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("end must not be before start")
        return self


class Source(_Strict):
    """Where the article came from: file name, content hash, reader used."""

    name: str
    sha256: str
    format: str = "text"


class Paragraph(_Strict):
    """A body paragraph after page-break repair; ``joined`` counts the breaks it healed."""

    text: str
    span: Span
    joined: int = 0


class Point(_Strict):
    """A short lead sentence that opens a paragraph, with the index of that paragraph."""

    text: str
    paragraph: int
    span: Span


class Theme(_Strict):
    """One section of the article, with its dialectical pair when the heading names one."""

    heading: str
    verb: str | None = None
    pair: list[str] = Field(default_factory=list)
    tagline: str = ""
    points: list[Point] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    span: Span


class Fact(_Strict):
    """A quantity stated in the article: surface text, value, unit, qualifier and where it is;
    its kind (a range's upper value in ``high``), what it measures (``label``, whole words) and
    whom it is about (``subject``). Its sentence is ``sentence_span`` of the model's text
    (``Model.sentence_of``): never copied, so a long line of many figures stays linear."""

    id: str
    text: str
    value: float
    unit: str
    qualifier: Qualifier = "exact"
    qualifier_word: str = ""
    normalized: float
    base_unit: str
    counts: str = ""
    theme: int | None = None
    span: Span
    sentence_span: Span
    kind: FigureKind = "measured"
    high: float | None = None
    label: str = ""
    subject: str = ""

    @model_validator(mode="before")
    @classmethod
    def _drop_sentence(cls, data: object) -> object:
        """A model file of schema 1 copies the sentence: its span says the same."""
        if isinstance(data, dict) and "sentence" in data:
            data = {k: v for k, v in data.items() if k != "sentence"}
        return data


class Relation(_Strict):
    """A link the text states: part-of (whole, parts), change (fact, of), rank (position, scope)."""

    kind: Literal["part_of", "change", "rank"]
    text: str
    span: Span
    whole: str | None = None
    parts: list[str] = Field(default_factory=list)
    fact: str | None = None
    of: str | None = None
    direction: Literal["up", "down"] | None = None
    reference: str = ""
    position: int | None = None
    top: bool = False
    scope: str = ""
    subject: str = ""
    theme: int | None = None


class Quote(_Strict):
    """Direct speech with its speaker (and the speaker's title when the article gives one);
    ``sentence_span`` is the sentence through its attribution (``Model.sentence_of``)."""

    id: str
    text: str
    speaker: str
    title: str = ""
    theme: int | None = None
    span: Span
    sentence_span: Span | None = None


class Entity(_Strict):
    """A company, institution or project the article names, where it first appears per theme."""

    text: str
    kind: Literal["company", "institution", "project"]
    theme: int | None = None
    span: Span


class Caption(_Strict):
    """A photo caption, kept with the section it stands in (``theme`` None for the lead);
    ``credit`` is the photographer or image source it names (all of ``text`` for a credit line
    standing alone, which documents do not show as a caption)."""

    text: str
    credit: str = ""
    theme: int | None = None
    span: Span


class ChartSeries(_Strict):
    """One series of a chart: labels, values and the fact ids (or None when derived)."""

    name: str = ""
    labels: list[str]
    values: list[float]
    facts: list[str | None]
    derived: list[bool] = Field(default_factory=list)
    # Optional, parallel to labels: the value as shown (qualifier kept, e.g. "突破1200" or
    # "1,600+") and a rank badge ("全省第三") or "".
    display: list[str] = Field(default_factory=list)
    badges: list[str] = Field(default_factory=list)


class ChartSpec(_Strict):
    """A planned chart, as data: kind, title, series, provenance, derivations and alt text."""

    id: str
    kind: Literal["figures", "bar", "stacked", "donut", "change", "rank"]
    title: str
    theme: int | None = None
    unit: str = ""
    series: list[ChartSeries] = Field(default_factory=list)
    facts: list[str] = Field(default_factory=list)
    derived: list[str] = Field(default_factory=list)
    alt: str = ""
    source: str = ""
    notes: list[str] = Field(default_factory=list)


class Model(_Strict):
    """The content model of one article; ``text`` is the normalized text all spans refer to."""

    schema_version: int = SCHEMA_VERSION
    headline: str = ""
    # The column or series tag (a kicker line over the headline, or 《…》（走向…） after it);
    # ``kicker`` is read as ``series`` in model files written before it was renamed.
    series: str = Field("", validation_alias=AliasChoices("series", "kicker"))
    dek: str = ""
    dateline: str = ""
    date: str = Field(
        "",
        description="The publication date as the article writes it ('2020年08月23日', "
        "'August 18, 2024'; from page metadata its day, '2024-08-18'); empty when none is "
        "certain, never a date from the story.",
    )
    authors: list[str] = Field(default_factory=list)
    language: Language = "zh"
    subject: str = ""
    source: Source
    lead: list[Paragraph] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    captions: list[Caption] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    furniture: list[str] = Field(default_factory=list)
    credits: list[str] = Field(default_factory=list)
    charts: list[ChartSpec] | None = None
    text: str

    @property
    def kicker(self) -> str:
        """The series line under its former name (templates written for it keep working)."""
        return self.series

    @kicker.setter
    def kicker(self, value: str) -> None:
        self.series = value

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: object) -> object:
        """A schema-1 file is read as schema 2: a quote's ``sentence`` string becomes the span it
        covers around the quote (facts drop theirs, ``Fact._drop_sentence``)."""
        if not isinstance(data, dict):
            return data
        version = data.get("schema_version")
        if isinstance(version, int) and not isinstance(version, bool) and version < SCHEMA_VERSION:
            data = dict(data, schema_version=SCHEMA_VERSION)
        quotes, text = data.get("quotes"), data.get("text")
        old = isinstance(quotes, list) and any(
            isinstance(q, dict) and "sentence" in q for q in quotes
        )
        if old and isinstance(text, str):
            data = dict(data, quotes=[_quote_span(q, text) for q in quotes])
        return data

    @model_validator(mode="after")
    def _spans_match(self) -> Model:
        for where, span, surface in _located(self):
            if span.end > len(self.text) or self.text[span.start : span.end] != surface:
                raise ValueError(f"{where}: span {span.start}-{span.end} does not match the text")
        for where, span, inner in _sentences(self):
            if span.end > len(self.text):
                raise ValueError(f"{where}: span {span.start}-{span.end} is past the text's end")
            if inner is not None and not span.start <= inner.start <= inner.end <= span.end:
                raise ValueError(f"{where}: span {span.start}-{span.end} does not hold the figure")
        return self

    @model_validator(mode="after")
    def _references_exist(self) -> Model:
        ids = {f.id for f in self.facts}
        for where, ref in _references(self):
            if ref not in ids:
                raise ValueError(f"{where}: no fact with id {ref!r}")
        for where, theme in _theme_indices(self):
            if theme is not None and not 0 <= theme < len(self.themes):
                raise ValueError(f"{where}: no theme {theme} (the model has {len(self.themes)})")
        return self

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id (KeyError when absent); found in an index of the facts kept
        for the last model asked (rebuilt when its list of facts changes), checked."""
        if _INDEX[0] is not self.facts or _INDEX[1] != len(self.facts):
            index: dict[str, int] = {}
            for i, f in enumerate(self.facts):
                index.setdefault(f.id, i)
            _INDEX[:] = [self.facts, len(self.facts), index]
        at = _INDEX[2].get(fact_id)
        if at is not None and self.facts[at].id == fact_id:
            return self.facts[at]
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    def sentence_of(self, item: Fact | Quote) -> str:
        """The sentence a fact or quote comes from ("" for a quote without one)."""
        span = item.sentence_span
        return self.text[span.start : span.end] if span is not None else ""

    def to_json(self) -> str:
        """Stable, human-readable JSON (keys in model order, non-ASCII kept, newline at end)."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _located(model: Model):
    """Every (where, span, surface) triple whose surface must equal text[span]."""
    for i, fact in enumerate(model.facts):
        yield f"facts.{i}.span", fact.span, fact.text
    for i, quote in enumerate(model.quotes):
        yield f"quotes.{i}.span", quote.span, quote.text
    for i, caption in enumerate(model.captions):
        yield f"captions.{i}.span", caption.span, caption.text
    for i, entity in enumerate(model.entities):
        yield f"entities.{i}.span", entity.span, entity.text


_INDEX: list = [None, 0, {}]  # facts list, its length, positions by id (Model.fact)


def _sentences(model: Model):
    """Every (where, sentence span, span it must hold or None) of facts and quotes."""
    for i, fact in enumerate(model.facts):
        yield f"facts.{i}.sentence_span", fact.sentence_span, fact.span
    for i, quote in enumerate(model.quotes):
        if quote.sentence_span is not None:
            yield f"quotes.{i}.sentence_span", quote.sentence_span, None


def _quote_span(quote: object, text: str) -> object:
    """A schema-1 quote with its ``sentence`` string read as ``sentence_span`` (dropped when the
    string is not found around the quote)."""
    if not isinstance(quote, dict) or "sentence" not in quote:
        return quote
    quote = dict(quote)
    sentence, span = quote.pop("sentence"), quote.get("span")
    if sentence and isinstance(sentence, str) and isinstance(span, dict):
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int):
            at = text.find(sentence, max(0, end - len(sentence)))
            if 0 <= at <= start and end <= at + len(sentence):
                quote.setdefault("sentence_span", {"start": at, "end": at + len(sentence)})
    return quote


def _references(model: Model):
    """Every (where, fact id) a relation names."""
    for i, rel in enumerate(model.relations):
        for key in ("whole", "fact", "of"):
            if getattr(rel, key):
                yield f"relations.{i}.{key}", getattr(rel, key)
        for j, part in enumerate(rel.parts):
            yield f"relations.{i}.parts.{j}", part


def _theme_indices(model: Model):
    """Every (where, theme index) of facts, relations, quotes and captions."""
    for key in ("facts", "relations", "quotes", "captions"):
        for i, item in enumerate(getattr(model, key)):
            yield f"{key}.{i}.theme", item.theme


def json_schema() -> dict:
    """The JSON Schema of the content model."""
    schema = Model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "reportgen content model"
    return schema


def from_data(data: object, *, path: str | Path | None = None) -> Model:
    """Validate loaded JSON/YAML data; errors name the first bad field and the problem."""
    try:
        model = Model.model_validate(data)
    except ValidationError as exc:
        raise ModelError(_describe(exc), path=path) from None
    _within_limits(model, path)
    return model


def _within_limits(model: Model, path: str | Path | None) -> None:
    """A model given back with ``--model`` keeps the article limits (``ingest.read``)."""
    from reportgen.ingest.read import MAX_FIGURES, MAX_PARAGRAPHS, MAX_SECTIONS

    paragraphs = len(model.lead) + sum(len(t.paragraphs) for t in model.themes)
    for count, what, limit in (
        (paragraphs, "paragraphs", MAX_PARAGRAPHS),
        (len(model.themes), "sections", MAX_SECTIONS),
        (len(model.facts), "figures", MAX_FIGURES),
    ):
        if count > limit:
            raise ModelError(
                f"the model has {count:,} {what}; an article has at most {limit:,}", path=path
            )


def _describe(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "model"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"invalid content model: {where}: {err['msg']}{more}"


def load(path: str | Path) -> Model:
    """Read a model file (.json, .yaml or .yml) written by ``reportgen extract`` or by hand."""
    from reportgen.ingest.read import read_bytes

    path = Path(path)
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ModelError("model file is not UTF-8", path=path) from None
    return from_data(_parse(text, path), path=path)


def _parse(text: str, path: Path) -> object:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ModelError(f"not valid JSON: line {exc.lineno}: {exc.msg}", path=path) from None
    import yaml

    from reportgen.safe_yaml import check_aliases

    try:
        check_aliases(text, path, ModelError)
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        raise ModelError(
            f"not valid YAML: {line}{getattr(exc, 'problem', exc)}", path=path
        ) from None


def dump_yaml(model: Model) -> str:
    """The model as block-style YAML with non-ASCII kept readable."""
    import yaml

    return yaml.safe_dump(
        model.model_dump(mode="json"), allow_unicode=True, sort_keys=False, width=100
    )
