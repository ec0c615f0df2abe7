"""Nothing invented: what the source does not say is a TODO, never a guess that looks like a fact."""

from __future__ import annotations

import datetime as dt

import pytest
from jobposting.importers.draft import Draft
from jobposting.importers.mapping import Site, map_draft
from jobposting.model import Address
from sitebuild import TODAY

_OFFICES = {
    "berlin": Address(name="Berlin", locality="Berlin", country="DE", street="Torstraße 109"),
    "london": Address(name="London", locality="London", country="GB", postal_code="EC4M 9BE"),
}


def _mapped(title="Engineer", body="Build things.", organization=None, **fields):
    site = Site(today=dt.date.fromisoformat(TODAY), timezone=dt.UTC, offices=_OFFICES,
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
        assert entry.todo and "names no country" in entry.comment


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
    from jobposting.importers.text import apply_links

    site = Site(today=dt.date.fromisoformat(TODAY), timezone=dt.UTC)
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
