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
