"""Point slides: points packed onto as few slides as fit, continued (续) when they do not."""

from __future__ import annotations

from writers.deck.test_slides import new_deck, titles


def _points(deck) -> list[str]:
    return [
        shape.text_frame.text
        for slide in deck.prs.slides
        for shape in slide.shapes
        if shape.name == "Point"
    ]


def test_a_few_points_on_one_slide() -> None:
    deck = new_deck()
    items = [
        {"head": "产业升级", "body": "规上工业总产值突破3700亿元"},
        {"head": "开放", "body": ""},
    ]
    deck.render({"kind": "points", "title": "要点", "items": items})
    assert titles(deck.prs) == ["要点"]
    text = "\n".join(_points(deck))
    assert "产业升级" in text and "规上工业总产值突破3700亿元" in text and "开放" in text


def test_many_points_continue_on_a_marked_slide() -> None:
    deck = new_deck()
    body = "钱塘区坚持以辩证思维推动高质量发展，产业链上下游企业集聚，创新平台不断涌现。" * 3
    items = [{"head": f"要点{i}", "body": body} for i in range(12)]
    deck.render({"kind": "points", "title": "要点", "items": items})
    names = titles(deck.prs)
    assert len(names) > 1 and names[0] == "要点"
    assert all("续" in n for n in names[1:])
    text = "\n".join(_points(deck))
    assert all(f"要点{i}" in text for i in range(12))  # nothing dropped


def test_empty_items_make_no_slide() -> None:
    deck = new_deck()
    deck.render({"kind": "points", "title": "要点", "items": [{}, "x", {"head": ""}]})
    assert titles(deck.prs) == []


def test_a_bullet_cut_short_is_read_whole_in_the_notes() -> None:
    import io

    from pptx import Presentation

    deck = new_deck()
    whole = "全区工业产值增长8%，其中高新技术产业增长12%，占比首次过半。"
    items = [{"head": "产业升级", "body": "全区工业产值增长8%", "note": whole}]
    deck.render({"kind": "points", "title": "要点", "items": items})
    assert "占比首次过半" not in "\n".join(_points(deck))  # the slide shows the short bullet
    prs = Presentation(io.BytesIO(deck.finish().to_bytes()))
    notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert whole in notes
