"""Small models for chart tests: an English one, one without comparable figures, one empty."""

from __future__ import annotations

from reportgen.model import Fact, Model, Paragraph, Relation, Source, Span, Theme

EN_TEXT = (
    "Harbour zone grows\n\n"
    "Output passed 370 billion yuan in 2024.\n\n"
    "Opening up\n\n"
    "The zone hosts more than 1600 foreign companies, plus 36 startups. "
    "It has 52 reforms, of which 7 national and 18 provincial."
)


def _span(text: str, surface: str) -> Span:
    i = text.index(surface)
    return Span(start=i, end=i + len(surface))


def _fact(text, fid, surface, value, unit, counts, theme, qual="exact", word="", sentence=None):
    sentence = sentence or next(s for s in text.split("\n\n") if surface in s)
    return Fact(
        id=fid,
        text=surface,
        value=value,
        unit=unit,
        qualifier=qual,
        qualifier_word=word,
        normalized=value,
        base_unit=unit,
        counts=counts,
        sentence=sentence,
        theme=theme,
        span=_span(text, surface),
        sentence_span=_span(text, sentence),
    )


def en_model() -> Model:
    """An English article with a lead figure, two comparable counts and a part-of relation."""
    t = EN_TEXT
    body = t.split("\n\n")[3]
    facts = [
        _fact(
            t,
            "f1",
            "passed 370 billion yuan",
            370,
            "billion yuan",
            "output",
            None,
            "over",
            "passed",
        ),
        _fact(
            t,
            "f2",
            "more than 1600 foreign companies",
            1600,
            "companies",
            "foreign companies",
            0,
            "over",
            "more than",
        ),
        _fact(t, "f3", "36 startups", 36, "companies", "startups", 0),
        _fact(t, "f4", "52 reforms", 52, "reforms", "reforms", 0),
        _fact(t, "f5", "7 national", 7, "reforms", "national", 0),
        _fact(t, "f6", "18 provincial", 18, "reforms", "provincial", 0),
    ]
    rel = Relation(
        kind="part_of",
        text="52 reforms, of which 7 national and 18 provincial",
        span=_span(t, "52 reforms, of which 7 national and 18 provincial"),
        whole="f4",
        parts=["f5", "f6"],
        theme=0,
    )
    theme = Theme(
        heading="Opening up",
        paragraphs=[Paragraph(text=body, span=_span(t, body))],
        span=_span(t, "Opening up"),
    )
    return Model(
        headline="Harbour zone grows",
        language="en",
        source=Source(name="harbour.txt", sha256="1" * 64),
        themes=[theme],
        facts=facts,
        relations=[rel],
        text=t,
    )


def lonely_model() -> Model:
    """Facts, but none that share a unit or a relation: only the figures panel."""
    m = en_model()
    keep = {"f1", "f2"}
    facts = [f for f in m.facts if f.id in keep]
    return m.model_copy(update={"facts": facts, "relations": []})


def empty_model() -> Model:
    """No facts at all."""
    return en_model().model_copy(update={"facts": [], "relations": []})
