"""A currency as HR writes it -> its ISO 4217 code: codes in any case, symbols ("€", "US$"),
names ("euros"); a "did you mean" for the rest.

Pure functions, no Pelican.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from functools import lru_cache
from types import MappingProxyType

import pycountry

from .matching import Normalized, fix_text, fold, match_key, text_cache

# Symbols are not ISO data, so they are listed here. Where one symbol is used by several
# currencies, the table picks the one a careers site most likely means, and says so:
SYMBOLS = MappingProxyType(
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
    return {s.casefold(): code for s, code in SYMBOLS.items() if not s.isalpha()}


@lru_cache(maxsize=256)
def _is_iso_currency(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


@lru_cache(maxsize=256)
def is_dollar(code: str) -> bool:
    entry = pycountry.currencies.get(alpha_3=code)
    return entry is not None and "Dollar" in entry.name


@text_cache(1024, default=None)
def currency_symbol(text: str) -> str | None:
    """A currency symbol or code -> ISO 4217: "€" -> "EUR", "US$" -> "USD", "$" -> "USD",
    "chf" -> "CHF"; None for an ambiguous ("kr") or unknown one. See SYMBOLS for the choices."""
    raw = fix_text(text).strip()
    if re.fullmatch(r"[A-Za-z]{3}", raw) and _is_iso_currency(raw.upper()):
        return raw.upper()
    return SYMBOLS.get(raw) or _symbols_by_fold().get(raw.casefold())


@lru_cache(maxsize=1)
def _currency_names() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(full names, words of names) -> codes: "euro", "us dollar", "yen"; "dollar", "pound",
    "sterling". Plurals too ("euros")."""
    full: defaultdict[str, set[str]] = defaultdict(set)
    words: defaultdict[str, set[str]] = defaultdict(set)
    for entry in pycountry.currencies:
        key = match_key(entry.name)
        full[key].add(entry.alpha_3)
        full[key + "s"].add(entry.alpha_3)
        for word in re.split(r"[\W_]+", fold(entry.name)):
            if len(word) > 3:
                words[word].add(entry.alpha_3)
                words[word + "s"].add(entry.alpha_3)
    return (
        {name: frozenset(codes) for name, codes in full.items()},
        {name: frozenset(codes) for name, codes in words.items()},
    )


def _usual_first(codes: frozenset[str]) -> list[str]:
    """The codes HR likely means (those with a symbol of their own), else the first few."""
    usual = sorted(codes & set(SYMBOLS.values()))
    return usual or sorted(codes)[:4]


@lru_cache(maxsize=1)
def _currency_codes() -> tuple[str, ...]:
    return tuple(entry.alpha_3 for entry in pycountry.currencies)


@text_cache(1024)
def currency(text: str) -> Normalized:
    """ISO 4217 alpha-3 in any case -> upper ("eur" -> "EUR"). A symbol ("€", "US$") or a name
    ("euros") -> the code as suggestion; a name many currencies share ("dollar") -> a text naming
    the usual ones ("one of AUD, CAD, ..."); an unknown code -> the closest code, if one is
    close. Text suggestions read after "did you mean"."""
    if not text.strip():
        return Normalized(None)
    raw = text.strip()
    if re.fullmatch(r"[A-Za-z]{3}", raw) and pycountry.currencies.get(alpha_3=raw.upper()):
        return Normalized(raw.upper())
    symbol = currency_symbol(raw)
    if symbol:
        return Normalized(None, symbol)
    full, words = _currency_names()
    key = match_key(raw)
    codes = full.get(key) or words.get(key)
    if codes:
        likely = _usual_first(codes)
        return Normalized(None, likely[0] if len(likely) == 1 else "one of " + ", ".join(likely))
    if re.fullmatch(r"[A-Za-z]{3,4}", raw):
        close = difflib.get_close_matches(raw.upper(), _currency_codes(), n=1, cutoff=0.66)
        return Normalized(None, close[0] if close else None)
    close = difflib.get_close_matches(key, full, n=1, cutoff=0.8) if len(key) >= 4 else []
    if close and len(full[close[0]]) == 1:
        return Normalized(None, next(iter(full[close[0]])))
    return Normalized(None)
