"""Plans: what each output says, in which order, decided from the model before any writer runs.

``render`` renders the Jinja2 plan templates (sandboxed for user templates) and merges labels;
``brief`` and ``deck`` build the context each plan template sees.
"""

from reportgen.plans.render import (
    folder_dirs,
    labels,
    locate,
    render_plan,
    render_text,
    template_dirs,
)

__all__ = ["folder_dirs", "labels", "locate", "render_plan", "render_text", "template_dirs"]
