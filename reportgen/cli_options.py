"""The CLI's shared arguments and options: the enumerations offered as choices (formats, brief
styles, label languages) and the annotated types several commands take."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(str, Enum):
    """Formats of the content model."""

    yaml = "yaml"
    json = "json"


class Style(str, Enum):
    """Brief styles (folders of templates/)."""

    default = "default"
    gongwen = "gongwen"


class Language(str, Enum):
    """Languages of the labels in the outputs (auto: the article's)."""

    auto = "auto"
    zh = "zh"
    en = "en"


LanguageOpt = Annotated[
    Optional[Language],  # noqa: UP045
    typer.Option(
        "--language",
        help="Language of the outputs' labels (default: config, else auto: the article's).",
        show_default=False,
    ),
]


def _value(choice: Enum | None) -> str | None:
    return choice.value if choice is not None else None


ArticleArg = Annotated[
    Optional[Path],  # noqa: UP045 - Typer needs Optional on Python 3.10
    typer.Argument(
        help="Article (.txt, .md, .html, .docx), or - for standard input; default: the seed."
    ),
]
ModelOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--model", help="Use this content model (.json/.yaml) instead of an article."),
]
ThemeOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--theme", help="Theme file (fonts, colours, sizes)."),
]


OutDirOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Output folder (default: out/<slug>/charts)."),
]
OutFileOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Output file (default: out/<slug>/…)."),
]
TemplateOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--template",
        "--reference-doc",
        help="Your reference .docx/.pptx (styles, masters, layouts) or a template folder.",
    ),
]
StyleOpt = Annotated[
    Optional[Style],  # noqa: UP045
    typer.Option("--style", help="Brief style (default: config, else default)."),
]
