"""reportgen: turn a feature article into a Word briefing and a PowerPoint deck."""

from __future__ import annotations

__version__ = "0.1.0"
