"""Pay-transparency laws: which places require a posting to show pay, and since when.

The laws are data, in `content/data/pay_transparency.yml`, written for a company's counsel to
review and extend (docs/pay-transparency.md); paytransparency_file.py reads and checks that
file. This module answers one question for the validator: which laws apply to a posting with
these offices and remote areas, on this day, for an employer of this size? It imports nothing
from Pelican.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

REMOTE_ROLES = (
    "covered",
    "if-reports-to-office",
    "if-employer-based-there",
    "not-covered",
    "unclear",
)
REQUIRES = ("range", "range-or-before-interview")
SEVERITIES = ("error", "warning")

_CURRENCIES = {"US": "USD", "CA": "CAD"}


@dataclass(frozen=True)
class Jurisdiction:
    """One law, as written in the rules file.

    `countries` holds one ISO 3166-1 code, or several for a group such as the EU; `region` is an
    ISO 3166-2 code ("US-CO") or None; `locality` a city or None, matched case-insensitively
    against `locality` and any name in `also_called`.
    """

    id: str
    name: str
    countries: tuple[str, ...]
    region: str | None
    locality: str | None
    law: str
    effective: dt.date
    min_employees: int
    remote_roles: str
    requires: str
    severity: str
    source: str | None
    notes: str = ""
    source_note: str | None = None
    also_called: tuple[str, ...] = ()
    line: int | None = field(default=None, compare=False)

    @property
    def country(self) -> str | None:
        """The country, for a law of one country; None for a group of countries."""
        return self.countries[0] if len(self.countries) == 1 else None

    @property
    def locality_names(self) -> frozenset[str]:
        names = (self.locality, *self.also_called) if self.locality else ()
        return frozenset(n.casefold() for n in names)


@dataclass(frozen=True)
class Place:
    """Where a posting's work is, or where its remote applicants may live.

    `region` is ISO 3166-2 ("US-CO"); a bare subdivision code ("CO") is completed with the country.
    """

    country: str
    region: str | None = None
    locality: str | None = None

    def __post_init__(self):
        country = self.country.strip().upper()
        object.__setattr__(self, "country", country)
        if self.region:
            region = self.region.strip().upper()
            if "-" not in region:
                region = f"{country}-{region}"
            object.__setattr__(self, "region", region)


def applicable(
    rules: Iterable[Jurisdiction],
    places: Iterable[Place],
    remote_places: Iterable[Place],
    today: dt.date,
    employees: int | None,
) -> list[Jurisdiction]:
    """The rules in force on `today` that cover a posting, in the file's order.

    A rule covers the posting when one of its `places` (offices, addresses) lies inside the rule's
    area, or, for a rule whose remote_roles is `covered`, when one of its `remote_places` (where
    remote applicants may live) overlaps it: remote "US" overlaps every US rule, "US-CO" only
    Colorado's (and the rules of cities in Colorado). With `employees` None the employer is
    assumed to be covered; otherwise rules for larger employers are skipped.
    """
    places = tuple(places)
    remote_places = tuple(remote_places)
    out = []
    for rule in rules:
        if rule.effective > today:
            continue
        if employees is not None and rule.min_employees > employees:
            continue
        if any(_inside(p, rule) for p in places) or (
            rule.remote_roles == "covered" and any(_overlaps(p, rule) for p in remote_places)
        ):
            out.append(rule)
    return out


def _inside(place: Place, rule: Jurisdiction) -> bool:
    if place.country not in rule.countries:
        return False
    if rule.region and place.region != rule.region:
        return False
    if rule.locality:
        return bool(place.locality) and place.locality.strip().casefold() in rule.locality_names
    return True


def _overlaps(place: Place, rule: Jurisdiction) -> bool:
    if place.country not in rule.countries:
        return False
    if place.region and rule.region and place.region != rule.region:
        return False
    if place.locality and rule.locality:
        return place.locality.strip().casefold() in rule.locality_names
    return True


def places_of(posting) -> tuple[list[Place], list[Place]]:
    """(places, remote places) of a model.JobPosting: its locations and its remote areas."""
    places = [
        Place(a.country, a.region_code, a.locality) for a in getattr(posting, "locations", ())
    ]
    remote = [
        Place(a.country, None if a.is_country else a.code)
        for a in getattr(posting, "remote_areas", ())
    ]
    return places, remote


def message(rule: Jurisdiction) -> str:
    """What to tell the person who wrote the posting, in plain words."""
    cite = f"{rule.law}, since {rule.effective.isoformat()}"
    currency = _CURRENCIES.get(rule.country or "")
    if currency:
        example = f"salary: {{min: 90000, max: 120000, currency: {currency}, per: YEAR}}"
    else:
        example = (
            "salary: {min: 60000, max: 80000, currency: EUR, per: YEAR} (with your currency's code)"
        )
    if rule.requires == "range-or-before-interview":
        return (
            f"postings for {rule.name} should show a pay range: applicants must be given it "
            f"in the posting or before the interview ({cite}); add the range, e.g. {example}"
        )
    return f"postings for {rule.name} must show a pay range ({cite}); add it, e.g. {example}"
