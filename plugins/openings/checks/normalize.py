"""What HR people type -> the canonical values the posting model uses.

Pure functions, no Pelican: each takes the text as written and returns either the canonical value
(accepted) or a "did you mean" suggestion (rejected). The rule is: accept only what can mean one
thing; for anything else, say what it would be, so the error message can show the fix.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from decimal import Decimal, InvalidOperation
from functools import lru_cache, wraps
from types import MappingProxyType


@dataclass(frozen=True)
class Normalized:
    value: str | None  # canonical value when the input is accepted
    # "did you mean" when not accepted: a canonical value, or a short text when it is not one
    suggestion: str | None = None


def text_cache(maxsize: int, default: object = Normalized(None)):
    """lru_cache for functions of a text: anything else YAML produces (a list, a number, None)
    gets `default` without reaching the cache, which could not hash it."""

    def decorate(function):
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text, *args, **kwargs):
            if not isinstance(text, str):
                return default
            return cached(text, *args, **kwargs)

        call.cache_info = cached.cache_info
        call.cache_clear = cached.cache_clear
        return call

    return decorate


# ---------------------------------------------------------------------------------------------
# Text keys


def _fix_text(text: str, clean: bool = False) -> str:
    """Undo what word processors and wrong encodings do to text (smart quotes, mojibake, NBSP).

    `clean`: text written in this module (the vocabularies), which has nothing to undo; it
    skips ftfy, whose import (0.05 s) `openings validate` then pays only for a file that needs
    it. tests/unit/test_fast_paths_reading.py checks that every vocabulary key is the same.
    """
    if not text.isascii() and not clean:
        import ftfy  # only pays its import cost when there is something to fix

        text = ftfy.fix_text(text)
    return unicodedata.normalize("NFKC", text)


def _fold(text: str, clean: bool = False) -> str:
    """Case- and accent-insensitive form: "Télétravail" -> "teletravail"."""
    decomposed = unicodedata.normalize("NFKD", _fix_text(text, clean).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(text: str, clean: bool = False) -> str:
    """Matching key: ignores case, accents, spaces, hyphens, underscores and punctuation."""
    return re.sub(r"[\W_]+", "", _fold(text, clean))


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", _fold(text)) if w]


class _Vocabulary:
    """Synonyms of a fixed set of canonical values, matched by key, whole words, then spelling."""

    def __init__(self, synonyms: dict[str, Iterable[str]], *, fuzzy_cutoff: float = 0.8):
        self._by_key: dict[str, str] = {}
        for canonical, spellings in synonyms.items():
            for spelling in (canonical, *spellings):
                key = _key(spelling, clean=True)
                if self._by_key.setdefault(key, canonical) != canonical:
                    raise ValueError(f"{spelling!r} means two things")  # a bug in the tables below
        self._keys = list(self._by_key)
        self._cutoff = fuzzy_cutoff
        self.spellings = synonyms  # for the test that clean keys are ftfy's keys

    def exact(self, text: str) -> str | None:
        return self._by_key.get(_key(text))

    def found_in(self, text: str) -> list[str]:
        """Canonical values named by whole words inside a longer text ("contract, 6 months").

        Keys of one or two letters ("ft", "ba", "h") are too easily an unrelated word, so they
        only count when they are the whole text.
        """
        words = _words(text)
        found: dict[str, None] = {}
        covered: set[int] = set()
        for size in range(len(words), 0, -1):  # longest phrase first: "part time" before "time"
            for start in range(len(words) - size + 1):
                span = set(range(start, start + size))
                if span & covered:
                    continue
                key = "".join(words[start : start + size])
                if len(key) > 2 and key in self._by_key:
                    found.setdefault(self._by_key[key])
                    covered |= span
        return list(found)

    def misspelt(self, text: str) -> str | None:
        key = _key(text)
        if len(key) < 3:
            return None
        close = difflib.get_close_matches(key, self._keys, n=1, cutoff=self._cutoff)
        return self._by_key[close[0]] if close else None

    def normalize(self, text: object, *, several: str | None = None) -> Normalized:
        if not text.strip():
            return Normalized(None)
        value = self.exact(text)
        if value is not None:
            return Normalized(value)
        found = self.found_in(text)
        if len(found) == 1:
            return Normalized(None, found[0])
        if len(found) > 1:
            # Two meanings in one text: say what a list would be when the field takes one.
            return Normalized(None, several.format(", ".join(found)) if several else None)
        return Normalized(None, self.misspelt(text))


_EMPLOYMENT = _Vocabulary(
    {
        "FULL_TIME": (
            "full time", "fulltime", "FT", "permanent", "perm", "permanent full-time",
            "full time permanent", "regular full time", "CDI",
            "Vollzeit", "temps plein", "temps complet", "tiempo completo", "jornada completa",
            "tempo pieno", "tempo integral", "voltijd", "heltid", "pełny etat",
        ),
        "PART_TIME": (
            "part time", "parttime", "PT", "permanent part-time", "part time permanent",
            "Teilzeit", "temps partiel", "tiempo parcial", "media jornada",
            "tempo parziale", "deeltijd", "deltid", "niepełny etat", "Minijob",
            "Werkstudent", "Werkstudentin", "working student",  # students working part-time
        ),
        "CONTRACTOR": (
            "contract", "contractor", "contracting", "B2B", "freelance", "freelancer",
            "freelancing", "1099", "independent contractor", "self-employed", "Freiberufler",
            "freiberuflich", "indépendant", "autónomo",
        ),
        "TEMPORARY": (
            "temporary", "temp", "fixed-term", "fixed term contract", "seasonal", "befristet",
            "CDD", "temporal", "temporaire", "tijdelijk",
        ),
        "INTERN": (
            "intern", "internship", "Praktikum", "Praktikant", "Praktikantin", "stage",
            "stagiaire", "prácticas", "becario", "tirocinio", "stagiair", "co-op",
        ),
        "VOLUNTEER": ("volunteer", "volunteering", "voluntary", "Ehrenamt", "bénévole",
                      "voluntario"),
        "PER_DIEM": ("per diem", "PRN"),  # PRN: the per-diem shift work of nursing
        "OTHER": ("other",),
    }
)  # fmt: skip

_WORKPLACE = _Vocabulary(
    {
        "onsite": (
            "on-site", "on site", "office", "in office", "in the office", "office based",
            "office-based", "in-person", "in person", "on premises", "onsite only",
            "vor Ort", "présentiel", "presencial",
        ),
        "hybrid": (
            "flexible", "partly remote", "partially remote", "part remote", "hybrid remote",
            "remote hybrid", "hybride", "híbrido",
        ),
        "remote": (
            "fully remote", "100% remote", "full remote", "remote only", "all remote",
            "telecommute", "telecommuting", "telework", "work from home",
            "working from home", "WFH", "work from anywhere", "WFA", "anywhere", "distributed",
            "remoto", "à distance",
        ),
    }
)  # fmt: skip

_PERIODS = _Vocabulary(
    {
        "HOUR": ("hour", "hours", "hourly", "per hour", "hr", "hrs", "h", "an hour", "a hour",
                 "/hr", "/h", "ph", "p/h", "per hr", "Stunde", "pro Stunde", "heure",
                 "hora", "por hora"),
        "DAY": ("day", "days", "daily", "per day", "a day", "pd", "p/d", "/day", "day rate",
                "Tag", "pro Tag", "jour", "par jour"),
        "WEEK": ("week", "weeks", "weekly", "per week", "a week", "wk", "pw", "p/w", "/wk",
                 "Woche", "semaine"),
        "MONTH": ("month", "months", "monthly", "per month", "a month", "pm", "p.m.", "p/m",
                  "mo", "mth", "/mo", "/month", "pcm", "Monat", "monatlich", "pro Monat",
                  "mensuel", "par mois", "mois", "mensual", "al mes", "por mes",
                  "por mês", "mês", "per maand", "maand"),
        "YEAR": ("year", "years", "yearly", "annual", "annually", "per annum", "annum", "p.a.",
                 "pa", "per year", "a year", "yr", "/yr", "/year", "per yr", "Jahr", "jährlich",
                 "pro Jahr", "par an", "annuel", "anual", "al año", "por año", "por ano",
                 "per jaar", "jaar"),
    }
)  # fmt: skip

_EDUCATION = _Vocabulary(
    {
        "high school": (
            "high school diploma", "highschool", "GED", "secondary school", "secondary",
            "secondary education", "high school or equivalent", "A-levels", "A levels",
            "Abitur", "Matura", "baccalauréat", "bachillerato",
        ),
        "associate degree": (
            "associate", "associates", "associate's", "associate's degree", "associates degree",
            "AA", "AS", "AAS", "A.A.", "A.S.",
        ),
        "bachelor degree": (
            "bachelor", "bachelors", "Bachelor's", "bachelors degree", "bachelor's degree",
            "BSc", "BA", "B.S.", "B.A.", "BS", "BEng", "B.Eng.", "BBA", "BTech", "B.Tech",
            "LLB", "undergraduate degree", "university degree", "college degree", "licenciatura",
        ),
        "professional certificate": (
            "certificate", "certification", "professional certification", "certified",
            "trade certificate", "vocational certificate", "vocational training",
            "apprenticeship", "Ausbildung",
        ),
        "postgraduate degree": (
            "postgraduate", "post-graduate", "post graduate", "graduate degree", "master",
            "masters", "Master's", "master's degree", "masters degree", "MSc", "M.Sc.", "MA",
            "M.A.", "MS", "M.S.", "MBA", "MEng", "LLM", "PhD", "Ph.D.", "doctorate",
            "doctoral degree", "Diplom",
        ),
    }
)  # fmt: skip

_STATUS = _Vocabulary(
    {
        "open": ("published", "active", "live", "public", "opened", "online"),
        "draft": ("wip", "work in progress", "unpublished", "drafted", "preview"),
        "closed": ("filled", "expired", "archived", "close", "inactive", "ended", "offline"),
    }
)  # fmt: skip


# The vocabularies are immutable, so results can be cached: a board repeats the same few words.
@text_cache(4096)
def employment_type(text: str) -> Normalized:
    """One employment type -> one of model.EMPLOYMENT_TYPES ("Full Time" -> FULL_TIME)."""
    return _EMPLOYMENT.normalize(text, several="a list: [{}]")


@text_cache(1024)
def workplace(text: str) -> Normalized:
    """-> onsite / hybrid / remote."""
    return _WORKPLACE.normalize(text)


@text_cache(1024)
def salary_period(text: str) -> Normalized:
    """-> HOUR DAY WEEK MONTH YEAR ("per annum" -> YEAR, "/hr" -> HOUR, "p/m" -> MONTH)."""
    return _PERIODS.normalize(text)


@text_cache(1024)
def education(text: str) -> Normalized:
    """-> one of model.EDUCATION_LEVELS ("Bachelor's" -> "bachelor degree")."""
    return _EDUCATION.normalize(text)


@text_cache(1024)
def status(text: str) -> Normalized:
    """-> draft / open / closed."""
    return _STATUS.normalize(text)


def suggest(word: str, candidates: Iterable[str], cutoff: float = 0.7) -> str | None:
    """The candidate closest to `word` (case-insensitive), as written in `candidates`; None if
    nothing is close."""
    by_fold: dict[str, str] = {}
    for candidate in candidates:
        by_fold.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=cutoff)
    return by_fold[close[0]] if close else None


# ---------------------------------------------------------------------------------------------
# Numbers

# fmt: off
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# fmt: on
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def _in_words(n: int) -> str:
    """English words for a whole number, so an ambiguous figure can be read back to HR."""
    if n < 0:
        return "minus " + _in_words(-n)
    for scale, name in _SCALES:
        if n >= scale:
            head, rest = divmod(n, scale)
            tail = "" if not rest else (" and " if rest < 100 else " ") + _in_words(rest)
            return f"{_in_words(head)} {name}{tail}"
    if n >= 100:
        head, rest = divmod(n, 100)
        return f"{_SMALL[head]} hundred" + (f" and {_in_words(rest)}" if rest else "")
    if n >= 20:
        head, rest = divmod(n, 10)
        return _TENS[head] + (f"-{_SMALL[rest]}" if rest else "")
    return _SMALL[n]


def _plain(number: Decimal) -> str:
    """Decimal as people write it: no exponent, no trailing zeros after the point."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# Thousands separators that cannot be a decimal point: space, NBSP, narrow NBSP, thin space,
# apostrophe (Swiss), underscore (programmers).
_GROUP_ONLY = " \u00a0\u202f\u2009'’_"
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


def _read_digits(text: str) -> tuple[Decimal | None, str | None, bool]:
    """Read a figure with separators -> (value, suggestion, accepted).

    Accepted: plain digits, "." as the decimal point, "," / space / "_" / "'" grouping thousands.
    Not accepted but readable: "3,25" (decimal comma), "1.234.567" (dots grouping).
    Ambiguous: "3.250" - a dot and three digits: thousands in Europe, decimals in English.
    """
    sign = ""
    if text and text[0] in "+-−":
        sign, text = ("-" if text[0] != "+" else ""), text[1:].lstrip()
    if re.fullmatch(r"\d+(\.\d+)?", text) and not re.fullmatch(r"\d{1,3}\.\d{3}", text):
        return Decimal(sign + text), None, True
    grouped = re.fullmatch(
        r"(\d{1,3})((?:([,'’_ \u00a0\u202f\u2009])\d{3})(?:\3\d{3})*)(\.\d+)?", text
    )
    if grouped:
        digits = grouped.group(1) + re.sub(r"\D", "", grouped.group(2)) + (grouped.group(4) or "")
        return Decimal(sign + digits), None, True
    # European style: dots group thousands, a comma is the decimal point.
    european = re.fullmatch(
        r"(\d{1,3})((?:([.'’ \u00a0\u202f\u2009])\d{3})(?:\3\d{3})*)?(,\d+)?", text
    )
    if european and (european.group(2) or european.group(4)):
        digits = european.group(1) + re.sub(r"\D", "", european.group(2) or "")
        decimals = (european.group(4) or "").replace(",", ".")
        value = Decimal(sign + digits + decimals)
        if european.group(3) == "." and european.group(2).count(".") == 1 and not decimals:
            # "3.250": three thousand two hundred and fifty, or three and a quarter.
            small = Decimal(sign + text)
            whole = int(value)
            return (
                None,
                f"{_plain(value)} (if you mean {_in_words(whole)}) or {_plain(small)}",
                False,
            )
        return None, _plain(value), False
    return None, None, False


def parse_number(text: str) -> tuple[Decimal | None, str | None]:
    """A figure as written -> (Decimal, None) when it is unambiguous, else (None, suggestion text).

    "60000", "60000.50", "60,000", "60 000", "60_000" -> Decimal. "60k" -> (None, "60000");
    "3.250" -> (None, "3250 (if you mean three thousand two hundred and fifty) or 3.25");
    "DOE" -> (None, None). YAML numbers (int, float, Decimal) are accepted as they are; booleans
    are not numbers.
    """
    if isinstance(text, bool):
        return None, None
    if isinstance(text, int | Decimal):
        return Decimal(text), None
    if isinstance(text, float):
        return Decimal(str(text)), None
    if not isinstance(text, str):
        return None, None
    raw = _fix_text(text).strip()
    value, suggestion, accepted = _read_digits(raw)
    if accepted:
        return value, None
    if suggestion is not None:
        return None, suggestion
    # Thousands suffix or a currency around the figure: readable, but not a number field's form.
    loose = re.sub(r"^[^\d+\-−]+|[^\dkK.]+$", "", raw)
    multiplier = 1
    if loose[-1:] in ("k", "K"):
        multiplier, loose = 1000, _SPACES.sub("", loose[:-1])
    if (loose and loose != raw) or multiplier != 1:
        value, suggestion, accepted = _read_digits(loose)
        if accepted and value is not None:
            return None, _plain(value * multiplier)
        if suggestion is not None and multiplier == 1:
            return None, suggestion
    # Scientific notation and the like: Decimal can read it, people should not write it.
    try:
        number = Decimal(raw.replace(" ", ""))
    except InvalidOperation:
        return None, None
    if not number.is_finite() or abs(number.adjusted()) > _MAX_DIGITS:
        # "1e999999999" would be a billion digits written out: no salary looks like that
        return None, None
    return None, _plain(number)


# More digits than any pay or count has; keeps "1e999999999" from being written out in full.
_MAX_DIGITS = 30


# ---------------------------------------------------------------------------------------------
# Dates

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
                    names.setdefault(_key(name), number)
    names.setdefault("sept", 9)  # "Sept" is common in English and CLDR's abbreviation is "Sep"
    return names


_DATE_WORDS = frozenset(("st", "nd", "rd", "th", "of", "the", "de", "der", "du", "le", "el"))


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    """ "Friday, October 29, 2021": the weekday adds nothing, so it is skipped."""
    from babel.dates import get_day_names

    return frozenset(
        _key(name)
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
    raw = _fix_text(text).strip()
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
    tokens = re.findall(r"\d+|[^\W\d_]+", _fold(raw))
    months = _month_numbers()
    month = None
    numbers: list[str] = []
    for token in tokens:
        if token.isdigit():
            numbers.append(token)
        elif _key(token) in months and month is None:
            month = months[_key(token)]
        elif token not in _DATE_WORDS and _key(token) not in _weekdays():
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
    raw = _fix_text(text).strip()
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


# ---------------------------------------------------------------------------------------------
# Currencies and salaries

# Symbols are not ISO data, so they are listed here. Where one symbol is used by several
# currencies, the table picks the one a careers site most likely means, and says so:
_SYMBOLS = MappingProxyType(
    {
        "€": "EUR",
        "£": "GBP",  # also EGP, GIP, FKP, SHP, which write E£ or their own code
        "$": "USD",  # ambiguous: also CAD, AUD, MXN...; those are written C$, A$, MX$
        "US$": "USD",
        "USD$": "USD",
        "C$": "CAD",
        "CA$": "CAD",
        "CAD$": "CAD",
        "A$": "AUD",
        "AU$": "AUD",
        "AUD$": "AUD",
        "NZ$": "NZD",
        "HK$": "HKD",
        "S$": "SGD",
        "SG$": "SGD",
        "MX$": "MXN",
        "R$": "BRL",
        "¥": "JPY",  # ambiguous: also CNY, which is written CN¥, RMB or 元
        "JP¥": "JPY",
        "円": "JPY",
        "CN¥": "CNY",
        "RMB": "CNY",
        "元": "CNY",
        "₹": "INR",
        "₩": "KRW",
        "₽": "RUB",
        "₺": "TRY",
        "₴": "UAH",
        "₪": "ILS",
        "₱": "PHP",
        "₦": "NGN",
        "₫": "VND",
        "฿": "THB",
        "E£": "EGP",
        "zł": "PLN",
        "Kč": "CZK",
        "Ft": "HUF",
        "lei": "RON",  # also MDL (Moldova)
        "Fr.": "CHF",  # also the CFA and CFP francs, written FCFA / F
        "SFr.": "CHF",
        "R": "ZAR",
        "NT$": "TWD",
        "NTD": "TWD",
    }
)
# Deliberately absent: "kr" (SEK, NOK, DKK and ISK alike) and "Rs" (INR, PKR, LKR, NPR).


@lru_cache(maxsize=1)
def _symbols_by_fold() -> dict[str, str]:
    # Only symbols with a sign in them ("us$"); a bare "r" or "ft" is not a currency.
    return {s.casefold(): code for s, code in _SYMBOLS.items() if not s.isalpha()}


@lru_cache(maxsize=256)
def _is_iso_currency(code: str) -> bool:
    import pycountry

    return pycountry.currencies.get(alpha_3=code) is not None


@lru_cache(maxsize=256)
def _is_dollar(code: str) -> bool:
    import pycountry

    entry = pycountry.currencies.get(alpha_3=code)
    return entry is not None and "Dollar" in entry.name


@text_cache(1024, default=None)
def currency_symbol(text: str) -> str | None:
    """A currency symbol or code -> ISO 4217: "€" -> "EUR", "US$" -> "USD", "$" -> "USD",
    "chf" -> "CHF"; None for an ambiguous ("kr") or unknown one. See _SYMBOLS for the choices."""
    raw = _fix_text(text).strip()
    if re.fullmatch(r"[A-Za-z]{3}", raw) and _is_iso_currency(raw.upper()):
        return raw.upper()
    return _SYMBOLS.get(raw) or _symbols_by_fold().get(raw.casefold())


def _currency_token_pattern() -> str:
    symbols = sorted(_SYMBOLS, key=len, reverse=True)
    parts = []
    for symbol in symbols:
        pattern = re.escape(symbol)
        # Letters in a symbol ("R", "Ft", "lei") must not be part of a word ("per", "hr").
        if symbol[0].isalpha():
            pattern = rf"(?<![^\W\d_]){pattern}"
        if symbol[-1].isalpha():
            pattern = rf"{pattern}(?![^\W\d_])"
        parts.append(pattern)
    parts.append(r"(?<![^\W\d_])[A-Z]{3}(?![^\W\d_])")  # ISO codes, written in capitals
    return "|".join(parts)


_CURRENCY = re.compile(_currency_token_pattern())
# A figure: digits grouped by separators, an optional decimal part, an optional "k" (thousands).
_AMOUNT = re.compile(
    r"(?<![\w.,])"
    r"(\d{1,3}(?:([.,'’ \u00a0\u202f])\d{3})(?:\2\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
    r"(?:\s?([kK])(?![^\W\d_]))?"
)
_RANGE = re.compile(r"-|–|—|−|‒|to|bis|à|a|tot|till?", re.IGNORECASE)
# Words that say nothing about the amount: gross pay is what a salary means anyway.
_FILLER = re.compile(
    r"\b(?:gross|bruto|brutto|brut|base|salary|pay|range|fixed)\b|[:()]", re.IGNORECASE
)


def _salary_figure(text: str) -> Decimal | None:
    """A figure inside a salary: here a separator before exactly three digits groups thousands
    ("€3.250" is 3250: nobody writes pay with three decimals), one or two digits are decimals."""
    last = re.search(r"[.,](\d+)$", text)
    decimals = ""
    if last and len(last.group(1)) <= 2:
        decimals, text = "." + last.group(1), text[: last.start()]
    digits = re.sub(r"[.,'’ \u00a0\u202f]", "", text)
    return Decimal(digits + decimals) if digits.isdigit() else None


def _as_number(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def parse_salary_text(text: str) -> dict | None:
    """A salary written as one string -> the structured form, when it can be read unambiguously.

    "$120k–$150k" -> {"min": 120000, "max": 150000, "currency": "USD"} (no "per" when none is
    written); "£40-50K per annum" -> {..., "per": "YEAR"}; "US$35/hr" -> {"value": 35, ...};
    "Competitive", "DOE", "negotiable", "up to 50k" -> None. Numbers are int when whole, Decimal
    otherwise.
    """
    if not isinstance(text, str):
        return None
    raw = _fix_text(text).strip()
    amounts = list(_AMOUNT.finditer(raw))
    if not 1 <= len(amounts) <= 2:
        return None
    currencies: set[str] = set()

    def note(found: re.Match) -> str:
        code = currency_symbol(found.group())
        if code is None:
            return found.group()  # capitals that are no currency: "PER ANNUM"
        currencies.add("$" if found.group() == "$" else code)
        return " "

    def outside(segment: str) -> str:
        """What is left of a piece of text once its currencies are noted and removed."""
        return _CURRENCY.sub(note, segment)

    before = outside(raw[: amounts[0].start()])
    after = outside(raw[amounts[-1].end() :])
    if len(amounts) == 2:
        between = outside(raw[amounts[0].end() : amounts[1].start()]).strip()
        if not _RANGE.fullmatch(between):
            return None
    if _FILLER.sub(" ", before).strip():
        return None  # "up to", "from", "approx." - not a plain figure or range
    if "$" in currencies:
        # A bare "$" is USD unless a code says which dollar: "$100k CAD"
        currencies.discard("$")
        if not currencies:
            currencies.add(_SYMBOLS["$"])
        elif not all(_is_dollar(code) for code in currencies):
            return None  # "$100k EUR" contradicts itself
    if len(currencies) != 1:
        return None  # no currency (or only an ambiguous one, "kr"), or two different ones
    period_text = _FILLER.sub(" ", after).strip()
    per = None
    if period_text:
        per = salary_period(period_text).value
        if per is None:
            return None  # "+ bonus", "DOE", "(negotiable)" - not only a salary

    figures = []
    for match in amounts:
        figure = _salary_figure(match.group(1))
        if figure is None:
            return None
        figures.append((figure, 1000 if match.group(3) else 1))
    if len(figures) == 2 and figures[1][1] != figures[0][1]:
        if figures[0][1] == 1 and figures[0][0] <= figures[1][0]:
            # "£40-50K": the k of the maximum is the minimum's too
            figures[0] = (figures[0][0], figures[1][1])
        else:
            return None
    values = [figure * multiplier for figure, multiplier in figures]
    result: dict = {}
    if len(values) == 1 or values[0] == values[1]:
        result["value"] = _as_number(values[0])
    elif values[0] < values[1]:
        result["min"], result["max"] = _as_number(values[0]), _as_number(values[1])
    else:
        return None
    result["currency"] = currencies.pop()
    if per:
        result["per"] = per
    return result
