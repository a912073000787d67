"""`reportgen preview`: clear messages without LibreOffice, fontconfig, pages, contact sheet."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from reportgen import preview as preview_module
from reportgen.cli import app
from reportgen.errors import InputError, OutputError
from reportgen.preview import contact_sheet, fonts_conf, pdf_pages, preview

runner = CliRunner()


@pytest.fixture
def outputs(tmp_path) -> Path:
    """A folder that looks like out/<slug> (the files are not opened before LibreOffice)."""
    folder = tmp_path / "out" / "a"
    folder.mkdir(parents=True)
    (folder / "deck.pptx").write_bytes(b"PK")
    (folder / "brief.docx").write_bytes(b"PK")
    return folder


def test_without_libreoffice_the_message_says_how_to_install(outputs, monkeypatch) -> None:
    monkeypatch.setenv("REPORTGEN_SOFFICE", "no-such-soffice-here")
    with pytest.raises(OutputError, match="LibreOffice is not installed"):
        preview(outputs)
    result = runner.invoke(app, ["preview", str(outputs)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: LibreOffice is not installed (no soffice on PATH)")
    assert "apt-get install libreoffice-writer libreoffice-impress" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not (outputs / "preview").exists()


def test_folder_without_documents_is_bad_input(tmp_path) -> None:
    with pytest.raises(InputError, match="no deck.pptx or brief.docx here"):
        preview(tmp_path)


def test_fonts_conf_adds_the_bundled_fonts_to_the_system_config(tmp_path, monkeypatch) -> None:
    fonts = tmp_path / "fonts & more"
    fonts.mkdir()
    monkeypatch.setattr("reportgen.fonts.bundled_font_dir", lambda: fonts)
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    text = fonts_conf(tmp_path).read_text(encoding="utf-8")
    assert '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' in text
    assert f"<dir>{tmp_path}/fonts &amp; more</dir>" in text
    monkeypatch.setenv("FONTCONFIG_FILE", "/opt/my/fonts.conf")
    assert '<include ignore_missing="yes">/opt/my/fonts.conf</include>' in fonts_conf(
        tmp_path
    ).read_text(encoding="utf-8")


def _pdf(path: Path, sizes: list[tuple[int, int]]) -> Path:
    pages = [Image.new("RGB", size, (200, 30 * i, 90)) for i, size in enumerate(sizes)]
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=72)
    return path


def test_pdf_pages_one_png_per_page_in_order(tmp_path) -> None:
    pdf = _pdf(tmp_path / "deck.pdf", [(320, 180)] * 11)
    (tmp_path / "deck-99.png").write_bytes(b"old")
    pages = pdf_pages(pdf, tmp_path / "deck", dpi=36)
    assert len(pages) == 11
    assert [p.name for p in pages][:2] in (
        ["deck-01.png", "deck-02.png"],
        ["deck-1.png", "deck-2.png"],
    )
    assert not (tmp_path / "deck-99.png").exists()
    with Image.open(pages[0]) as first:
        assert first.size == (160, 90)


def test_contact_sheet_starts_each_document_on_a_new_row(tmp_path) -> None:
    def page(name: str, size: tuple[int, int]) -> Path:
        path = tmp_path / name
        Image.new("RGB", size, (0, 0, 0)).save(path)
        return path

    deck = [page(f"d{i}.png", (320, 180)) for i in range(6)]
    brief = [page(f"b{i}.png", (210, 297)) for i in range(2)]
    sheet = contact_sheet([deck, brief], tmp_path / "sheet.png", width=100, columns=5)
    with Image.open(sheet) as image:
        gap = 8
        assert image.width == gap + 5 * (100 + gap)
        # rows: 5 slides, 1 slide, 2 brief pages (141 px high at 100 px wide)
        assert image.height == gap + (56 + gap) * 2 + (141 + gap)
        assert image.getpixel((gap + 1, gap + 1)) == (0, 0, 0)
        assert image.getpixel((gap + 1 * (100 + gap) + 1, gap + 56 + gap + 1)) != (0, 0, 0)


def test_profile_slots_are_not_shared(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    with preview_module.profile_dir() as one, preview_module.profile_dir() as two:
        assert one != two
    with preview_module.profile_dir() as again:
        assert again == one


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdffonts") is None,
    reason="LibreOffice or poppler-utils is not installed",
)
def test_preview_renders_chinese_with_only_the_bundled_fonts(tmp_path, monkeypatch) -> None:
    """A machine whose fontconfig knows no CJK font: the bundled Noto Sans SC is used."""
    from test_build import make_article

    from reportgen import api
    from reportgen.fonts import bundled_font_dir

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    (tmp_path / "a.txt").write_text(make_article(4), encoding="utf-8")
    report = api.build_command([Path("a.txt")], jobs=1, verify=False)
    assert report.exit_code == 0
    bare = tmp_path / "bare-fonts.conf"
    latin = Path(__import__("matplotlib").get_data_path()) / "fonts" / "ttf"
    bare.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{latin}</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(bare))
    result = runner.invoke(app, ["preview", "out/a"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "a" / "preview"
    assert (folder / "deck.pdf").is_file() and (folder / "brief.pdf").is_file()
    deck_pages = sorted(folder.glob("deck-*.png"))
    assert deck_pages and sorted(folder.glob("brief-*.png"))
    assert (folder / "contact-sheet.png").is_file()
    for pdf in ("deck.pdf", "brief.pdf"):
        fonts = subprocess.run(["pdffonts", str(folder / pdf)], capture_output=True, text=True)
        assert "NotoSansSC" in fonts.stdout.replace(" ", ""), fonts.stdout
    assert str(bundled_font_dir()) in fonts_conf(tmp_path).read_text(encoding="utf-8")
    import pdfplumber

    with pdfplumber.open(folder / "deck.pdf") as pdf:
        assert len(pdf.pages) == len(deck_pages)
        assert "松岭开发区" in "".join(page.extract_text() or "" for page in pdf.pages)


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig tools not installed")
@pytest.mark.parametrize(("family", "want"), [("Microsoft YaHei", "SC"), ("仿宋_GB2312", "SC")])
def test_office_chinese_fonts_map_to_simplified_chinese_faces(tmp_path, family, want) -> None:
    """Documents ask for Microsoft YaHei or 仿宋: the stand-in is an SC face, never a JP one."""
    import os

    conf = fonts_conf(tmp_path)
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    out = subprocess.run(
        ["fc-match", "-f", "%{family}", f"{family}:lang=zh-cn"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert want in out and "JP" not in out.split(",")[0]
