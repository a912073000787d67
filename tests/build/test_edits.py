"""Hand-edited content models are kept, never overwritten silently."""

from __future__ import annotations

from conftest import ARTICLES

from reportgen import manifest
from reportgen.build.edits import edited, edited_by_hand, load_model_file, model_slug
from reportgen.build.jobs import Job
from reportgen.extract import extract_path


def _model_file(tmp_path):
    model = extract_path(ARTICLES / "zh_numbered.txt")
    path = tmp_path / "content.json"
    path.write_text(model.to_json(), encoding="utf-8")
    return model, path


def test_load_model_file_and_model_slug(tmp_path) -> None:
    model, path = _model_file(tmp_path)
    assert load_model_file(path) == model
    assert model_slug(path) == "zh_numbered"


def _manifest(folder, outputs, settings=None) -> None:
    data = manifest.make(
        article="a", key="k", inputs={}, settings=settings or {}, outputs=outputs,
        findings=None, timings={},
    )  # fmt: skip
    (folder / manifest.NAME).write_text(manifest.dumps(data), encoding="utf-8")


def test_edited_by_hand(tmp_path) -> None:
    _, path = _model_file(tmp_path)
    assert not edited_by_hand(tmp_path)  # no manifest: nothing recorded
    _manifest(tmp_path, {"content.json": manifest.sha256_file(path)})
    assert not edited_by_hand(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert edited_by_hand(tmp_path)
    _manifest(tmp_path, {"content.json": manifest.sha256_file(path)}, {"model": "m.json"})
    assert edited_by_hand(tmp_path)  # built with --model


def test_edited_says_how_to_build_from_it(tmp_path) -> None:
    job = Job(ARTICLES / "zh_numbered.txt", "zh_numbered", tmp_path / "zh_numbered", "k", {}, {})
    result = edited(job, tmp_path)
    assert result.status == "failed" and result.exit_code == 2
    assert "was edited by hand" in result.error and "--force" in result.error
    assert "reportgen build --model" in result.error
