"""Themes: the default loads; unknown, missing or unusable values are errors naming the key."""

from __future__ import annotations

import pytest
import yaml

from reportgen.errors import ConfigError
from reportgen.theme import DEFAULT_THEME, Theme, load_theme


def _write(tmp_path, data) -> object:
    path = tmp_path / "theme.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_default_theme_loads() -> None:
    theme = load_theme()
    assert isinstance(theme, Theme) and theme.source == str(DEFAULT_THEME)
    assert theme.palette and all(len(c) == 6 for c in theme.palette)
    assert theme.font("east_asian") == str(theme.fonts["east_asian"])
    assert theme.color("primary") == theme.colors["primary"]
    assert load_theme(DEFAULT_THEME) == theme


def test_unknown_and_missing_keys_are_named(tmp_path) -> None:
    data = yaml.safe_load(DEFAULT_THEME.read_text(encoding="utf-8"))
    with pytest.raises(ConfigError, match="unknown theme key: extra"):
        load_theme(_write(tmp_path, {**data, "extra": 1}))
    del data["palette"]
    with pytest.raises(ConfigError, match="missing theme key: palette"):
        load_theme(_write(tmp_path, data))


def test_unusable_values_are_named(tmp_path) -> None:
    data = yaml.safe_load(DEFAULT_THEME.read_text(encoding="utf-8"))
    data["colors"]["primary"] = "#zzz"
    with pytest.raises(ConfigError, match=r"colors\.primary"):
        load_theme(_write(tmp_path, data))


def test_a_theme_must_be_a_mapping(tmp_path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("- a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="theme must be a mapping"):
        load_theme(path)
    with pytest.raises(ConfigError, match="no such file"):
        load_theme(tmp_path / "missing.yaml")
