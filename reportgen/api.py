"""The library functions behind each CLI command (one per command, no option parsing here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.errors import ConfigError

if TYPE_CHECKING:  # pydantic is slow to import; a no-op build never needs it
    from reportgen.model import Model


def load_model(article: Path | None = None, model: Path | None = None) -> Model:
    """The content model: from a model file when given, else extracted from the article."""
    if article is not None and model is not None:
        raise ConfigError("give an article or --model, not both")
    if model is not None:
        from reportgen.model import load

        return load(model)
    from reportgen.extract import extract_path
    from reportgen.theme import DEFAULT_SEED

    return extract_path(article or DEFAULT_SEED)


def extract_command(article: Path | None, fmt: str, output: Path | None) -> str | None:
    """Render the model as YAML or JSON; write it atomically when ``output`` is given."""
    from reportgen.model import dump_yaml

    if fmt not in ("yaml", "json"):
        raise ConfigError(f"unknown format {fmt!r}; use yaml or json")
    model = load_model(article)
    text = model.to_json() if fmt == "json" else dump_yaml(model)
    if output is None:
        return text
    from reportgen.atomic import write_text

    write_text(output, text)
    return None


def schema_text() -> str:
    """The content model's JSON Schema as text."""
    from reportgen.model import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def charts_command(
    article: Path | None,
    model: Path | None,
    out_dir: Path | None,
    theme: Path | None = None,
):
    """Plan and draw the charts of one article into ``out_dir`` (default out/<slug>/charts).

    When nothing changed since the last run into the same folder (a stamp keyed by the input
    file, theme, labels, fonts and code), neither the article nor the model is even loaded.
    """
    from reportgen import charts_stamp as stamp

    source, out = _charts_source(article, model, out_dir)
    if source is not None and out is not None:
        files = stamp.fresh(source, out, theme)
        if files is not None:
            return stamp.Cached(out, [f for f in files if f.endswith("-slide.png")])
    from reportgen.charts import INDEX, run

    m = load_model(article, model)
    result = run(m, out or default_out(m) / "charts", theme=_theme(theme))
    if source is not None:
        files = [INDEX] + [p.name for e in result.entries for p in (e.slide_png, e.page_png, e.svg)]
        stamp.write(source, result.directory, files, theme)
    return result


def _theme(path: Path | None):
    """The theme file at ``path`` (--theme), else the built-in one."""
    from reportgen.theme import load_theme

    if path is not None and not Path(path).is_file():
        raise ConfigError("theme not found", path=path)
    return load_theme(path)


def _charts_source(article: Path | None, model: Path | None, out_dir: Path | None):
    """The input file a stamp can key on, and the output folder known without loading it."""
    if article is not None and model is not None:
        return None, out_dir
    if model is not None:
        return (model, out_dir) if model.is_file() else (None, out_dir)
    from reportgen.theme import DEFAULT_SEED

    source = article or DEFAULT_SEED
    if not source.is_file():
        return None, out_dir
    return source, out_dir or Path("out") / _slug_of(source.name) / "charts"


def _slug_of(name: str) -> str:
    stem = Path(name).stem
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in stem).strip("-") or "article"


def fonts_report(system: bool | None = None, font_file: Path | None = None) -> str:
    """Which font draws each script in charts (CJK, Latin), from where, and why."""
    from reportgen.fonts import describe_chain, font_chain
    from reportgen.theme import load_theme

    chain = font_chain(load_theme().fonts, system=system, font_file=font_file, refresh=True)
    return describe_chain(chain)


def _prepare(
    article: Path | None,
    model: Path | None,
    output: Path | None,
    name: str,
    template: Path | None,
    theme: Path | None,
):
    """The model, the output path (default out/<slug>/NAME), its charts beside it (worded by
    the chart labels of a template folder) and the theme they were drawn with."""
    from reportgen.charts import run
    from reportgen.plans import folder_dirs
    from reportgen.template_safety import check_template

    check_template(template)
    look = _theme(theme)
    m = load_model(article, model)
    output = output or default_out(m) / name
    charts = run(m, output.parent / "charts", theme=look, dirs=folder_dirs(template))
    return m, output, charts, look


def brief_command(
    article: Path | None,
    model: Path | None,
    output: Path | None,
    template: Path | None,
    style: str,
    theme: Path | None = None,
) -> Path:
    """Write the Word briefing; its charts go to a charts/ folder beside it."""
    from reportgen.writers.brief import write_brief

    m, output, charts, look = _prepare(article, model, output, "brief.docx", template, theme)
    return write_brief(m, output, charts=charts, template=template, style=style, theme=look)


def deck_command(
    article: Path | None,
    model: Path | None,
    output: Path | None,
    template: Path | None,
    native_charts: bool,
    theme: Path | None = None,
) -> Path:
    """Write the PowerPoint deck; its charts go to a charts/ folder beside it."""
    from reportgen.writers.deck import write_deck

    m, output, charts, look = _prepare(article, model, output, "deck.pptx", template, theme)
    return write_deck(
        m, output, charts=charts, template=template, native_charts=native_charts, theme=look
    )


def slug(model: Model) -> str:
    """The output folder name for an article: its source file name without the extension."""
    return _slug_of(model.source.name)


def default_out(model: Model) -> Path:
    """out/<slug>/ in the current directory."""
    return Path("out") / slug(model)


def build_command(
    paths: list[Path] | None = None,
    *,
    force: bool = False,
    check: bool = False,
    jobs: int | None = None,
    shard: str | None = None,
    reporter=None,
    **options,
):
    """Build every article (options override reportgen.toml); returns a BuildReport."""
    from reportgen.build import build
    from reportgen.config import load_config

    config = load_config()
    if paths:
        options["inputs"] = list(paths)
    config = config.with_options(**options)
    return build(config, force=force, check=check, jobs=jobs, shard_spec=shard, reporter=reporter)


def preview_command(folders: list[Path]):
    """PDF and PNG pages of each output folder's deck and brief, plus a contact sheet."""
    from reportgen.preview import preview

    return [preview(folder) for folder in folders]


def verify_command(out_dir: Path, model: Path | None = None, render: bool = False) -> list:
    """Trace every number, quote and theme of OUT/<slug>'s brief and deck to the source."""
    from reportgen.verify import verify_outputs

    m = None
    if model is not None:
        from reportgen.model import load

        m = load(model)
    return verify_outputs(out_dir, m, render=render)


def verify_result(out_dir: Path, findings: list) -> None:
    """Raise FindingsError (exit code 1) when verify found anything."""
    from reportgen.verify import raise_for

    raise_for(findings, out_dir)
