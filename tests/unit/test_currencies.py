"""A currency as HR writes it (code, symbol, name) -> its ISO 4217 code, or a suggestion."""

from __future__ import annotations

import pycountry
import pytest
from openings.checks import currencies
from openings.checks.matching import Normalized

# ---------------------------------------------------------------------------------------------
# currency_symbol


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€", "EUR"),
        ("£", "GBP"),
        ("US$", "USD"),
        ("us$", "USD"),
        ("$", "USD"),  # ambiguous; documented choice
        ("C$", "CAD"),
        ("A$", "AUD"),
        ("R$", "BRL"),
        ("¥", "JPY"),  # ambiguous with CNY; documented choice
        ("RMB", "CNY"),
        ("₹", "INR"),
        ("zł", "PLN"),
        ("Kč", "CZK"),
        ("CHF", "CHF"),
        ("chf", "CHF"),
        ("EUR", "EUR"),
        (" usd ", "USD"),
        ("kr", None),  # SEK, NOK, DKK, ISK: too ambiguous to guess
        ("Rs", None),
        ("r", None),  # letters are not matched loosely
        ("DOE", None),  # three letters, but no currency
        ("", None),
        (None, None),
    ],
)
def test_currency_symbol(text, expected):
    assert currencies.currency_symbol(text) == expected


# ---------------------------------------------------------------------------------------------
# currency


@pytest.mark.parametrize(
    ("text", "expected"),
    [("EUR", "EUR"), ("eur", "EUR"), ("usd", "USD"), (" GBP ", "GBP"), ("CHF", "CHF")],
)
def test_currency_accepted(text, expected):
    assert currencies.currency(text) == Normalized(expected)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("€", "EUR"),
        ("£", "GBP"),
        ("US$", "USD"),
        ("$", "USD"),
        ("C$", "CAD"),
        ("RMB", "CNY"),
        ("euro", "EUR"),
        ("Euros", "EUR"),
        ("US Dollars", "USD"),
        ("yen", "JPY"),
        ("pound sterling", "GBP"),
        ("sterling", "GBP"),
        ("Swiss franc", "CHF"),
        ("Zloty", "PLN"),
        ("dollar", "one of AUD, CAD, HKD, NZD, SGD, TWD, USD"),
        ("pounds", "one of EGP, GBP"),
        ("EUE", "EUR"),
        ("Eurp", "EUR"),
        ("XYZQ", None),
        ("kr", None),
        ("Competitive", None),
        ("", None),
    ],
)
def test_currency_rejected(text, suggestion):
    assert currencies.currency(text) == Normalized(None, suggestion)


@pytest.mark.parametrize("value", [None, 978, ["EUR"]])
def test_currency_not_text(value):
    assert currencies.currency(value) == Normalized(None)


def test_every_iso_currency_is_accepted():
    for entry in pycountry.currencies:
        assert currencies.currency(entry.alpha_3.lower()) == Normalized(entry.alpha_3)
