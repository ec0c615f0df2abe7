"""How a posting's values read on the page, in the page's language (Babel, the catalogs).

Every function takes an optional `lang`; without it, the posting's own language is used, so a
German posting reads "Vollzeit" and "65.000 €" on its page, and the English list can still show
it with English labels. `overrides` is the site's JOBPOSTING_UI_STRINGS (core/catalogs.py);
the template filters pass it from the page's context.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_timedelta
from babel.numbers import format_currency, format_decimal
from jinja2 import pass_context

from ..checks import addresses, geo, regions, summaries
from ..core import catalogs
from ..core.model import Address, JobPosting, Salary
from . import alternates, strings


# Babel parses a locale and a number pattern on every call; a board repeats the same few
# languages and salaries thousands of times, and the results never change within a process.
@functools.lru_cache(maxsize=64)
def locale_of(lang: str | None) -> Locale:
    try:
        return Locale.parse((lang or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def gettext(message: str, lang: str | None, overrides: dict | None = None, **values) -> str:
    """`message` (its English id) in `lang`, with its %(placeholders)s filled."""
    text = catalogs.words(lang, overrides).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, lang: str | None, overrides=None) -> str:
    return catalogs.words(lang, overrides).ngettext(singular, plural, n) % {"num": n}


def employment_type(code: str, lang: str | None = None, overrides: dict | None = None) -> str:
    return gettext(strings.EMPLOYMENT[code], lang, overrides)


def employment(posting: JobPosting, lang: str | None = None, overrides=None) -> str:
    lang = lang or posting.lang
    return ", ".join(employment_type(t, lang, overrides) for t in posting.employment_types)


def workplace(posting: JobPosting, lang: str | None = None, overrides=None) -> str:
    return workplace_kind(posting.workplace, lang or posting.lang, overrides)


def workplace_kind(kind: str, lang: str | None = None, overrides: dict | None = None) -> str:
    return gettext(strings.WORKPLACE[kind], lang, overrides)


@functools.lru_cache(maxsize=4096)
def money(amount: Decimal, currency: str, lang: str | None) -> str:
    """ "€65,000" for whole amounts, "$24.50" otherwise, in the locale's own pattern."""
    locale = locale_of(lang)
    if amount != amount.to_integral_value():
        return format_currency(amount, currency, locale=locale)
    # the locale's pattern without its cents: "¤#,##0.00" -> "¤#,##0", "#,##0.00 ¤" -> "#,##0 ¤"
    pattern = locale.currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)


def salary(pay: Salary | None, lang: str | None = None, overrides: dict | None = None) -> str:
    """ "€65,000 – €85,000 per year" (in the posting's locale)."""
    if pay is None:
        return ""
    return f"{_figure(pay, lang)} {gettext(strings.PERIOD[pay.per], lang, overrides)}"


@functools.lru_cache(maxsize=4096)  # a board repeats a few pay bands on every card and page
def _figure(pay: Salary, lang: str | None) -> str:
    if pay.value is not None:
        return money(pay.value, pay.currency, lang)
    return f"{money(pay.min, pay.currency, lang)} – {money(pay.max, pay.currency, lang)}"


@functools.lru_cache(maxsize=1024, typed=True)  # Babel parses its pattern at each call
def number(value, lang: str | None = None) -> str:
    return format_decimal(value, locale=locale_of(lang))


@functools.lru_cache(maxsize=4096)  # Babel's format_date is slow; a board has few distinct dates
def date(value: dt.date | dt.datetime | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, format="long", locale=locale_of(lang))


def posted_ago(posted: dt.date, today: dt.date, lang: str | None = None, overrides=None) -> str:
    """ "Posted 26 days ago", counted from the build's pinned today, never the clock."""
    days = (today - posted).days
    if days <= 0:
        return gettext("Posted today", lang, overrides)
    return gettext("Posted %(ago)s", lang, overrides, ago=_days_ago(days, lang))


@functools.lru_cache(maxsize=1024)
def _days_ago(days: int, lang: str | None) -> str:
    # threshold 2: days up to two months, then months; a month is too coarse for a fresh posting
    return format_timedelta(
        dt.timedelta(days=-days), granularity="day", threshold=2, add_direction=True,
        locale=locale_of(lang),
    )  # fmt: skip


def experience(months: int, lang: str | None = None, overrides: dict | None = None) -> str:
    if months >= 12 and months % 12 == 0:
        return ngettext("%(num)s year", "%(num)s years", months // 12, lang, overrides)
    return ngettext("%(num)s month", "%(num)s months", months, lang, overrides)


def education(level: str, lang: str | None = None, overrides: dict | None = None) -> str:
    return gettext(strings.EDUCATION[level], lang, overrides)


def address_lines(address: Address, lang: str | None = None) -> list[str]:
    """The address as its country writes it (addresses.py), then the country by name."""
    return [*addresses.lines(address), country(address.country, lang)]


def country(code: str, lang: str | None = None) -> str:
    return geo.country_name(code, (lang or "en").split("-")[0])


def place_name(address: Address) -> str:
    """The one name a place goes by on cards, filters, facet pages and in search: an office's
    name from offices.yml ("Lisbon"), else the address's city."""
    return address.label if address.key else (address.locality or address.region or "")


def place(address: Address, lang: str | None = None) -> str:
    """One line for cards and feeds: "Lisbon, Portugal", "Denver, CO, United States"."""
    name = place_name(address)
    line = addresses.locality_line(address, name) if name else ""
    country_name = country(address.country, lang)
    return f"{line}, {country_name}" if line else country_name


def place_synonyms(posting: JobPosting) -> list[str]:
    """The other names of the posting's places, for search: the city as the address writes it
    ("Lisboa"), the region's and country's names in English and in the posting's language."""
    names = []
    for address in posting.locations:
        names += [address.locality or "", address.key or "", country(address.country, "en")]
        names.append(country(address.country, posting.lang))
        if address.region_code:
            names.append(geo.subdivision_name(address.region_code))
    shown = {place_name(a) for a in posting.locations}
    return [n for n in dict.fromkeys(names) if n and n not in shown]


def remote_areas(posting: JobPosting, lang: str | None = None) -> str:
    """Groups by their name ("EU"), then countries in the page's language; states and
    provinces as ISO names them."""
    lang = lang or posting.lang
    return ", ".join(remote_names(posting, lang))


def remote_names(posting: JobPosting, lang: str | None = None) -> list[str]:
    lang = lang or posting.lang
    groups = regions.regions()
    covered = regions.covering(posting.remote_regions)
    names = [groups[code].name(lang) for code in posting.remote_regions if code in groups]
    names += [
        geo.area_name(area.code, lang)
        for area in posting.remote_areas
        if not (area.is_country and area.code in covered)
    ]
    return names


def remote_countries(posting: JobPosting, lang: str | None = None) -> list[str]:
    """Every country of the posting's groups, by name in the page's language, for the page
    to list under the group's name (the JSON-LD names each of them)."""
    lang = lang or posting.lang
    covered = regions.covering(posting.remote_regions)
    return sorted(
        (geo.area_name(a.code, lang) for a in posting.remote_areas if a.code in covered),
        key=str.casefold,
    )


def where(posting: JobPosting, lang: str | None = None, overrides: dict | None = None) -> str:
    """One line for cards: "Berlin, Germany · London, United Kingdom" or "Remote (Germany, Austria)"."""
    lang = lang or posting.lang
    places = [place(a, lang) for a in posting.locations]
    if posting.is_remote:
        remote = gettext("Remote (%(areas)s)", lang, overrides, areas=remote_areas(posting, lang))
        return " · ".join([remote, *places])
    return " · ".join(places)


def lead(posting: JobPosting) -> str:
    """The summary under the title, unless it only repeats the opening of the description."""
    if not posting.summary or summaries.first_paragraph(posting.body_html).startswith(
        posting.summary
    ):
        return ""
    return posting.summary


def _site_words(function):
    """The filter of a function with words: the site's own (JOBPOSTING_UI_STRINGS) apply."""

    @pass_context
    def filter_(context, value, *args):
        return function(value, *args, overrides=context.get("JOBPOSTING_UI_STRINGS") or None)

    return filter_


FILTERS = {
    "employment_label": _site_words(employment),
    "employment_type_label": _site_words(employment_type),
    "workplace_label": _site_words(workplace),
    "workplace_kind_label": _site_words(workplace_kind),
    "salary_text": _site_words(salary),
    "long_date": date,
    "posted_ago": _site_words(posted_ago),
    "experience_text": _site_words(experience),
    "education_text": _site_words(education),
    "address_lines": address_lines,
    "country_name": country,
    "posting_where": _site_words(where),
    "lead": lead,
    "remote_areas_text": remote_areas,
    "remote_countries": remote_countries,
    "number_text": number,
    "language_versions": alternates.versions,
    "other_languages": alternates.others,
    "in_language": alternates.in_language,
}
