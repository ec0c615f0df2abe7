"""A figure as HR writes it -> a number, or the number to write instead: every case, exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openings.checks import figures

# ---------------------------------------------------------------------------------------------
# parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("60000", Decimal("60000")),
        ("60000.50", Decimal("60000.50")),
        ("60,000", Decimal("60000")),
        ("60 000", Decimal("60000")),
        ("60\u00a0000", Decimal("60000")),
        ("60\u202f000", Decimal("60000")),
        ("60_000", Decimal("60000")),
        ("60'000", Decimal("60000")),
        ("1,234,567.89", Decimal("1234567.89")),
        ("35.5", Decimal("35.5")),
        ("60000.500", Decimal("60000.500")),  # four digits before the dot: not a grouping
        (" 42 ", Decimal("42")),
        ("-5", Decimal("-5")),
        (60000, Decimal("60000")),  # YAML already made a number
        (35.5, Decimal("35.5")),
        (Decimal("1.5"), Decimal("1.5")),
    ],
)
def test_parse_number_accepted(text, expected):
    value, suggestion = figures.parse_number(text)
    assert (value, suggestion) == (expected, None)
    assert isinstance(value, Decimal)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("60k", "60000"),
        ("60K", "60000"),
        ("1.5k", "1500"),
        ("60 k", "60000"),
        ("$60,000", "60000"),
        ("€60k/yr", "60000"),
        ("3.250", "3250 (if you mean three thousand two hundred and fifty) or 3.25"),
        ("60.000", "60000 (if you mean sixty thousand) or 60"),
        ("1.050", "1050 (if you mean one thousand and fifty) or 1.05"),
        ("3,25", "3.25"),
        ("1.234.567", "1234567"),
        ("1.234,56", "1234.56"),
        ("1e5", "100000"),
        ("DOE", None),
        ("Competitive", None),
        ("NaN", None),
        ("Infinity", None),
        ("12:30", None),
        ("", None),
        (True, None),  # YAML's yes/no
        (None, None),
    ],
)
def test_parse_number_rejected(text, suggestion):
    assert figures.parse_number(text) == (None, suggestion)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "zero"),
        (15, "fifteen"),
        (42, "forty-two"),
        (100, "one hundred"),
        (250, "two hundred and fifty"),
        (3250, "three thousand two hundred and fifty"),
        (60000, "sixty thousand"),
        (1_000_001, "one million and one"),
    ],
)
def test_numbers_in_words(number, words):
    assert figures._in_words(number) == words


def test_a_huge_exponent_is_refused_without_writing_it_out():
    # "1e999999999" written out would be a billion digits: no suggestion, and no hang
    assert figures.parse_number("1e999999999") == (None, None)
    assert figures.parse_number("1e5") == (None, "100000")
