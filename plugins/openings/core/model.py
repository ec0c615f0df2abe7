"""The validated posting: frozen values the theme, JSON-LD and feeds read, never raw YAML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

EMPLOYMENT_TYPES = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)
WORKPLACES = ("onsite", "hybrid", "remote")
SALARY_PERIODS = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
STATUSES = ("draft", "open", "closed")
EDUCATION_LEVELS = (
    "high school",
    "associate degree",
    "bachelor degree",
    "professional certificate",
    "postgraduate degree",
)


@dataclass(frozen=True)
class Address:
    """A place of work: an office from offices.yml (`key` set) or an address in the posting."""

    country: str  # ISO 3166-1 alpha-2
    locality: str | None = None  # city
    region: str | None = None  # as written (state, province, Land)
    region_code: str | None = None  # ISO 3166-2, e.g. "US-CA", when it could be resolved
    postal_code: str | None = None
    street: str | None = None
    name: str | None = None  # an office's display name
    key: str | None = None  # the office's key in offices.yml
    timezone: str | None = None  # the office's IANA time zone, from offices.yml

    @property
    def label(self) -> str:
        """Short form for lists: "Berlin", else the region or country code."""
        return self.name or self.locality or self.region or self.country


@dataclass(frozen=True)
class Area:
    """Where a remote applicant may live: a country ("DE") or a subdivision ("US-CA")."""

    code: str
    name: str  # English name from ISO 3166, e.g. "Germany", "California"

    @property
    def country(self) -> str:
        return self.code.split("-")[0]

    @property
    def is_country(self) -> bool:
        return "-" not in self.code


@dataclass(frozen=True)
class Salary:
    currency: str  # ISO 4217
    per: str  # one of SALARY_PERIODS
    min: Decimal | None = None
    max: Decimal | None = None
    value: Decimal | None = None  # a single figure instead of a range


@dataclass(frozen=True)
class Organization:
    name: str
    url: str | None = None
    logo: str | None = None
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobPosting:
    source_path: str  # as reported, e.g. "content/jobs/backend-developer.md"
    slug: str
    title: str
    lang: str
    status: str  # as written: draft / open / closed
    date_posted: dt.date
    department: str
    body_html: str  # sanitised
    organization: Organization
    valid_through: dt.datetime | None = None  # time-zone aware
    employment_types: tuple[str, ...] = ()
    workplace: str = "onsite"
    locations: tuple[Address, ...] = ()
    remote_areas: tuple[Area, ...] = ()
    remote_regions: tuple[str, ...] = ()  # groups written (regions.yml): "EU"; their
    # countries are in remote_areas
    salary: Salary | None = None
    apply_url: str | None = None
    apply_email: str | None = None
    direct_apply: bool | None = None
    req_id: str | None = None
    education: str | None = None
    experience_months: int | None = None
    experience_in_place_of_education: bool = False
    openings: int | None = None
    start_date: dt.date | None = None
    summary: str = ""
    tags: tuple[str, ...] = ()
    modified: dt.date | None = None
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def is_remote(self) -> bool:
        return self.workplace == "remote"

    @property
    def countries(self) -> tuple[str, ...]:
        """Every country the posting is tied to: its locations', then its remote areas'."""
        seen: dict[str, None] = {}
        for place in self.locations:
            seen.setdefault(place.country)
        for area in self.remote_areas:
            seen.setdefault(area.country)
        return tuple(seen)
