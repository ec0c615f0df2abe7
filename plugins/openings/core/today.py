"""The one place "today" comes from, so builds and tests are reproducible."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo


def site_timezone(settings: dict) -> ZoneInfo:
    return ZoneInfo(settings.get("TIMEZONE") or "UTC")


def today(settings: dict) -> dt.date:
    """JOBPOSTING_TODAY, else SOURCE_DATE_EPOCH, else the date now in the site's TIMEZONE."""
    pinned = settings.get("JOBPOSTING_TODAY")
    if isinstance(pinned, dt.datetime):
        return pinned.date()
    if isinstance(pinned, dt.date):
        return pinned
    if pinned:
        return dt.date.fromisoformat(str(pinned))
    tz = site_timezone(settings)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz).date()
    return dt.datetime.now(tz).date()


def check_today_setting(settings: dict) -> str | None:
    """A message when JOBPOSTING_TODAY or SOURCE_DATE_EPOCH cannot be read, else None."""
    pinned = settings.get("JOBPOSTING_TODAY")
    if pinned and not isinstance(pinned, dt.date):
        try:
            dt.date.fromisoformat(str(pinned))
        except ValueError:
            return f"JOBPOSTING_TODAY is {pinned!r}; write a date like 2026-11-28"
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and not epoch.isdigit():
        return f"SOURCE_DATE_EPOCH is {epoch!r}; it must be a number of seconds"
    return None
