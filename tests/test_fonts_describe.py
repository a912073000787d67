"""`reportgen fonts` lines: each script's font, origin, path and reason, then the chain."""

from __future__ import annotations

from reportgen.fonts import FontChain, FontChoice
from reportgen.fonts_describe import describe_chain


def test_describe_chain() -> None:
    chain = FontChain(
        ["Noto Sans SC", "DejaVu Sans"],
        ["/f/sc.ttf"],
        [
            FontChoice("CJK", "Noto Sans SC", "/f/sc.ttf", "bundled", "no listed family"),
            FontChoice("Latin", "Noto Sans SC", "/f/sc.ttf", "bundled", "one look"),
        ],
    )
    assert describe_chain(chain) == (
        "CJK    Noto Sans SC  [bundled]  /f/sc.ttf\n       why: no listed family\n"
        "Latin  Noto Sans SC  [bundled]  /f/sc.ttf\n       why: one look\n"
        "fallback chain: Noto Sans SC, DejaVu Sans\n"
    )
