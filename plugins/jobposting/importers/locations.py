"""Where a job is, as another system wrote it -> office keys, remote countries, or a question.

"London, UK" becomes the office `london` when offices.yml has one there; "Remote (US)" becomes
workplace remote with remote_countries [US]; "Berlin or Remote", "Paris" with no Paris office, or
"EU only" cannot be settled without HR, so they come back as `unsettled` with the advice for the
file's TODO comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import geo
from ..model import Address
from ..normalize import _key

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
        key = office_for(text, offices)
        if key:
            if key not in found.offices:
                found.offices.append(key)
        else:
            found.unsettled.append(text)
            found.advice.append(_no_office(text, offices))
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
        names = {_key(n) for n in (key, office.name, office.locality) if n}
        if _key(text) in names or any(_key(p) in names for p in parts):
            others = [p for p in parts if _key(p) not in names]
            # "Denver, CO": CO is Colorado here, not Colombia
            others = [p for p in others if not geo.subdivision(p.strip(), office.country).value]
            countries = {_area(p) for p in others} - {None}
            countries = {c.split("-")[0] for c in countries}
            if not countries or countries == {office.country}:
                return key
    return None


def _no_office(text: str, offices: dict[str, Address]) -> str:
    known = ", ".join(sorted(offices)) if offices else "none yet"
    return (
        f'no office in content/data/offices.yml matches "{text}" (known offices: {known}): add '
        "the office there and list its key under locations, or write the address under locations "
        "(street, locality, postal_code, country)"
    )
