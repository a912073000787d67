"""`reportgen fonts`: which font draws each script in charts, from where, and why."""

from __future__ import annotations

from reportgen.fonts import FontChain


def describe_chain(chain: FontChain) -> str:
    """Lines for `reportgen fonts`: which font each script uses, from where, and why."""
    lines = [
        f"{c.script:<6} {c.family}  [{c.origin}]  {c.path}\n       why: {c.reason}"
        for c in chain.choices
    ]
    lines.append(f"fallback chain: {', '.join(chain.families)}")
    return "\n".join(lines) + "\n"
