"""Expiry on a static host: the build on the day after valid_through takes the posting out of the
sitemap, every feed and its JSON-LD at once, and gives its page noindex; until then the open page
carries unavailable_after so search engines drop it even without a rebuild."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from sitebuild import SITEURL, VALID_POSTING

EXPIRING = VALID_POSTING.replace("title: Backend Developer", "title: Site Reliability Engineer")
EXPIRING = EXPIRING.replace("valid_through: 2027-01-31", "valid_through: 2026-11-27")
EXPIRING = EXPIRING.replace("ENG-1", "ENG-2")
URL = f"{SITEURL}/jobs/site-reliability-engineer/"
CRAWLER_FILES = (
    "sitemap.xml",
    "jobs.json",
    "feeds/jobs.atom.xml",
    "feeds/indeed.xml",
    "feeds/departments/engineering.atom.xml",
)


def page(site):
    return BeautifulSoup(
        (site.output / "jobs/site-reliability-engineer/index.html").read_text(), "html.parser"
    )


def test_the_last_open_day_and_the_day_after(site):
    site.posting("backend-developer.md", VALID_POSTING)
    site.posting("site-reliability-engineer.md", EXPIRING)

    site.build(JOBPOSTING_TODAY="2026-11-27")  # its last day: open everywhere
    for path in CRAWLER_FILES:
        assert URL in (site.output / path).read_text(), path
    soup = page(site)
    robots = soup.find("meta", attrs={"name": "robots"})["content"]
    assert robots == "unavailable_after: 2026-11-27T23:59:59+01:00"
    [block] = soup.find_all("script", type="application/ld+json")
    assert json.loads(block.string)["validThrough"] == "2026-11-27T23:59:59+01:00"

    site.build(JOBPOSTING_TODAY="2026-11-28")  # the next day's build: gone from all of them
    for path in CRAWLER_FILES:
        assert URL not in (site.output / path).read_text(), path
    assert f"{SITEURL}/jobs/backend-developer/" in (site.output / "sitemap.xml").read_text()
    soup = page(site)  # the page stays at its address, for links people saved
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.find_all("script", type="application/ld+json") == []
    # the list pages changed that day: lastmod says so
    sitemap = (site.output / "sitemap.xml").read_text()
    assert "<loc>https://careers.example/</loc>\n    <lastmod>2026-11-28</lastmod>" in sitemap


def test_open_postings_without_valid_through_have_no_unavailable_after(site):
    site.posting("backend-developer.md", VALID_POSTING.replace("valid_through: 2027-01-31\n", ""))
    site.build()
    soup = BeautifulSoup(
        (site.output / "jobs/backend-developer/index.html").read_text(), "html.parser"
    )
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is None or "unavailable_after" not in robots["content"]
    assert "expiresDate" not in json.loads((site.output / "jobs.json").read_text())["jobs"][0]
