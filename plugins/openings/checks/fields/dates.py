"""The dates: date_posted, valid_through, start_date, modified. Only ISO dates are accepted; a
message shows the ISO form when the intent is unambiguous."""

from __future__ import annotations

import datetime as dt
import re

from ...core import rules, zones
from ...core.text import clean_line
from ..datetext import parse_date, parse_datetime
from . import jsonldparts as ld
from . import schemaparts as sp
from .checker import Checker, quote
from .spec import FieldSpec

ISO_SHAPED_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ].*)?$")


def read_date(c: Checker, name: str, required: bool = False) -> dt.date | None:
    value = c.fields.get(name)
    if value is None or (value.is_scalar and value.value is None):
        if required and name not in c.misnamed:
            c.found.error(
                value.line if value else None,
                name,
                "is required; write a date like 2026-11-28",
                rules.REQUIRED,
            )
        return None
    if isinstance(value.value, dt.datetime):
        return value.value.date()
    if isinstance(value.value, dt.date):
        return value.value
    if not value.is_scalar:
        c.found.error(value.line, name, "should be one date like 2026-11-28", rules.WRONG_TYPE)
        return None
    text = clean_line(str(value.text))
    parsed, candidates = parse_date(text)
    if parsed is not None:
        return parsed
    try:  # a date with a time that YAML did not read as one ("2026-11-02 09:30")
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    c.found.error(value.line, name, date_message(text, candidates, required), rules.DATE)
    return None


def date_message(text: str, candidates, required: bool = False) -> str:
    if ISO_SHAPED_DATE.match(text) and not _is_calendar_day(text[:10]):
        return f"{quote(text)} is not a day of the calendar; check the month and the day"
    base = f"{quote(text)} is not a date in the form YYYY-MM-DD"
    if len(candidates) == 1:
        return f"{base}; write {candidates[0].isoformat()}"
    if candidates:
        readings = " or ".join(f"{c.isoformat()} ({c.day} {c:%B})" for c in candidates)
        return f"{base}; write {readings}"
    if required:
        return f"{base}; write a date like 2026-11-28"
    return f"{base}; write a date like 2026-11-28, or leave the field out"


def _is_calendar_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_valid_through(c: Checker) -> dt.datetime | None:
    name = "valid_through"
    value = c.fields.get(name)
    if value is None or (value.is_scalar and value.value is None):
        return None
    if not value.is_scalar:
        c.found.error(value.line, name, "should be one date like 2027-01-31", rules.WRONG_TYPE)
        return None
    raw = value.value
    if isinstance(raw, dt.datetime):
        moment = raw if raw.tzinfo else raw.replace(tzinfo=c.ctx.timezone)
    elif isinstance(raw, dt.date):
        moment = dt.datetime.combine(raw, dt.time(23, 59, 59), c.ctx.timezone)
    else:
        text = clean_line(str(value.text))
        moment, candidates = parse_datetime(text, c.ctx.timezone)
        if moment is None:
            days = [c.date() for c in candidates]
            c.found.error(value.line, name, date_message(text, days), rules.DATE)
            return None
    if moment.tzinfo is c.ctx.timezone:
        # no offset written: the day (or time) is the office's, as its applicants read it
        zone = zones.posting_zone(c.value("locations"), c.ctx.timezone, moment.date())
        moment = moment.replace(tzinfo=zone)
    date_posted = c.value("date_posted")
    if date_posted and moment.date() < date_posted:
        c.found.error(
            value.line,
            name,
            f"{moment.date().isoformat()} is before date_posted {date_posted.isoformat()}",
            rules.DATE_ORDER,
        )
    return moment


DATE_POSTED = FieldSpec(
    "date_posted", "date", "The first day the posting is public; a later date publishes it then.",
    check=lambda c: read_date(c, "date_posted", required=True),
    schema=sp.date("The first day the posting is public: YYYY-MM-DD."),
    example="2026-11-28", jsonld="datePosted", jsonld_value=ld.iso_date, required=True,
    aliases=("posted", "posted_date", "published", "date_published", "dateposted"),
    source_names=("date", "posted_on", "publish_date", "published_at", "published_on",
                  "first_published", "created", "created_at", "opens", "open_date",
                  "opening_date", "start_posting"),
)  # fmt: skip
VALID_THROUGH = FieldSpec(
    "valid_through", "date or date-time",
    "The last day applications are accepted; the site closes the posting after it.",
    check=check_valid_through,
    schema={"type": "string", "pattern": sp.DATE_OR_TIME,
            "description": "The last day applications are accepted: YYYY-MM-DD. "
            "The site closes the posting after that day."},
    example="2027-01-31", jsonld="validThrough", jsonld_value=ld.iso_date,
    recommended="add the last day applications are accepted, e.g. 2027-01-31",
    aliases=("expires", "expiry", "expiry_date", "expiration_date", "closes", "closing_date",
             "deadline", "valid_until", "validthrough"),
    source_names=("close_date", "closing", "application_deadline", "apply_by", "expires_at",
                  "end_date"),
)  # fmt: skip
START_DATE = FieldSpec(
    "start_date", "date", "The first day of work.",
    check=lambda c: read_date(c, "start_date"),
    schema=sp.date("The first day of work: YYYY-MM-DD."),
    example="2027-02-01", jsonld="jobStartDate", jsonld_value=ld.iso_date,
    aliases=("start", "starts", "jobstartdate"), source_names=("starting_date",),
)  # fmt: skip
MODIFIED = FieldSpec(
    "modified", "date", "The date of a real change to the posting.",
    check=lambda c: read_date(c, "modified"),
    schema=sp.date("The date of a real change to the posting."),
    example="2026-12-01",
    source_names=("lastmod", "last_modified", "updated", "updated_at"),
)  # fmt: skip
