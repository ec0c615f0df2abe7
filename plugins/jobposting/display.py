"""How a posting's values read on the page, in the posting's language (Babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from . import geo
from .model import Address, JobPosting, Salary

EMPLOYMENT_LABELS = {
    "FULL_TIME": "Full-time",
    "PART_TIME": "Part-time",
    "CONTRACTOR": "Contract",
    "TEMPORARY": "Temporary",
    "INTERN": "Internship",
    "VOLUNTEER": "Volunteer",
    "PER_DIEM": "Per diem",
    "OTHER": "Other",
}
WORKPLACE_LABELS = {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
PERIOD_LABELS = {"HOUR": "per hour", "DAY": "per day", "WEEK": "per week", "MONTH": "per month",
                 "YEAR": "per year"}  # fmt: skip


def locale_of(lang: str | None) -> Locale:
    try:
        return Locale.parse((lang or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def employment(posting: JobPosting) -> str:
    return ", ".join(EMPLOYMENT_LABELS[t] for t in posting.employment_types)


def workplace(posting: JobPosting) -> str:
    return WORKPLACE_LABELS[posting.workplace]


def money(amount: Decimal, currency: str, lang: str | None) -> str:
    whole = amount == amount.to_integral_value()
    return format_currency(
        amount, currency, locale=locale_of(lang), format=None,
        currency_digits=not whole, decimal_quantization=not whole,
    )  # fmt: skip


def salary(pay: Salary | None, lang: str | None = None) -> str:
    """ "€65,000 – €85,000 per year" (in the posting's locale)."""
    if pay is None:
        return ""
    if pay.value is not None:
        figure = money(pay.value, pay.currency, lang)
    else:
        figure = f"{money(pay.min, pay.currency, lang)} – {money(pay.max, pay.currency, lang)}"
    return f"{figure} {PERIOD_LABELS[pay.per]}"


def number(value, lang: str | None = None) -> str:
    return format_decimal(value, locale=locale_of(lang))


def date(value: dt.date | dt.datetime | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, format="long", locale=locale_of(lang))


def address_lines(address: Address, lang: str | None = None) -> list[str]:
    """Street / postal code and city / region / country, each part as given."""
    city = " ".join(part for part in (address.postal_code, address.locality) if part)
    region = address.region_code.split("-", 1)[1] if address.region_code else address.region
    lines = [address.street, city, region, country(address.country, lang)]
    return [line for line in lines if line]


def country(code: str, lang: str | None = None) -> str:
    return geo.country_name(code, (lang or "en").split("-")[0])


def place(address: Address, lang: str | None = None) -> str:
    """Short form for lists: "Berlin, Germany"."""
    label = address.locality or address.name or address.region or ""
    name = country(address.country, lang)
    return f"{label}, {name}" if label else name


def remote_areas(posting: JobPosting) -> str:
    return ", ".join(area.name for area in posting.remote_areas)


def where(posting: JobPosting) -> str:
    """One line for cards: "Berlin, Germany · London, United Kingdom" or "Remote (Germany, Austria)"."""
    places = [place(a, posting.lang) for a in posting.locations]
    if posting.is_remote:
        remote = f"Remote ({remote_areas(posting)})"
        return " · ".join([remote, *places])
    return " · ".join(places)


FILTERS = {
    "employment_label": employment,
    "workplace_label": workplace,
    "salary_text": salary,
    "long_date": date,
    "address_lines": address_lines,
    "country_name": country,
    "posting_where": where,
    "remote_areas_text": remote_areas,
    "number_text": number,
}
