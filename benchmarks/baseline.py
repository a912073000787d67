"""Hand-written baseline: 4 matplotlib charts, a 10-slide deck (python-pptx), a memo (python-docx).

What a person would write without reportgen (no extraction, no layout fitting, no verification),
as the comparison point for `reportgen build`. Run: python benchmarks/baseline.py OUT_DIR
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

DATA = {
    "地区生产总值(亿元)": (["2021", "2022", "2023", "2024"], [612.0, 655.0, 701.0, 748.0]),
    "规上企业(家)": (["制造", "服务", "建筑", "其他"], [320.0, 150.0, 48.0, 31.0]),
    "研发投入强度(%)": (["2021", "2022", "2023", "2024"], [3.2, 3.5, 3.9, 4.1]),
    "新增市场主体(万户)": (["一季度", "二季度", "三季度", "四季度"], [0.8, 1.1, 1.0, 1.3]),
}


def charts(font: str | None) -> list[bytes]:
    """Four bar charts as PNG bytes (object-oriented API, Agg)."""
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    family = ["DejaVu Sans"]
    if font:
        font_manager.fontManager.addfont(font)
        family = [font_manager.FontProperties(fname=font).get_name(), "DejaVu Sans"]
    images = []
    for title, (labels, values) in DATA.items():
        fig = Figure(figsize=(8, 4.5), dpi=150)
        ax = fig.add_subplot()
        ax.bar(labels, values, color="#1F4E79")
        ax.set_title(title, fontfamily=family)
        for label in ax.get_xticklabels():
            label.set_fontfamily(family)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata={"Software": None})
        images.append(buffer.getvalue())
    return images


def deck(images: list[bytes], path: Path) -> None:
    """Ten 16:9 slides: title, agenda, 4 charts, 3 text slides, summary."""
    from pptx import Presentation
    from pptx.util import Emu, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = "示范区发展简报"
    title.placeholders[1].text = "数据与要点"
    texts = ["议程", *DATA, "产业", "开放", "人才", "总结"]
    for i, heading in enumerate(texts[:9]):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = heading
        if 1 <= i <= 4:
            slide.shapes.add_picture(
                io.BytesIO(images[i - 1]), Emu(914400), Emu(1371600), width=Emu(10363200)
            )
        else:
            box = slide.shapes.add_textbox(Emu(914400), Emu(1600200), Emu(10363200), Emu(4114800))
            box.text_frame.word_wrap = True
            box.text_frame.text = "做强主导产业,培育新兴赛道,推进制度创新。" * 3
            box.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    prs.save(path)


def memo(images: list[bytes], path: Path) -> None:
    """A two-page memo: heading, paragraphs, two charts, a table."""
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    doc.add_heading("示范区发展简报", level=1)
    for _ in range(4):
        doc.add_paragraph("过去一年,示范区地区生产总值稳步增长,产业结构持续优化。" * 3)
    for image in images[:2]:
        doc.add_picture(io.BytesIO(image), width=Cm(15))
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "指标", "数值"
    for title, (_, values) in DATA.items():
        row = table.add_row().cells
        row[0].text, row[1].text = title, f"{values[-1]:g}"
    doc.save(path)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/baseline")
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    font = None
    try:
        from reportgen.fonts import bundled_font_path

        font = str(bundled_font_path(400))
    except Exception:  # noqa: BLE001 - the baseline runs without reportgen too
        pass
    images = charts(font)
    deck(images, out / "deck.pptx")
    memo(images, out / "memo.docx")
    print(f"baseline: 4 charts, 10 slides, memo in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
