"""reportgen.toml and [tool.reportgen]: defaults, paths, types, unknown keys, precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.config import Config, find_config, load_config
from reportgen.errors import ConfigError


@pytest.fixture
def cwd(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_gives_built_in_defaults(cwd) -> None:
    config = load_config()
    assert config == Config()
    assert config.out == Path("out") and config.style == "default" and config.verify


def test_reportgen_toml_sets_every_default(cwd) -> None:
    write(
        cwd / "reportgen.toml",
        """
inputs = ["articles", "extra/one.md"]
out = "build/out"
template = "corp"
style = "gongwen"
theme = "corp/theme.yaml"
language = "zh"
jobs = 3
native_charts = true
verify = false

[fonts]
east_asian = "SimHei"
chart_font_file = "fonts/my.ttf"
""",
    )
    config = load_config()
    assert config.inputs == [Path("articles"), Path("extra/one.md")]
    assert config.out == Path("build/out")
    assert config.template == Path("corp") and config.theme == Path("corp/theme.yaml")
    assert (config.style, config.language, config.jobs) == ("gongwen", "zh", 3)
    assert config.native_charts is True and config.verify is False
    assert config.fonts == {"east_asian": "SimHei", "chart_font_file": "fonts/my.ttf"}
    assert config.source == cwd / "reportgen.toml"


def test_pyproject_tool_table_is_read_when_there_is_no_reportgen_toml(cwd) -> None:
    write(cwd / "pyproject.toml", '[project]\nname = "x"\n\n[tool.reportgen]\nout = "site"\n')
    assert load_config().out == Path("site")
    write(cwd / "reportgen.toml", 'out = "mine"\n')
    assert load_config().out == Path("mine")


def test_pyproject_without_our_table_is_ignored(cwd) -> None:
    write(cwd / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config() is None
    assert load_config() == Config()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('outdir = "x"\n', "unknown key 'outdir'"),
        ('[fonts]\nserif = "x"\n', "unknown key 'fonts.serif'"),
        ("jobs = 0\n", "jobs must be at least 1"),
        ('jobs = "2"\n', "jobs must be an integer"),
        ("jobs = true\n", "jobs must be an integer"),
        ('style = "fancy"\n', "style must be one of default, gongwen"),
        ('language = "fr"\n', "language must be one of auto, zh, en"),
        ('verify = "no"\n', "verify must be true or false"),
        ("inputs = [1, 2]\n", "inputs must be a list of paths"),
        ("fonts = 3\n", "fonts must be a table"),
        ("out = \n", "not valid TOML"),
    ],
)
def test_bad_config_names_the_key_and_the_file(cwd, text, message) -> None:
    write(cwd / "reportgen.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config()
    assert message in info.value.message
    assert info.value.message.startswith(str(cwd / "reportgen.toml"))


def test_unknown_key_in_pyproject_table_is_an_error(cwd) -> None:
    write(cwd / "pyproject.toml", "[tool.reportgen]\ntemplates = 'x'\n")
    with pytest.raises(ConfigError, match="unknown key 'templates'"):
        load_config()


def test_command_line_options_override_and_none_keeps_the_config(cwd) -> None:
    write(cwd / "reportgen.toml", 'style = "gongwen"\nout = "a"\nverify = false\n')
    config = load_config().with_options(out=Path("b"), style=None, verify=None, jobs=2)
    assert (config.out, config.style, config.verify, config.jobs) == (
        Path("b"),
        "gongwen",
        False,
        2,
    )
    with pytest.raises(ConfigError, match="style must be one of"):
        load_config().with_options(style="fancy")
    with pytest.raises(ConfigError, match="unknown option: colour"):
        load_config().with_options(colour="red")


def test_paths_are_resolved_against_the_config_folder(tmp_path, monkeypatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    write(project / "reportgen.toml", 'inputs = ["docs"]\n')
    monkeypatch.chdir(project)
    assert load_config().inputs == [Path("docs")]
    config = load_config(project)
    monkeypatch.chdir(tmp_path)
    assert config.inputs == [Path("docs")]  # relative to where it was loaded
    assert load_config(project).inputs == [Path("project/docs")]
