"""What HR people type -> canonical values: every synonym, example and rejection, exactly."""

from __future__ import annotations

import pytest
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


def test_results_are_cached_and_frozen():
    first = n.employment_type("Full Time")
    assert n.employment_type("Full Time") is first
    with pytest.raises(AttributeError):
        first.value = "PART_TIME"
