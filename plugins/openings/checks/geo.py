"""Countries, subdivisions and remote areas: ISO 3166 through pycountry, names through Babel.

Pure functions, no Pelican. Codes are accepted (in any case); names, old codes and typos are
not, but they get a suggestion of the code to write. The name indexes are built once, on the first
miss, and every answer is cached: a board may repeat the same few places 10,000 times.
"""

from __future__ import annotations

import difflib
import gettext
import re
from collections import defaultdict
from functools import lru_cache
from types import MappingProxyType

import pycountry

from .matching import Normalized, fold, match_key, text_cache

# EU membership is a political fact, not ISO data, so it is written here (27 since 2020-02-01).
# fmt: off
EU_MEMBERS: frozenset[str] = frozenset((
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
))
# fmt: on

# ISO 3166-1 reserves "UK" for the United Kingdom, and the EU writes Greece "EL"; neither is an
# assigned code, so pycountry does not know them. Each maps to the code to write instead.
_RESERVED = MappingProxyType({"UK": "GB", "EL": "GR"})

# Names in these languages are recognised ("Deutschland", "Allemagne"): CLDR, through Babel.
_NAME_LOCALES = (
    "en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs", "sk", "hu",
    "ro", "el", "bg", "hr", "sl", "et", "lv", "lt", "ga", "mt", "tr", "ru", "uk", "ja", "zh",
    "ko", "ar", "he", "hi",
)  # fmt: skip

_WORLDWIDE = frozenset(
    match_key(word)
    for word in (
        "anywhere", "worldwide", "world", "global", "globally", "international", "everywhere",
        "remote", "any", "all", "anywhere in the world", "world wide", "earth",
    )
)  # fmt: skip
_REGIONS = frozenset(
    match_key(word)
    for word in (
        "Europe", "EMEA", "APAC", "LATAM", "Americas", "North America", "South America",
        "Latin America", "Asia", "Africa", "Oceania", "Middle East", "Nordics", "Scandinavia",
        "DACH", "Benelux", "CET", "EEA", "Schengen",
    )
)  # fmt: skip
_EU_NAMES = frozenset(match_key(w) for w in ("EU", "European Union", "EU only", "EU-wide"))


def _eu_text() -> str:
    # Read after "did you mean": the codes to list instead of "EU".
    return "the EU members: " + ", ".join(sorted(EU_MEMBERS))


# ---------------------------------------------------------------------------------------------
# Countries


@lru_cache(maxsize=1024)
def _is_country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code) is not None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, frozenset[str]]:
    """Every name a country goes by (ISO names, CLDR names in _NAME_LOCALES) -> its codes."""
    from babel import Locale

    index: defaultdict[str, set[str]] = defaultdict(set)
    for entry in pycountry.countries:
        for attribute in ("name", "common_name", "official_name", "alpha_3"):
            name = getattr(entry, attribute, None)
            if name:
                index[match_key(name)].add(entry.alpha_2)
        # "Korea, Republic of" is also written "Republic of Korea"
        if ", " in entry.name:
            head, tail = entry.name.split(", ", 1)
            index[match_key(f"{tail} {head}")].add(entry.alpha_2)
    for locale in _NAME_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and _is_country(code):
                index[match_key(name)].add(code)
                # "Myanmar (Burma)", "Hong Kong SAR China": the name before the detail, too
                short = re.split(r"\s*[(（]", name)[0]
                if short != name:
                    index[match_key(short)].add(code)
    for reserved, code in _RESERVED.items():
        index[match_key(reserved)].add(code)
    return {name: frozenset(codes) for name, codes in index.items() if name}


def _one_of(codes: frozenset[str] | set[str]) -> str | None:
    """The single code, or a short text naming them when several countries share a name."""
    if not codes:
        return None
    if len(codes) == 1:
        return next(iter(codes))
    return " or ".join(sorted(codes))


@lru_cache(maxsize=1)
def _country_words() -> dict[str, frozenset[str]]:
    """Each word of the ISO English names -> the countries whose names have it ("korea")."""
    index: defaultdict[str, set[str]] = defaultdict(set)
    for entry in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            for word in re.split(r"[\W_]+", fold(getattr(entry, attribute, None) or "")):
                if len(word) > 3:  # "of", "the", "and" say nothing
                    index[word].add(entry.alpha_2)
    return {word: frozenset(codes) for word, codes in index.items()}


def _country_by_name(text: str) -> str | None:
    names = _country_names()
    key = match_key(text)
    if key in names:
        return _one_of(names[key])
    if re.search(r"[,;/()|]|\s[-–—]\s|\sor\s", text):
        return _country_in_parts(text)
    # A region of one country: "England" is in GB, "Bavaria" in DE
    region = _subdivision_anywhere(text)
    if region and " " not in region:
        return region.split("-")[0]
    # Part of a longer name: "Korea", "Britain"
    words = [word for word in re.split(r"[\W_]+", fold(text)) if word]
    if words and all(len(word) > 3 for word in words):
        by_word = _country_words()
        found = frozenset.intersection(*(by_word.get(word, frozenset()) for word in words))
        if 0 < len(found) <= 3:
            return _one_of(found)
    if len(key) < 4:
        return None  # "ZZ", "XYZ": too short to guess a spelling from
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.8)
    return _one_of(names[close[0]]) if close else None


def _country_in_parts(text: str) -> str | None:
    """ "London, UK", "Remote (US)", "Berlin - Germany": the one country named in a part."""
    found: set[str] = set()
    for piece in re.split(r"[,;/()|]+|\s[-–—]\s|\s+or\s+|\s+and\s+", text):
        part = piece.strip(" -–—.")
        if not part:
            continue
        if re.fullmatch(r"[A-Z]{2}", part):  # a code only in capitals: "in", "or" are words
            code = _RESERVED.get(part, part)
            if _is_country(code):
                found.add(code)
                continue
        named = _country_names().get(match_key(part))
        if named:
            found |= named
    return next(iter(found)) if len(found) == 1 else None


@text_cache(4096)
def country(text: str) -> Normalized:
    """ISO 3166-1 alpha-2 in any case -> upper ("de" -> "DE"). Anything else -> value None and the
    code to write: "UK" -> "GB", "Germany"/"Deutschland"/"DEU" -> "DE", "Germny" -> "DE",
    "London, UK" -> "GB", "England" -> "GB". A name several countries share ("Korea") suggests
    "KP or KR"."""
    if not text.strip():
        return Normalized(None)
    raw = text.strip()
    if re.fullmatch(r"[A-Za-z]{2}", raw) and _is_country(raw.upper()):
        return Normalized(raw.upper())
    if raw.upper() in _RESERVED:
        return Normalized(None, _RESERVED[raw.upper()])
    if re.fullmatch(r"\d{3}", raw):  # ISO 3166-1 numeric, "276"
        entry = pycountry.countries.get(numeric=raw)
        return Normalized(None, entry.alpha_2 if entry else None)
    return Normalized(None, _country_by_name(raw))


# ---------------------------------------------------------------------------------------------
# Subdivisions


def _name_variants(name: str) -> list[str]:
    """ "Illes Balears [Islas Baleares]", "Sofia (stolitsa)", "Haute-Sangha / Mambéré-Kadéï"
    -> every way the ISO name can be read."""
    variants = [name]
    variants += re.findall(r"[\[(]([^\])]+)[\])]", name)
    bare = re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip()
    variants.append(bare)
    variants += [part.strip() for part in re.split(r"\s*/\s*", bare)]
    # Welsh names carry their own code inside: "Sir Ynys Môn GB-YNM"
    return [re.sub(r"\s+[A-Z]{2}-[A-Z0-9]{1,3}$", "", v).strip() for v in variants if v.strip()]


@lru_cache(maxsize=1)
def _subdivision_names() -> dict[str, dict[str, frozenset[str]]]:
    """country -> name key -> subdivision codes. ISO names plus their English translations
    ("Bayern" is also "Bavaria")."""
    english = _translation("iso3166-2", "en")
    index: defaultdict[str, defaultdict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for entry in pycountry.subdivisions:
        names = _name_variants(entry.name)
        translated = english.gettext(entry.name)
        if translated != entry.name:
            names += _name_variants(translated)
        for name in names:
            index[entry.country_code][match_key(name)].add(entry.code)
    return {
        country_code: {name: frozenset(codes) for name, codes in names.items() if name}
        for country_code, names in index.items()
    }


def _top_level(codes: frozenset[str]) -> frozenset[str]:
    """Where a name is both a region and one of its parts ("Paris"), the region is meant."""
    tops = frozenset(c for c in codes if pycountry.subdivisions.get(code=c).parent_code is None)
    return tops or codes


def _subdivision_in(country_code: str, text: str) -> tuple[str | None, str | None]:
    """(accepted code, suggestion) for a name or local code inside one country."""
    raw = text.strip()
    # A code ("BE" in DE) is checked before the name index exists: building that index reads
    # every ISO 3166-2 name and translation, most of what one `openings validate` would cost.
    if re.fullmatch(r"[A-Za-z0-9]{1,3}", raw):
        code = f"{country_code}-{raw.upper()}"
        if pycountry.subdivisions.get(code=code) is not None:
            return code, None
    names = _subdivision_names().get(country_code, {})
    key = match_key(raw)
    if key in names:
        codes = _top_level(names[key])
        return (next(iter(codes)), None) if len(codes) == 1 else (None, _one_of(codes))
    if len(key) >= 3:
        # "Calif", "Calif.": the start of exactly one name
        starts = {c for name, codes in names.items() if name.startswith(key) for c in codes}
        if len(starts) == 1:
            return None, next(iter(starts))
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.8)
        if close:
            return None, _one_of(_top_level(names[close[0]]))
    return None, None


def _subdivision_anywhere(text: str) -> str | None:
    """A subdivision named without its country: a suggestion only when one place has the name."""
    key = match_key(text)
    if len(key) < 3:
        return None
    codes: set[str] = set()
    for names in _subdivision_names().values():
        codes |= names.get(key, frozenset())
    return _one_of(_top_level(frozenset(codes))) if codes else None


_SUBDIVISION_CODE = re.compile(r"([A-Za-z]{2})\s*[-_ ]\s*([A-Za-z0-9]{1,3})")


@text_cache(4096)
def subdivision(text: str, country: str | None = None) -> Normalized:
    """ISO 3166-2: "US-CA" or "us-ca" -> "US-CA". With country="US": "CA" and "California" ->
    "US-CA" (accepted: they can only mean that), "Calif" -> suggestion "US-CA". Without a country,
    a name is only a suggestion ("California" -> "US-CA"), and a code of another country than
    `country` is not accepted (and has no suggestion)."""
    if not text.strip():
        return Normalized(None)
    raw = text.strip()
    wanted = country.strip().upper() if isinstance(country, str) and country.strip() else None
    code_form = _SUBDIVISION_CODE.fullmatch(raw)
    if code_form:
        code = f"{code_form.group(1)}-{code_form.group(2)}".upper()
        entry = pycountry.subdivisions.get(code=code)
        if entry is not None:
            exact = re.fullmatch(r"[A-Za-z]{2}-[A-Za-z0-9]{1,3}", raw) is not None
            if wanted and entry.country_code != wanted:
                return Normalized(None)  # a real code, of another country: nothing to suggest
            return Normalized(code) if exact else Normalized(None, code)
    if wanted:
        value, suggestion = _subdivision_in(wanted, raw)
        return Normalized(value, suggestion)
    return Normalized(None, _subdivision_anywhere(raw))


# ---------------------------------------------------------------------------------------------
# Remote areas


@text_cache(4096)
def area(text: str) -> Normalized:
    """A remote_countries entry: a country ("DE") or a subdivision ("US-CA"). Names and typos get
    the code as suggestion; "EU" and regions get a text saying what to list; "Anywhere" gets a
    text explaining that search engines need the countries."""
    if not text.strip():
        return Normalized(None)
    raw = text.strip()
    key = match_key(raw)
    if re.fullmatch(r"[A-Za-z]{2}", raw):
        found = country(raw)
        if found.value or found.suggestion:
            return found
    if _SUBDIVISION_CODE.fullmatch(raw) and "-" in raw:
        found = subdivision(raw)
        if found.value or found.suggestion:
            return found
    if key in _EU_NAMES:
        return Normalized(None, _eu_text())
    if key in _WORLDWIDE:
        return Normalized(
            None,
            "a list of the countries applicants may live in, e.g. US, GB, DE (search engines "
            "drop remote jobs without one)",
        )
    if key in _REGIONS:
        return Normalized(None, "a list of its countries' ISO codes, e.g. DE, FR, NL")
    found = country(raw)
    region = subdivision(raw).suggestion
    # "California" is more precisely US-CA than US; "Georgia" the country stays GE
    if region and found.suggestion in (None, region.split("-")[0]):
        return Normalized(None, region)
    return found


# ---------------------------------------------------------------------------------------------
# Names for display


@lru_cache(maxsize=64)
def _translation(domain: str, locale: str) -> gettext.NullTranslations:
    return gettext.translation(
        domain, pycountry.LOCALES_DIR, languages=[locale.replace("-", "_")], fallback=True
    )


@text_cache(4096, default=None)
def country_name(code: str, locale: str = "en") -> str:
    """ "DE" -> "Germany"; ISO's common name where it has one ("US" -> "United States", not
    "United States of America"); in another locale the CLDR name ("DE", "de" -> "Deutschland"),
    falling back to English. An unknown code comes back as it is."""
    entry = pycountry.countries.get(alpha_2=code.upper())
    if entry is None:
        return code
    english = getattr(entry, "common_name", None) or entry.name
    if not locale or re.split(r"[-_]", locale, maxsplit=1)[0].lower() == "en":
        return english
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(locale.replace("-", "_")).territories
    except (UnknownLocaleError, ValueError, TypeError):
        return english
    return names.get(entry.alpha_2) or english


@text_cache(4096, default=None)
def subdivision_name(code: str, locale: str = "en") -> str:
    """ "US-CA" -> "California". ISO writes subdivisions in their own language ("Bayern"); the
    name shown is its translation for `locale` from pycountry's catalogues where there is one
    ("Bavaria" in English), else the ISO name. An unknown code comes back as it is."""
    entry = pycountry.subdivisions.get(code=code.upper())
    if entry is None:
        return code
    return _translation("iso3166-2", locale or "en").gettext(entry.name)


def area_name(code: str, lang: str | None = "en") -> str:
    """A remote area as shown on the page and in the JSON-LD, which must agree: countries in the
    posting's language, states and provinces as ISO 3166-2 names them."""
    if "-" in code:
        return subdivision_name(code)
    return country_name(code, (lang or "en").split("-")[0])
