"""sitemap.xml against the sitemaps.org 0.9 schema, with only what should be indexed, each with
the content's own lastmod; robots.txt names it."""

from __future__ import annotations

import datetime as dt

import xmlschema
from crawling import FIXTURES, OPEN_URLS, read
from lxml import etree
from sitebuild import SITEURL, VALID_POSTING, Site

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema([str(FIXTURES / "sitemap.xsd"), str(FIXTURES / "xhtml-link.xsd")])


def entries(data: bytes) -> dict[str, etree._Element]:
    tree = etree.fromstring(data)
    return {url.findtext("s:loc", namespaces=NS): url for url in tree.findall("s:url", NS)}


def lastmod(url) -> str | None:
    return url.findtext("s:lastmod", namespaces=NS)


def test_sitemap_is_valid_and_lists_what_crawlers_should_index(built):
    data = read(built, "sitemap.xml")
    schema().validate(etree.fromstring(data))
    found = entries(data)
    postings = {loc for loc in found if "/jobs/" in loc}
    assert postings == OPEN_URLS
    for page in (
        "",
        "departments/engineering/",
        "about/",
        "benefits/",
        "hiring-process/",
        "equal-opportunity/",
    ):
        assert f"{SITEURL}/{page}" in found, page
    assert all(loc.startswith(f"{SITEURL}/") for loc in found)
    assert not any("/drafts/" in loc or "404" in loc for loc in found)
    # a department with only a closed posting has no page, so it is not listed
    assert f"{SITEURL}/departments/people-operations/" not in found


def test_lastmod_is_the_content_date(built):
    found = entries(read(built, "sitemap.xml"))
    assert lastmod(found[f"{SITEURL}/jobs/backend-developer/"]) == "2026-11-02"
    assert lastmod(found[f"{SITEURL}/jobs/werkstudent-frontend/de/"]) == "2026-11-23"
    # a list page changed when its newest posting appeared
    assert lastmod(found[f"{SITEURL}/"]) == "2026-11-23"
    assert lastmod(found[f"{SITEURL}/departments/product-design/"]) == "2026-10-21"
    # nothing is dated after "today" (the clock plays no part)
    for url in found.values():
        if lastmod(url):
            assert dt.date.fromisoformat(lastmod(url)) <= dt.date(2026, 11, 28)


def test_schema_rejects_what_the_sitemap_must_never_contain():
    """The shipped XSD is strict enough to fail: relative loc, bad date, a misspelt hreflang link."""
    good = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://careers.example/</loc>'
        "<lastmod>2026-11-02</lastmod>{extra}</url></urlset>"
    )
    link = '<xhtml:link rel="alternate" hreflang="de" {attr}="https://careers.example/de/"/>'
    checker = schema()
    assert checker.is_valid(good.format(extra=link.format(attr="href")))
    assert not checker.is_valid(good.format(extra=link.format(attr="ref")))
    assert not checker.is_valid(good.replace("https://careers.example/", "/jobs/"))
    assert not checker.is_valid(good.replace("2026-11-02", "11/02/2026").format(extra=""))


def test_robots_txt_names_the_sitemap(built):
    lines = read(built, "robots.txt").decode().splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITEURL}/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow: " for line in lines)


def test_modified_and_translations(site: Site):
    """`modified` moves lastmod; a translated posting lists each language version (hreflang)."""
    site.posting(
        "backend-developer.md",
        VALID_POSTING.replace("req_id: ENG-1", "req_id: ENG-1\nmodified: 2026-11-20"),
    )
    german = VALID_POSTING.replace("title: Backend Developer", "title: Backend-Entwickler*in")
    german = german.replace("req_id: ENG-1", "req_id: ENG-1\nlang: de\nslug: backend-developer")
    site.posting("backend-developer-de.md", german)
    site.build()
    data = (site.output / "sitemap.xml").read_bytes()
    schema().validate(etree.fromstring(data))
    found = entries(data)
    english = found[f"{SITEURL}/jobs/backend-developer/"]
    assert lastmod(english) == "2026-11-20"
    assert lastmod(found[f"{SITEURL}/"]) == "2026-11-20"
    links = {(link.get("hreflang"), link.get("href")) for link in english.findall("x:link", NS)}
    assert links == {
        ("en", f"{SITEURL}/jobs/backend-developer/"),
        ("de", f"{SITEURL}/jobs/backend-developer/de/"),
        ("x-default", f"{SITEURL}/jobs/backend-developer/"),
    }
    german_entry = found[f"{SITEURL}/jobs/backend-developer/de/"]
    assert {link.get("hreflang") for link in german_entry.findall("x:link", NS)} == {
        "en",
        "de",
        "x-default",
    }
    # one job, two pages: the feeds list it once
    import json

    jobs = json.loads((site.output / "jobs.json").read_text())["jobs"]
    assert [job["url"] for job in jobs] == [f"{SITEURL}/jobs/backend-developer/"]
