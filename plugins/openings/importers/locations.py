"""Where a job is, as another system wrote it -> office keys, remote countries, or a question.

"London, UK" becomes the office `london` when offices.yml has one there; "Remote (US)" becomes
workplace remote with remote_countries [US]; "Berlin or Remote", "Paris" with no Paris office, or
"EU only" cannot be settled without HR, so they come back as `unsettled` with the advice for the
file's TODO comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..checks import geo
from ..checks.matching import match_key
from ..core.model import Address

_REMOTE = re.compile(
    r"\b(?:fully[ -])?remote(?:ly)?\b|\banywhere\b|\btelecommute\b|\bwork from home\b|\bwfh\b"
    r"|\bhome[ -]?office\b|\bdistributed\b|\btelearbeit\b|\btélétravail\b|\bteletrabajo\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:[,;/|()\[\]]|\s[-–—]\s|\bor\b|\band\b|\bonly\b|&)\s*", re.IGNORECASE)


@dataclass
class Places:
    offices: list[str] = field(default_factory=list)  # office keys, in the order found
    remote: bool = False  # some text said remote
    countries: list[str] = field(default_factory=list)  # where remote applicants may live
    unsettled: list[str] = field(default_factory=list)  # texts HR must decide about
    advice: list[str] = field(default_factory=list)  # one per unsettled text
    # places that are no office here, as inline addresses: (address, what is missing or None)
    addresses: list[tuple[dict, str | None]] = field(default_factory=list)


def where(texts: list[str], offices: dict[str, Address], country: str | None = None) -> Places:
    """Read every location text. `country` is an ISO code the source gave separately (Lever)."""
    found = Places()
    remote_texts = []
    for raw in texts:
        text = " ".join(str(raw).split())
        if not text:
            continue
        if _REMOTE.search(text):
            remote_texts.append(text)
            _remote(text, offices, found)
            continue
        for place in _PLACES.split(text):
            address = read_place(place)
            if not address:
                continue
            key = office_at(address, offices)
            if key:
                if key not in found.offices:
                    found.offices.append(key)
            else:
                found.addresses.append((address, _incomplete(address, place, offices)))
    if found.remote and not found.countries and country:
        code = geo.country(country).value
        if code:
            found.countries.append(code)
    if found.remote and not found.countries and remote_texts:
        text = remote_texts[0]
        if text not in found.unsettled:
            found.unsettled.append(text)
            found.advice.append(
                f'"{text}" is remote, but search engines need the countries applicants may live '
                "in: list their ISO codes under remote_countries, e.g. remote_countries: [DE, AT]"
            )
    return found


_PLACES = re.compile(r"\s*(?:/|;|\||\bor\b|\band\b|\bund\b|\bet\b|&)\s*", re.IGNORECASE)


def read_place(text: str) -> dict:
    """ "Stuttgart, Germany" -> {locality: Stuttgart, country: DE}; "VA, United States" ->
    {region: VA, country: US}; "Texas" -> {region: TX, country: US}; "Bonn" -> {locality: Bonn}.
    Only what the text says: a country is written when the text names it or a region of it."""
    parts = [p.strip(" .") for p in text.split(",") if p.strip(" .")]
    country = None
    if len(parts) == 2 and re.fullmatch(r"[A-Z]{2}", parts[1]):
        state = geo.subdivision(parts[1], "US").value  # "Denver, CO": the US way of writing it
        if state:
            return {"locality": parts[0], "region": parts[1], "country": "US"}
    for part in reversed(parts):
        code = geo.country(part).value if re.fullmatch(r"[A-Z]{2}", part) else None
        named = geo._country_by_name(part) if not geo.subdivision(part).suggestion else None
        if ((code or named) and len(parts) > 1) or (named and len(parts) == 1):
            country = code or named
            parts.remove(part)
            break
    address: dict = {}
    region = None
    for part in parts[1:] if len(parts) > 1 else []:
        sub = geo.subdivision(part, country)
        code = sub.value or sub.suggestion
        if code and (country is None or code.startswith(country + "-")):
            region = code
            parts.remove(part)
            break
    if len(parts) == 1 and country and re.fullmatch(r"[A-Z]{2,3}", parts[0]):
        sub = geo.subdivision(parts[0], country).value
        if sub:
            region, parts = sub, []
    if len(parts) == 1 and region is None and country is None:
        sub = geo.subdivision(parts[0]).suggestion
        if sub and not geo.subdivision(parts[0]).value and _is_region_name(parts[0], sub):
            region, parts = sub, []
    if parts:
        address["locality"] = ", ".join(parts)
    if region:
        country = country or region.split("-")[0]
        address["region"] = region.split("-", 1)[1]
    if country:
        address["country"] = country
    return address


def _is_region_name(text: str, code: str) -> bool:
    """ "Texas" alone is a state. Only where postings name states alone: "Reading" or "Berlin"
    alone are cities, though each is also a subdivision's name."""
    return (
        match_key(geo.subdivision_name(code)) == match_key(text) and code[:2] in _STATES_NAMED_ALONE
    )


_STATES_NAMED_ALONE = frozenset(("US", "CA", "AU", "IN", "BR", "MX"))


def office_at(address: dict, offices: dict[str, Address]) -> str | None:
    """The office at this place: the same city and the same country, both stated."""
    locality, country = address.get("locality"), address.get("country")
    if not locality or not country:
        return None
    for key, office in offices.items():
        names = {match_key(n) for n in (key, office.name, office.locality) if n}
        if match_key(locality) in names and office.country == country:
            return key
    return None


def _incomplete(address: dict, text: str, offices: dict[str, Address]) -> str | None:
    """None when the address names its country; else the place as written, and the office
    of that name if there is one: '"Berlin" (the berlin office is in DE)'."""
    if "country" in address:
        return None
    locality = match_key(address.get("locality") or "")
    same = [
        (k, o)
        for k, o in offices.items()
        if locality and locality in {match_key(n) for n in (k, o.name, o.locality) if n}
    ]
    if same:
        key, office = same[0]
        return f'"{text}" (if the job is at the {key} office, in {office.country}, write - {key})'
    return f'"{text}"'


def no_country(advice: list[str], offices: dict[str, Address]) -> str:
    """One TODO for the places that name no country."""
    known = ", ".join(sorted(offices)) if offices else "none yet"
    one = len(advice) == 1
    return (
        f"{', '.join(advice)} name{'s' if one else ''} no country: add country: and a "
        f"two-letter ISO code such as DE or US to {'its' if one else 'each'} address, or "
        f"write an office key instead of it (known offices: {known})"
    )


def _remote(text: str, offices: dict[str, Address], found: Places) -> None:
    """ "Remote (US)", "Remote - EU only", "Anywhere", and the ambiguous "Berlin or Remote"."""
    rest = [p.strip(" .-–—:") for p in _SPLIT.split(_REMOTE.sub(" ", text)) if p]
    codes, unknown = [], []
    for part in filter(None, rest):
        office = office_for(part, offices)
        if office:
            found.unsettled.append(text)
            found.advice.append(
                f'"{text}" names an office and remote work: for a job at the office with some '
                f"days at home write workplace: hybrid and locations: [{office}]; for a fully "
                "remote job write workplace: remote and remote_countries"
            )
            return
        code = _area(part)
        if code:
            codes.append(code)
        else:
            unknown.append(part)
    found.remote = True
    if unknown:
        found.unsettled.append(text)
        found.advice.append(
            f'"{text}" mentions remote work and {", ".join(unknown)}: for a fully remote job list '
            "the countries applicants may live in under remote_countries (ISO codes, e.g. [DE, AT]); "
            "for a job at an office write workplace: hybrid and the office under locations"
            + "".join(f" ({hint})" for hint in _hints(unknown))
        )
    for code in codes:
        if code not in found.countries:
            found.countries.append(code)


def _hints(parts: list[str]) -> list[str]:
    """What geo says a region means: "EU" -> the EU members' codes."""
    hints = []
    for part in parts:
        suggestion = geo.area(part).suggestion
        if suggestion and not _area(part):
            hints.append(f"{part}: {suggestion}")
    return hints


def _area(part: str) -> str | None:
    """A country or state, written as a code or a name: "US", "Germany", "UK"."""
    normal = geo.area(part)
    value = normal.value or normal.suggestion
    if value and re.fullmatch(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", value):
        return value
    return None


def office_for(text: str, offices: dict[str, Address]) -> str | None:
    """The office a text names ("Berlin", "London, UK", "berlin"), unless a country in the text
    says otherwise ("London, Ontario, Canada" is not the London office)."""
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    for key, office in offices.items():
        names = {match_key(n) for n in (key, office.name, office.locality) if n}
        if match_key(text) in names or any(match_key(p) in names for p in parts):
            others = [p for p in parts if match_key(p) not in names]
            # "Denver, CO": CO is Colorado here, not Colombia
            others = [p for p in others if not geo.subdivision(p.strip(), office.country).value]
            countries = {_area(p) for p in others} - {None}
            countries = {c.split("-")[0] for c in countries}
            if not countries or countries == {office.country}:
                return key
    return None
