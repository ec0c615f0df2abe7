"""valid_through ends in the office's time zone (offices.yml), across daylight-saving changes;
remote postings and inline addresses end in the site's TIMEZONE; expiry reads the same zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from openings.core import lifecycle, zones
from openings.core.model import Address
from openings.render import jsonld
from test_validate import posting

BERLIN = ZoneInfo("Europe/Berlin")
DENVER = ZoneInfo("America/Denver")
DENVER_OFFICE = Address("US", "Denver", "CO", "US-CO", "80202", name="Denver", key="denver",
                        timezone="America/Denver")  # fmt: skip
BERLIN_OFFICE = Address("DE", "Berlin", "BE", "DE-BE", "10119", name="Berlin", key="berlin",
                        timezone="Europe/Berlin")  # fmt: skip
DENVER_PAY = "{min: 90000, max: 120000, currency: USD, per: YEAR}"


@pytest.mark.parametrize(
    ("day", "offset"),
    [
        # the United States move their clocks on 14 March 2027, Europe on 28 March 2027
        ("2027-03-13", "-07:00"),
        ("2027-03-14", "-06:00"),
        ("2027-03-27", "-06:00"),
    ],
)
def test_denver_posting_ends_at_midnight_in_denver_across_the_clock_change(day, offset):
    job, found = posting(locations="[denver]", salary=DENVER_PAY, valid_through=day)
    assert not found.has_errors, list(found)
    assert job.valid_through.tzinfo == DENVER
    data = jsonld.build(job, "https://careers.example/jobs/x/", "<p>x</p>")
    assert data["validThrough"] == f"{day}T23:59:59{offset}"


@pytest.mark.parametrize(("day", "offset"), [("2027-03-27", "+01:00"), ("2027-03-28", "+02:00")])
def test_berlin_office_and_remote_postings_end_in_berlin_across_the_clock_change(day, offset):
    office, _ = posting(valid_through=day)
    remote, found = posting(
        valid_through=day, locations=None, workplace="remote", remote_countries="[DE]"
    )
    assert not found.has_errors, list(found)
    for job in (office, remote):
        assert job.valid_through.isoformat() == f"{day}T23:59:59{offset}"


def test_inline_address_ends_in_the_sites_zone():
    address = (
        "[{street: 1 Main St, locality: Boulder, region: CO, postal_code: '80301', country: US}]"
    )
    job, found = posting(locations=address, salary=DENVER_PAY, valid_through="2027-03-13")
    assert not found.has_errors, list(found)
    assert job.valid_through.tzinfo == BERLIN


def test_a_written_offset_is_kept():
    job, _ = posting(locations="[denver]", salary=DENVER_PAY,
                     valid_through="2027-03-13T17:00:00+00:00")  # fmt: skip
    assert job.valid_through.isoformat() == "2027-03-13T17:00:00+00:00"


def test_several_offices_end_where_the_day_ends_last():
    day = dt.date(2027, 3, 13)
    assert zones.posting_zone((BERLIN_OFFICE, DENVER_OFFICE), BERLIN, day) == DENVER
    assert zones.posting_zone((), BERLIN, day) == BERLIN


def test_expiry_uses_the_offices_zone():
    """Denver's last day, 13 March, is over in Denver only on the 14th of Denver's calendar."""
    job, _ = posting(locations="[denver]", salary=DENVER_PAY, valid_through="2027-03-13")
    # 23:59:59 in Denver on the 13th is 07:59:59 on the 14th in Berlin, the site's zone
    assert job.valid_through.astimezone(BERLIN).date() == dt.date(2027, 3, 14)
    assert lifecycle.last_day(job, BERLIN) == dt.date(2027, 3, 13)
    assert not lifecycle.is_expired(job, dt.date(2027, 3, 13), BERLIN)
    assert lifecycle.is_expired(job, dt.date(2027, 3, 14), BERLIN)
