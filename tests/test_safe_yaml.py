"""User YAML: parsed safely, alias bombs refused, errors one line with the place."""

from __future__ import annotations

import pytest
import yaml

from reportgen import safe_yaml
from reportgen.errors import ConfigError, TemplateError


def test_load_parses_and_keeps_small_aliases() -> None:
    assert safe_yaml.load("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_load_refuses_python_objects() -> None:
    with pytest.raises(ConfigError, match="not valid YAML"):
        safe_yaml.load("!!python/object/apply:os.system ['true']")


def test_load_names_file_line_and_column_with_the_chosen_error() -> None:
    with pytest.raises(TemplateError) as info:
        safe_yaml.load("a: [1, 2\nb: 3\n", path="plan.yaml", error=TemplateError)
    assert info.value.message.startswith("plan.yaml: not valid YAML: line ")
    assert "\n" not in info.value.message


def test_describe_is_one_line_with_the_place() -> None:
    try:
        yaml.safe_load("a: b: c")
    except yaml.YAMLError as exc:
        text = safe_yaml.describe(exc)
    assert text.startswith("line 1, column ") and "\n" not in text
    assert safe_yaml.describe(ValueError("plain")) == "plain"


def test_check_aliases_refuses_a_billion_laughs() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefg"):
        prev = "abcdefg"[i]
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]")
    bomb = "\n".join(lines)
    with pytest.raises(ConfigError, match="alias bomb"):
        safe_yaml.check_aliases(bomb, "bomb.yaml", ConfigError)
    safe_yaml.check_aliases("a: &a [1]\nb: *a\n", None, ConfigError)  # small: accepted


def test_check_aliases_caps_the_number_of_aliases() -> None:
    text = "a: &a 1\nb: [" + ", ".join(["*a"] * (safe_yaml.MAX_ALIASES + 1)) + "]\n"
    with pytest.raises(ConfigError, match="aliases"):
        safe_yaml.check_aliases(text, None, ConfigError)
