"""The content model: validation of hand-edited files, schema, spans."""

from __future__ import annotations

import json

import pytest

from reportgen.errors import ModelError
from reportgen.model import from_data, json_schema, load


def _data(seed_model) -> dict:
    return json.loads(seed_model.to_json())


def test_roundtrip(seed_model, tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text(seed_model.to_json(), encoding="utf-8")
    assert load(path) == seed_model


def test_unknown_key_is_named(seed_model) -> None:
    data = _data(seed_model)
    data["themes"][1]["colour"] = "red"
    with pytest.raises(ModelError, match=r"themes\.1\.colour: Extra inputs are not permitted"):
        from_data(data)


def test_span_that_does_not_match_the_text(seed_model) -> None:
    data = _data(seed_model)
    data["facts"][0]["text"] = "约6亿美元"
    with pytest.raises(ModelError, match=r"facts\.0\.span: span \d+-\d+ does not match the text"):
        from_data(data)


def test_wrong_type(seed_model) -> None:
    data = _data(seed_model)
    data["quotes"][0]["speaker"] = ["a", "b"]
    with pytest.raises(ModelError, match=r"quotes\.0\.speaker: Input should be a valid string"):
        from_data(data)


def test_bad_yaml_file(tmp_path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("headline: [unclosed\n", encoding="utf-8")
    with pytest.raises(ModelError, match="not valid YAML: line"):
        load(path)


def test_schema_lists_required_keys() -> None:
    schema = json_schema()
    assert {"text", "source"} <= set(schema["required"])
    assert schema["$defs"]["Fact"]["properties"]["qualifier"]["enum"] == [
        "exact",
        "approx",
        "over",
        "under",
    ]


def test_schema_has_no_copied_sentences() -> None:
    defs = json_schema()["$defs"]
    assert "sentence" not in defs["Fact"]["properties"]
    assert "sentence" not in defs["Quote"]["properties"]
    assert "sentence_span" in defs["Fact"]["required"]
    assert "sentence_span" in defs["Quote"]["properties"]


def test_sentence_of_reads_the_span_of_the_text(seed_model) -> None:
    fact = next(f for f in seed_model.facts if f.text == "约5亿美元")
    sentence = seed_model.sentence_of(fact)
    assert "总投资约5亿美元" in sentence and sentence.endswith("。")
    quote = seed_model.quotes[0]
    assert quote.text in seed_model.sentence_of(quote)
    assert seed_model.sentence_of(quote.model_copy(update={"sentence_span": None})) == ""


def test_a_schema_1_file_with_copied_sentences_still_loads(seed_model, tmp_path) -> None:
    """Model files written before schema 2 copy each fact's and quote's sentence: they load as
    the same model (the strings read as the spans they cover), at the current schema."""
    from conftest import FIXTURES

    old = FIXTURES / "golden" / "qiantang-2024.schema1.json"
    data = json.loads(old.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and "sentence" in data["facts"][0]
    assert "sentence" in data["quotes"][0] and "sentence_span" not in data["quotes"][0]
    loaded = load(old)
    assert loaded.schema_version == 2
    assert loaded == seed_model
    assert [loaded.sentence_of(q) for q in loaded.quotes] == [q["sentence"] for q in data["quotes"]]


def test_a_schema_1_quote_sentence_not_around_the_quote_is_dropped(seed_model) -> None:
    data = _data(seed_model)
    quote = data["quotes"][0]
    del quote["sentence_span"]
    quote["sentence"] = "这句话不在文中。"
    assert from_data(data).quotes[0].sentence_span is None


def test_a_sentence_span_must_hold_its_figure(seed_model) -> None:
    data = _data(seed_model)
    span = data["facts"][0]["span"]
    data["facts"][0]["sentence_span"] = {"start": span["end"], "end": span["end"] + 1}
    with pytest.raises(ModelError, match=r"facts\.0\.sentence_span: .* does not hold the figure"):
        from_data(data)
    data = _data(seed_model)
    data["quotes"][0]["sentence_span"] = {"start": 0, "end": len(seed_model.text) + 5}
    with pytest.raises(ModelError, match=r"quotes\.0\.sentence_span: .* past the text's end"):
        from_data(data)


def test_content_json_grows_linearly_with_figures_in_one_line() -> None:
    """A fact refers to its sentence instead of copying it: a line of n figures gives a model
    of size O(n), not O(n * line length)."""
    from reportgen.extract import extract_text

    def size(n: int) -> int:
        line = "".join(f"指标{i % 10}为{i}亿元，" for i in range(n)) + "。"
        model = extract_text(f"数字\n\n{line}\n")
        assert len(model.facts) >= n
        return len(model.to_json())

    small, large = size(100), size(400)
    assert large < 4.5 * small


def test_a_model_file_keeps_the_article_limits(seed_model, monkeypatch) -> None:
    from reportgen.ingest import read

    data = _data(seed_model)
    monkeypatch.setattr(read, "MAX_SECTIONS", 2)
    with pytest.raises(ModelError, match="the model has 3 sections; an article has at most 2"):
        from_data(data, path="m.json")
    monkeypatch.setattr(read, "MAX_SECTIONS", 200)
    monkeypatch.setattr(read, "MAX_PARAGRAPHS", 5)
    with pytest.raises(ModelError, match=r"the model has \d+ paragraphs; an article has at most 5"):
        from_data(data)


def test_fact_by_id_follows_changes_to_the_facts(seed_model) -> None:
    model = seed_model.model_copy(deep=True)
    first = model.facts[0]
    assert model.fact(first.id) is first and model.fact(model.facts[-1].id) is model.facts[-1]
    with pytest.raises(KeyError):
        model.fact("nope")
    replacement = first.model_copy(update={"id": "f999"})
    model.facts[0] = replacement
    assert model.fact("f999") is replacement
    with pytest.raises(KeyError):
        model.fact(first.id)
    model.facts.append(first)
    assert model.fact(first.id) is first


def test_a_model_file_keeps_the_figure_limit(seed_model, monkeypatch) -> None:
    from reportgen.ingest import read

    monkeypatch.setattr(read, "MAX_FIGURES", 3)
    with pytest.raises(ModelError, match=r"the model has \d+ figures; an article has at most 3"):
        from_data(_data(seed_model))
