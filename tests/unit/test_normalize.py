"""What HR people type -> canonical values: every synonym, example and rejection, exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openings.checks import currencies, dates, figures, salarytext
from openings.checks import normalize as n
from openings.checks.matching import Normalized
from openings.core import model

# ---------------------------------------------------------------------------------------------
# Employment type

EMPLOYMENT_ACCEPTED = [
    # what HR people really write
    ("Full Time", "FULL_TIME"),
    ("full-time", "FULL_TIME"),
    ("Fulltime", "FULL_TIME"),
    ("permanent", "FULL_TIME"),
    ("Perm", "FULL_TIME"),
    ("permanent part-time", "PART_TIME"),
    ("B2B", "CONTRACTOR"),
    ("freelance", "CONTRACTOR"),
    ("temporary", "TEMPORARY"),
    ("internship", "INTERN"),
    ("Werkstudent", "PART_TIME"),
    ("temps plein", "FULL_TIME"),
    # the brief's list
    ("full_time", "FULL_TIME"),
    ("FT", "FULL_TIME"),
    ("permanent full-time", "FULL_TIME"),
    ("part time", "PART_TIME"),
    ("PT", "PART_TIME"),
    ("Teilzeit", "PART_TIME"),
    ("temps partiel", "PART_TIME"),
    ("contract", "CONTRACTOR"),
    ("contractor", "CONTRACTOR"),
    ("freelancer", "CONTRACTOR"),
    ("1099", "CONTRACTOR"),
    ("temp", "TEMPORARY"),
    ("fixed-term", "TEMPORARY"),
    ("seasonal", "TEMPORARY"),
    ("befristet", "TEMPORARY"),
    ("intern", "INTERN"),
    ("Praktikum", "INTERN"),
    ("stage", "INTERN"),
    ("volunteer", "VOLUNTEER"),
    ("per diem", "PER_DIEM"),
    ("per-diem", "PER_DIEM"),
    ("other", "OTHER"),
    ("Vollzeit", "FULL_TIME"),
    ("tiempo completo", "FULL_TIME"),
    # more real usage
    ("Part-Time", "PART_TIME"),
    ("FULLTIME", "FULL_TIME"),
    ("Full-Time, Permanent", "FULL_TIME"),
    ("Freelance ", "CONTRACTOR"),
    ("self-employed", "CONTRACTOR"),
    ("Fixed Term Contract", "TEMPORARY"),
    ("CDI", "FULL_TIME"),
    ("CDD", "TEMPORARY"),
    ("Werkstudentin", "PART_TIME"),
    ("Praktikant", "INTERN"),
    ("co-op", "INTERN"),
    ("PRN", "PER_DIEM"),
    ("  full time.  ", "FULL_TIME"),  # surrounding punctuation and spaces
    ("«Full Time»", "FULL_TIME"),
    ("Full\u00a0Time", "FULL_TIME"),  # non-breaking space pasted from a word processor
]


@pytest.mark.parametrize(("text", "expected"), EMPLOYMENT_ACCEPTED)
def test_employment_type_accepted(text, expected):
    assert n.employment_type(text) == Normalized(expected)


@pytest.mark.parametrize("canonical", model.EMPLOYMENT_TYPES)
@pytest.mark.parametrize("case", [str, str.lower, str.title])
def test_employment_type_canonical_names_in_any_case(canonical, case):
    assert n.employment_type(case(canonical)) == Normalized(canonical)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Full time job", "FULL_TIME"),
        ("contract, 6 months", "CONTRACTOR"),
        ("Fulll time", "FULL_TIME"),
        ("Fulltiem", "FULL_TIME"),
        ("Contracter", "CONTRACTOR"),
        ("Internshp", "INTERN"),
        ("Werkstudent (m/w/d)", "PART_TIME"),
        ("12-month internship", "INTERN"),
        ("Full-time or part-time", "a list: [FULL_TIME, PART_TIME]"),
        ("xyzzy", None),
        ("asdfgh qwerty", None),
        ("42", None),
        ("", None),
        ("   ", None),
    ],
)
def test_employment_type_rejected(text, suggestion):
    assert n.employment_type(text) == Normalized(None, suggestion)


@pytest.mark.parametrize("value", [None, 1, True, ["FULL_TIME"]])
def test_employment_type_not_text(value):
    assert n.employment_type(value) == Normalized(None)


# ---------------------------------------------------------------------------------------------
# Workplace


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("onsite", "onsite"),
        ("on-site", "onsite"),
        ("on site", "onsite"),
        ("On-Site", "onsite"),
        ("office", "onsite"),
        ("in office", "onsite"),
        ("in-office", "onsite"),
        ("in-person", "onsite"),
        ("in person", "onsite"),
        ("office-based", "onsite"),
        ("hybrid", "hybrid"),
        ("Hybrid", "hybrid"),
        ("flexible", "hybrid"),
        ("partly remote", "hybrid"),
        ("partially remote", "hybrid"),
        ("remote", "remote"),
        ("REMOTE", "remote"),
        ("fully remote", "remote"),
        ("100% remote", "remote"),
        ("telecommute", "remote"),
        ("work from home", "remote"),
        ("wfh", "remote"),
        ("WFH", "remote"),
        ("anywhere", "remote"),
        ("distributed", "remote"),
        ("remote only", "remote"),
    ],
)
def test_workplace_accepted(text, expected):
    assert n.workplace(text) == Normalized(expected)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Remote (US)", "remote"),
        ("Remote - EU only", "remote"),
        ("remote-first", "remote"),
        ("Hybrid, 2 days in office", None),  # hybrid and onsite both named: no single guess
        ("hybird", "hybrid"),
        ("Remoet", "remote"),
        ("Berlin", None),
    ],
)
def test_workplace_rejected(text, suggestion):
    assert n.workplace(text) == Normalized(None, suggestion)


# ---------------------------------------------------------------------------------------------
# Salary period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hour", "HOUR"),
        ("hourly", "HOUR"),
        ("per hour", "HOUR"),
        ("hr", "HOUR"),
        ("h", "HOUR"),
        ("an hour", "HOUR"),
        ("/hr", "HOUR"),
        ("HOUR", "HOUR"),
        ("day", "DAY"),
        ("daily", "DAY"),
        ("per day", "DAY"),
        ("week", "WEEK"),
        ("weekly", "WEEK"),
        ("per week", "WEEK"),
        ("month", "MONTH"),
        ("monthly", "MONTH"),
        ("per month", "MONTH"),
        ("pm", "MONTH"),
        ("p.m.", "MONTH"),
        ("p/m", "MONTH"),
        ("mo", "MONTH"),
        ("/mo", "MONTH"),
        ("year", "YEAR"),
        ("yearly", "YEAR"),
        ("annual", "YEAR"),
        ("annually", "YEAR"),
        ("per annum", "YEAR"),
        ("p.a.", "YEAR"),
        ("pa", "YEAR"),
        ("PA", "YEAR"),
        ("annum", "YEAR"),
        ("per year", "YEAR"),
        ("yr", "YEAR"),
        ("/yr", "YEAR"),
        ("a year", "YEAR"),
        ("Per Annum", "YEAR"),
    ],
)
def test_salary_period_accepted(text, expected):
    assert n.salary_period(text) == Normalized(expected)


@pytest.mark.parametrize("canonical", model.SALARY_PERIODS)
def test_salary_period_canonical(canonical):
    assert n.salary_period(canonical.lower()) == Normalized(canonical)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("6 months", "MONTH"),
        ("per anum", "YEAR"),
        ("hourly rate", "HOUR"),
        ("fortnightly", None),
        ("DOE", None),
    ],
)
def test_salary_period_rejected(text, suggestion):
    assert n.salary_period(text) == Normalized(None, suggestion)


# ---------------------------------------------------------------------------------------------
# Education


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bachelor's", "bachelor degree"),
        ("bachelor", "bachelor degree"),
        ("bachelors degree", "bachelor degree"),
        ("BSc", "bachelor degree"),
        ("BA", "bachelor degree"),
        ("B.S.", "bachelor degree"),
        ("Bachelor’s degree", "bachelor degree"),  # smart quote
        ("Bachelorâ€™s", "bachelor degree"),  # the mojibake in the seed posting
        ("Master's", "postgraduate degree"),
        ("MSc", "postgraduate degree"),
        ("PhD", "postgraduate degree"),
        ("Ph.D.", "postgraduate degree"),
        ("doctorate", "postgraduate degree"),
        ("postgraduate", "postgraduate degree"),
        ("MBA", "postgraduate degree"),
        ("high school", "high school"),
        ("High School Diploma", "high school"),
        ("GED", "high school"),
        ("secondary school", "high school"),
        ("associate", "associate degree"),
        ("associate's degree", "associate degree"),
        ("certificate", "professional certificate"),
        ("certification", "professional certificate"),
        ("professional certificate", "professional certificate"),
    ],
)
def test_education_accepted(text, expected):
    assert n.education(text) == Normalized(expected)


@pytest.mark.parametrize("canonical", model.EDUCATION_LEVELS)
def test_education_canonical(canonical):
    assert n.education(canonical.upper()) == Normalized(canonical)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Bachelor's in Computer Science", "bachelor degree"),
        ("Bachleor", "bachelor degree"),
        ("none", None),
    ],
)
def test_education_rejected(text, suggestion):
    assert n.education(text) == Normalized(None, suggestion)


# ---------------------------------------------------------------------------------------------
# Status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("open", "open"),
        ("Open", "open"),
        ("published", "open"),
        ("active", "open"),
        ("live", "open"),
        ("draft", "draft"),
        ("DRAFT", "draft"),
        ("wip", "draft"),
        ("WIP", "draft"),
        ("closed", "closed"),
        ("filled", "closed"),
        ("expired", "closed"),
        ("archived", "closed"),
    ],
)
def test_status_accepted(text, expected):
    assert n.status(text) == Normalized(expected)


@pytest.mark.parametrize(
    ("text", "suggestion"), [("opne", "open"), ("clsoed", "closed"), ("maybe", None)]
)
def test_status_rejected(text, suggestion):
    assert n.status(text) == Normalized(None, suggestion)


def test_vocabularies_only_produce_model_values():
    """A synonym table pointing at a value the model does not know would be a silent bug."""
    tables = [
        (n._EMPLOYMENT, model.EMPLOYMENT_TYPES),
        (n._WORKPLACE, model.WORKPLACES),
        (n._PERIODS, model.SALARY_PERIODS),
        (n._EDUCATION, model.EDUCATION_LEVELS),
        (n._STATUS, model.STATUSES),
    ]
    for vocabulary, values in tables:
        assert set(vocabulary._by_key.values()) == set(values)


# ---------------------------------------------------------------------------------------------
# suggest


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("Fulltme", model.EMPLOYMENT_TYPES, "FULL_TIME"),
        ("contractr", model.EMPLOYMENT_TYPES, "CONTRACTOR"),
        ("REMOTE", model.WORKPLACES, "remote"),  # case-insensitive, returns the candidate
        ("hybird", model.WORKPLACES, "hybrid"),
        ("titel", ["title", "department", "salary"], "title"),
        ("valid_trough", ["valid_through", "date_posted"], "valid_through"),
        ("zzzz", model.WORKPLACES, None),
        ("x", ["title"], None),
        ("title", [], None),
    ],
)
def test_suggest(word, candidates, expected):
    assert n.suggest(word, candidates) == expected


def test_suggest_takes_any_iterable():
    assert n.suggest("salery", (word for word in ["salary", "summary"])) == "salary"


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


# ---------------------------------------------------------------------------------------------
# parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-21", date(2026, 3, 21)),
        (" 2026-03-21 ", date(2026, 3, 21)),
        ("2024-02-29", date(2024, 2, 29)),
        (date(2026, 3, 21), date(2026, 3, 21)),  # YAML already made a date
    ],
)
def test_parse_date_iso(text, expected):
    assert dates.parse_date(text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("3/21/2026", [date(2026, 3, 21)]),
        ("3/21/2022", [date(2022, 3, 21)]),
        ("21/3/2026", [date(2026, 3, 21)]),
        ("3/4/2026", [date(2026, 3, 4), date(2026, 4, 3)]),  # slashes: month first first
        ("03-04-2026", [date(2026, 4, 3), date(2026, 3, 4)]),  # dashes: day first first
        ("3/21/22", [date(2022, 3, 21)]),
        ("October 29, 2021", [date(2021, 10, 29)]),
        ("Oct 29 2021", [date(2021, 10, 29)]),
        ("Oct. 29th, 2021", [date(2021, 10, 29)]),
        ("29 Oct 2021", [date(2021, 10, 29)]),
        ("29th of October 2021", [date(2021, 10, 29)]),
        ("Friday, October 29, 2021", [date(2021, 10, 29)]),
        ("Sept 3, 2022", [date(2022, 9, 3)]),
        ("29. Oktober 2021", [date(2021, 10, 29)]),
        ("29 octobre 2021", [date(2021, 10, 29)]),
        ("29.10.2021", [date(2021, 10, 29)]),
        ("3.4.2026", [date(2026, 4, 3)]),  # dots are day first everywhere
        ("2021/10/29", [date(2021, 10, 29)]),
        ("2021.10.29", [date(2021, 10, 29)]),
        ("2026-3-21", [date(2026, 3, 21)]),
        ("20211029", [date(2021, 10, 29)]),
        ("2026-03-21T10:00", [date(2026, 3, 21)]),
        (datetime(2026, 3, 21, 10, tzinfo=UTC), [date(2026, 3, 21)]),
        ("TBD", []),
        ("ASAP", []),
        ("2026-02-30", []),
        ("13/13/2026", []),
        ("Octember 3, 2021", []),
        ("", []),
        (20260321, []),
        (None, []),
    ],
)
def test_parse_date_not_iso(text, candidates):
    assert dates.parse_date(text) == (None, candidates)


# ---------------------------------------------------------------------------------------------
# parse_datetime

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-21", datetime(2026, 3, 21, 23, 59, 59, tzinfo=BERLIN)),
        ("2026-03-21T10:00", datetime(2026, 3, 21, 10, 0, tzinfo=BERLIN)),
        ("2026-03-21T10:00:30", datetime(2026, 3, 21, 10, 0, 30, tzinfo=BERLIN)),
        ("2026-03-21 10:00", datetime(2026, 3, 21, 10, 0, tzinfo=BERLIN)),
        ("2026-03-21T10:00:00Z", datetime(2026, 3, 21, 10, 0, tzinfo=UTC)),
        (
            "2026-03-21T10:00:00+02:00",
            datetime(2026, 3, 21, 10, 0, tzinfo=timezone(timedelta(hours=2))),
        ),
        (date(2026, 3, 21), datetime(2026, 3, 21, 23, 59, 59, tzinfo=BERLIN)),
        (datetime(2026, 3, 21, 9), datetime(2026, 3, 21, 9, tzinfo=BERLIN)),  # noqa: DTZ001
    ],
)
def test_parse_datetime_iso(text, expected):
    value, candidates = dates.parse_datetime(text, BERLIN)
    assert candidates == []
    assert value == expected
    assert value.tzinfo is not None
    assert value.utcoffset() == expected.utcoffset()


def test_parse_datetime_end_of_day_offset_follows_daylight_saving():
    winter, _ = dates.parse_datetime("2026-01-15", BERLIN)
    summer, _ = dates.parse_datetime("2026-07-15", BERLIN)
    assert winter.isoformat() == "2026-01-15T23:59:59+01:00"
    assert summer.isoformat() == "2026-07-15T23:59:59+02:00"


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("3/21/2026", [datetime(2026, 3, 21, 23, 59, 59, tzinfo=BERLIN)]),
        (
            "3/4/2026",
            [
                datetime(2026, 3, 4, 23, 59, 59, tzinfo=BERLIN),
                datetime(2026, 4, 3, 23, 59, 59, tzinfo=BERLIN),
            ],
        ),
        ("TBD", []),
        ("2026-03-21T25:00", []),
        ("2026-02-30", []),
    ],
)
def test_parse_datetime_not_iso(text, candidates):
    assert dates.parse_datetime(text, BERLIN) == (None, candidates)


# ---------------------------------------------------------------------------------------------
# Currency symbols and salary text


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


def test_results_are_cached_and_frozen():
    first = n.employment_type("Full Time")
    assert n.employment_type("Full Time") is first
    with pytest.raises(AttributeError):
        first.value = "PART_TIME"


def test_a_huge_exponent_is_refused_without_writing_it_out():
    # "1e999999999" written out would be a billion digits: no suggestion, and no hang
    assert figures.parse_number("1e999999999") == (None, None)
    assert figures.parse_number("1e5") == (None, "100000")
