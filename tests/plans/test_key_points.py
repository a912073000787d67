"""What the summaries carry when an article has few sections: its main points, never the
headline figures alone."""

from __future__ import annotations

from reportgen.extract import extract_path
from reportgen.plans import labels, render_plan, template_dirs
from reportgen.plans.brief import plan_context
from reportgen.plans.deck import topics
from reportgen.writers.brief import PLAN

RELEASE = """Jobless claims rise again

The minister needs to be straight with the public about the stalling economy, the spokesperson said today.

"In new figures lodged with the library today, 1380 more people claimed the benefit last month."

"The rate at which people are claiming is speeding up rather than slowing down."

"The reality of these figures does not match what the minister said in September."
"""


def _model(tmp_path):
    path = tmp_path / "release.md"
    path.write_text(RELEASE, encoding="utf-8")
    model = extract_path(path)
    assert not model.themes and len(model.lead) == 4
    return model


def test_topics_take_quoted_paragraphs_when_few_others_are_left(tmp_path) -> None:
    heads = [t["head"] for t in topics(_model(tmp_path).lead, "en")]
    assert len(heads) == 4
    assert heads[2].startswith('"The rate at which people are claiming')


def test_key_points_carry_the_introductions_main_points(tmp_path) -> None:
    model = _model(tmp_path)
    dirs = template_dirs()
    context = plan_context(model, None, labels("brief", "en", dirs), None)
    blocks = render_plan(PLAN, context, dirs)["blocks"]
    items = next(b for b in blocks if b["kind"] == "key_points")["items"]
    assert len(items) >= 3
    assert any(i.startswith("The minister needs to be straight") for i in items)
