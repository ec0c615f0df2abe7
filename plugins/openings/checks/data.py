"""The controlled vocabularies in content/data/: offices and departments, validated like postings."""

from __future__ import annotations

import os
import re
import zoneinfo
from dataclasses import dataclass

from ..core import rules
from ..core.model import Address
from ..core.problems import ProblemList
from ..core.text import slugify
from ..reading.frontmatter import Field, parse_yaml
from . import geo

# Office keys and department slugs become parts of web addresses and file paths.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Area/Location_Name, checked before zoneinfo reads a file of that name from the time zone data.
TIMEZONE = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*\Z")
# A data file is read whole by YAML; thousands of offices fit in far less.
MAX_FILE_CHARACTERS = 1_000_000
OFFICE_FIELDS = ("name", "street", "locality", "region", "postal_code", "country", "timezone")
ADDRESS_ALIASES = {
    "city": "locality",
    "town": "locality",
    "state": "region",
    "province": "region",
    "county": "region",
    "zip": "postal_code",
    "zip_code": "postal_code",
    "zipcode": "postal_code",
    "postcode": "postal_code",
    "postal": "postal_code",
    "street_address": "street",
    "address": "street",
}


@dataclass(frozen=True)
class Department:
    name: str
    slug: str
    blurb: str = ""


@dataclass(frozen=True)
class SiteData:
    offices: dict[str, Address]
    departments: tuple[Department, ...]
    problems: tuple


def load(content_path: str, data_dir: str, report_path) -> SiteData:
    """Read offices.yml and departments.yml from PATH/data_dir; missing files mean "none"."""
    folder = os.path.join(content_path, data_dir)
    offices_found = ProblemList(report_path(os.path.join(folder, "offices.yml")))
    offices = _load_offices(os.path.join(folder, "offices.yml"), offices_found)
    departments_found = ProblemList(report_path(os.path.join(folder, "departments.yml")))
    departments = _load_departments(os.path.join(folder, "departments.yml"), departments_found)
    return SiteData(offices, departments, (*offices_found, *departments_found))


def _read(path: str, found: ProblemList) -> Field | None:
    if not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read(MAX_FILE_CHARACTERS + 1)
        if len(text) > MAX_FILE_CHARACTERS:
            found.error(
                None,
                None,
                f"is longer than {MAX_FILE_CHARACTERS:,} characters, far more than any list of "
                "offices or departments; it was not read: check that nothing was pasted into it "
                "by mistake",
                rules.DATA_FILE,
            )
            return None
    except (OSError, UnicodeDecodeError) as exc:
        found.error(None, None, f"cannot be read ({exc}); save it as UTF-8 text", rules.DATA_FILE)
        return None
    root, errors = parse_yaml(text)
    for error in errors:
        found.error(error.line, None, error.message, rules.DATA_FILE)
    return root


def _load_offices(path: str, found: ProblemList) -> dict[str, Address]:
    root = _read(path, found)
    if root is None:
        return {}
    if not root.is_mapping:
        found.error(
            root.line, None, "offices.yml must map office keys to addresses", rules.DATA_FILE
        )
        return {}
    offices = {}
    for key, field in root.value.items():
        if not SLUG.match(key.lower()):
            found.error(
                field.line,
                None,
                f"{key!r} cannot be an office key: a key becomes the office's web address "
                f"(/locations/<key>/); write lowercase letters, digits and dashes, e.g. "
                f"{slugify(key) or 'berlin-mitte'}",
                rules.KEY_SLUG,
            )
            continue
        timezone_problem(field, found, key)
        address = parse_address(field, found, key, known=OFFICE_FIELDS, rule=rules.DATA_FILE)
        if address is not None:
            offices[key.lower()] = Address(
                **{**address.__dict__, "key": key.lower(), "name": address.name or key}
            )
    return offices


def _load_departments(path: str, found: ProblemList) -> tuple[Department, ...]:
    root = _read(path, found)
    if root is None:
        return ()
    if not root.is_list:
        found.error(
            root.line, None, "departments.yml must be a list of departments", rules.DATA_FILE
        )
        return ()
    departments, seen = [], set()
    for item in root.value:
        if item.is_scalar and isinstance(item.text, str):
            name, slug, blurb = item.text.strip(), None, ""
        elif item.is_mapping and "name" in item.value:
            values = item.value
            name = str(values["name"].text or "").strip()
            slug = values["slug"].text if "slug" in values else None
            if slug is not None and not SLUG.match(str(slug)):
                found.error(
                    values["slug"].line,
                    "slug",
                    f"{slug!r} cannot be a department's slug, which becomes its web address "
                    f"(/departments/<slug>/): write lowercase letters, digits and dashes, e.g. "
                    f"{slugify(name) or 'engineering'}",
                    rules.KEY_SLUG,
                )
                continue
            blurb = str(values["blurb"].text or "").strip() if "blurb" in values else ""
            for extra in set(values) - {"name", "slug", "blurb"}:
                found.error(
                    values[extra].line,
                    extra,
                    "a department has name, slug and blurb only",
                    rules.DATA_FILE,
                )
        else:
            found.error(
                item.line,
                None,
                "each department needs a name: `- name: Engineering`",
                rules.DATA_FILE,
            )
            continue
        if not name:
            found.error(item.line, "name", "a department's name is empty", rules.DATA_FILE)
            continue
        if name.lower() in seen:
            found.error(item.line, "name", f"department {name!r} is listed twice", rules.DATA_FILE)
            continue
        seen.add(name.lower())
        departments.append(Department(name, slug or slugify(name), blurb))
    return tuple(departments)


def timezone_problem(office: Field, found: ProblemList, key: str) -> None:
    """An office's timezone, when written, is an IANA name such as Europe/Berlin."""
    field = office.value.get("timezone") if office.is_mapping else None
    if field is None:
        return
    name = _scalar_text(field)
    if name and TIMEZONE.match(name) and _is_zone(name):
        return
    found.error(
        field.line,
        f"{key}.timezone",
        f"{name or field.plain()!r} is not an IANA time zone name; write one such as "
        "Europe/Berlin, America/New_York or Asia/Tokyo",
        rules.TIMEZONE,
    )


def _is_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def parse_address(
    field: Field, found: ProblemList, where: str, known=OFFICE_FIELDS, rule=rules.LOCATION
) -> Address | None:
    """An address mapping (office or inline location) -> Address, or None with problems.

    `where` names the address in messages: "locations" in a posting, the key in offices.yml;
    a problem's field is then e.g. `locations.country`.
    """
    if not field.is_mapping:
        found.error(
            field.line,
            where,
            "write the address as fields (street, locality, postal_code, country)",
            rule,
        )
        return None
    values: dict[str, Field] = {}
    for key, value in field.value.items():
        name = ADDRESS_ALIASES.get(key.lower(), key.lower())
        if name not in known:
            found.error(
                value.line,
                f"{where}.{key}",
                f"unknown address field; use one of {', '.join(known)}",
                rule,
            )
            continue
        values[name] = value
    text = {name: _scalar_text(value) for name, value in values.items()}
    country_text = text.get("country")
    if not country_text:
        found.error(
            field.line,
            f"{where}.country",
            "is missing: every address needs a country, as a two-letter ISO code such as DE or US",
            rules.COUNTRY,
        )
        return None
    country_value = values["country"]
    if country_value.value is False or country_value.value is True:
        found.error(
            country_value.line,
            f"{where}.country",
            f'{country_value.text} was read as yes/no; write it in quotes: "{country_value.text}"',
            rules.COUNTRY,
        )
        return None
    country = geo.country(country_text)
    if country.value is None:
        hint = f" (did you mean {country.suggestion}?)" if country.suggestion else ""
        found.error(
            country_value.line,
            f"{where}.country",
            f'"{country_text}" is not a two-letter ISO 3166-1 country code{hint}',
            rules.COUNTRY,
        )
        return None
    region, region_code = text.get("region"), None
    if region:
        resolved = geo.subdivision(region, country.value)
        if resolved.value:
            region_code = resolved.value
        else:
            hint = (
                f" (did you mean {resolved.suggestion}?)"
                if resolved.suggestion
                else f"; write its code from ISO 3166-2:{country.value}, or leave region out"
            )
            found.warning(
                values["region"].line,
                f"{where}.region",
                f'"{region}" is not a region of {country.value}{hint}',
                rules.REGION,
            )
    return Address(
        country=country.value,
        locality=text.get("locality"),
        region=region,
        region_code=region_code,
        postal_code=text.get("postal_code"),
        street=text.get("street"),
        name=text.get("name"),
        timezone=text.get("timezone"),
    )


def _scalar_text(field: Field) -> str | None:
    if not field.is_scalar or field.value is None:
        return None
    # the text as written: a postal code 01234 stays 01234, not 668
    return " ".join(str(field.text).split()) or None
