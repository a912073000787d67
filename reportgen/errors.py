"""The tool's own errors: each maps to one documented exit code and a one-line message."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


class ReportgenError(Exception):
    """Base class: a problem the user can act on, shown as one line without a traceback."""

    exit_code = EXIT_INTERNAL

    def __init__(self, message: str, *, path: object | None = None) -> None:
        self.path = None if path is None else str(path)
        super().__init__(message)

    @property
    def message(self) -> str:
        text = str(self.args[0]) if self.args else self.__class__.__name__
        return f"{self.path}: {text}" if self.path else text


class InputError(ReportgenError):
    """An article that cannot be read: missing, empty, binary, undecodable, too large."""

    exit_code = EXIT_BAD_INPUT


class ModelError(ReportgenError):
    """A content-model file that does not validate; the message names the field."""

    exit_code = EXIT_BAD_INPUT


class TemplateError(ReportgenError):
    """A Jinja2 plan template or a reference .docx/.pptx that cannot be used."""

    exit_code = EXIT_BAD_INPUT


class ConfigError(ReportgenError):
    """A configuration file or option that is invalid."""

    exit_code = EXIT_BAD_INPUT


class OutputError(ReportgenError):
    """An output that cannot be written: read-only folder, full disk, a build already running."""

    exit_code = EXIT_BAD_INPUT


class FindingsError(ReportgenError):
    """A check or verification found problems; the findings are printed before this."""

    exit_code = EXIT_FINDINGS
