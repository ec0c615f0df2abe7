"""Pieces of JSON-LD the field declarations share: a posting's values as schema.org writes them.

Each declaration that has a schema.org property names it (`jsonld`) and says how its value is
written (`jsonld_value`, a function of the field's value and the posting); render/jsonld.py puts
the declared properties together with the page's own. A function returns None for a property
left out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ...core.model import Address, JobPosting, Organization, Salary


def as_is(value, posting: JobPosting):
    return value


def iso_date(value: dt.date | None, posting: JobPosting) -> str | None:
    return None if value is None else value.isoformat()


def one_or_list(values: list) -> object:
    """One value as itself, several as a list: validators read a single object directly."""
    return values[0] if len(values) == 1 else values


def organization(org: Organization) -> dict:
    data = {"@type": "Organization", "name": org.name}
    if org.url:
        data["url"] = org.url
    if org.logo:
        data["logo"] = org.logo
    if org.same_as:
        data["sameAs"] = list(org.same_as)
    return data


def place(address: Address) -> dict:
    postal = {"@type": "PostalAddress"}
    if address.street:
        postal["streetAddress"] = address.street
    if address.locality:
        postal["addressLocality"] = address.locality
    region = address.region_code.split("-", 1)[1] if address.region_code else address.region
    if region:
        postal["addressRegion"] = region
    if address.postal_code:
        postal["postalCode"] = address.postal_code
    postal["addressCountry"] = address.country
    return {"@type": "Place", "address": postal}


def salary(pay: Salary) -> dict:
    value: dict = {"@type": "QuantitativeValue", "unitText": pay.per}
    if pay.value is not None:
        value["value"] = number(pay.value)
    else:
        value["minValue"] = number(pay.min)
        value["maxValue"] = number(pay.max)
    return {"@type": "MonetaryAmount", "currency": pay.currency, "value": value}


def number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
