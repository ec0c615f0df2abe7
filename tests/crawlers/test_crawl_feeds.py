"""The feeds read by real parsers: Atom (feedparser), Indeed's XML (lxml), jobs.json (json).
Each lists exactly the open postings, with absolute URLs on SITEURL and the content's dates."""

from __future__ import annotations

import json

import feedparser
import pytest
from crawling import NOT_OPEN_SLUGS, OPEN_URLS, read
from lxml import etree
from openings.config import settings
from openings.core.problems import BuildFailed
from sitebuild import SITEURL, Site

# Per department, the open postings' URLs (Engineering has two jobs and the German-only one).
BY_DEPARTMENT = {
    "engineering": {"backend-developer/", "staff-platform-engineer/", "werkstudent-frontend/de/"},
    "product-design": {"product-designer/"},
    "customer-success": {"customer-support-specialist/", "solutions-engineer/"},
    "data": {"data-science-intern/"},
    "people-operations": set(),  # only a closed posting: the feed stays, empty
}


def parse_atom(data: bytes):
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_atom_feed_lists_exactly_the_open_postings(built):
    feed = parse_atom(read(built, "feeds/jobs.atom.xml"))
    links = [entry.link for entry in feed.entries]
    assert sorted(links) == sorted(OPEN_URLS)
    assert feed.feed.link == f"{SITEURL}/"
    assert any(
        link.href == f"{SITEURL}/feeds/jobs.atom.xml" and link.rel == "self"
        for link in feed.feed.links
    )
    # newest first, dates are the postings' own (no clock)
    posted = [entry.published[:10] for entry in feed.entries]
    assert posted == sorted(posted, reverse=True)
    assert feed.feed.updated.startswith("2026-11-23")  # the newest posting
    backend = next(e for e in feed.entries if e.link.endswith("/backend-developer/"))
    assert backend.published.startswith("2026-11-02")
    assert backend.id == backend.link
    assert "Berlin" in backend.summary and "€65,000" in backend.summary
    assert "Back-end Developer" in backend.content[0].value
    assert [t.term for t in backend.tags] == ["Engineering"]


@pytest.mark.parametrize("slug", sorted(BY_DEPARTMENT))
def test_department_feeds(built, slug):
    feed = parse_atom(read(built, f"feeds/departments/{slug}.atom.xml"))
    expected = {f"{SITEURL}/jobs/{tail}" for tail in BY_DEPARTMENT[slug]}
    assert {entry.link for entry in feed.entries} == expected
    for entry in feed.entries:
        assert entry.link in OPEN_URLS


def test_each_feed_lists_its_newest_postings_up_to_the_setting(built, tmp_path):
    """JOBPOSTING_FEED_MAX_ITEMS: the newest postings of each feed, the same entries as in the
    whole feed; jobs.json and the Indeed feed still list every open posting."""
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_FEED_MAX_ITEMS=2)
    for path in [
        "feeds/jobs.atom.xml",
        *(f"feeds/departments/{s}.atom.xml" for s in BY_DEPARTMENT),
    ]:
        whole = parse_atom(read(built, path))
        capped = parse_atom(read(site, path))
        assert [e.link for e in capped.entries] == [e.link for e in whole.entries][:2], path
        assert [e.content[0].value for e in capped.entries] == [
            e.content[0].value for e in whole.entries[:2]
        ]
        assert capped.feed.updated == whole.feed.updated  # the day its list last changed
    assert len(parse_atom(read(site, "feeds/jobs.atom.xml")).entries) == 2 < len(OPEN_URLS)
    assert len(parse_atom(read(site, "feeds/departments/engineering.atom.xml")).entries) == 2
    assert {job["url"] for job in json.loads(read(site, "jobs.json"))["jobs"]} == OPEN_URLS
    assert read(site, "feeds/indeed.xml") == read(built, "feeds/indeed.xml")


def test_the_default_feed_length_is_a_hundred_and_none_lists_every_posting(built, tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_FEED_MAX_ITEMS=None)
    for path in [
        "feeds/jobs.atom.xml",
        *(f"feeds/departments/{s}.atom.xml" for s in BY_DEPARTMENT),
    ]:
        assert read(site, path) == read(built, path)  # the sample's 7 are under 100 anyway
    assert settings.DEFAULTS["JOBPOSTING_FEED_MAX_ITEMS"] == 100


@pytest.mark.parametrize("value", [0, -1, "100", 2.5, True])
def test_a_wrong_feed_length_is_named(tmp_path, capsys, value):
    with pytest.raises(BuildFailed):
        Site(tmp_path, with_samples=True).build(JOBPOSTING_FEED_MAX_ITEMS=value)
    assert "JOBPOSTING_FEED_MAX_ITEMS must be None" in capsys.readouterr().err


def test_every_url_in_the_feeds_is_absolute_on_siteurl(built):
    for path in [
        "feeds/jobs.atom.xml",
        *(f"feeds/departments/{s}.atom.xml" for s in BY_DEPARTMENT),
    ]:
        tree = etree.fromstring(read(built, path))
        for element in tree.iter("{http://www.w3.org/2005/Atom}link"):
            assert element.get("href").startswith(f"{SITEURL}/"), (path, element.get("href"))


def test_jobs_json_follows_the_specification(built):
    data = json.loads(read(built, "jobs.json"))
    assert data["version"] == "1.0"
    assert data["company"] == {
        "name": "Fernhill Labs",
        "url": "https://fernhill.example",
        "logo": "https://fernhill.example/logo.png",
    }
    jobs = data["jobs"]
    assert {job["url"] for job in jobs} == OPEN_URLS
    assert len({job["id"] for job in jobs}) == len(jobs)  # ids unique
    for job in jobs:
        assert set(job) >= {"id", "title", "url", "postedDate"}
        assert not ("location" in job and "locations" in job)
        assert job["url"].startswith(f"{SITEURL}/")
        if "employmentType" in job:
            assert job["employmentType"] in {
                "FULL_TIME",
                "PART_TIME",
                "CONTRACT",
                "TEMPORARY",
                "INTERN",
                "VOLUNTEER",
                "PER_DIEM",
                "OTHER",
            }
        pay = job.get("compensation")
        if pay:
            assert pay["period"] in {"YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"}
            assert pay["min"] <= pay["max"]
        assert all(
            key
            in {
                "id",
                "title",
                "url",
                "department",
                "description",
                "location",
                "locations",
                "employmentType",
                "otherEmploymentTypes",
                "postedDate",
                "expiresDate",
                "compensation",
            }
            or key.startswith("x-")
            for key in job
        )
    by_id = {job["id"]: job for job in jobs}
    backend = by_id["backend-developer"]
    assert backend["location"] == {
        "city": "Berlin",
        "state": "BE",
        "country": "DE",
        "remote": False,
    }
    assert backend["compensation"] == {
        "currency": "EUR",
        "min": 65000,
        "max": 85000,
        "period": "YEARLY",
    }
    assert backend["expiresDate"] == "2027-01-31T23:59:59+01:00"
    remote = by_id["solutions-engineer"]
    assert [place["state"] for place in remote["locations"]] == ["CO", "NY", "CA"]
    assert all(place["remote"] for place in remote["locations"])
    designer = by_id["product-designer"]
    assert designer["employmentType"] == "FULL_TIME"
    assert designer["otherEmploymentTypes"] == ["PART_TIME"]
    assert len(designer["locations"]) == 2
    assert data["lastUpdated"].startswith("2026-11-23")


def text_of(job, name):
    element = job.find(name)
    return None if element is None else element.text


def test_indeed_feed_parses_and_lists_each_open_job_and_place(built):
    tree = etree.fromstring(read(built, "feeds/indeed.xml"))
    assert tree.tag == "source"
    assert text_of(tree, "publisher") == "Fernhill Labs"
    jobs = tree.findall("job")
    assert {text_of(job, "url") for job in jobs} == OPEN_URLS
    references = [text_of(job, "referencenumber") for job in jobs]
    assert len(set(references)) == len(references)  # unique per job and place
    designer = [job for job in jobs if text_of(job, "url").endswith("/product-designer/")]
    assert sorted(text_of(job, "city") for job in designer) == ["Lisboa", "London"]
    for job in jobs:
        for required in (
            "title",
            "date",
            "referencenumber",
            "url",
            "company",
            "country",
            "description",
        ):
            assert text_of(job, required), required
    backend = next(job for job in jobs if text_of(job, "url").endswith("/backend-developer/"))
    assert text_of(backend, "date") == "2026-11-02"  # the date the page shows
    assert text_of(backend, "jobtype") == "fulltime"
    assert text_of(backend, "postalcode")
    assert "65,000" in text_of(backend, "salary")
    assert text_of(backend, "requisitionid") == "ENG-101"
    remote = [job for job in jobs if text_of(job, "url").endswith("/solutions-engineer/")]
    assert {text_of(job, "state") for job in remote} == {"CO", "NY", "CA"}
    assert {text_of(job, "remotetype") for job in remote} == {"Fully remote"}
    raw = read(built, "feeds/indeed.xml").decode()
    assert "<title><![CDATA[" in raw  # job content in CDATA sections, as Indeed asks


def test_nothing_closed_draft_or_scheduled_in_any_feed(built):
    for path in (
        "feeds/jobs.atom.xml",
        "feeds/indeed.xml",
        "jobs.json",
        "sitemap.xml",
        *(f"feeds/departments/{s}.atom.xml" for s in BY_DEPARTMENT),
    ):
        text = read(built, path).decode()
        for slug in NOT_OPEN_SLUGS:
            assert f"/jobs/{slug}/" not in text, (path, slug)
