"""Where the job is done: workplace, locations (offices or addresses), remote_countries."""

from __future__ import annotations

import re

from ...core import rules
from ...core.model import WORKPLACES, Address, Area, JobPosting
from ...core.text import clean_line
from .. import geo, normalize, regions
from ..data import ADDRESS_ALIASES, OFFICE_FIELDS, parse_address
from . import jsonldparts as ld
from . import schemaparts as sp
from .checker import Checker, did_you_mean, quote
from .spec import FieldSpec

REMOTE_WORDS = re.compile(r"\b(remote|telecommute|anywhere|home|wfh)\b", re.IGNORECASE)


def check_locations(c: Checker) -> tuple[Address, ...]:
    items = c.items("locations")
    if not items:
        if c.value("workplace") != "remote" and "locations" not in c.misnamed:
            c.found.error(
                c.line("locations"),
                "locations",
                "is required: list office keys from content/data/offices.yml (or addresses), or set workplace: remote",
                rules.REQUIRED,
            )
        return ()
    result = []
    for item in items:
        if item.is_mapping:
            address = parse_address(item, c.found, "locations")
            if address is not None:
                missing = [
                    n for n in ("street", "locality", "postal_code") if not getattr(address, n)
                ]
                if missing:
                    words = " or ".join(n.replace("_", " ") for n in missing)
                    c.found.warning(
                        item.line,
                        "locations",
                        f"the address has no {words}; Google recommends a full address",
                        rules.ADDRESS_INCOMPLETE,
                    )
                result.append(address)
        elif item.is_scalar and item.value is not None:
            office = _office(c, clean_line(str(item.text)), item.line)
            if office is not None:
                result.append(office)
        else:
            c.found.error(
                item.line,
                "locations",
                "each location is an office key or an address; write one office key per "
                "line (- berlin), or an address with street, locality, postal_code and country",
                rules.LOCATION,
            )
    return tuple(result)


def _office(c: Checker, text: str, line: int) -> Address | None:
    offices = c.ctx.offices
    key = text.lower()
    if key in offices:
        return offices[key]
    for office in offices.values():
        if key in ((office.name or "").lower(), (office.locality or "").lower()):
            return office
    if REMOTE_WORDS.search(key):
        codes = _area_codes_in(text)
        where = f"[{', '.join(codes)}]" if codes else "[US, GB, DE]"
        c.found.error(
            line,
            "locations",
            f"{quote(text)} is not an office key; for a job done 100% remotely write "
            f"workplace: remote and remote_countries: {where} (where applicants may live) "
            "instead; for a job split between an office and home, list the office and "
            "write workplace: hybrid",
            rules.LOCATION,
        )
        return None
    names = sorted(offices)
    close = normalize.suggest(key, names + [o.locality or "" for o in offices.values()])
    if close and close not in offices:
        close = next((k for k, o in offices.items() if (o.locality or "") == close), close)
    known = (
        f"; known offices: {', '.join(names)}" if names else "; content/data/offices.yml lists none"
    )
    c.found.error(
        line,
        "locations",
        f"{quote(text)} is not an office key{did_you_mean(close)}{known}; or write the address with street, locality, postal_code and country",
        rules.LOCATION,
    )
    return None


def _area_codes_in(text: str) -> list[str]:
    """ISO codes named in free text such as "Remote (US)" or "Remote - EU only", for hints."""
    codes = []
    for word in re.findall(r"[^\W\d_]+", text):
        group = regions.lookup(word)  # "EU", "DACH": remote_countries takes the group itself
        if group is not None and group.code not in codes:
            codes.append(group.code)
    if codes:
        return codes
    for word in re.findall(r"\b[A-Z]{2}\b", text):
        normal = geo.area(word)
        code = normal.value or (
            normal.suggestion if normal.suggestion and " " not in normal.suggestion else None
        )
        if code and code not in codes:
            codes.append(code)
    return codes


def check_remote_areas(c: Checker) -> tuple[Area, ...]:
    items = c.items("remote_countries")
    if c.value("workplace") != "remote":
        if items:
            c.found.warning(
                c.line("remote_countries"),
                "remote_countries",
                "is only used when workplace is remote; remove it or set workplace: remote",
                rules.REMOTE,
            )
        return ()
    if not items:
        c.found.error(
            c.line("workplace"),
            "remote_countries",
            "a remote posting must say where applicants may live: add remote_countries: [DE, AT] (countries or states such as US-CA)",
            rules.REMOTE,
        )
        return ()
    result: list[Area] = []
    for item in items:
        if item.value is False or item.value is True:
            c.found.error(
                item.line,
                "remote_countries",
                f'{item.text} was read as yes/no; write it in quotes: "{item.text}"',
                rules.COUNTRY,
            )
            continue
        if not item.is_scalar or item.value is None:
            c.found.error(
                item.line,
                "remote_countries",
                "each entry is a country code (DE) or a state code (US-CA)",
                rules.REMOTE,
            )
            continue
        _remote_area(c, clean_line(str(item.text)), item.line, result)
    return tuple(result)


def _remote_area(c: Checker, text: str, line: int, result: list[Area]) -> None:
    """One entry of remote_countries: its areas added to `result`, or an error."""
    region = regions.lookup(text)
    if region is not None:
        # every country of the group, for the JSON-LD and the pay-transparency rules
        if region.code not in c.remote_regions:
            c.remote_regions.append(region.code)
        for code in region.countries:
            if all(a.code != code for a in result):
                result.append(Area(code, geo.country_name(code)))
        return
    normal = geo.area(text)
    if normal.value is None:
        # "Remote - EU only": the group named inside the phrase is what was meant
        groups = [regions.lookup(w) for w in re.findall(r"[^\W\d_]+", text)]
        group = next((g for g in groups if g is not None), None)
        suggestion = group.code if group else normal.suggestion
        if suggestion is None:
            # "Remote - EU only": the code inside the phrase is what was meant
            words = [geo.area(w) for w in re.findall(r"\b[A-Z]{2}\b", text)]
            suggestion = next(
                (w.value or w.suggestion for w in words if w.value or w.suggestion), None
            )
        c.found.error(
            line,
            "remote_countries",
            f"{quote(text)} is not an ISO country or state code, nor a group such as EU or DACH"
            f"{did_you_mean(suggestion)}",
            rules.REMOTE,
        )
        return
    name = (
        geo.subdivision_name(normal.value)
        if "-" in normal.value
        else geo.country_name(normal.value)
    )
    if all(a.code != normal.value for a in result):
        result.append(Area(normal.value, name))


def address_schema() -> dict:
    properties = dict.fromkeys(OFFICE_FIELDS, sp.TEXT)
    properties["country"] = {
        "type": "string",
        "description": 'ISO 3166-1 two-letter code: DE, GB (not UK), US. Write "NO" (Norway) in quotes.',
        "examples": ["DE", "GB", "US"],
    }
    properties["region"] = {
        **sp.TEXT,
        "description": "The ISO 3166-2 code of the state or province without the country: CA, BY.",
    }
    properties["locality"] = {**sp.TEXT, "description": "The city."}
    properties["postal_code"] = {
        **sp.TEXT,
        "description": 'In quotes, so 01067 stays 01067: "01067".',
    }
    for alias, name in ADDRESS_ALIASES.items():
        properties[alias] = {**sp.TEXT, "description": f"Same as {name}."}
    return {
        "type": "object",
        "description": "A full address, for a place that is not an office in content/data/offices.yml.",
        "properties": properties,
        "required": ["country"],
        "additionalProperties": False,
    }


def locations_jsonld(addresses: tuple[Address, ...], posting: JobPosting) -> object:
    # one Place as an object: validators (Adobe's, Google's) read jobLocation.address directly
    return ld.one_or_list([ld.place(a) for a in addresses]) if addresses else None


def remote_areas_jsonld(areas: tuple[Area, ...], posting: JobPosting) -> list | None:
    if not posting.is_remote:
        return None
    return [
        {
            "@type": "Country" if area.is_country else "State",
            "name": geo.area_name(area.code, posting.lang),
        }
        for area in areas
    ]


LOCATIONS = FieldSpec(
    "locations", "office keys or addresses",
    "Where the work is done: office keys from content/data/offices.yml, or full addresses.",
    check=check_locations,
    schema=sp.one_or_list({"anyOf": [
        {**sp.TEXT, "description": "An office key from content/data/offices.yml."},
        {"$ref": "#/$defs/address"}]}),
    schema_defs={"address": address_schema()},
    example="[berlin]", jsonld="jobLocation", jsonld_value=locations_jsonld,
    aliases=("location", "city", "office", "offices", "address", "country", "region", "state",
             "joblocation"),
    source_names=("place", "job_location", "work_location", "all_locations"),
)  # fmt: skip
WORKPLACE = FieldSpec(
    "workplace", "onsite, hybrid or remote",
    "onsite (the default), hybrid, or remote (100% remote: needs remote_countries).",
    check=lambda c: c.choice("workplace", normalize.workplace, "onsite, hybrid or remote",
                             rules.WORKPLACE) or "onsite",
    schema=sp.one_of_or_synonym(WORKPLACES, "onsite (default), hybrid, or remote "
                                "(100% remote: needs remote_countries)."),
    example="hybrid", jsonld="jobLocationType",
    jsonld_value=lambda _, posting: "TELECOMMUTE" if posting.is_remote else None,
    aliases=("remote", "work_type", "joblocationtype"),
    source_names=("workplace_type", "is_remote", "remote_ok", "remote_type", "work_model",
                  "remote_policy"),
)  # fmt: skip
REMOTE_COUNTRIES = FieldSpec(
    "remote_countries", "ISO country or state codes, or groups",
    "Where applicants of a remote job may live: DE, US-CA, EU.",
    check=check_remote_areas,
    schema=sp.one_or_list({
        "type": "string",
        "description": "ISO country code (DE), state code (US-CA) or group (EU, DACH)."}),
    example="[DE, AT]", jsonld="applicantLocationRequirements", attribute="remote_areas",
    jsonld_value=remote_areas_jsonld,
    aliases=("remote_country", "remote_regions", "countries", "applicantlocationrequirements"),
)  # fmt: skip
