"""The validator on its own: raw front matter in, a JobPosting or exact problems out.

The golden files show whole postings; these tests pin single rules, the YAML traps and the
values HR people really write.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from zoneinfo import ZoneInfo

import markdown
import pytest
from openings.checks import data
from openings.checks.validate import Context, validate
from openings.core import rules
from openings.core.model import Organization
from openings.reading import frontmatter
from sitebuild import ROOT

BERLIN = ZoneInfo("Europe/Berlin")
SAMPLE = data.load(str(ROOT / "content"), "data", str)
ORG = Organization("Fernhill Labs", "https://fernhill.example")
BASE = {
    "title": "Backend Developer",
    "date_posted": "2026-11-02",
    "valid_through": "2027-01-31",
    "department": "Engineering",
    "locations": "[berlin]",
    "employment_type": "FULL_TIME",
    "salary": "{min: 65000, max: 85000, currency: EUR, per: YEAR}",
    "req_id": "ENG-1",
    "apply_url": "https://fernhill.example/apply/eng-1",
}


def context(**overrides) -> Context:
    values = {
        "timezone": BERLIN,
        "today": dt.date(2026, 11, 28),
        "organization": ORG,
        "offices": SAMPLE.offices,
        "departments": SAMPLE.departments,
    }
    values.update(overrides)
    return Context(**values)


def run(text: str, ctx: Context | None = None):
    doc = frontmatter.parse(textwrap.dedent(text).lstrip("\n"))
    body = markdown.markdown(doc.body)
    return validate(doc, "x.md", "x", body, ctx or context())


def posting(body: str = "We build things. You will help.", drop=(), ctx=None, **fields):
    """A posting from BASE with fields replaced (None drops one): (JobPosting | None, problems)."""
    values = {k: v for k, v in {**BASE, **fields}.items() if v is not None and k not in drop}
    lines = "\n".join(f"{k}: {v}" for k, v in values.items())
    return run(f"---\n{lines}\n---\n{body}\n", ctx)


def messages(problems, errors_only=True) -> list[str]:
    return [p.as_text() for p in problems if p.is_error or not errors_only]


def the_error(problems) -> str:
    found = messages(problems)
    assert len(found) == 1, found
    return found[0]


def test_a_complete_posting_is_valid_and_typed():
    job, found = posting(openings="012", experience_months="24", education="Bachelor's")
    assert found == []
    assert job.title == "Backend Developer"
    assert job.date_posted == dt.date(2026, 11, 2)
    assert job.valid_through == dt.datetime(2027, 1, 31, 23, 59, 59, tzinfo=BERLIN)
    assert job.employment_types == ("FULL_TIME",)
    assert job.locations[0].key == "berlin"
    assert job.salary.min == Decimal(65000) and job.salary.per == "YEAR"
    assert job.openings == 12  # as written, not YAML 1.1's octal 10
    assert job.education == "bachelor degree"
    assert job.workplace == "onsite" and job.status == "open"


def test_every_problem_carries_a_known_rule():
    _, found = posting(
        title="[a, b]", date_posted="TBD", salary="Competitive", workplace="remote", status="x"
    )
    assert found and all(p.rule in rules.RULES for p in found)


# --- YAML traps: every field's type is checked explicitly ---


def test_norway_unquoted_is_false_and_says_to_quote_it():
    _, found = posting(workplace="remote", remote_countries="[NO, SE]", locations=None)
    assert the_error(found) == (
        'x.md:11: remote_countries: NO was read as yes/no; write it in quotes: "NO"'
    )
    job, found = posting(workplace="remote", remote_countries='["NO", SE]', locations=None)
    assert found == [] and [a.code for a in job.remote_areas] == ["NO", "SE"]


@pytest.mark.parametrize(
    ("written", "kept"),
    [("0123", "0123"), ("12:30", "12:30"), ("1e3", "1e3"), ("NO", "NO"), ("2026-11-02", "2026-11-02")],
)  # fmt: skip
def test_text_fields_keep_what_was_written(written, kept):
    job, _found = posting(req_id=written, title=f"Engineer {written}")
    assert job.req_id == kept
    assert job.title == f"Engineer {kept}"


def test_postal_code_keeps_its_leading_zero():
    job, found = posting(
        locations="[{street: Hauptstr. 1, locality: Dresden, postal_code: 01067, country: DE}]"
    )
    assert found == []
    assert job.locations[0].postal_code == "01067"


@pytest.mark.parametrize(
    "written", ["2026-11-02", '"2026-11-02"', "'2026-11-02'", "2026-11-02 09:30", "2026-11-02T09:30:00+01:00"]
)  # fmt: skip
def test_date_posted_as_date_datetime_or_string(written):
    job, found = posting(date_posted=written)
    assert found == []
    assert job.date_posted == dt.date(2026, 11, 2)


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2027-01-31", dt.datetime(2027, 1, 31, 23, 59, 59, tzinfo=BERLIN)),
        ('"2027-01-31"', dt.datetime(2027, 1, 31, 23, 59, 59, tzinfo=BERLIN)),
        ("2027-01-31 18:00", dt.datetime(2027, 1, 31, 18, 0, tzinfo=BERLIN)),
        ('"2027-01-31T18:00:00-05:00"', dt.datetime(2027, 1, 31, 23, 0, tzinfo=dt.UTC)),
        ("2027-01-31T18:00:00Z", dt.datetime(2027, 1, 31, 18, 0, tzinfo=dt.UTC)),
    ],
)
def test_valid_through_is_always_time_zone_aware(written, moment):
    job, found = posting(valid_through=written)
    assert found == []
    assert job.valid_through == moment
    assert job.valid_through.tzinfo is not None


def test_sexagesimal_time_is_not_a_date():
    _, found = posting(valid_through="12:30")
    assert the_error(found) == (
        'x.md:4: valid_through: "12:30" is not a date in the form YYYY-MM-DD; write a date '
        "like 2026-11-28, or leave the field out"
    )


# --- what people really type ---


@pytest.mark.parametrize(
    ("written", "types"),
    [
        ("Full Time", ("FULL_TIME",)),
        ("full-time", ("FULL_TIME",)),
        ("Fulltime", ("FULL_TIME",)),
        ("permanent", ("FULL_TIME",)),
        ("Perm", ("FULL_TIME",)),
        ("permanent part-time", ("PART_TIME",)),
        ("B2B", ("CONTRACTOR",)),
        ("freelance", ("CONTRACTOR",)),
        ("temporary", ("TEMPORARY",)),
        ("internship", ("INTERN",)),
        ("Werkstudent", ("PART_TIME",)),
        ("temps plein", ("FULL_TIME",)),
        ("Full time, Part time", ("FULL_TIME", "PART_TIME")),
        ("[full-time, FULL_TIME, contract]", ("FULL_TIME", "CONTRACTOR")),
    ],
)
def test_employment_types_people_type(written, types):
    job, found = posting(employment_type=written)
    assert found == []
    assert job.employment_types == types


def test_contract_with_a_length_is_one_type_and_a_note():
    _, found = posting(employment_type="contract, 6 months")
    assert the_error(found) == (
        'x.md:7: employment_type: "contract, 6 months" is not an employment type; use one of '
        "FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER "
        "(did you mean CONTRACTOR?); the length of a contract belongs in the description"
    )


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        ('"London, UK"', "(did you mean london?)"),
        ("UK - London", "(did you mean london?)"),
        ("Remote (US)", "write workplace: remote and remote_countries: [US]"),
        ("Remote - EU only", "write workplace: remote and remote_countries: [EU]"),
        ("Berlin or Remote", "write workplace: hybrid"),
        ("Anywhere", "workplace: remote"),
        ("NYC or telecommute", "workplace: remote"),
    ],
)
def test_free_text_locations_say_what_to_write(written, advice):
    _, found = posting(locations=f"[{written}]")
    message = the_error(found)
    assert message.startswith("x.md:6: locations: ")
    assert advice in message


def test_street_address_in_locations_is_an_inline_address():
    job, found = posting(
        locations="\n  - street: 1550 Wynkoop Street\n    city: Denver\n    state: Colorado\n"
        '    zip: "80202"\n    country: US'
    )
    assert found == []
    address = job.locations[0]
    assert (address.locality, address.region_code, address.postal_code) == (
        "Denver",
        "US-CO",
        "80202",
    )


@pytest.mark.parametrize(
    ("written", "structured"),
    [
        ('"$120k–$150k"', "{min: 120000, max: 150000, currency: USD, per: YEAR} (check the period"),
        ("£40-50K per annum", "{min: 40000, max: 50000, currency: GBP, per: YEAR}"),
        ("€3.250 - €4.675 bruto p/m", "{min: 3250, max: 4675, currency: EUR, per: MONTH}"),
        ("US$35/hr", "{value: 35, currency: USD, per: HOUR}"),
    ],
)
def test_string_salary_shows_its_structured_form(written, structured):
    _, found = posting(salary=written)
    message = the_error(found)
    assert f"must be written as fields: salary: {structured}" in message


@pytest.mark.parametrize("written", ["Competitive", "DOE"])
def test_salary_without_figures_asks_for_figures(written):
    _, found = posting(salary=written)
    assert the_error(found) == (
        f'x.md:8: salary: "{written}" is not a salary; give figures (salary: {{min: 60000, '
        "max: 80000, currency: EUR, per: YEAR}) or leave the field out"
    )


@pytest.mark.parametrize(
    ("per", "unit"),
    [("hourly", "HOUR"), ("yearly", "YEAR"), ("annual", "YEAR"), ("per annum", "YEAR"),
     ("p.a.", "YEAR"), ("monthly", "MONTH"), ("daily", "DAY"), ("weekly", "WEEK")],
)  # fmt: skip
def test_pay_periods_people_type(per, unit):
    # figures that fit the period: 30 per YEAR is refused (paysanity.py)
    low = {"HOUR": 30, "DAY": 300, "WEEK": 1500, "MONTH": 4000, "YEAR": 50000}[unit]
    job, found = posting(
        salary=f'{{min: {low}, max: {low + low // 3}, currency: EUR, per: "{per}"}}'
    )
    assert found == [] and job.salary.per == unit


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        ("3/21/2026", "write 2026-03-21"),
        ("October 29, 2026", "write 2026-10-29"),
        ("TBD", "write a date like 2026-11-28"),
        ("2/11/2026", "write 2026-02-11 (11 February) or 2026-11-02 (2 November)"),
        ("2026-02-30", "is not a day of the calendar"),
    ],
)
def test_dates_people_type(written, advice):
    _, found = posting(date_posted=written, valid_through=None)
    message = the_error(found)
    assert advice in message
    assert "leave the field out" not in message  # date_posted is required


def test_valid_through_suggestion_is_a_day_not_a_timestamp():
    _, found = posting(valid_through="January 31, 2027")
    assert the_error(found).endswith("write 2027-01-31")


# --- single rules ---


def test_duplicate_keys_are_an_error_not_the_last_one_silently():
    _, found = run("---\ntitle: A\ntitle: B\ndepartment: Data\n---\nText\n")
    assert "x.md:3: title: is written 2 times (lines 2 and 3); keep one" in messages(found)


@pytest.mark.parametrize(
    ("key", "advice"),
    [
        ("url", "for the application link write apply_url"),
        ("save_as", "to change it write slug"),
        ("template", "the site chooses the page's layout"),
        ("category", "write department"),
        ("date", "write date_posted"),
        ("author", "postings have no author"),
    ],
)
def test_reserved_pelican_keys_name_the_field_to_use(key, advice):
    _, found = posting(**{key: "x"})
    message = the_error(found)
    assert message.startswith(f"x.md:11: {key}: is reserved for the page itself; ")
    assert advice in message


def test_reserved_key_instead_of_a_required_field_is_reported_once():
    _, found = posting(department=None, category="Engineering")
    assert (
        the_error(found) == "x.md:10: category: is reserved for the page itself; write department"
    )


@pytest.mark.parametrize(
    ("key", "advice"),
    [
        ("deparment", "did you mean department?"),
        ("valid_trough", "did you mean valid_through?"),
        ("Title", "write it as title"),
        ("location", "did you mean locations?"),
        ("company", "did you mean hiring_organization?"),
        ("description", "the description is the text below the front matter"),
        ("colour", "docs/hr-guide.md lists every field"),
    ],
)
def test_unknown_fields_with_did_you_mean(key, advice):
    _, found = posting(**{key: "x"})
    message = the_error(found)
    assert message.startswith(f"x.md:11: {key}: unknown field")
    assert advice in message


def test_misnamed_required_field_is_not_also_missing():
    _, found = posting(title=None, Title="Backend Developer")
    assert the_error(found) == "x.md:10: Title: unknown field; write it as title"


def test_min_above_max():
    _, found = posting(salary="{min: 85000, max: 65000, currency: EUR, per: YEAR}")
    assert the_error(found) == "x.md:8: salary.min: 85000 is more than max 65000; swap them"
    assert found[0].rule == rules.SALARY_RANGE


def test_a_lone_min_is_not_published_as_the_salary():
    _, found = posting(salary="{min: 65000, currency: EUR, per: YEAR}")
    assert the_error(found) == (
        "x.md:8: salary.min: has no max; give both min and max (a range), or write value: "
        "65000 for one figure"
    )


def test_valid_through_before_date_posted():
    _, found = posting(valid_through="2026-10-31")
    assert the_error(found) == "x.md:4: valid_through: 2026-10-31 is before date_posted 2026-11-02"
    assert found[0].rule == rules.DATE_ORDER


def test_valid_through_on_date_posted_is_fine():
    _, found = posting(valid_through="2026-11-02")
    assert found == []


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:alert(1)", "ftp://fernhill.example/a", "data:text/html,x", "//fernhill.example/a"]
)  # fmt: skip
def test_apply_url_must_be_a_web_address(url):
    _, found = posting(apply_url=f'"{url}"')
    assert the_error(found).startswith(f'x.md:10: apply_url: "{url}" is not a web address')


def test_two_emails_ask_for_one():
    _, found = posting(apply_url=None, apply_email='"jobs@fernhill.example, hr@fernhill.example"')
    assert the_error(found).endswith("is not an email address; give one address")


def test_apply_falls_back_to_the_site_default_and_errors_without_one():
    job, found = posting(apply_url=None, ctx=context(apply_email="jobs@fernhill.example"))
    assert found == [] and job.apply_email == "jobs@fernhill.example"
    _, found = posting(apply_url=None)
    assert the_error(found) == (
        "x.md: apply_url: there is no way to apply: add apply_url (https://...) or apply_email"
    )


def test_remote_without_remote_countries():
    _, found = posting(workplace="remote", locations=None)
    assert the_error(found) == (
        "x.md:10: remote_countries: a remote posting must say where applicants may live: add "
        "remote_countries: [DE, AT] (countries or states such as US-CA)"
    )
    assert found[0].rule == rules.REMOTE


def test_remote_countries_and_states():
    job, found = posting(workplace="remote", locations=None, remote_countries="[DE, US-CA, us-ny]")
    assert found == []
    assert [(a.code, a.name, a.is_country) for a in job.remote_areas] == [
        ("DE", "Germany", True),
        ("US-CA", "California", False),
        ("US-NY", "New York", False),
    ]


def test_hybrid_is_not_remote_and_remote_countries_are_a_warning_there():
    job, found = posting(workplace="hybrid", remote_countries="[DE]")
    assert not job.is_remote and job.remote_areas == ()
    assert [p.severity.value for p in found] == ["warning"]


@pytest.mark.parametrize(
    "fields",
    [{"education": "bachelor degree"}, {"experience_months": "24"}, {}],
)
def test_experience_in_place_of_education_needs_both(fields):
    _, found = posting(experience_in_place_of_education="true", **fields)
    assert the_error(found).endswith(
        "experience_in_place_of_education: needs both education and experience_months; add "
        "them or remove this field"
    )


def test_experience_in_years_is_converted_in_the_message():
    _, found = posting(experience_months="3 years")
    assert the_error(found).endswith(
        '"3 years" is not a whole number; experience is in months: write 36'
    )


def test_no_front_matter_gives_no_field_noise():
    job, found = run("Backend Developer\n\nWe build things.\n")
    assert job is None and found == []  # the reader's "no front matter" message says it all


def test_yaml_error_gives_no_field_noise():
    job, found = run("---\ntitle: Engineer: Payments\n---\nText\n")
    assert job is None and found == []


def test_missing_recommended_fields_are_warnings():
    job, found = posting(valid_through=None, employment_type=None, salary=None, req_id=None)
    assert job is not None
    assert {p.field for p in found} == {"valid_through", "employment_type", "salary", "req_id"}
    assert all(not p.is_error and p.rule == rules.RECOMMENDED for p in found)


def test_organization_comes_from_the_site_or_the_posting():
    job, _ = posting()
    assert job.organization == ORG
    job, found = posting(hiring_organization="{name: Fernhill Health, url: https://h.example}")
    assert found == [] and job.organization.name == "Fernhill Health"
    _, found = posting(ctx=context(organization=None))
    assert the_error(found).startswith("x.md: hiring_organization: no hiring organization")


def test_description_empty_or_only_the_title():
    _, found = posting(body="")
    assert "the description is empty" in the_error(found)
    _, found = posting(body="Backend Developer")
    assert "the description only repeats the title" in the_error(found)


def test_organization_same_as_must_be_web_addresses():
    _, found = posting(
        hiring_organization="{name: Fernhill Health, same_as: [https://s.example/fh, fernhill]}"
    )
    assert the_error(found) == (
        'x.md:11: hiring_organization.same_as: "fernhill" is not a web address starting with '
        "https://"
    )
