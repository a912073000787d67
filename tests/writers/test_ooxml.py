"""XML-safe text and reproducible zip packages."""

from __future__ import annotations

import io
import zipfile

from reportgen.writers.ooxml import FIXED_TIME, normalize_zip, xml_safe


def test_xml_safe_drops_what_xml_cannot_hold() -> None:
    assert xml_safe("a\x00b\x0bc\ufffed\tе\n钱塘") == "abcd\tе\n钱塘"


def test_normalize_zip_fixes_times_and_keeps_order_and_bytes() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("b.xml", date_time=(2024, 5, 1, 8, 0, 0)), b"<b/>")
        zf.writestr(zipfile.ZipInfo("a.xml", date_time=(2023, 1, 1, 0, 0, 0)), b"<a/>" * 100)
    once = normalize_zip(buffer.getvalue())
    assert normalize_zip(once) == once  # stable
    with zipfile.ZipFile(io.BytesIO(once)) as zf:
        assert zf.namelist() == ["b.xml", "a.xml"]
        assert {i.date_time for i in zf.infolist()} == {FIXED_TIME}
        assert zf.read("a.xml") == b"<a/>" * 100
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())


def test_shown_drops_spaces_around_chinese_marks_only() -> None:
    from reportgen.writers.ooxml import shown

    assert shown("总裁卢伟冰 、副总裁 ，增长 。") == "总裁卢伟冰、副总裁，增长。"
    assert shown("“ 我们 ” 说 **要点** ：") == "“我们” 说 **要点**："
    assert shown("12.5 亿元, in 2024 . ok") == "12.5 亿元, in 2024 . ok"  # Latin marks untouched
    assert shown("卢伟冰 ", following="、") == "卢伟冰"
    assert shown("a\x00b") == "ab"
