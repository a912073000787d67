"""The conventions users of pandoc, Quarto and Typer expect: -V, completion, -v, --debug,
choices, `-` for standard input, --reference-doc, `init`, one configuration for every command
(option > config > default), and no files left in the working folder by single documents."""

from __future__ import annotations

import itertools
import json
import zipfile

import pytest
from conftest import SEED
from typer.testing import CliRunner

from reportgen import __version__
from reportgen.cli import app
from reportgen.cli_options import Format, Language, Style

runner = CliRunner()


def invoke(*args: str, **kwargs):
    return runner.invoke(app, list(args), prog_name="reportgen", **kwargs)


def _text(path, prefix: str) -> str:
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n.startswith(prefix) and n.endswith(".xml")]
        return "".join(zf.read(n).decode() for n in names)


@pytest.fixture
def here(tmp_path, monkeypatch):
    """An empty working folder and an empty reportgen cache."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    return work


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_short_and_long(flag: str) -> None:
    result = invoke(flag)
    assert result.exit_code == 0 and result.output == f"reportgen {__version__}\n"


def test_shell_completion(monkeypatch) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    script = invoke("--show-completion", env={"_REPORTGEN_COMPLETE": "source_bash"})
    assert "_reportgen_completion()" in script.output and "complete " in script.output

    def complete(words: str, index: int) -> list[str]:
        env = {
            "_REPORTGEN_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(index),
        }
        return invoke(env=env).output.split()

    assert complete("reportgen bu", 1) == ["build"]
    assert complete("reportgen brief --style ", 3) == ["default", "gongwen"]  # the choices
    assert "--install-completion" in invoke("--help").output


def test_help_keeps_examples_as_written() -> None:
    text = invoke("--help", env={"COLUMNS": "80"}).output
    assert (
        "\n    reportgen verify out/qiantang-2024  # trace every number back to the article\n"
        in text
    )
    assert "\n    cat a.md | reportgen brief - -o a.docx\n" in text
    assert invoke("-h").output == text


def _examples(doc: str) -> list[str]:
    """The example lines of a help text as written: the lines after `Examples:`."""
    lines = doc.split("Examples:\n", 1)[1].splitlines()
    return [x.strip() for x in itertools.takewhile(lambda x: x.strip(), lines)]


def test_every_command_shows_examples_as_written() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name in [None, *group.list_commands(None)]:
        command = group if name is None else group.get_command(None, name)
        examples = _examples(command.help or "")
        assert examples and all(x.startswith(("reportgen ", "cat ", "curl ")) for x in examples)
        text = invoke(*filter(None, [name, "--help"]), env={"COLUMNS": "60"}).output
        for example in examples:
            assert f"\n    {example}\n" in text, (name, example)  # never re-wrapped


def test_choices_are_listed_and_checked() -> None:
    assert [s.value for s in Style] == ["default", "gongwen"]
    from reportgen.config import STYLES

    assert tuple(s.value for s in Style) == STYLES
    assert [f.value for f in Format] == ["yaml", "json"]
    assert "<default|gongwen>" in invoke("brief", "--help").output
    bad = invoke("brief", "--style", "fancy")
    assert bad.exit_code == 2 and "'fancy' is not one of 'default', 'gongwen'" in bad.stderr
    from reportgen.config import LANGUAGES

    assert tuple(x.value for x in Language) == LANGUAGES
    for command in ("extract", "charts", "brief", "deck", "build"):
        assert "--language <auto|zh|en>" in invoke(command, "--help").output, command
    bad = invoke("deck", "--language", "fr")
    assert bad.exit_code == 2 and "'fr' is not one of 'auto', 'zh', 'en'" in bad.stderr


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch) -> None:
    from reportgen import api

    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "schema_text", broken)
    monkeypatch.setenv("REPORTGEN_DEBUG", "0")  # restored after: --debug sets it for workers
    plain = invoke("schema")
    assert plain.exit_code == 3 and "Traceback" not in plain.stderr
    assert "internal error (RuntimeError: boom)" in plain.stderr and "--debug" in plain.stderr
    debug = invoke("--debug", "schema")
    assert debug.exit_code == 3
    assert (
        "Traceback (most recent call last)" in debug.stderr and "RuntimeError: boom" in debug.stderr
    )


def test_debug_shows_the_traceback_of_an_articles_internal_error(here, monkeypatch) -> None:
    import reportgen.build

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reportgen.build, "_render", broken)
    monkeypatch.setenv("REPORTGEN_DEBUG", "0")
    plain = invoke("build", str(SEED), "-o", "out", "-q")
    assert plain.exit_code == 3 and "Traceback" not in plain.stderr
    assert plain.stderr == (
        "Error: seeds/qiantang-2024.txt: internal error (RuntimeError: boom)"
        " (--debug shows the traceback)\n"
    )
    debug = invoke("--debug", "build", str(SEED), "-o", "out", "-q")
    assert debug.exit_code == 3
    assert "Traceback (most recent call last)" in debug.stderr and "boom" in debug.stderr


def test_verbose_prints_stage_timings(here) -> None:
    from conftest import ARTICLES

    result = invoke("-v", "build", str(ARTICLES / "zh_numbered.txt"), "-o", "out", "--no-verify")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stderr.splitlines() if x.startswith("zh_numbered: "))
    assert "extract " in line and "charts " in line and "deck " in line and line.endswith(" s")
    quiet = invoke("build", str(ARTICLES / "zh_numbered.txt"), "-o", "out", "--force", "-q")
    assert quiet.stderr == ""


def test_verbose_times_each_stage_of_a_single_document(here) -> None:
    from conftest import ARTICLES

    result = invoke("-v", "brief", str(ARTICLES / "zh_numbered.txt"), "-o", "b.docx")
    assert result.exit_code == 0, result.output
    stages = [line.split(":")[0] for line in result.stderr.splitlines()]
    assert stages == ["extract", "charts", "brief", "save_brief", "document"]
    assert result.stderr.splitlines()[-1].endswith(" s in all")
    plain = invoke("brief", str(ARTICLES / "zh_numbered.txt"), "-o", "b.docx")
    assert plain.stderr == ""


def test_dash_reads_the_article_from_standard_input(here) -> None:
    result = invoke("extract", "-", "--format", "json", input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    model = json.loads(result.stdout)
    assert model["source"]["name"] == "stdin"
    assert model["headline"] == json.loads(invoke("extract", "-f", "json").stdout)["headline"]


def test_dash_builds_the_article_from_standard_input(here) -> None:
    built = invoke("build", "-", "-o", "out", "--no-verify", "-q", input=SEED.read_bytes())
    assert built.exit_code == 0, built.output
    manifest = json.loads((here / "out" / "stdin" / "manifest.json").read_text("utf-8"))
    assert manifest["article"] == "-" and "article:-" in manifest["inputs"]
    again = invoke("build", "-", "-o", "out", "--no-verify", "--json", input=SEED.read_bytes())
    assert json.loads(again.stdout)["articles"][0]["status"] == "current"  # same text: no rebuild
    twice = invoke("build", "-", "-", "-o", "out", input=b"")
    assert (
        twice.exit_code == 2 and twice.stderr == "Error: -: standard input can be read only once\n"
    )


def test_fonts_reads_the_theme_from_the_option_or_the_config(here) -> None:
    from reportgen.theme import DEFAULT_THEME

    text = DEFAULT_THEME.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith("chart_families:"))
    theme = here / "t.yaml"
    theme.write_text(text.replace(line, f"{line}\n  chart_font_file: gone.ttf"), "utf-8")
    result = invoke("fonts", "--theme", "t.yaml")
    assert result.exit_code == 2 and result.stderr == "Error: gone.ttf: chart font file not found\n"
    (here / "reportgen.toml").write_text('theme = "t.yaml"\n', encoding="utf-8")
    assert invoke("fonts").stderr == result.stderr
    assert "--theme" in invoke("fonts", "--help").output


def test_reference_doc_is_an_alias_of_template(here) -> None:
    from reportgen.theme import TEMPLATES

    reference = TEMPLATES / "default" / "reference.docx"
    result = invoke("brief", "--reference-doc", str(reference), "-o", "b.docx")
    assert result.exit_code == 0, result.output
    assert "--template, --reference-doc" in invoke("deck", "--help").output


def test_single_documents_leave_no_charts_in_the_working_folder(here, tmp_path) -> None:
    mine = here / "charts"
    mine.mkdir()
    theirs = mine / ("0" * 16 + "-slide.png")  # someone else's file in our naming pattern
    theirs.write_bytes(b"not ours")
    result = invoke("deck", "-o", "x.pptx")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in here.iterdir()) == ["charts", "x.pptx"]
    assert [p.name for p in mine.iterdir()] == [theirs.name]
    cached = tmp_path / "cache" / "charts" / "qiantang-2024"
    assert (cached / "charts.json").is_file() and list(cached.glob("*-slide.png"))


def test_charts_never_deletes_a_file_it_did_not_write(here) -> None:
    out = here / "c"
    out.mkdir()
    theirs = out / ("f" * 16 + ".svg")
    theirs.write_text("<svg/>", encoding="utf-8")
    assert invoke("charts", "-o", "c").exit_code == 0
    assert theirs.is_file()


def test_the_config_is_honoured_by_every_command(here) -> None:
    (here / "reportgen.toml").write_text('style = "gongwen"\n', encoding="utf-8")
    assert invoke("brief", "-o", "g.docx").exit_code == 0
    assert "仿宋" in _text(here / "g.docx", "word/")
    assert invoke("brief", "-o", "d.docx", "--style", "default").exit_code == 0  # option wins
    assert "仿宋" not in _text(here / "d.docx", "word/")
    (here / "reportgen.toml").write_text('language = "en"\n', encoding="utf-8")
    model = json.loads(invoke("extract", "-f", "json").stdout)
    assert model["language"] == "en"
    model = json.loads(invoke("extract", "-f", "json", "--language", "zh").stdout)
    assert model["language"] == "zh"  # the option wins
    assert invoke("deck", "-o", "en.pptx").exit_code == 0
    assert invoke("deck", "-o", "zh.pptx", "--language", "auto").exit_code == 0
    assert _text(here / "en.pptx", "ppt/slides/") != _text(here / "zh.pptx", "ppt/slides/")
    (here / "reportgen.toml").write_text("nonsense = 1\n", encoding="utf-8")
    for command in ("extract", "charts", "brief", "deck", "fonts"):
        result = invoke(command)
        assert result.exit_code == 2 and "unknown key 'nonsense'" in result.stderr, command


def test_init_writes_an_editable_template_folder_and_config(here) -> None:
    result = invoke("init", "mine")
    assert result.exit_code == 0, result.output
    folder = here / "mine"
    names = {p.name for p in (folder / "templates").iterdir()}
    assert {"reference.docx", "reference.pptx", "theme.yaml", "deck.yaml.j2"} <= names
    config = (folder / "reportgen.toml").read_text(encoding="utf-8")
    assert 'template = "templates"' in config and "# style = " in config
    again = invoke("init", "mine")
    assert again.exit_code == 2 and "already exists (use --force" in again.stderr
    assert invoke("init", "mine", "--force").exit_code == 0


def test_a_theme_in_the_template_folder_is_used(here) -> None:
    assert invoke("brief", "-o", "built-in.docx").exit_code == 0
    assert invoke("init").exit_code == 0
    assert invoke("brief", "-o", "copy.docx").exit_code == 0  # the unchanged copy: same brief
    assert (here / "copy.docx").read_bytes() == (here / "built-in.docx").read_bytes()
    theme = here / "templates" / "theme.yaml"
    text = theme.read_text(encoding="utf-8")
    primary = next(line for line in text.splitlines() if line.strip().startswith("primary:"))
    theme.write_text(text.replace(primary, '  primary: "123456"'), encoding="utf-8")
    result = invoke("deck", "-o", "d.pptx")  # template = "templates" from reportgen.toml
    assert result.exit_code == 0, result.output
    assert 'val="123456"' in _text(here / "d.pptx", "ppt/slides/")
    assert invoke("brief", "-o", "b.docx").exit_code == 0  # the copied reference.docx too
    assert _style_look(here / "b.docx", "Heading 1")[0] == "123456"
    built = invoke("build", str(SEED), "-q", "--no-verify")
    assert built.exit_code == 0, built.output
    manifest = json.loads((here / "out" / "qiantang-2024" / "manifest.json").read_text("utf-8"))
    assert manifest["settings"]["theme"] == "templates/theme.yaml"


def test_a_hand_edited_content_model_is_kept_and_can_be_built_from(here) -> None:
    from conftest import ARTICLES

    article = str(ARTICLES / "zh_numbered.txt")
    assert invoke("build", article, "-o", "out", "-q", "--no-verify").exit_code == 0
    content = here / "out" / "zh_numbered" / "content.json"
    data = json.loads(content.read_text(encoding="utf-8"))
    data["headline"] = "改过的标题"
    content.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = invoke("build", article, "-o", "out", "--no-verify")
    assert again.exit_code == 2
    assert "content.json was edited by hand" in again.stderr
    assert "reportgen build --model out/zh_numbered/content.json -o out" in again.stderr
    assert "改过的标题" in content.read_text(encoding="utf-8")  # not overwritten
    built = invoke("build", "--model", str(content), "-o", "out", "--no-verify")
    assert built.exit_code == 0, built.output
    deck = here / "out" / "zh_numbered" / "deck.pptx"
    assert "改过的标题" in _text(deck, "ppt/slides/slide1.xml")
    assert invoke("build", article, "-o", "out", "--no-verify").exit_code == 2  # still kept
    forced = invoke("build", article, "-o", "out", "--no-verify", "--force")
    assert forced.exit_code == 0 and "改过的标题" not in content.read_text(encoding="utf-8")
    both = invoke("build", article, "--model", str(content))
    assert both.exit_code == 2 and "not both" in both.stderr


def test_verify_one_document_given_its_article(here) -> None:
    assert invoke("brief", "-o", "x/brief.docx").exit_code == 0
    alone = invoke("verify", "x/brief.docx")
    assert alone.exit_code == 2 and "needs its article: --article FILE" in alone.stderr
    result = invoke("verify", "x/brief.docx", "--article", str(SEED))
    assert result.exit_code == 0, result.output
    assert "x/brief.docx: clean" in result.stdout
    assert invoke("deck", "-o", "x/deck.pptx").exit_code == 0
    assert invoke("verify", "x/deck.pptx", "--article", str(SEED)).exit_code == 0


def test_pdf_without_libreoffice_says_how_to_install_it(here, monkeypatch) -> None:
    monkeypatch.setenv("REPORTGEN_SOFFICE", str(here / "no-soffice"))
    result = invoke("build", str(SEED), "-o", "out", "--pdf", "--no-verify", "-q")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --pdf: LibreOffice is not installed")
    assert "apt-get install libreoffice-writer libreoffice-impress" in result.stderr
    assert (here / "out" / "qiantang-2024" / "deck.pptx").is_file()  # the documents are there


@pytest.mark.slow
def test_build_pdf_writes_brief_and_deck_pdfs(here) -> None:
    from reportgen.preview import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    result = invoke("build", str(SEED), "-o", "out", "--pdf", "--no-verify")
    assert result.exit_code == 0, result.output
    folder = here / "out" / "qiantang-2024"
    for name in ("brief.pdf", "deck.pdf"):
        assert (folder / name).read_bytes().startswith(b"%PDF"), name
    again = invoke("build", str(SEED), "-o", "out", "--pdf", "--no-verify")
    assert again.exit_code == 0 and "wrote" not in again.stderr  # up to date: kept


def _theme_file(folder, primary: str, font: str = "Source Han Sans SC"):
    from reportgen.theme import DEFAULT_THEME

    text = DEFAULT_THEME.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith("primary:"))
    text = text.replace(line, f'  primary: "{primary}"')
    text = text.replace("heading_east_asian: Microsoft YaHei", f"heading_east_asian: {font}")
    path = folder / "corp.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_theme_reskins_the_deck_masters_and_layouts(here) -> None:
    from reportgen.theme import load_theme

    old = load_theme().colors["primary"].upper()
    theme = _theme_file(here, "123456")
    assert invoke("deck", "-o", "plain.pptx").exit_code == 0
    result = invoke("deck", "-o", "corp.pptx", "--theme", str(theme))
    assert result.exit_code == 0, result.output
    layouts = _text(here / "corp.pptx", "ppt/slideLayouts/")
    masters = _text(here / "corp.pptx", "ppt/slideMasters/")
    assert 'val="123456"' in layouts and old not in layouts  # title and divider backgrounds
    assert 'val="123456"' in masters and old not in masters  # the footer band
    themed = _text(here / "corp.pptx", "ppt/theme/")
    assert '<a:dk2><a:srgbClr val="123456"/></a:dk2>' in themed
    assert 'typeface="Source Han Sans SC"' in themed  # the heading face
    plain = _text(here / "plain.pptx", "ppt/slideLayouts/")
    assert old in plain and "123456" not in plain


def test_theme_reskins_a_users_reference_deck(here) -> None:
    from pptx import Presentation
    from pptx.dml.color import RGBColor

    from reportgen.theme import load_theme

    user = Presentation()  # python-pptx's own template: not ours
    title = user.slide_layouts[0].background.fill
    title.solid()
    title.fore_color.rgb = RGBColor.from_string("4F81BD")  # its accent 1, written literally
    user.save(str(here / "user.pptx"))
    theme = _theme_file(here, "123456")
    plain = invoke("deck", "-o", "a.pptx", "--reference-doc", "user.pptx")
    assert plain.exit_code == 0, plain.output
    assert "123456" not in _text(here / "a.pptx", "ppt/theme/")  # no theme asked: its own look
    result = invoke("deck", "-o", "b.pptx", "--reference-doc", "user.pptx", "--theme", str(theme))
    assert result.exit_code == 0, result.output
    themed = _text(here / "b.pptx", "ppt/theme/")
    palette = load_theme(theme).palette
    assert f'<a:accent1><a:srgbClr val="{palette[0].upper()}"/></a:accent1>' in themed
    assert '<a:dk2><a:srgbClr val="123456"/></a:dk2>' in themed
    layouts = _text(here / "b.pptx", "ppt/slideLayouts/")  # the title background follows
    assert "4F81BD" not in layouts and f'val="{palette[0].upper()}"' in layouts
    assert "4F81BD" in _text(here / "a.pptx", "ppt/slideLayouts/")


def _style_look(path, name: str) -> tuple[str | None, str | None]:
    """(text colour, East Asian face) of a style of a .docx, reopened with python-docx."""
    from docx import Document

    from reportgen.writers.docx_helpers import w

    rpr = Document(str(path)).styles[name].element.find(w("rPr"))
    colour, fonts = rpr.find(w("color")), rpr.find(w("rFonts"))
    return (
        colour.get(w("val")) if colour is not None else None,
        fonts.get(w("eastAsia")) if fonts is not None else None,
    )


def test_theme_reskins_a_users_reference_brief(here) -> None:
    from docx import Document

    Document().save(str(here / "user.docx"))  # python-docx's own template: not ours
    theme = _theme_file(here, "123456")
    plain = invoke("brief", "-o", "a.docx", "--reference-doc", "user.docx")
    assert plain.exit_code == 0, plain.output
    assert _style_look(here / "a.docx", "Heading 1")[0] != "123456"  # its own look
    result = invoke("brief", "-o", "b.docx", "--reference-doc", "user.docx", "--theme", str(theme))
    assert result.exit_code == 0, result.output
    assert _style_look(here / "b.docx", "Heading 1") == ("123456", "Source Han Sans SC")
    assert _style_look(here / "b.docx", "Title") == ("123456", "Source Han Sans SC")
    assert '<a:dk2><a:srgbClr val="123456"/></a:dk2>' in _text(here / "b.docx", "word/theme/")


def test_theme_reskins_the_built_in_brief(here) -> None:
    theme = _theme_file(here, "123456")
    assert invoke("brief", "-o", "plain.docx").exit_code == 0
    result = invoke("brief", "-o", "corp.docx", "--theme", str(theme))
    assert result.exit_code == 0, result.output
    assert _style_look(here / "corp.docx", "Heading 1") == ("123456", "Source Han Sans SC")
    assert '<a:dk2><a:srgbClr val="123456"/></a:dk2>' in _text(here / "corp.docx", "word/theme/")
    assert "123456" not in _text(here / "plain.docx", "word/")


def test_a_theme_in_a_template_folder_given_as_an_option_is_used(here) -> None:
    from reportgen.theme import TEMPLATES

    folder = here / "corp"
    folder.mkdir()
    (folder / "reference.pptx").write_bytes((TEMPLATES / "default" / "reference.pptx").read_bytes())
    _theme_file(here, "123456").rename(folder / "theme.yaml")
    deck = invoke("deck", "-o", "d.pptx", "--template", "corp")
    assert deck.exit_code == 0, deck.output
    assert 'val="123456"' in _text(here / "d.pptx", "ppt/slideLayouts/")
    brief = invoke("brief", "-o", "b.docx", "--reference-doc", "corp")
    assert brief.exit_code == 0, brief.output
    assert _style_look(here / "b.docx", "Heading 1")[0] == "123456"
