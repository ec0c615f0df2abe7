"""Groups of countries for remote postings (EU, DACH, Nordics...), as data: regions.yml beside
this module. A posting names a group in remote_countries; the model keeps the group for display
and every country of it for the JSON-LD and the pay-transparency rules."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import geo

DATA = Path(__file__).resolve().parent / "regions.yml"


@dataclass(frozen=True)
class Region:
    code: str  # as in regions.yml and on the facet: "EU", "Nordics"
    names: dict  # {"en": "EU", "de": "EU"}
    countries: tuple[str, ...]  # ISO 3166-1 alpha-2
    aliases: tuple[str, ...] = ()

    def name(self, lang: str | None = None) -> str:
        base = (lang or "en").replace("_", "-").split("-")[0].lower()
        return self.names.get(base) or self.names.get("en") or self.code


@functools.cache
def regions() -> dict[str, Region]:
    """Every group by its code, as shipped (tests/unit/test_regions.py checks the codes)."""
    with open(DATA, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return {
        code: Region(
            code,
            dict(entry["name"]),
            tuple(entry["countries"]),
            tuple(entry.get("aliases") or ()),
        )
        for code, entry in raw.items()
    }


@functools.cache
def _index() -> dict[str, Region]:
    found = {}
    for region in regions().values():
        for word in (region.code, *region.aliases, *region.names.values()):
            found.setdefault(" ".join(word.split()).casefold(), region)
    return found


def lookup(text: str) -> Region | None:
    """The group `text` names ("EU", "eu", "European Union"), or None."""
    word = " ".join(str(text).split()).casefold()
    if geo.area(str(text).strip()).value is not None:
        return None  # a country or state code is never read as a group ("NA" is Namibia)
    return _index().get(word)


def covering(codes) -> set[str]:
    """The countries the named groups cover."""
    return {c for code in codes if code in regions() for c in regions()[code].countries}
