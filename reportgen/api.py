"""The library functions behind each CLI command (one per command, no option parsing here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.clock import source_date
from reportgen.errors import ConfigError
from reportgen.notices import stage

if TYPE_CHECKING:  # pydantic is slow to import; a no-op build never needs it
    from reportgen.charts.stamp import ChartFiles
    from reportgen.model import Model


def load_model(article: Path | None = None, model: Path | None = None) -> Model:
    """The content model: from a model file when given, else extracted from the article."""
    if article is not None and model is not None:
        raise ConfigError("give an article or --model, not both")
    if model is not None:
        from reportgen.model import load

        with stage("model"):
            return load(model)
    from reportgen.extract import extract_path
    from reportgen.theme import DEFAULT_SEED

    with stage("extract"):
        return extract_path(article or DEFAULT_SEED)


def settings(**options):
    """The settings of one command: its options (those given) over reportgen.toml (or
    [tool.reportgen] in pyproject.toml) in the current folder, over the built-in defaults."""
    from reportgen.config import load_config

    return load_config().with_options(**options)


def _language(model: Model, config) -> Model:
    """The model with the configured label language (``auto`` keeps the detected one)."""
    if config.language == "auto":
        return model
    return model.model_copy(update={"language": config.language})


def extract_command(
    article: Path | None, fmt: str, output: Path | None, language: str | None = None
) -> str | None:
    """Render the model as YAML or JSON; write it atomically when ``output`` is given.
    ``language`` (auto, zh, en) over the config's over auto: the language of the labels."""
    from reportgen.model import dump_yaml

    if fmt not in ("yaml", "json"):
        raise ConfigError(f"unknown format {fmt!r}; use yaml or json")
    model = _language(load_model(article), settings(language=language))
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
    language: str | None = None,
) -> ChartFiles:
    """Plan and draw the charts of one article into ``out_dir`` (default out/<slug>/charts).

    When nothing changed since the last run into the same folder (a stamp keyed by the input
    file, theme, labels, fonts and code), neither the article nor the model is even loaded.
    """
    from reportgen.charts import stamp

    config = settings(theme=theme, language=language)
    theme = config.theme
    source, out = _charts_source(article, model, out_dir)
    if source is not None and out is not None and not config.fonts and config.language == "auto":
        files = stamp.fresh(source, out, theme)
        if files is not None:
            return stamp.ChartFiles(out, [f for f in files if f.endswith("-slide.png")])
    from reportgen.charts import INDEX, run

    m = _language(load_model(article, model), config)
    with stage("charts"):
        result = run(m, out or default_out(m) / "charts", theme=_look(config))
    if source is not None:
        files = [INDEX] + [p.name for e in result.entries for p in (e.slide_png, e.page_png, e.svg)]
        stamp.write(source, result.directory, files, theme)
    return stamp.ChartFiles(result.directory, [e.slide_png.name for e in result.entries])


def _look(config):
    """The configured theme (checked to exist) with the configured font overrides."""
    from reportgen.build import load_build_theme

    if config.theme is not None and not Path(config.theme).is_file():
        raise ConfigError("theme not found", path=config.theme)
    return load_build_theme(config)


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


def fonts_report(
    system: bool | None = None, font_file: Path | None = None, theme: Path | None = None
) -> str:
    """Which font draws each script in charts (CJK, Latin), from where, and why (with
    ``theme``, else the config's, else the built-in theme's font settings)."""
    from reportgen.fonts import font_chain
    from reportgen.fonts_describe import describe_chain

    fonts = _look(settings(theme=theme)).fonts
    chain = font_chain(fonts, system=system, font_file=font_file, refresh=True)
    return describe_chain(chain)


def _prepare(
    article: Path | None,
    model: Path | None,
    output: Path | None,
    name: str,
    config,
):
    """The model, the output path (default out/<slug>/NAME), its charts (worded by the chart
    labels of a template folder) and the theme they were drawn with.

    The charts are kept in reportgen's cache folder (charts/<slug>), not beside the document:
    a single document needs no chart files of its own, and the cache is the only folder whose
    chart files this may replace.
    """
    from reportgen.charts import run
    from reportgen.fonts import cache_dir
    from reportgen.plans import folder_dirs
    from reportgen.template_safety import check_template

    check_template(config.template)
    when = source_date()
    look = _look(config)
    m = _language(load_model(article, model), config)
    output = output or default_out(m) / name
    folder = cache_dir() / "charts" / slug(m)
    with stage("charts"):
        charts = run(m, folder, theme=look, dirs=folder_dirs(config.template))
    return m, output, charts, look, when


def document_command(
    name: str,
    article: Path | None,
    model: Path | None,
    output: Path | None,
    template: Path | None,
    theme: Path | None = None,
    language: str | None = None,
    **options,
) -> Path:
    """Write the registered output ``name`` (brief, deck) as one document: ``options`` (style,
    native_charts: the settings that output takes) over the config over the defaults."""
    from reportgen.atomic import write_bytes
    from reportgen.writers import by_name

    kind = by_name(name)
    config = settings(template=template, theme=theme, language=language, **options)
    m, output, charts, look, when = _prepare(article, model, output, kind.file, config)
    # a config's template serves this output only if it is a folder or a file of its own type
    own = template or kind.template(config.template)
    with stage(name):
        composed = kind.compose(m, charts, when, template=own, theme=look, **kind.options(config))
    with stage(f"save_{name}"):  # waits for charts still being drawn, as in a build
        return write_bytes(output, composed.to_bytes())


def brief_command(
    article: Path | None,
    model: Path | None,
    output: Path | None,
    template: Path | None,
    style: str | None,
    theme: Path | None = None,
) -> Path:
    """Write the Word briefing; options over the config over the defaults."""
    return document_command("brief", article, model, output, template, theme, style=style)


def deck_command(
    article: Path | None,
    model: Path | None,
    output: Path | None,
    template: Path | None,
    native_charts: bool | None,
    theme: Path | None = None,
) -> Path:
    """Write the PowerPoint deck; options over the config over the defaults."""
    return document_command(
        "deck", article, model, output, template, theme, native_charts=native_charts
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
    if paths and options.get("model") is not None:
        raise ConfigError("give articles or --model, not both")
    if paths:
        options["inputs"] = list(paths)
    config = config.with_options(**options)
    return build(config, force=force, check=check, jobs=jobs, shard_spec=shard, reporter=reporter)


def preview_command(folders: list[Path]):
    """PDF and PNG pages of each output folder's deck and brief, plus a contact sheet."""
    from reportgen.preview import preview

    results = []
    for folder in folders:
        with stage(f"preview {folder}"):
            results.append(preview(folder))
    return results


def verify_command(
    out_dir: Path, model: Path | None = None, render: bool = False, article: Path | None = None
) -> list:
    """Trace every number, quote and theme of OUT/<slug>'s brief and deck to the source; or of
    one .docx/.pptx, against ``article`` (or ``model``, or a content.json beside it)."""
    from reportgen.verify import verify_document, verify_outputs
    from reportgen.writers import OUTPUTS

    target = Path(out_dir)
    documents = {Path(o.file).suffix for o in OUTPUTS}  # one output's file: .docx, .pptx
    if target.suffix.lower() in documents and not target.is_dir():
        beside = target.parent / "content.json"
        if article is None and model is None and not beside.is_file():
            raise ConfigError(
                "verifying one document needs its article: --article FILE (or --model FILE)",
                path=target,
            )
        if article is None and model is None:
            model = beside
        m = load_model(article, model)
        with stage("verify"):
            return verify_document(target, m, render=render)
    if article is not None and model is not None:
        raise ConfigError("give an article or --model, not both")
    m = load_model(article) if article is not None else None
    if model is not None:
        from reportgen.model import load

        m = load(model)
    with stage("verify"):
        return verify_outputs(out_dir, m, render=render)


def verify_result(out_dir: Path, findings: list) -> None:
    """Raise FindingsError (exit code 1) when verify found anything."""
    from reportgen.verify import raise_for

    raise_for(findings, out_dir)


CONFIG_TEMPLATE = """\
# reportgen settings, read by every command run in this folder. An option on the command line
# wins over this file, which wins over the built-in defaults. Paths are relative to this file.

# inputs = ["articles"]         # what `reportgen build` builds (default: seeds/)
# out = "out"                   # where `reportgen build` writes out/<slug>/

# Your copy of the default templates: plans (*.yaml.j2), labels (*_labels_*.yaml), the reference
# reference.docx / reference.pptx (styles, letterhead, masters, layouts) and theme.yaml (fonts,
# colours, sizes of charts, brief and deck). Edit any of them; delete what you keep as built in.
template = "{template}"
# theme = "{template}/theme.yaml"   # used anyway when the template folder has one

# style = "default"             # brief style: default or gongwen (GB/T 9704)
# language = "auto"             # labels in the outputs: auto, zh or en
# native_charts = false         # editable PowerPoint charts instead of pictures
# verify = true                 # `reportgen build` traces every figure back to the article
# jobs = 2                      # worker processes for `reportgen build`

# [fonts]                       # override the theme's fonts
# east_asian = "Microsoft YaHei"
# chart_font_file = "fonts/NotoSansSC-Regular.ttf"
"""


def init_command(folder: Path, force: bool = False) -> list[Path]:
    """Write an editable copy of the default template folder (plans, labels, reference files,
    theme.yaml) into FOLDER/templates and a commented FOLDER/reportgen.toml using it; existing
    files are kept unless ``force``. Returns the files written."""
    import shutil

    from reportgen.errors import OutputError
    from reportgen.theme import TEMPLATES

    folder = Path(folder)
    source = TEMPLATES / "default"
    target = folder / "templates"
    files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
    plan = [(p, target / p.name) for p in files]
    config = folder / "reportgen.toml"
    existing = [dest for _, dest in plan if dest.exists()] + ([config] if config.exists() else [])
    if existing and not force:
        raise OutputError("already exists (use --force to overwrite)", path=existing[0])
    try:
        target.mkdir(parents=True, exist_ok=True)
        for src, dest in plan:
            shutil.copyfile(src, dest)
        config.write_text(CONFIG_TEMPLATE.format(template="templates"), encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=folder) from None
    return [dest for _, dest in plan] + [config]
