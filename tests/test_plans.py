"""Plans and labels: user folders override the built-in words key by key; errors name the key."""

from __future__ import annotations

import io

import pytest
from factories import zh_model

from reportgen.errors import TemplateError
from reportgen.plans import folder_dirs, labels, template_dirs
from reportgen.theme import TEMPLATES


def test_a_users_labels_file_lists_only_what_it_changes(tmp_path) -> None:
    (tmp_path / "brief_labels_zh.yaml").write_text("toc: 目次\n", encoding="utf-8")
    built_in = labels("brief", "zh", template_dirs())
    merged = labels("brief", "zh", template_dirs("default", tmp_path))
    assert merged == {**built_in, "toc": "目次"}


def test_style_folders_sit_between_the_user_and_the_default(tmp_path) -> None:
    (tmp_path / "deck_labels_zh.yaml").write_text("agenda: 议程\n", encoding="utf-8")
    dirs = template_dirs("gongwen", tmp_path)
    assert dirs == [tmp_path, TEMPLATES / "gongwen", TEMPLATES / "default"]
    assert labels("deck", "zh", dirs)["agenda"] == "议程"


def test_labels_that_are_not_a_mapping_name_the_file(tmp_path) -> None:
    (tmp_path / "deck_labels_zh.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        labels("deck", "zh", template_dirs("default", tmp_path))
    assert info.value.message == f"{tmp_path / 'deck_labels_zh.yaml'}: labels must be a mapping"


def test_folder_dirs_only_for_folders(tmp_path) -> None:
    assert folder_dirs(None) is None
    assert folder_dirs(tmp_path / "corp.pptx") is None
    assert folder_dirs(tmp_path) == [tmp_path, TEMPLATES / "default"]


def test_brief_with_a_one_key_labels_folder_uses_it(tmp_path) -> None:
    import docx

    from reportgen.writers.brief import render_brief

    (tmp_path / "brief_labels_zh.yaml").write_text("key_points: 要点速览\n", encoding="utf-8")
    document = docx.Document(io.BytesIO(render_brief(zh_model(), template=tmp_path)))
    texts = [p.text for p in document.paragraphs]
    assert "要点速览" in texts and "核心要点" not in texts


def test_a_missing_label_is_named_with_the_plan_line(tmp_path) -> None:
    from reportgen.writers.brief import render_brief

    plan = (TEMPLATES / "default" / "brief.yaml.j2").read_text(encoding="utf-8")
    line = plan.splitlines().index("page_format: {{ L.page_format | q }}") + 1
    broken = plan.replace("L.page_format | q", "L.no_such_label | q")
    (tmp_path / "brief.yaml.j2").write_text(broken, encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        render_brief(zh_model(), template=tmp_path)
    expected = f"line {line}: 'dict object' has no attribute 'no_such_label'"
    assert info.value.message == f"{tmp_path / 'brief.yaml.j2'}: {expected}"
