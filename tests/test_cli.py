"""The CLI: exit codes, exact one-line error messages, and output files (Typer's CliRunner)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reportgen import __version__
from reportgen.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"reportgen {__version__}\n"


def test_help_has_examples() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "reportgen extract --format json" in result.output


def test_extract_default_seed_json() -> None:
    result = runner.invoke(app, ["extract", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [t["pair"] for t in data["themes"]] == [["守", "变"], ["时", "势"], ["硬", "软"]]
    for key in ("headline", "series", "dek", "dateline", "authors", "facts", "quotes", "captions"):
        assert key in data
    fact = data["facts"][0]
    for key in ("text", "value", "unit", "qualifier", "normalized", "sentence_span", "theme"):
        assert key in fact
    assert "sentence" not in fact  # a span into the text, never a copy (schema 2)


def test_extract_yaml_to_file_then_model_roundtrip(tmp_path) -> None:
    out = tmp_path / "content.yaml"
    assert runner.invoke(app, ["extract", "-o", str(out)]).exit_code == 0
    from reportgen.model import load

    model = load(out)
    assert len(model.themes) == 3


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the article is empty (no text after decoding)"),
        (b" \n \n", "the article is empty (no text after decoding)"),
        (b"\x00\xff\x00binary" * 40, "binary data, not a text article"),
    ],
)
def test_bad_article_one_line_exit_2(tmp_path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = tmp_path / "model.json"
    result = runner.invoke(app, ["extract", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {path}: {problem}\n"
    assert not out.exists()


def test_missing_path_and_directory(tmp_path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "none.txt")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {tmp_path / 'none.txt'}: no such file\n",
    )
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path}: is a directory, not an article file\n"


def test_huge_file_and_long_line(tmp_path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (20 * 1024 * 1024))
    result = runner.invoke(app, ["extract", str(huge)])
    assert result.exit_code == 2
    assert "bytes; the limit is" in result.stderr and "Traceback" not in result.output
    line = tmp_path / "line.txt"
    line.write_bytes("字".encode() * (1024 * 1024 // 3))
    result = runner.invoke(app, ["extract", str(line)])
    assert result.exit_code == 2
    assert "characters long; an article line is at most 100,000" in result.stderr


def test_unknown_format_is_usage_error() -> None:
    result = runner.invoke(app, ["extract", "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of 'yaml', 'json'" in result.stderr  # a choice, checked by the parser


def test_schema_prints_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "reportgen content model"
    assert "facts" in schema["properties"]


def test_invalid_model_names_the_field(tmp_path) -> None:
    good = json.loads(runner.invoke(app, ["extract", "--format", "json"]).stdout)
    good["facts"][2]["value"] = "lots"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["charts", "--model", str(bad), "-o", str(tmp_path / "c")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {bad}: invalid content model: facts.2.value: ")


def _theme_with_primary(folder, color: str):
    from reportgen.theme import DEFAULT_THEME

    text = DEFAULT_THEME.read_text(encoding="utf-8")
    primary = next(line for line in text.splitlines() if line.strip().startswith("primary:"))
    path = folder / "theme.yaml"
    path.write_text(text.replace(primary, f'  primary: "{color}"'), encoding="utf-8")
    return path


def _part_text(path, name: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith(name))


def test_theme_option_on_the_single_document_commands(tmp_path) -> None:
    theme = _theme_with_primary(tmp_path, "123456")
    deck = runner.invoke(app, ["deck", "--theme", str(theme), "-o", str(tmp_path / "d.pptx")])
    assert deck.exit_code == 0, deck.output
    assert 'val="123456"' in _part_text(tmp_path / "d.pptx", "ppt/slides/")
    brief = runner.invoke(app, ["brief", "--theme", str(theme), "-o", str(tmp_path / "b.docx")])
    assert brief.exit_code == 0, brief.output
    assert 'w:val="123456"' in _part_text(tmp_path / "b.docx", "word/styles.xml")
    plain = runner.invoke(app, ["deck", "-o", str(tmp_path / "plain.pptx")])
    assert plain.exit_code == 0, plain.output
    assert 'val="123456"' not in _part_text(tmp_path / "plain.pptx", "ppt/slides/")


def test_charts_with_another_theme_are_drawn_again(tmp_path) -> None:
    out = tmp_path / "charts"
    first = runner.invoke(app, ["charts", "-o", str(out)])
    names = {p.name for p in out.glob("*.png")}
    theme = _theme_with_primary(tmp_path, "123456")
    second = runner.invoke(app, ["charts", "--theme", str(theme), "-o", str(out)])
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert names and {p.name for p in out.glob("*.png")}.isdisjoint(names)


@pytest.mark.parametrize("command", ["charts", "brief", "deck"])
def test_a_missing_theme_is_named(tmp_path, command: str) -> None:
    missing = tmp_path / "nope.yaml"
    result = runner.invoke(app, [command, "--theme", str(missing), "-o", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {missing}: theme not found\n"


def test_chart_labels_in_a_template_folder_word_the_charts(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "chart_labels_zh.yaml").write_text("figures_title: 关键指标\n", encoding="utf-8")
    result = runner.invoke(
        app, ["brief", "--template", str(folder), "-o", str(tmp_path / "b.docx")]
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "charts").exists()  # a single document keeps its charts in the cache
    charts = tmp_path / "cache" / "charts" / "qiantang-2024"
    index = json.loads((charts / "charts.json").read_text(encoding="utf-8"))
    assert index["charts"][0]["title"] == "关键指标"
    assert "关键指标" in _part_text(tmp_path / "b.docx", "word/document.xml")  # its caption


def test_every_registered_output_has_its_single_document_command() -> None:
    """brief and deck are one implementation (api.document_command) driven by the registry."""
    import typer.main

    from reportgen.writers import OUTPUTS

    commands = typer.main.get_command(app).commands
    for output in OUTPUTS:
        assert output.name in commands, output.name
        options = {o for p in commands[output.name].params for o in p.opts}
        assert {"--model", "--output", "--template", "--reference-doc", "--theme"} <= options


def test_schema_documents_the_publication_date() -> None:
    result = runner.invoke(app, ["schema"])
    date = json.loads(result.stdout)["properties"]["date"]
    assert date["type"] == "string" and "publication date" in date["description"]
