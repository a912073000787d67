"""Bad input and faults: every one is a one-line error with its exit code, or a sound document."""

from __future__ import annotations

import errno
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportgen.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "zh_numbered.txt"
DEFAULT = ROOT / "templates" / "default"


def fails(args: list[str], code: int, message: str) -> None:
    """The command exits with ``code`` and prints exactly ``Error: message`` on one line."""
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr) == (code, f"Error: {message}\n"), result.output
    assert "Traceback" not in result.output


def build_both(article: Path, out: Path) -> Path:
    """brief + deck + content.json through the CLI; both reopen and verify finds nothing."""
    import docx
    from pptx import Presentation

    from reportgen.verify import verify_outputs

    for command, name in (("brief", "brief.docx"), ("deck", "deck.pptx")):
        result = runner.invoke(app, [command, str(article), "-o", str(out / name)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, ["extract", str(article), "-f", "json", "-o", str(out / "content.json")]
    )
    assert result.exit_code == 0, result.output
    assert docx.Document(str(out / "brief.docx")).paragraphs
    assert len(Presentation(str(out / "deck.pptx")).slides) >= 1
    assert [str(f) for f in verify_outputs(out)] == []
    return out


# --- articles ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["brief", "deck"])
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the article is empty (no text after decoding)"),
        (b" \n\t\n\xe3\x80\x80\n", "the article is empty (no text after decoding)"),
        (bytes(range(256)) * 8, "binary data, not a text article"),
        (
            b"\xff\xfe" + "中文".encode("utf-16-le") + b"\x00\xd8A\x00",
            "not valid utf-16-le at byte 4",
        ),
        (b"\xef\xbb\xbf" + "中文".encode() + b"\xff\xfe", "not valid utf-8 at byte 6"),
    ],
    ids=["empty", "whitespace", "binary", "utf16-lone-surrogate", "utf8-bom-bad-bytes"],
)
def test_unusable_article(tmp_path, command, content, problem) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    fails([command, str(path), "-o", str(tmp_path / "out" / "x")], 2, f"{path}: {problem}")
    assert not (tmp_path / "out").exists()


def test_undecodable_bytes_without_bom(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xff\xfe\xfd\x80\x81" * 50 + "中文".encode("gbk") + b"\x81\x30")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2 and result.stderr.startswith(f"Error: {path}: ")


def test_twenty_megabytes(tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("钱塘江畔,潮涌不息。\n".encode() * (20 * 1024 * 1024 // 31 + 1))
    size = path.stat().st_size
    fails(["deck", str(path)], 2, f"{path}: file is {size:,} bytes; the limit is 8,388,608")


def test_one_megabyte_line(tmp_path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("潮" * (1024 * 1024), encoding="utf-8")
    fails(
        ["brief", str(path)],
        2,
        f"{path}: a line is 1,048,576 characters long; an article line is at most 100,000",
    )


def test_too_many_paragraphs(tmp_path) -> None:
    """Past 10,000 paragraphs an article is refused before extraction (docs/performance.md)."""
    path = tmp_path / "many.txt"
    path.write_text("# 短段落\n\n" + "".join(f"第{i}段文字。\n\n" for i in range(10_001)), "utf-8")
    message = f"{path}: the article has 10,001 paragraphs; an article has at most 10,000"
    fails(["extract", str(path)], 2, message)


def test_too_many_sections(tmp_path) -> None:
    path = tmp_path / "sections.txt"
    parts = "".join(f"## 第{i}章\n\n园区{i}的产值为{i}亿元。\n\n" for i in range(201))
    path.write_text("# 多章节\n\n" + parts, "utf-8")
    message = f"{path}: the article has 201 sections; an article has at most 200"
    fails(["extract", str(path)], 2, message)


ODD_ARTICLES = {
    "no-headings": "钱塘江畔,潮涌不息。2024年,某区规上工业总产值突破3700亿元。\n\n"
    "“我们要立足自身优势,全力提升产业集聚度。”负责人说。\n",
    "only-headings": "# 标题一\n\n## 第一部分\n\n## 第二部分\n\n## 第三部分\n",
    "heading-without-body": "# 总标题\n\n导语段落,某区产值突破100亿元。\n\n## 平衡“守”与“变”\n\n"
    "## 把握“时”与“势”\n\n这里有正文,集聚企业52家。\n",
    "only-numbers": "\n\n".join(" ".join(str(i * j) for j in range(1, 30)) for i in range(1, 40)),
    "thousands-of-quotes": "\n\n".join(
        f"“这是第{i}句引语,内容是关于发展的一段话。”负责人{i}说。" for i in range(3000)
    ),
    "english-no-headings": "The port handled 13,000 containers in 2024, up 4.2%.\n\n"
    '"We will keep building," the mayor said.\n',
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.slow) if n == "thousands-of-quotes" else n
        for n in ODD_ARTICLES
    ],
)
def test_odd_article_gives_sound_documents(tmp_path, name) -> None:
    path = tmp_path / f"{name}.md"
    path.write_text(ODD_ARTICLES[name], encoding="utf-8")
    build_both(path, tmp_path / "out")


# --- templates --------------------------------------------------------------------------------


def _plan_dir(tmp_path: Path, line: str, at: int = 10) -> Path:
    """A user template folder: the default brief plan with ``line`` inserted as line at+1."""
    folder = tmp_path / "mine"
    folder.mkdir()
    lines = (DEFAULT / "brief.yaml.j2").read_text(encoding="utf-8").splitlines()
    lines.insert(at, line)
    (folder / "brief.yaml.j2").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_plan_template_syntax_error_names_file_and_line(tmp_path) -> None:
    folder = _plan_dir(tmp_path, "{% if %}")
    fails(
        ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")],
        2,
        f"{folder / 'brief.yaml.j2'}: line 11: Expected an expression, got 'end of statement block'",
    )


def test_plan_template_undefined_variable_names_file_and_line(tmp_path) -> None:
    folder = _plan_dir(tmp_path, "# {{ no_such_variable }}")
    fails(
        ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")],
        2,
        f"{folder / 'brief.yaml.j2'}: line 11: 'no_such_variable' is undefined",
    )


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "{{ ''.__class__.__mro__[1].__subclasses__() }}",
            "refused by the sandbox: access to attribute '__class__' of 'str' object is unsafe.",
        ),
        (
            "{{ lipsum.__globals__ }}",
            "refused by the sandbox: access to attribute '__globals__' of 'function' object is "
            "unsafe.",
        ),
        (
            "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
            "refused by the sandbox: access to attribute '__init__' of 'type' object is unsafe.",
        ),
    ],
    ids=["class", "globals", "os"],
)
def test_sandbox_refuses_python_internals(tmp_path, body, problem) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "brief.yaml.j2").write_text(f"blocks: []\n# {body}\n", encoding="utf-8")
    fails(
        ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")],
        2,
        f"{folder / 'brief.yaml.j2'}: {problem}",
    )
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../etc/passwd"])
def test_sandbox_refuses_the_file_system(tmp_path, target) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "brief.yaml.j2").write_text(
        f"blocks: []\n# {{% include '{target}' %}}\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {folder / 'brief.yaml.j2'}: {target!r} not found in {folder}, {DEFAULT}\n"
    )
    assert "root:" not in result.output


def test_pptx_template_without_a_needed_layout(tmp_path) -> None:
    from pptx import Presentation

    prs = Presentation(str(DEFAULT / "reference.pptx"))
    names = [layout.name for m in prs.slide_masters for layout in m.slide_layouts]
    for m in prs.slide_masters:
        for layout in m.slide_layouts:
            if layout.name == "Section Header":
                layout.name = "Abschnitt"
    path = tmp_path / "corp.pptx"
    prs.save(str(path))
    have = ", ".join(repr("Abschnitt" if n == "Section Header" else n) for n in names)
    fails(
        ["deck", str(ARTICLE), "--template", str(path), "-o", str(tmp_path / "d.pptx")],
        2,
        f"{path}: no slide layout named 'Section Header' or '节标题' for section slides "
        f"(the template has {have}); rename a layout or set layouts.section in the deck plan",
    )


def test_docx_template_without_a_needed_style(tmp_path) -> None:
    import docx

    template = docx.Document()
    quote = template.styles["Quote"].element
    quote.getparent().remove(quote)
    path = tmp_path / "letterhead.docx"
    template.save(str(path))
    fails(
        ["brief", str(ARTICLE), "--template", str(path), "-o", str(tmp_path / "b.docx")],
        2,
        f"{path}: the template has no paragraph style 'Quote'",
    )


@pytest.mark.parametrize(
    ("command", "given", "problem"),
    [
        ("deck", "notes.txt", "not a .pptx file (not an Office Open XML package)"),
        ("brief", "notes.txt", "not a .docx file (it is not a zip package)"),
        ("deck", "reference.docx", "not a .pptx (no PowerPoint presentation part)"),
        ("brief", "reference.pptx", "not a .docx file (no Word document part)"),
    ],
)
def test_template_of_the_wrong_kind(tmp_path, command, given, problem) -> None:
    path = tmp_path / given
    if given == "notes.txt":
        path.write_text("hello", encoding="utf-8")
    else:
        path.write_bytes((DEFAULT / given).read_bytes())
    fails(
        [command, str(ARTICLE), "--template", str(path), "-o", str(tmp_path / "x")],
        2,
        f"{path}: {problem}",
    )


# --- output -----------------------------------------------------------------------------------


class _FailingOS:
    """``os`` as reportgen.atomic sees it: writes to temp files of ``target`` fail half-way."""

    def __init__(self, target: str, error: BaseException) -> None:
        self.target, self.error = target, error

    def __getattr__(self, name: str):
        return getattr(os, name)

    def fdopen(self, fd: int, *args, **kwargs):
        name = Path(os.readlink(f"/proc/self/fd/{fd}")).name
        handle = os.fdopen(fd, *args, **kwargs)
        return _Half(handle, self.error) if name.startswith(f".{self.target}.") else handle


class _Half:
    def __init__(self, handle, error: BaseException) -> None:
        self.handle, self.error = handle, error

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> bool:
        self.handle.close()
        return False

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise self.error


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


@pytest.fixture
def earlier(tmp_path) -> Path:
    """An output folder holding an earlier brief and deck."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.docx").write_bytes(b"earlier brief")
    (out / "deck.pptx").write_bytes(b"earlier deck")
    return out


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
@pytest.mark.parametrize(("command", "name"), [("brief", "brief.docx"), ("deck", "deck.pptx")])
def test_full_disk_mid_write(monkeypatch, earlier, command, name) -> None:
    import reportgen.atomic

    monkeypatch.setattr(
        reportgen.atomic, "os", _FailingOS(name, OSError(errno.ENOSPC, "No space left on device"))
    )
    fails(
        [command, str(ARTICLE), "-o", str(earlier / name)],
        2,
        f"{earlier / name}: cannot write: no space left on device",
    )
    assert (earlier / "brief.docx").read_bytes() == b"earlier brief"
    assert (earlier / "deck.pptx").read_bytes() == b"earlier deck"
    assert _leftovers(earlier) == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_interrupt_mid_write_exit_130(monkeypatch, earlier) -> None:
    import reportgen.atomic

    monkeypatch.setattr(reportgen.atomic, "os", _FailingOS("deck.pptx", KeyboardInterrupt()))
    fails(
        ["deck", str(ARTICLE), "-o", str(earlier / "deck.pptx")],
        130,
        "interrupted; earlier outputs are left as they were",
    )
    assert (earlier / "deck.pptx").read_bytes() == b"earlier deck"
    assert _leftovers(earlier) == []


def test_read_only_output_folder(monkeypatch, tmp_path) -> None:
    import reportgen.atomic

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    model = _model_file(tmp_path)
    monkeypatch.setattr(reportgen.atomic.tempfile, "mkstemp", refuse)
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "ro"
    # a single document's charts live in the cache: the first write to fail is theirs
    fails(
        ["brief", "--model", str(model), "-o", str(out / "brief.docx")],
        2,
        f"{tmp_path / 'cache' / 'charts' / 'zh_numbered'}: cannot write: "
        "permission denied (read-only?)",
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_output_folder_for_real(tmp_path) -> None:
    out = tmp_path / "ro"
    (out / "charts").mkdir(parents=True)
    out.chmod(0o555)
    (out / "charts").chmod(0o555)
    try:
        fails(
            ["deck", str(ARTICLE), "-o", str(out / "deck.pptx")],
            2,
            f"{out}: cannot write: permission denied (read-only?)",
        )
    finally:
        (out / "charts").chmod(0o755)
        out.chmod(0o755)


def test_output_folder_is_a_file(tmp_path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = runner.invoke(app, ["deck", str(ARTICLE), "-o", str(blocker / "deck.pptx")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {blocker}: cannot write: ")
    assert result.stderr.count("\n") == 1
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_missing_output_folder_is_created(tmp_path) -> None:
    out = tmp_path / "new" / "deeper"
    result = runner.invoke(app, ["deck", str(ARTICLE), "-o", str(out / "deck.pptx")])
    assert result.exit_code == 0, result.output
    assert (out / "deck.pptx").is_file() and not (out / "charts").exists()  # charts: cache
    assert _leftovers(tmp_path) == []


# --- model files edited by hand (tests/test_model.py has unknown keys, spans, wrong types) -----


def _good() -> dict:
    from reportgen.extract import extract_path

    return json.loads(extract_path(ARTICLE).to_json())


def _model_file(tmp_path: Path, data: object | None = None, raw: bytes | None = None) -> Path:
    path = tmp_path / "model.json"
    if raw is None:
        raw = json.dumps(_good() if data is None else data, ensure_ascii=False).encode()
    path.write_bytes(raw)
    return path


def _edited(change) -> dict:
    data = _good()
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.pop("text"), "invalid content model: text: Field required"),
        (
            lambda d: d["facts"][0]["span"].update(start=-1),
            "invalid content model: facts.0.span.start: Input should be greater than or equal to 0",
        ),
        (
            lambda d: d["facts"][0]["span"].update(start=5, end=2),
            "invalid content model: facts.0.span: Value error, end must not be before start",
        ),
        (
            lambda d: d["quotes"][0]["span"].update(start=d["quotes"][0]["span"]["start"] + 1),
            None,  # filled in below: the quote's span, named
        ),
        (
            lambda d: d["themes"][0].update(heading=7),
            "invalid content model: themes.0.heading: Input should be a valid string",
        ),
        (
            lambda d: d.update(language="fr"),
            "invalid content model: language: Input should be 'zh' or 'en'",
        ),
        (
            lambda d: d["facts"][0].update(value=float("nan")),
            "invalid content model: facts.0.value: Input should be a finite number",
        ),
        (
            lambda d: d["facts"][0].update(theme=99),
            "invalid content model: model: Value error, facts.0.theme: no theme 99 (the model has 3)",
        ),
        (
            lambda d: d.update(
                relations=[
                    {
                        "kind": "part_of",
                        "text": "x",
                        "span": {"start": 0, "end": 1},
                        "whole": "f404",
                    }
                ]
            ),
            "invalid content model: model: Value error, relations.0.whole: no fact with id 'f404'",
        ),
        (
            lambda d: d["themes"][1].update(colour="red"),
            "invalid content model: themes.1.colour: Extra inputs are not permitted",
        ),
    ],
    ids=[
        "missing-text",
        "negative-span",
        "reversed-span",
        "quote-span",
        "heading-not-text",
        "language",
        "nan",
        "theme-index",
        "dangling-fact-id",
        "unknown-key-nested",
    ],
)
def test_hand_edited_model(tmp_path, change, problem) -> None:
    data = _edited(change)
    if problem is None:
        span = data["quotes"][0]["span"]
        problem = (
            "invalid content model: model: Value error, quotes.0.span: "
            f"span {span['start']}-{span['end']} does not match the text"
        )
    path = _model_file(tmp_path, data)
    fails(["deck", "--model", str(path), "-o", str(tmp_path / "d.pptx")], 2, f"{path}: {problem}")


def test_model_file_not_utf8_or_not_a_mapping(tmp_path) -> None:
    path = _model_file(
        tmp_path, raw=json.dumps(_good(), ensure_ascii=False).encode("gbk", "replace")
    )
    fails(["brief", "--model", str(path)], 2, f"{path}: model file is not UTF-8")
    path = _model_file(tmp_path, [_good()])
    fails(
        ["brief", "--model", str(path)],
        2,
        f"{path}: invalid content model: model: Input should be a valid dictionary or instance of Model",
    )


def test_chart_spec_edited_by_hand(tmp_path) -> None:
    def change(d):
        d["charts"] = [
            {
                "id": "c1",
                "kind": "bar",
                "title": "t",
                "series": [{"labels": ["a", "b"], "values": [1.0], "facts": [None, None]}],
            }
        ]

    path = _model_file(tmp_path, _edited(change))
    fails(
        ["deck", "--model", str(path), "-o", str(tmp_path / "d.pptx")],
        2,
        "charts.c1.series.0: labels, values and facts must have the same length",
    )


# --- hardening (#19): unbounded reads, zip bombs, charsets, odd file names -------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.timeout(30)
@pytest.mark.parametrize("command", ["extract", "build"])
def test_fifo_article_is_refused_without_reading(tmp_path, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.txt")
    args = [command, "pipe.txt"] + (["-q", "--no-verify"] if command == "build" else [])
    fails(args, 2, "pipe.txt: not a regular file (a FIFO)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.timeout(30)
@pytest.mark.parametrize("command", ["extract", "build"])
def test_device_article_is_refused_without_reading(tmp_path, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    args = [command, "/dev/zero"] + (["-q", "--no-verify"] if command == "build" else [])
    fails(args, 2, "/dev/zero: not a regular file (a character device)")


def test_growing_file_is_read_with_a_cap(tmp_path, monkeypatch) -> None:
    """st_size is not trusted: a file that says it is small but is not stops at the cap."""
    from reportgen.ingest import read
    from reportgen.limits import read_regular

    path = tmp_path / "grows.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(read.InputError) as info:
        read_regular(path, 4096)
    assert info.value.message == f"{path}: file is 5,000 bytes; the limit is 4,096"

    real_fstat = os.fstat

    class Lying:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 0

    monkeypatch.setattr(os, "fstat", lambda fd: Lying(real_fstat(fd)))
    with pytest.raises(read.InputError) as info:
        read_regular(path, 4096)
    assert info.value.message == f"{path}: file is more than 4,096 bytes; the limit is 4,096"


@pytest.mark.parametrize("command", ["extract", "build"])
def test_symlink_loop(tmp_path, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    os.symlink("b.txt", "a.txt")
    os.symlink("a.txt", "b.txt")
    args = [command, "a.txt"] + (["-q", "--no-verify"] if command == "build" else [])
    fails(args, 2, "a.txt: a loop of symbolic links")


@pytest.mark.skipif(os.name != "posix", reason="posix file names are bytes")
def test_file_name_not_utf8_in_a_build(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"bad\xff.txt")
    Path(name).write_bytes(ARTICLE.read_bytes())
    fails(
        ["build", name, "-q", "--no-verify"],
        2,
        "bad\\xff.txt: the file name is not valid UTF-8; rename the file",
    )


@pytest.mark.timeout(60)
def test_zip_bomb_mimetype_is_not_inflated(tmp_path) -> None:
    """A .docx-looking zip whose mimetype member inflates to 256 MiB: sniffed from 80 bytes."""
    import resource
    import zipfile

    path = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("mimetype", "w", force_zip64=True) as member,
    ):
        for _ in range(256):
            member.write(b"\0" * (1 << 20))
    assert path.stat().st_size < 1 << 20
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fails(
        ["extract", str(path)],
        2,
        f"{path}: unsupported file type: a zip archive that is not a Word .docx; supported: "
        ".txt, .md (plain text or Markdown), .html/.htm (web page), .docx (Word)",
    )
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 64 * 1024


def test_docx_part_that_inflates_past_its_declared_size(tmp_path) -> None:
    """The member's stream is read with a cap, whatever its header says."""
    import zipfile

    from reportgen.limits import MemberTooLarge, read_member

    path = tmp_path / "parts.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<x/>" * 4096)
    with zipfile.ZipFile(path) as zf:
        assert read_member(zf, "word/document.xml", 1 << 20) == b"<x/>" * 4096
        with pytest.raises(MemberTooLarge, match="inflates to more than 1,000 bytes"):
            read_member(zf, "word/document.xml", 1000)


def test_docx_holding_more_text_than_an_article_file(tmp_path, monkeypatch) -> None:
    """A small package may inflate to 64 MiB of short paragraphs: the text read from it is
    capped like an article file's bytes, and reading stops there (here with a lowered cap)."""
    import docx

    from reportgen.ingest import read

    document = docx.Document()
    for i in range(20):
        document.add_paragraph(f"这是第{i}段很短的文字，在这里重复。")
    path = tmp_path / "inflated.docx"
    document.save(str(path))
    monkeypatch.setattr(read, "MAX_BYTES", 300)
    fails(
        ["extract", str(path)],
        2,
        f"{path}: the .docx holds more than 300 bytes of text; the limit is 300",
    )


PAGE = (
    '<html><head><meta charset="{}"><title>钱塘</title></head><body><h1>钱塘江畔</h1>'
    "<p>钱塘江畔潮涌不息。2024年产值突破3700亿元，同比增长5%。</p><p>这是第二段。</p></body></html>"
)


@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "utf-32"])
def test_utf16_declared_on_a_byte_stream_means_utf8(tmp_path, charset) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset).encode("utf-8"))
    result = runner.invoke(app, ["extract", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["headline"] == "钱塘江畔"


@pytest.mark.parametrize("charset", ["rot13", "hex", "base64", "utf-7", "no-such-charset"])
def test_charset_that_is_no_web_text_encoding(tmp_path, charset) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset).encode("utf-8"))
    fails(
        ["extract", str(path)],
        2,
        f"{path}: the page declares charset {charset.lower()!r}, which is not a text encoding "
        "web pages use",
    )


# --- themes, labels, config and model files (#19) ----------------------------------------------


def _theme(tmp_path: Path, old: str, new: str) -> Path:
    text = (DEFAULT / "theme.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "theme.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _alias_bomb(levels: int = 9) -> str:
    """Nine levels of nine aliases: 387 million values once expanded, 1 KB as text."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


BOMB = "YAML aliases expand to more than 1,000,000 values (an alias bomb?)"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'primary: "1F4E79"',
            'primary: "zzz"',
            "colors.primary must be a colour as hex RRGGBB (such as 1F4E79), not 'zzz'",
        ),
        (
            'text: "222222"',
            "text: 222222",
            'colors.text must be a colour as hex RRGGBB in quotes, such as "222222"',
        ),
        (
            "chart_title: 15",
            "chart_title: -3",
            "sizes.chart_title must be a number of points from 1 to 400, not -3",
        ),
        (
            "slide_body: 18",
            "slide_body: big",
            "sizes.slide_body must be a number of points from 1 to 400, not 'big'",
        ),
        ("dpi: 200", "dpi: 0", "chart.dpi must be a whole number from 50 to 600, not 0"),
        (
            "dpi: 200",
            "dpi: 100000",
            "chart.dpi must be a whole number from 50 to 600, not 100000",
        ),
        (
            "slide_inches: [8.0, 4.5]",
            "slide_inches: [8.0, -4.5]",
            "chart.slide_inches.1 must be a number of inches from 0.5 to 40, not -4.5",
        ),
        (
            "page_inches: [6.3, 3.6]",
            "page_inches: 6.3",
            "chart.page_inches must be [width, height] in inches, not 6.3",
        ),
        (
            'palette: ["1F4E79", "5B9BD5", "C8102E", "ED7D31", "70AD47", "8497B0"]',
            'palette: "1F4E79"',
            "palette must be a list of colours (hex RRGGBB), not '1F4E79'",
        ),
        ("palette: [", "palette: [1, ", "palette.0 must be a colour as hex RRGGBB in quotes, "
         'such as "1"'),
        ("  latin: Arial\n", "  latin: [Arial]\n", "fonts.latin must be a font name, not ['Arial']"),
        ("  grid: \"D9D9D9\"\n", "", "missing theme key: colors.grid"),
        ("  grid: \"D9D9D9\"\n", '  grid: "D9D9D9"\n  lines: "000000"\n',
         "unknown theme key: colors.lines"),
        ("colors:", "colors: [", "not valid YAML: line 14, column 3: did not find expected ',' or ']'"),
        ("name: default\n", "name: default\n" + _alias_bomb(), BOMB),
    ],
    ids=[
        "colour-zzz", "colour-unquoted", "negative-size", "size-string", "dpi-0", "dpi-huge",
        "negative-inches", "inches-not-a-pair", "palette-string", "palette-number",
        "font-not-a-name", "missing-colour", "unknown-colour", "yaml-syntax", "alias-bomb",
    ],
)  # fmt: skip
@pytest.mark.parametrize("command", ["deck", "charts"])
def test_bad_theme_value_names_the_field(tmp_path, command, old, new, problem) -> None:
    theme = _theme(tmp_path, old, new)
    fails(
        [command, str(ARTICLE), "--theme", str(theme), "-o", str(tmp_path / "out" / "x")],
        2,
        f"{theme}: {problem}",
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title: [unclosed\nfoo: bar\n", "not valid YAML: line 2, column 4: did not find "
         "expected ',' or ']'"),
        ("a: b\n  c: d\n", "not valid YAML: line 2, column 4: mapping values are not allowed in this context"),
        (_alias_bomb(), BOMB),
        ("title: \xff\n", None),
    ],
    ids=["unclosed", "indent", "alias-bomb", "not-utf8"],
)  # fmt: skip
def test_bad_labels_file_is_one_line(tmp_path, text, problem) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    labels = folder / "brief_labels_zh.yaml"
    if problem is None:
        labels.write_bytes(text.encode("latin-1"))
        problem = "not valid UTF-8 at byte 7"
    else:
        labels.write_text(text, encoding="utf-8")
    fails(
        ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")],
        2,
        f"{labels}: {problem}",
    )


def test_model_file_alias_bomb(tmp_path) -> None:
    path = tmp_path / "model.yaml"
    path.write_text(_alias_bomb(), encoding="utf-8")
    fails(["deck", "--model", str(path), "-o", str(tmp_path / "d.pptx")], 2, f"{path}: {BOMB}")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b'out = "\xff"\n', "not valid UTF-8 at byte 7"),
        (b"inputs = []\n", "inputs is empty; list files or folders, or remove the key to build "
         "seeds/"),
    ],
    ids=["not-utf8", "empty-inputs"],
)  # fmt: skip
def test_bad_config_file_is_one_line(tmp_path, monkeypatch, raw, problem) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reportgen.toml").write_bytes(raw)
    fails(["build", "--check"], 2, f"{tmp_path / 'reportgen.toml'}: {problem}")
    assert not (tmp_path / "out").exists()


# --- template runtime errors and the render budget (#19) ---------------------------------------


def _template(tmp_path: Path, body: str, **others: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "brief.yaml.j2").write_text(f"blocks: []\n{body}\n", encoding="utf-8")
    for name, text in others.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("body", "others", "problem"),
    [
        ("# {{ 1/0 }}", {}, "line 2: division by zero"),
        (
            "# {{ range(10**9) }}",
            {},
            "line 2: a range of 1,000,000,000 numbers is too large; the limit is 100,000",
        ),
        (
            "# {{ 'a'*3000000000 }}",
            {},
            "line 2: a repeat making 3,000,000,000 items is too large; the limit is 1,000,000",
        ),
        (
            "# {{ '%3000000000d' % 1 }}",
            {},
            "line 2: a format width of 3,000,000,000 is too large; the limit is 1,000,000",
        ),
        (
            "# {{ '{:>3000000000}'.format(1) }}",
            {},
            "line 2: a format width of 3,000,000,000 is too large; the limit is 1,000,000",
        ),
        (
            "# {{ 'x'|center(3000000000) }}",
            {},
            "line 2: an argument of 3,000,000,000 is too large; the limit is 1,000,000",
        ),
        (
            "# {{ 'x'.ljust(3000000000) }}",
            {},
            "line 2: an argument of 3,000,000,000 is too large; the limit is 1,000,000",
        ),
        (
            "# {{ 7 ** 1000000 }}",
            {},
            "line 2: 7 ** 1000000 is too large a number; the limit is 1,000,000",
        ),
        (
            "{% import 'other.j2' as o %}",
            {"other_j2": "{% import 'brief.yaml.j2' as b %}"},
            "templates call, include or import each other without end (recursion too deep)",
        ),
        (
            "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}",
            {},
            "templates call, include or import each other without end (recursion too deep)",
        ),
        (
            "{% set x = 'a' * 1000000 %}{% for i in range(100000) %}{{ x }}{% endfor %}",
            {},
            "the output is longer than the limit of 67,108,864 characters",
        ),
    ],
    ids=[
        "zero-division", "huge-range", "huge-repeat", "percent-width", "format-width",
        "center-width", "ljust-width", "huge-power", "recursive-import", "recursive-macro",
        "huge-output",
    ],
)  # fmt: skip
def test_template_runtime_error_is_one_line(tmp_path, body, others, problem) -> None:
    folder = _template(tmp_path, body, **others)
    fails(
        ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")],
        2,
        f"{folder / 'brief.yaml.j2'}: {problem}",
    )
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "body",
    [
        "# {% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% set ns = namespace(n=0) %}{% for i in range(100000) %}{% for j in range(100000) %}"
        "{% set ns.n = ns.n + 1 %}{% endfor %}{% endfor %}",
    ],
    ids=["nested-loops", "nested-loops-with-work"],
)
def test_template_time_budget(tmp_path, monkeypatch, body) -> None:
    import time

    import reportgen.render_budget

    monkeypatch.setattr(reportgen.render_budget, "MAX_SECONDS", 1.0)
    folder = _template(tmp_path, body)
    start = time.monotonic()
    result = runner.invoke(
        app, ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")]
    )
    assert time.monotonic() - start < 15
    assert result.exit_code == 2
    where = re.escape(f"{folder / 'brief.yaml.j2'}: ")
    assert re.fullmatch(
        f"Error: {where}(line 2: )?rendering took longer than the limit of 1 s\n", result.stderr
    ), result.stderr


def test_template_budget_leaves_ordinary_templates_alone(tmp_path) -> None:
    folder = _template(
        tmp_path,
        "# {{ '%s %s'|format(1, 2) }} {{ range(3)|length }} {{ range(3)|list }} {{ 'ab'.center(5) }}"
        " {{ 2 ** 10 }} {{ lipsum(2)|length > 0 }} {{ (range(5)|list) * 3 }} {{ 'ab' * 4 }}",
    )
    result = runner.invoke(
        app, ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")]
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("number", "digits"),
    [("9" * 400, 400), (",".join(["123"] * 40), 120)],
    ids=["400-digits", "grouped"],
)
@pytest.mark.parametrize("command", ["extract", "build"])
def test_number_too_long_for_a_figure(tmp_path, monkeypatch, command, number, digits) -> None:
    monkeypatch.chdir(tmp_path)
    Path("long.txt").write_text(
        f"# 标题\n\n## 第一部分\n\n该区规上工业总产值达到{number}亿元,同比增长5%。\n",
        encoding="utf-8",
    )
    args = [command, "long.txt"] + (["-q", "--no-verify"] if command == "build" else [])
    fails(args, 2, f"long.txt: a number is {digits} digits long; an article number has at most 50")


# --- the output folder of a build (#19) ---------------------------------------------------------


@pytest.fixture
def one_article(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_bytes(ARTICLE.read_bytes())
    return tmp_path


@pytest.mark.parametrize(
    ("blocker", "problem"),
    [
        ("out/story", "is not a folder; move it away (outputs are written there)"),
        ("out/story/charts", "is not a folder; move it away (outputs are written there)"),
    ],
    ids=["slug-is-a-file", "charts-is-a-file"],
)
def test_file_in_the_way_of_an_output_folder(one_article, blocker, problem) -> None:
    Path(blocker).parent.mkdir(parents=True, exist_ok=True)
    Path(blocker).write_text("mine", encoding="utf-8")
    fails(["build", "story.txt", "-q", "--no-verify"], 2, f"story.txt: {blocker}: {problem}")
    assert Path(blocker).read_text(encoding="utf-8") == "mine"
    assert not Path("out/.staging").exists()


def test_damaged_manifest_and_a_folder_in_place_of_an_output_are_rebuilt(one_article) -> None:
    """A manifest with `findings: 5` (it was exit 3) is stale, and the swap replaces the whole
    folder, so a directory where deck.pptx goes (it left a mix without a manifest) is replaced."""
    from reportgen import manifest

    result = runner.invoke(app, ["build", "story.txt", "-q", "--no-verify"])
    assert result.exit_code == 0, result.output
    folder = Path("out/story")
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    data["findings"] = 5
    (folder / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["build", "story.txt", "--check"])
    assert (result.exit_code, result.stdout) == (1, "stale: story.txt (manifest is damaged)\n")
    (folder / "deck.pptx").unlink()
    (folder / "deck.pptx").mkdir()
    (folder / "preview").mkdir()
    (folder / "preview" / "contact-sheet.png").write_bytes(b"png")
    result = runner.invoke(app, ["build", "story.txt", "-q", "--no-verify", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"][0]["status"] == "built"
    assert manifest.why_stale(folder, manifest.read(folder)["key"]) is None
    assert (folder / "deck.pptx").is_file()
    assert (folder / "preview" / "contact-sheet.png").read_bytes() == b"png"
    assert not Path("out/.staging").exists()


# --- what a user template may reach (#19) -------------------------------------------------------


def test_symlink_out_of_a_template_folder_is_refused(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("token: 1234", encoding="utf-8")
    folder = _template(tmp_path, "# {% include 'notes.txt' %}")
    os.symlink(secret, folder / "notes.txt")
    problem = f"a symbolic link to {secret}, outside the template folder; copy the file in instead"
    for command in (["brief", str(ARTICLE)], ["build", str(ARTICLE), "--no-verify"]):
        fails(
            [*command, "--template", str(folder), "-o", str(tmp_path / "out" / "b.docx")],
            2,
            f"{folder / 'notes.txt'}: {problem}",
        )
    assert not (tmp_path / "out").exists()


def test_symlink_inside_a_template_folder_is_fine(tmp_path) -> None:
    folder = _template(tmp_path, "# {% include 'notes.txt' %}")
    (folder / "real.txt").write_text("just words", encoding="utf-8")
    os.symlink("real.txt", folder / "notes.txt")
    result = runner.invoke(
        app, ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")]
    )
    assert result.exit_code == 0, result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.timeout(30)
def test_fifo_in_a_template_folder_is_refused(tmp_path) -> None:
    folder = _template(tmp_path, "")
    os.mkfifo(folder / "brief_labels_zh.yaml")
    fails(
        ["build", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "out")],
        2,
        f"{folder / 'brief_labels_zh.yaml'}: not a regular file (a FIFO)",
    )


def _reference_with(tmp_path: Path, name: str, extra: dict[str, bytes]) -> Path:
    """A copy of the built-in reference file with parts added or replaced."""
    import zipfile

    path = tmp_path / name
    with (
        zipfile.ZipFile(DEFAULT / name) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename not in extra:
                target.writestr(item, source.read(item))
        for part, data in extra.items():
            target.writestr(part, data)
    return path


def _rels_with(name: str, part: str, relationship: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(DEFAULT / name) as source:
        xml = source.read(part)
    return xml.replace(b"</Relationships>", relationship.encode() + b"</Relationships>")


ATTACHED = (
    '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/attachedTemplate" Target="file://evil.example/share/t.dotm" '
    'TargetMode="External"/>'
)
HYPERLINK = (
    '<Relationship Id="rId998" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/hyperlink" Target="https://example.com/" TargetMode="External"/>'
)


@pytest.mark.parametrize(
    ("command", "name", "part", "data", "problem"),
    [
        (
            "brief", "reference.docx", "word/vbaProject.bin", b"\xd0\xcf\x11\xe0",
            "the template contains macros (word/vbaProject.bin); save it as a macro-free .docx "
            "and use that",
        ),
        (
            "deck", "reference.pptx", "ppt/vbaProject.bin", b"\xd0\xcf\x11\xe0",
            "the template contains macros (ppt/vbaProject.bin); save it as a macro-free .pptx "
            "and use that",
        ),
        (
            "brief", "reference.docx", "word/_rels/document.xml.rels", ATTACHED,
            "the template links to an outside resource (attachedTemplate "
            "'file://evil.example/share/t.dotm' in word/_rels/document.xml.rels); remove the "
            "link and save it again",
        ),
    ],
    ids=["docx-macro", "pptx-macro", "docx-attached-template"],
)  # fmt: skip
def test_reference_file_with_macros_or_outside_links(tmp_path, command, name, part, data, problem):
    if isinstance(data, str):
        data = _rels_with(name, part, data)
    path = _reference_with(tmp_path, name, {part: data})
    fails(
        [command, str(ARTICLE), "--template", str(path), "-o", str(tmp_path / "out" / "x")],
        2,
        f"{path}: {problem}",
    )
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / name).write_bytes(path.read_bytes())
    fails(
        [command, str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "out" / "x")],
        2,
        f"{folder / name}: {problem}",
    )
    assert not (tmp_path / "out").exists()


def test_reference_file_with_a_plain_hyperlink_is_fine(tmp_path) -> None:
    part = "word/_rels/document.xml.rels"
    path = _reference_with(
        tmp_path, "reference.docx", {part: _rels_with("reference.docx", part, HYPERLINK)}
    )
    result = runner.invoke(
        app, ["brief", str(ARTICLE), "--template", str(path), "-o", str(tmp_path / "b.docx")]
    )
    assert result.exit_code == 0, result.output


def test_alias_bomb_in_a_plan_output(tmp_path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "brief.yaml.j2").write_text(_alias_bomb() + "blocks: []\n", encoding="utf-8")
    fails(
        ["brief", str(ARTICLE), "--template", str(folder), "-o", str(tmp_path / "b.docx")],
        2,
        f"brief.yaml.j2: {BOMB}",
    )


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_full_disk_on_the_manifest_leaves_the_old_set_whole(one_article, monkeypatch) -> None:
    """ENOSPC while the manifest is written (it used to leave new files and no manifest)."""
    import reportgen.atomic
    from reportgen import manifest

    result = runner.invoke(app, ["build", "story.txt", "-q", "--no-verify"])
    assert result.exit_code == 0, result.output
    folder = Path("out/story")
    before = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    monkeypatch.setattr(
        reportgen.atomic,
        "os",
        _FailingOS("manifest.json", OSError(errno.ENOSPC, "No space left on device")),
    )
    result = runner.invoke(app, ["build", "story.txt", "-q", "--no-verify", "--force"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: story.txt: out/.staging/story-")
    assert result.stderr.endswith("/manifest.json: cannot write: no space left on device\n")
    after = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    assert after == before
    assert manifest.why_stale(folder, manifest.read(folder)["key"]) is None
    assert not Path("out/.staging").exists()


def test_too_many_lines(tmp_path) -> None:
    """Past 50,000 lines of text an article is refused before its layout is recovered."""
    path = tmp_path / "lines.txt"
    path.write_text("# 短行\n" + "".join(f"第{i}行\n" for i in range(50_000)), "utf-8")
    message = f"{path}: the article has 50,001 lines of text; an article has at most 50,000"
    fails(["brief", str(path)], 2, message)


def test_too_many_figures(tmp_path) -> None:
    """Extraction stops at the first figure past 4,000 (figures cost across every output)."""
    path = tmp_path / "figures.txt"
    body = "\n\n".join(
        "".join(f"园区{i}产值{i * 10 + j}亿元，" for j in range(10)) + "。" for i in range(401)
    )
    path.write_text(f"# 数字\n\n{body}\n", "utf-8")
    message = f"{path}: the article has more than 4,000 figures; an article has at most 4,000"
    fails(["extract", str(path)], 2, message)
