"""A salary written as one string -> its structured form, or nothing when it reads two ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openings.checks import salarytext


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # salaries as HR people write them
        ("$120k–$150k", {"min": 120000, "max": 150000, "currency": "USD"}),
        ("£40-50K per annum", {"min": 40000, "max": 50000, "currency": "GBP", "per": "YEAR"}),
        (
            "€3.250 - €4.675 bruto p/m",
            {"min": 3250, "max": 4675, "currency": "EUR", "per": "MONTH"},
        ),
        ("US$35/hr", {"value": 35, "currency": "USD", "per": "HOUR"}),
        # more real usage
        (
            "USD 100,000 - 120,000 per year",
            {"min": 100000, "max": 120000, "currency": "USD", "per": "YEAR"},
        ),
        (
            "€45,000 – €55,000 a year",
            {"min": 45000, "max": 55000, "currency": "EUR", "per": "YEAR"},
        ),
        ("60.000 € brutto/Jahr", {"value": 60000, "currency": "EUR", "per": "YEAR"}),
        ("€60K PER ANNUM", {"value": 60000, "currency": "EUR", "per": "YEAR"}),
        ("£30 - £35 per hour", {"min": 30, "max": 35, "currency": "GBP", "per": "HOUR"}),
        ("CHF 120'000", {"value": 120000, "currency": "CHF"}),
        ("R$ 5.000 por mês", {"value": 5000, "currency": "BRL", "per": "MONTH"}),
        ("$35.50/hr", {"value": Decimal("35.50"), "currency": "USD", "per": "HOUR"}),
        ("€ 3.250,50 p/m", {"value": Decimal("3250.50"), "currency": "EUR", "per": "MONTH"}),
        ("€50k-€60k", {"min": 50000, "max": 60000, "currency": "EUR"}),
        ("$100k CAD", {"value": 100000, "currency": "CAD"}),  # the code says which dollar
        ("C$90k - C$110k", {"min": 90000, "max": 110000, "currency": "CAD"}),
        ("$50k-$50k", {"value": 50000, "currency": "USD"}),
        ("1,5k €", {"value": 1500, "currency": "EUR"}),
        ("60 000 - 70 000 EUR", {"min": 60000, "max": 70000, "currency": "EUR"}),
        ("$80,000 to $95,000 USD", {"min": 80000, "max": 95000, "currency": "USD"}),
        ("Salary: £40,000 gross per annum", {"value": 40000, "currency": "GBP", "per": "YEAR"}),
    ],
)
def test_parse_salary_text(text, expected):
    result = salarytext.parse_salary_text(text)
    assert result == expected
    for key in ("min", "max", "value"):
        if key in result:  # int when whole, Decimal otherwise
            whole = result[key] == int(result[key])
            assert type(result[key]) is (int if whole else Decimal)


@pytest.mark.parametrize(
    "text",
    [
        "Competitive",
        "DOE",
        "negotiable",
        "Negotiable, depending on experience",
        "120000-150000",  # no currency
        "40k",
        "up to $50k",  # a maximum only
        "from €40k",
        "$50k + bonus",
        "$150k-$120k",  # minimum above maximum
        "€100k USD",  # two currencies
        "$100k EUR",
        "50 000 kr/month",  # kr: SEK, NOK, DKK or ISK
        "₹12,00,000 p.a.",  # lakh grouping: not read, rather than misread
        "$40k - $50k - $60k",
        "£500-50k",
        "",
        None,
        60000,
    ],
)
def test_parse_salary_text_unreadable(text):
    assert salarytext.parse_salary_text(text) is None
