"""docs/cli.md is generated from --help: every command has its section, in order."""

from __future__ import annotations

from reportgen.clidoc import reference


def test_reference_has_every_command_in_order() -> None:
    text = reference()
    assert text.startswith("# CLI reference\n")
    titles = [line[4:-1] for line in text.splitlines() if line.startswith("## `")]
    assert titles[0] == "reportgen"
    assert titles[1:6] == [
        "reportgen extract",
        "reportgen schema",
        "reportgen charts",
        "reportgen fonts",
        "reportgen brief",
    ]
    assert "reportgen deck" in titles and "reportgen verify" in titles
    assert "--native-charts / --picture-charts" in text
