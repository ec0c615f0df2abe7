"""Where a valid posting is in its life, decided afresh by every build from "today"."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from . import zones
from .model import JobPosting


class State(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    REJECTED = "rejected"  # has errors: never published


def state_of(posting: JobPosting, today: dt.date, tz: dt.tzinfo) -> State:
    if posting.status == "draft":
        return State.DRAFT
    if posting.status == "closed" or is_expired(posting, today, tz):
        return State.CLOSED
    if posting.date_posted > today:
        return State.SCHEDULED
    return State.OPEN


def is_expired(posting: JobPosting, today: dt.date, tz: dt.tzinfo) -> bool:
    """Open through the whole day of valid_through in the posting's zone (its office's, else
    the site's `tz`), the zone its JSON-LD validThrough is written in."""
    last = last_day(posting, tz)
    return last is not None and last < today


def last_day(posting: JobPosting, tz: dt.tzinfo) -> dt.date | None:
    """valid_through's day where the posting's applicants are."""
    if posting.valid_through is None:
        return None
    zone = zones.posting_zone(posting.locations, tz, posting.valid_through.date())
    return posting.valid_through.astimezone(zone).date()
