"""Nothing invented: what the source does not say is a TODO, never a guess that looks like a fact."""

from __future__ import annotations

import datetime as dt

import pytest
from openings.core.model import Address
from openings.importers.draft import Draft
from openings.importers.mapper import TargetSite
from openings.importers.mapping import map_draft
from sitebuild import TODAY

_OFFICES = {
    "berlin": Address(name="Berlin", locality="Berlin", country="DE", street="Torstraße 109"),
    "london": Address(name="London", locality="London", country="GB", postal_code="EC4M 9BE"),
}


def _mapped(title="Engineer", body="Build things.", organization=None, **fields):
    site = TargetSite(today=dt.date.fromisoformat(TODAY), timezone=dt.UTC, offices=_OFFICES,
                organization=organization)  # fmt: skip
    draft = Draft(origin="test", key="test:1", title=title, body=body, fields=fields)
    return {e.name: e for e in map_draft(draft, site)}


@pytest.mark.parametrize(
    ("title", "body", "fields"),
    [
        ("Engineer", "", {"archived": True}),
        ("Engineer", "", {"state": "closed"}),
        ("Engineer", "", {"status": "solved"}),
        ("Engineer [closed]", "", {}),
        ("Engineer", "**This position has been filled.**\n\nWe were looking for...", {}),
        ("Engineer", "", {"filled": "yes", "closes": "2030-01-31"}),
    ],
)
def test_a_source_that_says_it_is_closed_imports_closed(title, body, fields):
    entries = _mapped(title=title, body=body, **fields)
    assert entries["status"].value == "closed"
    assert "says it is closed" in entries["status"].comment


def test_no_status_and_no_end_date_is_a_draft_with_a_todo_not_open():
    entries = _mapped(date="2016-05-27")
    assert entries["status"].value == "draft" and entries["status"].todo
    assert "write status: open and a valid_through date" in entries["status"].comment


def test_an_end_date_without_a_status_is_open():
    assert _mapped(closes="2027-01-31")["status"].value == "open"


def test_a_date_the_source_does_not_give_is_a_todo_not_today():
    entry = _mapped()["date_posted"]
    assert entry.value is None and entry.todo
    assert "YYYY-MM-DD" in entry.comment


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("London, UK", ["london"]),
        ("Berlin, Germany", ["berlin"]),
        ("London, Ontario, Canada", [{"locality": "London", "region": "ON", "country": "CA"}]),
        (
            "Berlin/Bonn/Munich",
            [{"locality": "Berlin"}, {"locality": "Bonn"}, {"locality": "Munich"}],
        ),
        ("SW1A 1AA London", [{"locality": "SW1A 1AA London"}]),
    ],
)
def test_an_office_only_when_city_and_country_are_the_same(location, expected):
    entry = _mapped(location=location)["locations"]
    assert entry.value == expected
    if any(isinstance(v, dict) and "country" not in v for v in expected):
        assert entry.todo and "no country: add country:" in entry.comment


def test_the_sites_employer_only_when_the_source_names_none_or_the_same():
    assert "hiring_organization" not in _mapped(organization="Fernhill Labs")
    same = _mapped(organization="Fernhill Labs", company="fernhill labs")
    assert "hiring_organization" not in same
    other = _mapped(organization="Fernhill Labs", company="Equity Forward")
    assert other["hiring_organization"].value == {"name": "Equity Forward"}


def test_fields_with_no_place_here_are_kept_as_comments_not_fields():
    entries = _mapped(b_benefits=["Remote", "Training"], visa="NO", layout="job")
    assert not any(name.startswith("imported_") for name in entries)
    (kept,) = [e for n, e in entries.items() if not n]
    assert kept.value == "b_benefits: [Remote, Training]\nvisa: NO"


@pytest.mark.parametrize(
    ("fields", "body", "expected"),
    [
        ({"contact": {"name": "Ana", "email": "jobs@example.org"}}, "", ("apply_email", "jobs@example.org")),
        ({"how_to_apply": "Send your CV to jobs@example.org by Friday."}, "", ("apply_email", "jobs@example.org")),
        ({"source_url": "https://example.org/jobs/12"}, "", ("apply_url", "https://example.org/jobs/12")),
        ({"url": "https://boards.example.com/acme/4"}, "", ("apply_url", "https://boards.example.com/acme/4")),
        ({}, "Like it? [Apply now](https://ats.example.com/j/7) or write to us.", ("apply_url", "https://ats.example.com/j/7")),
        ({}, "[Jetzt bewerben](mailto:karriere@example.de)", ("apply_email", "karriere@example.de")),
    ],
)  # fmt: skip
def test_apply_links_and_addresses_from_common_fields_and_the_text(fields, body, expected):
    from openings.importers.bodyfacts import apply_links

    site = TargetSite(today=dt.date.fromisoformat(TODAY), timezone=dt.UTC)
    draft = Draft(origin="t", key="t:1", title="Engineer", body=body, fields=fields)
    draft.apply_links = apply_links(body)
    entries = {e.name: e for e in map_draft(draft, site)}
    assert entries[expected[0]].value == expected[1]


def test_a_site_relative_url_is_the_old_page_not_an_apply_link():
    assert "apply_url" not in _mapped(url="/jobs/engineer/")


def test_tags_written_as_one_line_are_split():
    assert _mapped(tags="python, django;  remote")["tags"].value == ["python", "django", "remote"]


def test_vacancy_counts_and_ids_are_mapped():
    entries = _mapped(vacancies="3", job_code="ENG-7")
    assert entries["openings"].value == 3 and entries["req_id"].value == "ENG-7"


def _from_text(body, **fields):
    from openings.importers.bodyfacts import facts

    site = TargetSite(today=dt.date.fromisoformat(TODAY), timezone=dt.UTC, offices=_OFFICES)
    draft = Draft(origin="t", key="t:1", title="Engineer", body=body, fields=fields)
    draft.text_facts = facts(body)
    return {e.name: e for e in map_draft(draft, site)}, draft


def test_labelled_lines_are_proposed_with_a_comment_and_the_text_is_unchanged():
    body = (
        "About us.\n\n**Salary:** $70k - $75k per year\n- Location: London, UK\n"
        "Closing date: November 15, 2021 at 11:59 pm EDT\n"
    )
    entries, draft = _from_text(body)
    assert entries["salary"].value == {"min": 70000, "max": 75000, "currency": "USD", "per": "YEAR"}
    assert entries["locations"].value == ["london"]
    assert entries["valid_through"].value == dt.date(2021, 11, 15)
    for name in ("salary", "locations", "valid_through"):
        assert entries[name].todo and entries[name].comment.startswith("read from the text (")
        assert "check it" in entries[name].comment
    assert draft.body == body


@pytest.mark.parametrize(
    ("body", "salary"),
    [
        ("We pay $60K - $100K depending on experience.", {"min": 60000, "max": 100000, "currency": "USD"}),
        ("Salaris: €3.250 - €4.675 bruto p/m", {"min": 3250, "max": 4675, "currency": "EUR", "per": "MONTH"}),
        ("Pay is $25 per hour.", {"value": 25, "currency": "USD", "per": "HOUR"}),
    ],
)  # fmt: skip
def test_common_pay_ranges_in_the_text_are_proposed(body, salary):
    assert _from_text(body)[0]["salary"].value == salary


def test_two_different_pay_figures_are_left_to_hr():
    assert "salary" not in _from_text("Junior $40K - $50K, senior $70K - $90K.")[0]


def test_the_front_matter_wins_over_the_text():
    entries, _ = _from_text("Salary: $1 - $2 per hour", salary="$60K - $70K per year")
    assert entries["salary"].value["min"] == 60000 and not entries["salary"].todo


def test_an_open_flag_says_open_or_closed():
    assert _mapped(open=False)["status"].value == "closed"
    assert _mapped(open=True)["status"].value == "open"


def test_a_deadline_written_as_a_sentence_is_kept_for_the_text_not_a_field():
    entries = _mapped(deadline="We review applications on a rolling basis until the role is filled")
    assert "valid_through" not in entries and not any(n.startswith("imported_") for n in entries)
    assert "deadline: We review applications" in entries[""].value


def test_a_dollar_is_us_dollars_unless_the_job_is_in_another_dollar_country():
    us = _mapped(salary="$60K - $100K per year", location="Denver, CO")["salary"]
    assert us.value["currency"] == "USD" and not us.todo
    canada = _mapped(salary="$60K - $100K per year", location="Toronto, Ontario, Canada")["salary"]
    assert canada.value["currency"] == "USD" and canada.todo
    assert 'the source writes "$" and the job is in CA' in canada.comment
    stated = _mapped(salary="US$60K - US$100K per year", location="Toronto, Ontario, Canada")
    assert not stated["salary"].todo
