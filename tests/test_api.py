"""The library behind the commands: one function per command, options over config over
defaults; the single-document commands are one implementation driven by the writer registry."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import ARTICLES, SEED

from reportgen import api
from reportgen.errors import ConfigError, FindingsError, OutputError
from reportgen.writers import OUTPUTS

SMALL = ARTICLES / "zh_numbered.txt"


def test_load_model_from_an_article_or_a_model_file(tmp_path) -> None:
    model = api.load_model(SMALL)
    assert model.source.name == "zh_numbered.txt" and model.language == "zh"
    saved = tmp_path / "content.json"
    saved.write_text(model.to_json(), encoding="utf-8")
    assert api.load_model(model=saved) == model
    with pytest.raises(ConfigError, match="not both"):
        api.load_model(SMALL, saved)


def test_settings_are_options_over_the_config(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reportgen.toml").write_text('style = "gongwen"\n', encoding="utf-8")
    assert api.settings().style == "gongwen"
    assert api.settings(style="default").style == "default"
    assert api.settings(style=None).style == "gongwen"  # an option not given leaves the config


def test_extract_command_formats_and_writes(tmp_path) -> None:
    text = api.extract_command(SMALL, "json", None)
    assert json.loads(text)["source"]["name"] == "zh_numbered.txt"
    assert api.extract_command(SMALL, "yaml", tmp_path / "m.yaml") is None
    assert "zh_numbered.txt" in (tmp_path / "m.yaml").read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown format"):
        api.extract_command(SMALL, "xml", None)


def test_schema_text_is_the_json_schema() -> None:
    schema = json.loads(api.schema_text())
    assert schema["type"] == "object" and "themes" in schema["properties"]


def test_slug_and_default_out() -> None:
    model = api.load_model(SMALL)
    assert api.slug(model) == "zh_numbered"
    assert api.default_out(model) == Path("out") / "zh_numbered"


def test_fonts_report_names_the_cjk_font() -> None:
    report = api.fonts_report(system=False)
    assert report.startswith("CJK ") and "[bundled]" in report and "fallback chain:" in report


def _parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return zf.namelist()


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda o: o.name)
def test_document_command_writes_every_registered_output(output, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    written = api.document_command(output.name, SMALL, None, None, None)
    assert written == Path("out") / "zh_numbered" / output.file
    main = "word/document.xml" if output.file.endswith(".docx") else "ppt/presentation.xml"
    assert main in _parts(written)
    with pytest.raises(KeyError):
        api.document_command("nonesuch", SMALL, None, None, None)


def test_brief_and_deck_commands_are_the_document_command(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a = api.brief_command(SMALL, None, tmp_path / "a.docx", None, "gongwen")
    b = api.document_command("brief", SMALL, None, tmp_path / "b.docx", None, style="gongwen")
    assert a.read_bytes() == b.read_bytes()
    c = api.deck_command(SMALL, None, tmp_path / "c.pptx", None, True)
    d = api.document_command("deck", SMALL, None, tmp_path / "d.pptx", None, native_charts=True)
    assert c.read_bytes() == d.read_bytes()
    assert any("charts/chart" in p for p in _parts(c))  # native charts were asked for


def test_verify_command_needs_an_article_for_one_document(tmp_path) -> None:
    lone = tmp_path / "brief.docx"
    lone.write_bytes(b"")
    with pytest.raises(ConfigError, match="needs its article"):
        api.verify_command(lone)
    with pytest.raises(ConfigError, match="not both"):
        api.verify_command(tmp_path, model=SMALL, article=SMALL)


def test_verify_result_raises_only_on_findings(tmp_path) -> None:
    api.verify_result(tmp_path, [])
    with pytest.raises(FindingsError):
        api.verify_result(tmp_path, ["brief.docx: 3 is not in the article"])


def test_init_command_copies_the_templates_once(tmp_path) -> None:
    written = api.init_command(tmp_path)
    assert tmp_path / "reportgen.toml" in written
    assert (tmp_path / "templates" / "theme.yaml").is_file()
    assert 'template = "templates"' in (tmp_path / "reportgen.toml").read_text(encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        api.init_command(tmp_path)
    assert api.init_command(tmp_path, force=True) == written


def test_charts_command_draws_into_the_folder(tmp_path) -> None:
    result = api.charts_command(SMALL, None, tmp_path / "charts")
    assert result.directory == tmp_path / "charts"
    assert (tmp_path / "charts" / "charts.json").is_file()
    for name in result.entries:
        assert (tmp_path / "charts" / name).is_file() and name.endswith("-slide.png")


def test_build_command_builds_out_slug(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = api.build_command([SMALL], out=tmp_path / "out", jobs=1)
    assert [r.status for r in report.results] == ["built"]
    assert {o.file for o in OUTPUTS} <= {
        p.name for p in (tmp_path / "out" / "zh_numbered").iterdir()
    }


def test_the_seed_is_the_default_article() -> None:
    assert api.load_model().source.name == SEED.name
