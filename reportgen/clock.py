"""The one build time: SOURCE_DATE_EPOCH (UTC) when set, never the wall clock.

Every command resolves it here, so a bad value is the same error everywhere; writers take the
result as ``when`` and date documents from it (2000-01-01 when there is none).
"""

from __future__ import annotations

import datetime as _dt
import os

FIXED_DATE = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)


def source_date() -> _dt.datetime | None:
    """The build time from SOURCE_DATE_EPOCH (UTC), or None when it is unset or empty."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return _dt.datetime.fromtimestamp(int(raw), tz=_dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        from reportgen.errors import ConfigError

        raise ConfigError(f"SOURCE_DATE_EPOCH is not a Unix time: {raw!r}") from None
