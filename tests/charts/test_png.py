"""PNG files: the chart encoder and the size-only stand-ins the writers place early."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from reportgen.charts import png


def test_rgb_png_decodes_to_its_pixels_with_its_dpi() -> None:
    rows = b"\x00" + bytes([10, 20, 30, 40, 50, 60]) + b"\x00" + bytes([70, 80, 90, 1, 2, 3])
    data = png.rgb_png(2, 2, 200, rows)
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (2, 2) and im.mode == "RGB"
        assert round(im.info["dpi"][0]) == 200
        pixels = [im.getpixel((x, y)) for y in range(2) for x in range(2)]
        assert pixels == [(10, 20, 30), (40, 50, 60), (70, 80, 90), (1, 2, 3)]
    assert b"tEXt" not in data and b"tIME" not in data  # no metadata that changes per run


def test_stand_in_sizes_a_picture_in_both_office_libraries() -> None:
    from docx.image.image import Image as DocxImage
    from pptx.parts.image import Image as PptxImage

    data = png.stand_in(1260, 614, 200, "abc-page.png")
    assert png.size(data) == (1260, 614)
    image = DocxImage.from_blob(data)
    assert (image.px_width, image.px_height, image.horz_dpi) == (1260, 614, 200)
    pptx_image = PptxImage(data, "chart.png")
    assert pptx_image.size == (1260, 614) and pptx_image.dpi == (200, 200)
    assert pptx_image.ext == "png"


def test_stand_ins_differ_by_key_and_hold_no_pixels() -> None:
    first, second = (png.stand_in(10, 10, 200, k) for k in ("a.png", "b.png"))
    assert first != second
    idat = first.index(b"IDAT")
    assert first[idat - 4 : idat] == b"\x00\x00\x00\x00"  # an empty IDAT chunk


@pytest.mark.parametrize("blob", [b"", b"GIF89a" + bytes(30), b"\x89PNG\r\n\x1a\n" + bytes(8)])
def test_size_of_what_is_not_a_png_is_none(blob: bytes) -> None:
    assert png.size(blob) is None
