"""`reportgen preview`: deck and brief as PDF and PNG pages plus a contact sheet (LibreOffice)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import InputError, OutputError
from reportgen.writers import OUTPUTS

DOCUMENTS = tuple(o.file for o in reversed(OUTPUTS))  # the deck first, as before
FOLDER = "preview"
CONTACT = "contact-sheet.png"
DPI = 60
TIMEOUT = 240
SLOTS = 8
INSTALL_HINT = (
    "LibreOffice is not installed (no soffice on PATH); install it, e.g. "
    "`apt-get install libreoffice-writer libreoffice-impress poppler-utils`, "
    "or set $REPORTGEN_SOFFICE to its soffice program"
)


@dataclass
class PreviewResult:
    """The files one preview wrote."""

    folder: Path
    pdfs: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    contact: Path | None = None

    def describe(self) -> str:
        return (
            f"{len(self.pdfs)} PDF, {len(self.pages)} page PNG and a contact sheet to {self.folder}"
        )


def find_soffice() -> str | None:
    """The LibreOffice program: $REPORTGEN_SOFFICE, else soffice or libreoffice on PATH."""
    explicit = os.environ.get("REPORTGEN_SOFFICE")
    if explicit:
        return explicit if shutil.which(explicit) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def preview(folder: Path, *, dpi: int = DPI) -> PreviewResult:
    """Render folder/deck.pptx and folder/brief.docx into folder/preview/."""
    folder = Path(folder)
    documents = [folder / name for name in DOCUMENTS if (folder / name).is_file()]
    if not documents:
        raise InputError(f"no {' or '.join(DOCUMENTS)} here; run `reportgen build`", path=folder)
    soffice = find_soffice()
    if soffice is None:
        raise OutputError(INSTALL_HINT)
    target = folder / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    result = PreviewResult(target)
    groups = []
    with tempfile.TemporaryDirectory(prefix="reportgen-preview-") as tmp:
        pdfs = convert(soffice, documents, Path(tmp))
        for document, pdf in zip(documents, pdfs, strict=True):
            final = target / f"{document.stem}.pdf"
            _move(pdf, final)
            result.pdfs.append(final)
            groups.append(pdf_pages(final, target / document.stem, dpi))
            result.pages += groups[-1]
    result.contact = contact_sheet(groups, target / CONTACT)
    return result


def convert(soffice: str, documents: list[Path], workdir: Path) -> list[Path]:
    """PDF of each document, in one LibreOffice run with its own profile and font config.

    Each document is copied under a unique name first (deck.pptx and brief.docx would both
    become a .pdf of their stem; two folders' deck.pptx would clash the same way).
    """
    staged = []
    for i, document in enumerate(documents):
        copy = workdir / f"in{i}-{document.stem}{document.suffix}"
        shutil.copyfile(document, copy)
        staged.append(copy)
    outdir = workdir / "pdf"
    with profile_dir() as profile:
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf(workdir)))
        cmd = [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, staged),
        ]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise OutputError(f"LibreOffice took more than {TIMEOUT} s; gave up") from None
        except OSError as exc:
            raise OutputError(f"cannot run LibreOffice ({soffice}): {exc}") from None
    pdfs = [outdir / f"{s.stem}.pdf" for s in staged]
    missing = [d.name for d, p in zip(documents, pdfs, strict=True) if not p.is_file()]
    if missing:
        detail = (run.stderr or run.stdout).strip().splitlines()
        why = detail[-1] if detail else f"exit code {run.returncode}"
        raise OutputError(f"LibreOffice did not convert {', '.join(missing)}: {why}")
    return pdfs


@contextlib.contextmanager
def profile_dir():
    """A LibreOffice profile folder that no other running conversion uses (kept for speed)."""
    from filelock import FileLock, Timeout

    from reportgen.fonts import cache_dir

    base = cache_dir() / "lo-profiles"
    base.mkdir(parents=True, exist_ok=True)
    for slot in range(SLOTS):
        lock = FileLock(str(base / f"slot{slot}.lock"), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            continue
        try:
            yield base / f"slot{slot}"
        finally:
            lock.release()
        return
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-") as tmp:
        yield Path(tmp)


def fonts_conf(workdir: Path) -> Path:
    """A fontconfig file: the system's configuration plus the bundled Noto Sans SC instances.

    LibreOffice finds fonts through fontconfig; on a machine without CJK fonts Chinese text
    would otherwise come out as boxes.
    """
    from reportgen.fonts import bundled_font_dir, cache_dir

    fonts = bundled_font_dir()
    system = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{_xml(system)}</include>\n'
        f"  <dir>{_xml(str(fonts))}</dir>\n"
        f"  <cachedir>{_xml(str(cache_dir() / 'fontconfig'))}</cachedir>\n"
        f"{_aliases()}"
        "</fontconfig>\n"
    )
    path = workdir / "fonts.conf"
    path.write_text(text, encoding="utf-8")
    return path


# Office font names Chinese documents ask for, and the free Simplified Chinese faces that stand in
# for them, so LibreOffice never falls back to a Japanese (JP) face for Chinese text.
SANS_SC = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC")
SERIF_SC = ("Noto Serif CJK SC", "Source Han Serif SC", *SANS_SC)
CJK_ALIASES = {
    "Microsoft YaHei": SANS_SC,
    "微软雅黑": SANS_SC,
    "DengXian": SANS_SC,
    "等线": SANS_SC,
    "SimHei": SANS_SC,
    "黑体": SANS_SC,
    "PingFang SC": SANS_SC,
    "SimSun": SERIF_SC,
    "宋体": SERIF_SC,
    "FangSong": SERIF_SC,
    "仿宋": SERIF_SC,
    "仿宋_GB2312": SERIF_SC,
    "KaiTi": SERIF_SC,
    "楷体": SERIF_SC,
    "楷体_GB2312": SERIF_SC,
    "方正小标宋简体": SERIF_SC,
    "方正小标宋_GBK": SERIF_SC,
}


def _aliases(extra: dict[str, tuple[str, ...]] | None = None) -> str:
    lines = []
    for family, prefer in {**CJK_ALIASES, **(extra or {})}.items():
        faces = "".join(f"<family>{_xml(f)}</family>" for f in prefer)
        name = f"<family>{_xml(family)}</family>"
        lines.append(f'  <alias binding="same">{name}<prefer>{faces}</prefer></alias>\n')
    return "".join(lines)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _move(source: Path, target: Path) -> None:
    from reportgen.atomic import write_bytes

    write_bytes(target, source.read_bytes())


def pdf_pages(pdf: Path, prefix: Path, dpi: int = DPI) -> list[Path]:
    """One PNG per page (prefix-1.png, prefix-2.png...), by pdftoppm or else pypdfium2."""
    for old in prefix.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)],
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )
        pages = list(prefix.parent.glob(f"{prefix.name}-*.png"))
        return sorted(pages, key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return _pdfium_pages(pdf, prefix, dpi)


def _pdfium_pages(pdf: Path, prefix: Path, dpi: int) -> list[Path]:
    try:
        import pypdfium2
    except ImportError:
        raise OutputError(
            "PNG pages need pdftoppm (apt-get install poppler-utils) or pypdfium2"
        ) from None
    pages = []
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for i, page in enumerate(document, start=1):
            path = prefix.parent / f"{prefix.name}-{i}.png"
            page.render(scale=dpi / 72).to_pil().save(path)
            pages.append(path)
    finally:
        document.close()
    return pages


def contact_sheet(
    groups: list[list[Path]], output: Path, width: int = 240, columns: int = 5
) -> Path:
    """Every page as a thumbnail on one PNG in reading order; each document starts a row."""
    import io

    from PIL import Image

    from reportgen.atomic import write_bytes

    rows = []
    for pages in groups:
        thumbs = [_thumbnail(page, width) for page in pages]
        rows += [thumbs[i : i + columns] for i in range(0, len(thumbs), columns)]
    rows = rows or [[]]
    gap = 8
    heights = [max((t.height for t in row), default=0) for row in rows]
    sheet = Image.new(
        "RGB",
        (gap + columns * (width + gap), gap + sum(h + gap for h in heights)),
        (230, 230, 230),
    )
    y = gap
    for row, height in zip(rows, heights, strict=True):
        for i, thumb in enumerate(row):
            sheet.paste(thumb, (gap + i * (width + gap), y))
        y += height + gap
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG")
    return write_bytes(output, buffer.getvalue())


def _thumbnail(page: Path, width: int):
    from PIL import Image

    with Image.open(page) as image:
        image = image.convert("RGB")
        height = max(1, round(image.height * width / image.width))
        return image.resize((width, height), Image.Resampling.LANCZOS)


def write_pdfs(folders: list[Path]) -> list[Path]:
    """`build --pdf`: brief.pdf and deck.pdf beside each output folder's brief.docx and
    deck.pptx, in one LibreOffice run for all of them (its start-up is most of the cost). A PDF
    newer than its document is kept. Without LibreOffice: an OutputError saying how to install
    it."""
    documents = [
        Path(folder) / name
        for folder in folders
        for name in DOCUMENTS
        if (Path(folder) / name).is_file()
    ]
    todo = [d for d in documents if not _newer(d.with_suffix(".pdf"), d)]
    if not todo:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise OutputError(f"--pdf: {INSTALL_HINT}")
    from reportgen.notices import stage

    written = []
    with stage("pdf"), tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as tmp:
        for document, pdf in zip(todo, convert(soffice, todo, Path(tmp)), strict=True):
            final = document.with_suffix(".pdf")
            _move(pdf, final)
            written.append(final)
    return written


def _newer(path: Path, than: Path) -> bool:
    try:
        return path.stat().st_mtime >= than.stat().st_mtime
    except OSError:
        return False
