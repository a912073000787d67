"""--template DIR for the deck: a folder with any of deck.yaml.j2, deck labels, reference.pptx."""

from __future__ import annotations

import io
import shutil

import pytest
from factories import zh_model

from reportgen.errors import TemplateError
from reportgen.theme import TEMPLATES
from reportgen.writers.deck import DEFAULT_TEMPLATE, build_deck, locate_template

DEFAULT = TEMPLATES / "default"
MARK = "C0FFEE"


def _titles(data: bytes) -> list[str]:
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    return [slide.shapes.title.text_frame.text for slide in prs.slides]


def _reference_with_background(path, color: str) -> None:
    """The default reference with every layout and the master painted ``color``."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor

    prs = Presentation(str(DEFAULT_TEMPLATE))
    master = prs.slide_masters[0]
    for part in [master, *master.slide_layouts]:
        fill = part.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(color)
    prs.save(str(path))


def test_folder_plan_reorders_and_drops_slides(tmp_path) -> None:
    plan = (DEFAULT / "deck.yaml.j2").read_text(encoding="utf-8")
    start, end = (
        plan.index("{% if blocks and not one_section %}\n  - kind: agenda"),
        plan.index("{% if headline_facts"),
    )
    plan = plan[:start] + plan[end:]  # no agenda
    sources = "  - kind: sources\n    title: {{ labels.sources | q }}\n"
    plan = plan.replace(sources, "").replace("slides:\n", "slides:\n" + sources, 1)
    (tmp_path / "deck.yaml.j2").write_text(plan, encoding="utf-8")
    default = _titles(build_deck(zh_model()))
    titles = _titles(build_deck(zh_model(), template=tmp_path))
    assert default[1] == "目录" and default[-1] == "来源与说明"
    assert titles[0] == "来源与说明" and "目录" not in titles
    assert titles[1:] == [t for t in default if t not in ("目录", "来源与说明")]


def test_folder_labels_replace_the_built_in_words(tmp_path) -> None:
    labels = (DEFAULT / "deck_labels_zh.yaml").read_text(encoding="utf-8")
    (tmp_path / "deck_labels_zh.yaml").write_text(
        labels.replace("agenda: 目录", "agenda: 议程"), encoding="utf-8"
    )
    assert _titles(build_deck(zh_model(), template=tmp_path))[1] == "议程"


def test_folder_with_only_a_reference_uses_its_look(tmp_path) -> None:
    _reference_with_background(tmp_path / "reference.pptx", MARK)
    dirs, reference = locate_template(tmp_path)
    assert reference == tmp_path / "reference.pptx" and dirs[0] == tmp_path
    data = build_deck(zh_model(), template=tmp_path)
    assert MARK.encode() in _part(data, "ppt/slideMasters/slideMaster1.xml")
    # the built-in plan still applies: the same slides as the default deck
    assert _titles(data) == _titles(build_deck(zh_model()))


def test_folder_without_a_reference_keeps_the_built_in_look(tmp_path) -> None:
    shutil.copy(DEFAULT / "deck_labels_zh.yaml", tmp_path)
    assert locate_template(tmp_path)[1] == DEFAULT_TEMPLATE
    assert locate_template(None) == ([DEFAULT], DEFAULT_TEMPLATE)


def test_a_pptx_file_is_still_the_reference(tmp_path) -> None:
    path = tmp_path / "corp.pptx"
    _reference_with_background(path, MARK)
    dirs, reference = locate_template(path)
    assert reference == path and dirs == [DEFAULT]
    assert MARK.encode() in _part(
        build_deck(zh_model(), template=path), "ppt/slideMasters/slideMaster1.xml"
    )


def test_a_broken_folder_plan_names_the_users_file(tmp_path) -> None:
    (tmp_path / "deck.yaml.j2").write_text("slides:\n  - kind: poster\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="poster") as caught:
        build_deck(zh_model(), template=tmp_path)
    assert caught.value.path == str(tmp_path / "deck.yaml.j2")


def _part(data: bytes, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)
