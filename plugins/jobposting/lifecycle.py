"""Where a valid posting is in its life, decided afresh by every build from "today"."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

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
    """Open through the whole day of valid_through, in the site's time zone."""
    if posting.valid_through is None:
        return False
    return posting.valid_through.astimezone(tz).date() < today
