"""A posting open to a group of countries (remote_countries: [EU]) in a real build: one line on
its card, one filter option and one facet page for the group, no page per member country, and
still listed under a member country that has a page of its own."""

from __future__ import annotations

import json

import pytest
from sitebuild import Site

EU_POSTING = """
---
title: Support Engineer
department: Customer Success
date_posted: 2026-11-02
valid_through: 2027-01-31
employment_type: Full-time
workplace: remote
remote_countries: [EU]
salary: {min: 50000, max: 60000, currency: EUR, per: YEAR}
req_id: CS-9
apply_url: https://fernhill.example/apply/cs-9
---
We help customers across Europe. You will too.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = Site(tmp_path_factory.mktemp("regions"), with_samples=True)
    built.posting("eu-remote.md", EU_POSTING)
    built.build()
    return built


def test_card_and_page_say_remote_eu_once(site):
    card = next(
        c for c in site.page("index.html").select(".card") if "Support Engineer" in c.get_text()
    )
    assert card.select_one(".where").get_text() == "Remote (EU)"
    page = site.page("jobs/eu-remote/index.html")
    assert page.select_one(".posting-head .where").get_text() == "Remote (EU)"
    members = page.select_one(".facts details.members")
    assert members.summary.get_text() == "27 countries"
    assert "Germany" in members.get_text() and "Sweden" in members.get_text()


def test_json_ld_names_every_country_of_the_group(site):
    page = site.page("jobs/eu-remote/index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert len(data["applicantLocationRequirements"]) == 27


def test_one_filter_option_and_one_page_for_the_group(site):
    index = site.page("index.html")
    options = [o["value"] for o in index.select("#f-location option")]
    assert options.count("remote-eu") == 1
    assert "belgium" not in options and "sweden" not in options
    assert (site.output / "locations/remote-eu/index.html").exists()
    assert not (site.output / "locations/belgium/index.html").exists()
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/locations/remote-eu/" in sitemap and "/locations/belgium/" not in sitemap
    titles = [
        t.get_text() for t in site.page("locations/remote-eu/index.html").select(".card .title")
    ]
    assert titles == ["Support Engineer"]


def test_listed_under_a_member_country_that_has_its_own_page(site):
    """Germany has a page for the Berlin jobs: a candidate there finds the EU job on it too."""
    titles = [
        t.get_text() for t in site.page("locations/germany/index.html").select(".card .title")
    ]
    assert "Support Engineer" in titles and "Backend Developer" in titles
    card = next(
        c for c in site.page("index.html").select(".card") if "Support Engineer" in c.get_text()
    )
    assert set(card["data-location"].split()) == {"remote-eu", "austria", "germany", "portugal"}


def test_feed_summary_says_remote_eu(site):
    feed = (site.output / "feeds/jobs.atom.xml").read_text(encoding="utf-8")
    assert "Remote (EU)" in feed and "Belgium" not in feed
