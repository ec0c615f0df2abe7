"""A date or a date-time as HR writes it -> a date, when it is ISO; anything else -> the dates
it could mean, most likely first, so the message can show the fix.

Pure functions, no Pelican.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo
from functools import lru_cache

from .matching import fix_text, fold, match_key

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)
_MONTH_LOCALES = ("en", "de", "fr", "es", "it", "nl", "pt")


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month names and abbreviations in the languages postings are written in, from CLDR."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for locale in _MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    names.setdefault(match_key(name), number)
    names.setdefault("sept", 9)  # "Sept" is common in English and CLDR's abbreviation is "Sep"
    return names


_DATE_WORDS = frozenset(("st", "nd", "rd", "th", "of", "the", "de", "der", "du", "le", "el"))


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    """ "Friday, October 29, 2021": the weekday adds nothing, so it is skipped."""
    from babel.dates import get_day_names

    return frozenset(
        match_key(name)
        for locale in _MONTH_LOCALES
        for width in ("wide", "abbreviated")
        for name in get_day_names(width, "format", locale).values()
    )


def _make_date(year: int, month: int, day: int) -> date | None:
    if year < 100:
        year += 2000  # "3/21/22": postings are about now, never about 1922
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _candidates(*readings: tuple[int, int, int]) -> list[date]:
    found: list[date] = []
    for year, month, day in readings:
        made = _make_date(year, month, day)
        if made is not None and made not in found:
            found.append(made)
    return found


def parse_date(text: str) -> tuple[date | None, list[date]]:
    """Strict ISO "2026-03-21" -> (date, []); anything else -> (None, what it could mean).

    The candidates are what the text can mean, most likely reading first: "3/21/2026" ->
    [2026-03-21]; "3/4/2026" -> [2026-03-04, 2026-04-03] (slashes: month first, as in the US;
    dashes: day first); "29.10.2021" (dots are always day first), "October 29, 2021",
    "29 Oct 2021", "2021/10/29" -> one candidate; "TBD" -> []. A YAML date is accepted as it is;
    a YAML date-time is not a date, and its date is the candidate.
    """
    if isinstance(text, datetime):
        return None, [text.date()]
    if isinstance(text, date):
        return text, []
    if not isinstance(text, str):
        return None, []
    raw = fix_text(text).strip()
    if _ISO_DATE.fullmatch(raw):
        made = _make_date(int(raw[:4]), int(raw[5:7]), int(raw[8:]))
        return (made, []) if made else (None, [])
    return None, _date_candidates(raw)


def _date_candidates(raw: str) -> list[date]:
    iso_time = _ISO_DATETIME.fullmatch(raw)
    if iso_time:  # a date-time where a date belongs: its date
        return _candidates((int(raw[:4]), int(raw[5:7]), int(raw[8:10])))
    numeric = re.fullmatch(r"(\d{1,4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,4})\.?", raw)
    if numeric:
        first, sep, middle, last = numeric.groups()
        a, b, c = int(first), int(middle), int(last)
        if len(first) == 4:  # 2021/10/29, 2021.10.29, 2026-3-21: year, month, day everywhere
            return _candidates((a, b, c))
        if len(last) not in (2, 4):
            return []
        if sep == ".":
            return _candidates((c, b, a))
        if sep == "/":
            return _candidates((c, a, b), (c, b, a))
        return _candidates((c, b, a), (c, a, b))
    if re.fullmatch(r"\d{8}", raw):  # ISO basic format, 20211029
        return _candidates((int(raw[:4]), int(raw[4:6]), int(raw[6:])))
    return _named_month_candidates(raw)


def _named_month_candidates(raw: str) -> list[date]:
    """ "October 29, 2021", "29 Oct 2021", "29th of October 2021", "29. Oktober 2021"."""
    tokens = re.findall(r"\d+|[^\W\d_]+", fold(raw))
    months = _month_numbers()
    month = None
    numbers: list[str] = []
    for token in tokens:
        if token.isdigit():
            numbers.append(token)
        elif match_key(token) in months and month is None:
            month = months[match_key(token)]
        elif token not in _DATE_WORDS and match_key(token) not in _weekdays():
            return []  # a weekday or a word we do not know: guessing would be worse than asking
    if month is None or len(numbers) != 2:
        return []
    day, year = (numbers[1], numbers[0]) if len(numbers[0]) == 4 else numbers
    if len(year) not in (2, 4) or len(day) > 2:
        return []
    return _candidates((int(year), month, int(day)))


def parse_datetime(text: str, tz: tzinfo) -> tuple[datetime | None, list[datetime]]:
    """ISO date or date-time -> (aware datetime, []); anything else -> (None, candidates).

    A naive time is in `tz`; a date alone means the end of that day (23:59:59) in `tz`. `tz` must be
    a zoneinfo-style tzinfo (replace() is correct for it). Candidates are end-of-day datetimes of
    parse_date's candidates.
    """
    if isinstance(text, datetime):
        return (text if text.tzinfo else text.replace(tzinfo=tz)), []
    if isinstance(text, date):
        return _end_of_day(text, tz), []
    if not isinstance(text, str):
        return None, []
    raw = fix_text(text).strip()
    match = _ISO_DATETIME.fullmatch(raw)
    if match:
        try:
            if match.group(2) is None:
                return _end_of_day(date.fromisoformat(match.group(1)), tz), []
            parsed = datetime.fromisoformat(raw.upper().replace("Z", "+00:00"))
        except ValueError:
            return None, []
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)), []
    return None, [_end_of_day(d, tz) for d in _date_candidates(raw)]


def _end_of_day(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=tz)
