"""The answers `openings init` asks for, each checked with a message that says what to write.

Every check takes the text a person typed (a flag's value or an answer to a prompt) and returns
the value the new site is written with, or raises Invalid with what is wrong and an example.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..boundary import statictypes
from ..checks import geo
from ..checks.data import SLUG, TIMEZONE
from ..core import colours
from ..core.text import slugify

EMAIL = re.compile(r"^[^@\s<>\"',;]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\Z")
LOGO_TYPES = ("png", "jpg", "jpeg", "gif", "webp", "avif", "svg")
MAX_NAME = 100


class Invalid(ValueError):
    """An answer the site cannot be made with; the message says what to write instead."""


@dataclass(frozen=True)
class Office:
    key: str
    name: str
    country: str
    timezone: str


@dataclass(frozen=True)
class DepartmentAnswer:
    name: str
    slug: str


def company(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise Invalid("the company name is empty; write it as candidates know it, e.g. Acme")
    if len(name) > MAX_NAME:
        raise Invalid(
            f"the company name is longer than {MAX_NAME} characters; write the short name"
        )
    return name


def url(text: str) -> str:
    address = text.strip()
    parts = urlsplit(address)
    if parts.scheme not in ("https", "http") or not parts.hostname or " " in address:
        example = (
            f"https://{address}" if address and "://" not in address else "https://example.com"
        )
        raise Invalid(
            f'"{address}" is not a web address: write the company website with https://, '
            f"such as {example}"
        )
    if "." not in parts.hostname:
        raise Invalid(
            f'"{address}" has no domain name (such as example.com); write the company website, '
            "e.g. https://example.com"
        )
    return address.rstrip("/")


def logo(text: str) -> Path | None:
    if not text.strip():
        return None
    path = Path(text.strip()).expanduser()
    if not path.is_file():
        raise Invalid(f"the logo {text.strip()} is not a file; give the path to a PNG, JPEG or SVG")
    if statictypes.extension(str(path)) not in LOGO_TYPES:
        raise Invalid(
            f"the logo {path.name} is not an image the site can show: save it as PNG, JPEG, "
            "WebP or SVG"
        )
    refused = statictypes.why_refused(str(path))
    if refused:
        raise Invalid(f"the logo {path.name}: {refused}")
    return path


def colour(text: str) -> str | None:
    if not text.strip():
        return None
    problem = colours.problem(text.strip())
    if problem:
        raise Invalid(f"the brand colour {problem}")
    return colours.normal(text)


def languages(texts: list[str], available: list[str]) -> list[str]:
    """Language codes such as en or de, in order, each with the site's words in that language."""
    found = []
    for code in (part.strip().lower() for text in texts for part in re.split(r"[,\s]+", text)):
        if not code:
            continue
        if code not in available:
            known = ", ".join(available)
            hint = "" if re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]+)*", code) else (
                " A language is written as its code, e.g. en for English or de for German."
            )  # fmt: skip
            raise Invalid(
                f'"{code}": the site\'s words (Apply, Salary, ...) exist in {known}.{hint} '
                "Choose one of those; another language needs its translation first."
            )
        if code not in found:
            found.append(code)
    if not found:
        raise Invalid("give at least one language code, e.g. en")
    return found


def office(text: str) -> Office:
    """KEY=City,CC[,Time/Zone], e.g. berlin=Berlin,DE,Europe/Berlin."""
    example = "e.g. berlin=Berlin,DE,Europe/Berlin"
    key, sep, rest = text.partition("=")
    key = key.strip().lower()
    parts = [part.strip() for part in rest.split(",")]
    if not sep or not key or len(parts) not in (2, 3) or not all(parts):
        raise Invalid(
            f'"{text}" is not an office: write KEY=City,COUNTRY,Time/Zone, {example} (the key is '
            "how postings name the office)"
        )
    if not SLUG.match(key):
        raise Invalid(
            f'"{key}" cannot be an office key: it becomes a web address (/locations/{key}/); use '
            f"lowercase letters, digits and dashes, e.g. {slugify(key) or 'berlin'}"
        )
    city, country_text = parts[0], parts[1]
    found = geo.country(country_text)
    if found.value is None:
        hint = f" Did you mean {found.suggestion}?" if found.suggestion else ""
        raise Invalid(
            f'office {key}: "{country_text}" is not a country code; write the two-letter ISO code, '
            f"e.g. DE, GB, US.{hint}"
        )
    zone = parts[2] if len(parts) == 3 else _only_zone(found.value, key)
    if not (TIMEZONE.match(zone) and _is_zone(zone)):
        raise Invalid(
            f'office {key}: "{zone}" is not a time zone; write its IANA name, e.g. Europe/Berlin, '
            "America/New_York or Asia/Tokyo"
        )
    return Office(key, city, found.value, zone)


def _only_zone(country: str, key: str) -> str:
    """The country's time zone, when all of its zones keep the same time (DE, FR, JP)."""
    import datetime as dt

    from babel.core import get_global

    zones = list(get_global("territory_zones").get(country, ()))
    now = dt.datetime.now(dt.UTC)
    offsets = {now.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() for zone in zones}
    if zones and len(offsets) == 1:
        return zones[0]
    some = ", ".join(zones[:3]) if zones else "Europe/Berlin"
    raise Invalid(
        f"office {key}: {country} has several time zones; add the office's as a third part, "
        f"e.g. {key}=City,{country},{zones[0] if zones else 'Europe/Berlin'} (one of {some}, ...)"
    )


def _is_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def department(text: str) -> DepartmentAnswer:
    """Name, or SLUG=Name (e.g. people=People & Culture) to choose the page's address."""
    slug, sep, name = text.partition("=")
    if not sep:
        slug, name = "", slug
    name = " ".join(name.split())
    slug = slug.strip().lower() or slugify(name)
    if not name:
        raise Invalid(f'"{text}" has no department name; write it, e.g. Engineering')
    if len(name) > MAX_NAME:
        raise Invalid(f"the department name {name[:30]}... is too long; write a short name")
    if not SLUG.match(slug or ""):
        raise Invalid(
            f'"{slug}" cannot be the address of department {name} (/departments/<slug>/): use '
            f"lowercase letters, digits and dashes, e.g. {slugify(name) or 'engineering'}"
        )
    return DepartmentAnswer(name, slug)


def unique(items: list, what: str, key) -> list:
    seen = set()
    for item in items:
        if key(item) in seen:
            raise Invalid(f"{what} {key(item)} is given twice; give each once")
        seen.add(key(item))
    return items


def email(text: str) -> str:
    address = text.strip()
    if not EMAIL.match(address):
        raise Invalid(
            f'"{address}" is not an email address; write the address applications go to, e.g. '
            "jobs@example.com"
        )
    return address


def default_email(site: str) -> str:
    host = urlsplit(site).hostname or "example.com"
    return f"jobs@{host.removeprefix('www.')}"
