"""The build manifest: what was built from what, and whether the outputs are still current."""

from __future__ import annotations

import hashlib
import json

from reportgen import manifest


def _folder(tmp_path, key: str = "k1"):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "brief.docx").write_bytes(b"brief")
    outputs = manifest.output_hashes(folder, ["brief.docx"])
    data = manifest.make(
        article="a.md",
        key=key,
        inputs={"z": "1", "a": "2"},
        settings={"style": "default"},
        outputs=outputs,
        findings=None,
        timings={"extract": 0.12345},
    )
    (folder / manifest.NAME).write_text(manifest.dumps(data), encoding="utf-8")
    return folder, data


def test_sha256_file_and_output_hashes(tmp_path) -> None:
    (tmp_path / "b").write_bytes(b"B")
    (tmp_path / "a").write_bytes(b"A")
    assert manifest.sha256_file(tmp_path / "a") == hashlib.sha256(b"A").hexdigest()
    hashes = manifest.output_hashes(tmp_path, ["b", "a"])
    assert list(hashes) == ["a", "b"] and hashes["b"] == hashlib.sha256(b"B").hexdigest()


def test_make_sorts_inputs_rounds_timings_and_records_verification(tmp_path) -> None:
    _, data = _folder(tmp_path)
    assert list(data["inputs"]) == ["a", "z"]
    assert data["timings"] == {"extract": 0.123}
    assert data["verified"] is False and data["findings"] == []
    assert data["format"] == manifest.FORMAT and data["tool"] == "reportgen"
    checked = manifest.make(
        article="a", key="k", inputs={}, settings={}, outputs={}, findings=["x"], timings={}
    )
    assert checked["verified"] is False and checked["findings"] == ["x"]  # ran, found one
    clean = manifest.make(
        article="a", key="k", inputs={}, settings={}, outputs={}, findings=[], timings={}
    )
    assert clean["verified"] is True and clean["findings"] == []


def test_dumps_is_stable_json_with_chinese_kept() -> None:
    text = manifest.dumps({"article": "钱塘.md", "n": 1})
    assert text.endswith("}\n") and "钱塘" in text
    assert json.loads(text) == {"article": "钱塘.md", "n": 1}


def test_read_returns_the_manifest_or_none(tmp_path) -> None:
    folder, data = _folder(tmp_path)
    assert manifest.read(folder) == data
    (folder / manifest.NAME).write_text('{"format": 1, "findings": [3]}', encoding="utf-8")
    assert manifest.read(folder) is None  # a finding that is not text
    (folder / manifest.NAME).write_text("not json", encoding="utf-8")
    assert manifest.read(folder) is None
    assert manifest.read(tmp_path / "nowhere") is None


def test_stable_drops_the_timings(tmp_path) -> None:
    _, data = _folder(tmp_path)
    assert "timings" not in manifest.stable(data)
    assert manifest.stable(data)["key"] == "k1"


def test_why_stale(tmp_path) -> None:
    folder, _ = _folder(tmp_path)
    assert manifest.why_stale(folder, "k1") is None
    assert manifest.why_stale(folder, "k2") == "inputs, settings or tool changed"
    (folder / "brief.docx").write_bytes(b"edited")
    assert manifest.why_stale(folder, "k1") == "brief.docx was changed"
    (folder / "brief.docx").unlink()
    assert manifest.why_stale(folder, "k1") == "brief.docx is missing"
    assert manifest.why_stale(tmp_path / "none", "k1") == "missing"
    (folder / manifest.NAME).write_text("{", encoding="utf-8")
    assert manifest.why_stale(folder, "k1") == "manifest is damaged"
    (folder / manifest.NAME).unlink()
    assert manifest.why_stale(folder, "k1") == "no manifest"
