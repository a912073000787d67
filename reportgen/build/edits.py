"""Hand-edited content models: `build --model FILE`, and an edited content.json kept."""

from __future__ import annotations

from pathlib import Path

from reportgen import manifest
from reportgen.build.jobs import Job, article_slug, display
from reportgen.build.report import ArticleResult
from reportgen.errors import EXIT_BAD_INPUT


def load_model_file(path: Path):
    """`build --model FILE`: the content model to build from instead of extracting."""
    from reportgen.model import load

    return load(path)


def model_slug(path: Path) -> str:
    """The output folder of `build --model FILE`: named after the model's article."""
    return article_slug(Path(load_model_file(path).source.name))


def edited_by_hand(folder: Path) -> bool:
    """Whether the content.json of an earlier build differs from what its manifest recorded,
    or was itself built from an edited model (`build --model`)."""
    data = manifest.read(folder) or {}
    if (data.get("settings") or {}).get("model"):
        return True
    digest = (data.get("outputs") or {}).get("content.json")
    path = folder / "content.json"
    return bool(digest) and path.is_file() and manifest.sha256_file(path) != digest


def edited(job: Job, out: Path) -> ArticleResult:
    """A hand-edited content model is never overwritten silently: say how to build from it."""
    content = display(job.folder / "content.json")
    error = (
        f"{content} was edited by hand (or built with --model) and is kept; build from it with "
        f"`reportgen build --model {content} -o {display(out)}`, or rebuild from the article "
        "(overwriting it) with --force"
    )
    return ArticleResult(
        display(job.article), job.slug, "failed", error=error, exit_code=EXIT_BAD_INPUT
    )
