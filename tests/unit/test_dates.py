"""A date as HR writes it -> a date, or the dates it could mean: every case, exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from openings.checks import datetext

# ---------------------------------------------------------------------------------------------
# parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-21", date(2026, 3, 21)),
        (" 2026-03-21 ", date(2026, 3, 21)),
        ("2024-02-29", date(2024, 2, 29)),
        (date(2026, 3, 21), date(2026, 3, 21)),  # YAML already made a date
    ],
)
def test_parse_date_iso(text, expected):
    assert datetext.parse_date(text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("3/21/2026", [date(2026, 3, 21)]),
        ("3/21/2022", [date(2022, 3, 21)]),
        ("21/3/2026", [date(2026, 3, 21)]),
        ("3/4/2026", [date(2026, 3, 4), date(2026, 4, 3)]),  # slashes: month first first
        ("03-04-2026", [date(2026, 4, 3), date(2026, 3, 4)]),  # dashes: day first first
        ("3/21/22", [date(2022, 3, 21)]),
        ("October 29, 2021", [date(2021, 10, 29)]),
        ("Oct 29 2021", [date(2021, 10, 29)]),
        ("Oct. 29th, 2021", [date(2021, 10, 29)]),
        ("29 Oct 2021", [date(2021, 10, 29)]),
        ("29th of October 2021", [date(2021, 10, 29)]),
        ("Friday, October 29, 2021", [date(2021, 10, 29)]),
        ("Sept 3, 2022", [date(2022, 9, 3)]),
        ("29. Oktober 2021", [date(2021, 10, 29)]),
        ("29 octobre 2021", [date(2021, 10, 29)]),
        ("29.10.2021", [date(2021, 10, 29)]),
        ("3.4.2026", [date(2026, 4, 3)]),  # dots are day first everywhere
        ("2021/10/29", [date(2021, 10, 29)]),
        ("2021.10.29", [date(2021, 10, 29)]),
        ("2026-3-21", [date(2026, 3, 21)]),
        ("20211029", [date(2021, 10, 29)]),
        ("2026-03-21T10:00", [date(2026, 3, 21)]),
        (datetime(2026, 3, 21, 10, tzinfo=UTC), [date(2026, 3, 21)]),
        ("TBD", []),
        ("ASAP", []),
        ("2026-02-30", []),
        ("13/13/2026", []),
        ("Octember 3, 2021", []),
        ("", []),
        (20260321, []),
        (None, []),
    ],
)
def test_parse_date_not_iso(text, candidates):
    assert datetext.parse_date(text) == (None, candidates)


# ---------------------------------------------------------------------------------------------
# parse_datetime

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-21", datetime(2026, 3, 21, 23, 59, 59, tzinfo=BERLIN)),
        ("2026-03-21T10:00", datetime(2026, 3, 21, 10, 0, tzinfo=BERLIN)),
        ("2026-03-21T10:00:30", datetime(2026, 3, 21, 10, 0, 30, tzinfo=BERLIN)),
        ("2026-03-21 10:00", datetime(2026, 3, 21, 10, 0, tzinfo=BERLIN)),
        ("2026-03-21T10:00:00Z", datetime(2026, 3, 21, 10, 0, tzinfo=UTC)),
        (
            "2026-03-21T10:00:00+02:00",
            datetime(2026, 3, 21, 10, 0, tzinfo=timezone(timedelta(hours=2))),
        ),
        (date(2026, 3, 21), datetime(2026, 3, 21, 23, 59, 59, tzinfo=BERLIN)),
        (datetime(2026, 3, 21, 9), datetime(2026, 3, 21, 9, tzinfo=BERLIN)),  # noqa: DTZ001
    ],
)
def test_parse_datetime_iso(text, expected):
    value, candidates = datetext.parse_datetime(text, BERLIN)
    assert candidates == []
    assert value == expected
    assert value.tzinfo is not None
    assert value.utcoffset() == expected.utcoffset()


def test_parse_datetime_end_of_day_offset_follows_daylight_saving():
    winter, _ = datetext.parse_datetime("2026-01-15", BERLIN)
    summer, _ = datetext.parse_datetime("2026-07-15", BERLIN)
    assert winter.isoformat() == "2026-01-15T23:59:59+01:00"
    assert summer.isoformat() == "2026-07-15T23:59:59+02:00"


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("3/21/2026", [datetime(2026, 3, 21, 23, 59, 59, tzinfo=BERLIN)]),
        (
            "3/4/2026",
            [
                datetime(2026, 3, 4, 23, 59, 59, tzinfo=BERLIN),
                datetime(2026, 4, 3, 23, 59, 59, tzinfo=BERLIN),
            ],
        ),
        ("TBD", []),
        ("2026-03-21T25:00", []),
        ("2026-02-30", []),
    ],
)
def test_parse_datetime_not_iso(text, candidates):
    assert datetext.parse_datetime(text, BERLIN) == (None, candidates)
