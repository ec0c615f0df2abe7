"""sitemap.xml against the sitemaps.org 0.9 schema, with only what should be indexed, each with
the content's own lastmod; robots.txt names it."""

from __future__ import annotations

import datetime as dt

import xmlschema
from crawling import FIXTURES, OPEN_URLS, read
from lxml import etree
from openings.outputs import sitemap
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


# --- a board past the sitemaps protocol's limits: sitemap.xml is an index of sitemap files ---


def index_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(FIXTURES / "siteindex.xsd"))


def sitemaps_named(site: Site) -> list[str]:
    """The address of each sitemap the index at sitemap.xml names, the index validated."""
    tree = etree.fromstring((site.output / "sitemap.xml").read_bytes())
    index_schema().validate(tree)
    # no lastmod: a file's addresses shift when a posting before them comes or goes, so no
    # content date says when the file changed
    assert tree.find("s:sitemap/s:lastmod", NS) is None
    return [item.findtext("s:loc", namespaces=NS) for item in tree.findall("s:sitemap", NS)]


def described(url) -> tuple:
    links = sorted((link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS))
    return lastmod(url), links


def test_a_sitemap_past_the_address_limit_is_split_under_an_index(tmp_path, monkeypatch):
    site = Site(tmp_path / "one", with_samples=True)
    site.build()
    whole = (site.output / "sitemap.xml").read_bytes()
    in_one_file = list(entries(whole))

    monkeypatch.setattr(sitemap, "MAX_URLS", 5)  # the protocol's 50,000, made small
    split_site = Site(tmp_path / "split", with_samples=True)
    split_site.build()
    named = sitemaps_named(split_site)
    assert named == [f"{SITEURL}/sitemap-{n}.xml" for n in range(1, len(named) + 1)]
    assert len(named) == -(-len(in_one_file) // 5)  # as few files as the limit allows
    listed = []
    for loc in named:
        data = (split_site.output / loc.removeprefix(f"{SITEURL}/")).read_bytes()
        schema().validate(etree.fromstring(data))
        found = entries(data)
        assert 1 <= len(found) <= 5
        listed += list(found)
        for address, url in found.items():  # each address with what it has in one file
            assert described(url) == described(entries(whole)[address])
    assert listed == in_one_file  # every address once, in the same order
    robots = (split_site.output / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots  # the index: what was submitted stays


def test_a_sitemap_past_the_size_limit_is_split_under_an_index(tmp_path, monkeypatch):
    monkeypatch.setattr(sitemap, "MAX_BYTES", 2_000)  # the protocol's 50 MB, made small
    site = Site(tmp_path, with_samples=True)
    site.build()
    named = sitemaps_named(site)
    assert len(named) > 1
    for loc in named:
        data = (site.output / loc.removeprefix(f"{SITEURL}/")).read_bytes()
        assert len(data) <= 2_000
        schema().validate(etree.fromstring(data))


def test_the_split_at_the_protocols_own_limits():
    day = dt.date(2026, 11, 2)
    found = [sitemap.Entry(f"https://careers.example/jobs/job-{n:05}/", day) for n in range(50_001)]
    files = sitemap.split(found)
    assert [data.count(b"<url>") for data in files] == [50_000, 1]
    assert sitemap.split(found[:50_000]) == [sitemap.render(found[:50_000])]
    # long addresses: the 50 MB limit comes first
    long = [
        sitemap.Entry(f"https://careers.example/{'x' * 2_000}/{n}/", day) for n in range(30_000)
    ]
    files = sitemap.split(long)
    assert len(files) == 2
    assert all(len(data) <= 50 * 1024 * 1024 for data in files)
    assert sum(data.count(b"<url>") for data in files) == 30_000


def test_a_sitemap_exactly_at_the_size_limit_stays_one_file():
    day = dt.date(2026, 11, 2)
    plain = [sitemap.Entry(f"https://careers.example/jobs/job-{n}/", day) for n in range(20)]
    linked = [
        *plain[:10],
        sitemap.Entry("https://careers.example/de/", day, (("de", "https://careers.example/de/"),)),
    ]
    for found in (plain, linked):  # the file's head is longer with language links
        whole = sitemap.render(found)
        assert sitemap.split(found, max_bytes=len(whole)) == [whole]
        parts = sitemap.split(found, max_bytes=len(whole) - 1)
        assert len(parts) == 2 and all(len(data) < len(whole) for data in parts)
        for data in parts:
            schema().validate(etree.fromstring(data))
