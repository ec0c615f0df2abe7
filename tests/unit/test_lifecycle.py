"""Where a valid posting is in its life, from "today" and the site's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from openings.core.lifecycle import State, is_expired, state_of
from openings.core.model import JobPosting, Organization

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date(2026, 11, 28)


def job(status="open", posted=dt.date(2026, 11, 2), until=None) -> JobPosting:
    return JobPosting(
        "x.md", "x", "X", "en", status, posted, "Data", "<p>x</p>", Organization("F"),
        valid_through=until,
    )  # fmt: skip


def end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59), BERLIN)


@pytest.mark.parametrize(
    ("posting", "state"),
    [
        (job(), State.OPEN),
        (job(until=end_of(TODAY)), State.OPEN),  # open through the whole last day
        (job(until=end_of(TODAY - dt.timedelta(days=1))), State.CLOSED),
        (job(status="closed", until=end_of(dt.date(2027, 1, 31))), State.CLOSED),
        (job(status="draft"), State.DRAFT),
        (job(status="draft", until=end_of(dt.date(2026, 1, 1))), State.DRAFT),
        (job(posted=TODAY), State.OPEN),
        (job(posted=TODAY + dt.timedelta(days=1)), State.SCHEDULED),
        (job(status="closed", posted=TODAY + dt.timedelta(days=1)), State.CLOSED),
    ],
)
def test_state_of(posting, state):
    assert state_of(posting, TODAY, BERLIN) is state


def test_expiry_is_judged_in_the_sites_time_zone():
    # 23:30 in New York on the 27th is already the 28th in Berlin: still open today
    late = dt.datetime(2026, 11, 27, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    assert not is_expired(job(until=late), TODAY, BERLIN)
    # 22:00 UTC on the 27th is 23:00 in Berlin on the 27th: closed on the 28th
    evening = dt.datetime(2026, 11, 27, 22, 0, tzinfo=dt.UTC)
    assert is_expired(job(until=evening), TODAY, BERLIN)


def test_no_valid_through_never_expires():
    assert not is_expired(job(), dt.date(2099, 1, 1), BERLIN)
