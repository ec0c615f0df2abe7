"""The time zone a posting's last day ends in: its office's, else the site's TIMEZONE."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .model import Address

END_OF_DAY = dt.time(23, 59, 59)


def office_zones(locations: Iterable[Address]) -> list[dt.tzinfo]:
    """The offices' zones (offices.yml); inline addresses and remote postings have none."""
    zones = []
    for address in locations:
        if address.timezone:
            try:
                zones.append(ZoneInfo(address.timezone))
            except (ZoneInfoNotFoundError, ValueError):
                continue  # offices.yml's own check reports a zone name it does not know
    return zones


def posting_zone(locations: Iterable[Address], site: dt.tzinfo, day: dt.date) -> dt.tzinfo:
    """Where `day` ends last among the posting's offices, so no office's applicants lose part
    of their last day; the site's zone for remote postings and inline addresses."""
    zones = office_zones(locations)
    if not zones:
        return site
    return max(zones, key=lambda zone: dt.datetime.combine(day, END_OF_DAY, zone).timestamp())
