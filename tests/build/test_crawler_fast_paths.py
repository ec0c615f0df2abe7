"""The crawler files' fast paths give the answers of the slow ways they replace.

One snapshot of a build's postings is shared by every crawler file, with each posting's address
worked out once; the sitemap dates a facet page from postings grouped by page instead of testing
every posting against every page; the Atom feeds are written side by side, each posting's entry
made once for the list's feed and its department's. Each is checked against the earlier code (kept here as the
reference) on a real build: the sample site and a generated board with closed postings.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from feedgenerator import Atom1Feed
from openings.checks import geo
from openings.core.text import slugify
from openings.outputs import feeds, outputs, sitemap
from pelican import signals
from sitebuild import ROOT, VALID_POSTING, Site, run_build

sys.path.insert(0, str(ROOT))
from bench import postings


def built_context(content, output, **overrides) -> tuple[dict, dict]:
    """Build for real; return the generators' shared context and the settings."""
    seen = {}

    def keep(generators):
        seen["context"] = generators[0].context
        seen["settings"] = generators[0].settings

    signals.all_generators_finalized.connect(keep)
    try:
        run_build(content, output, **overrides)
    finally:
        signals.all_generators_finalized.disconnect(keep)
    return seen["context"], seen["settings"]


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> tuple[dict, dict]:
    site = Site(tmp_path_factory.mktemp("samples"), with_samples=True)
    return built_context(site.content, site.output)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[dict, dict]:
    site = Site(tmp_path_factory.mktemp("generated"))
    postings.generate(site.content, 150)
    return built_context(site.content, site.output)


# An office whose key is a country's name: facets.py gives the country's page "germany-de",
# and a closed posting elsewhere in Germany, closed after the open one was posted, dates it.
GERMANY_OFFICE = """
germany:
  name: Germany Hub
  street: Jungfernstieg 1
  locality: Hamburg
  region: HH
  postal_code: "20095"
  country: DE
  timezone: Europe/Berlin
"""


# Posted in Berlin before VALID_POSTING, closed after it was posted: it dates Germany's page.
CLOSED_IN_GERMANY = (
    VALID_POSTING.replace("date_posted: 2026-11-02", "date_posted: 2026-10-01")
    .replace("Backend Developer", "Gone Developer")
    .replace("ENG-1", "ENG-2")
    .replace("---\nWe", "status: closed\nmodified: 2026-11-20\n---\nWe")
)


@pytest.fixture(scope="module")
def office_named_like_a_country(tmp_path_factory) -> tuple[dict, dict]:
    site = Site(tmp_path_factory.mktemp("clash"))
    with (site.content / "data" / "offices.yml").open("a", encoding="utf-8") as offices:
        offices.write(GERMANY_OFFICE)
    site.posting("hub.md", VALID_POSTING.replace("[berlin]", "[germany]"))
    site.posting("gone.md", CLOSED_IN_GERMANY)
    return built_context(site.content, site.output)


@pytest.fixture(params=["samples", "generated", "office_named_like_a_country"])
def build(request) -> tuple[dict, dict]:
    return request.getfixturevalue(request.param)


# --- the slow ways, as the crawler files computed them before --------------------------------


def slow_changed_on(site, department=None, matches=None):
    def listed(posting):
        if matches is not None:
            return matches(posting)
        return department in (None, posting.department)

    days = [p.lastmod for p in site.postings if listed(p.posting)]
    for posting in site.closed:
        if listed(posting):
            day = outputs.closed_on(posting, site.timezone)
            if day is not None and day <= site.today:
                days.append(day)
    return max(days, default=None)


def slow_facet_matches(facet, posting) -> bool:
    if facet.kind == "workplace":
        return posting.workplace == facet.slug
    if facet.kind == "employment":
        return facet.slug in {t.lower().replace("_", "-") for t in posting.employment_types}
    if facet.kind == "location":
        if any(place.key == facet.slug for place in posting.locations):
            return True
        names = set()
        for code in posting.countries:
            slug = slugify(geo.country_name(code))
            names |= {slug, f"{slug}-{code.lower()}"}
        return facet.group == "country" and facet.slug in names
    return False


def slow_facet_dates(site, board) -> dict[str, dt.date | None]:
    dates = {}
    for facet in board.written_pages:
        listed = {id(a) for a in facet.articles}
        open_ones = {id(item.posting) for item in site.postings if id(item.article) in listed}

        def matches(posting, facet=facet, open_ones=open_ones) -> bool:
            return id(posting) in open_ones or slow_facet_matches(facet, posting)

        dates[f"{site.siteurl}/{facet.url}"] = slow_changed_on(site, matches=matches)
    return dates


def slow_feeds(site, context, settings) -> dict[str, str]:
    """Every Atom feed as feedgenerator writes it whole, one feed after the other."""
    name = settings.get("SITENAME") or "Jobs"
    org = settings.get("JOBPOSTING_ORGANIZATION") or {}

    def render(items, title, link, feed_url, department=None) -> str:
        updated = site.midnight(site.changed_on(department) or site.today)

        class Feed(Atom1Feed):
            def latest_post_date(self):
                return updated

        feed = Feed(
            title=title, link=link, description="",
            language=settings.get("DEFAULT_LANG") or None, feed_url=feed_url,
            feed_guid=feed_url, author_name=org.get("name") or settings.get("SITENAME"),
            author_link=org.get("url"),
        )  # fmt: skip
        for item in items:
            posting = item.posting
            feed.add_item(
                title=posting.title, link=item.url, unique_id=item.url,
                description=feeds.summary(posting),
                content=item.article.get_content(site.siteurl),
                pubdate=site.midnight(posting.date_posted),
                updateddate=site.midnight(item.lastmod), categories=[posting.department],
                author_name=posting.organization.name,
            )  # fmt: skip
        out = io.StringIO()
        feed.write(out, "utf-8")
        return out.getvalue()

    everything = f"{site.siteurl}/{feeds.ALL_PATH}"
    found = {
        feeds.ALL_PATH: render(site.postings, f"{name}: open jobs", f"{site.siteurl}/", everything)
    }
    facets = {c.name for c, _ in context.get("categories", ())}
    for department in feeds.departments(site, context):
        slug = outputs.department_slug(department, settings)
        path = feeds.DEPARTMENT_PATH.format(slug=slug)
        page = settings["CATEGORY_URL"].format(slug=slug) if department in facets else ""
        items = [item for item in site.postings if item.posting.department == department]
        found[path] = render(
            items, f"{name}: {department}", f"{site.siteurl}/{page}",
            f"{site.siteurl}/{path}", department,
        )  # fmt: skip
    return found


# --- the checks ------------------------------------------------------------------------------


def test_one_snapshot_per_build_with_pelicans_addresses(build):
    context, settings = build
    site = outputs.snapshot(context, settings)
    assert outputs.snapshot(context, settings) is site  # every crawler file gets this one
    assert site.postings and all(
        item.url == f"{site.siteurl}/{item.article.url}"  # Pelican's own property, each time
        for item in (*site.postings, *site.translations)
    )
    # the build's sitemap was made from this snapshot: a new one gives the same entries
    fresh = outputs._snapshot(context[outputs.CONTEXT_KEY], context, settings)
    assert fresh is not site
    assert sitemap.entries(fresh, context, settings) == sitemap.entries(site, context, settings)


def test_department_dates_are_the_slow_ways(build):
    context, settings = build
    site = outputs.snapshot(context, settings)
    departments = {p.department for p, _ in site.changes} | {"No such department"}
    for department in (None, *sorted(departments)):
        assert site.changed_on(department) == slow_changed_on(site, department)


def test_facet_page_dates_are_the_slow_ways(build):
    context, settings = build
    site = outputs.snapshot(context, settings)
    board = context["openings"]
    fast = {entry.loc: entry.lastmod for entry in sitemap._board_facets(site, context)}
    assert fast == slow_facet_dates(site, board)
    assert len(fast) == len(board.written_pages) >= 3


def test_a_country_page_renamed_for_an_office_is_dated_by_its_closed_posting(
    office_named_like_a_country,
):
    context, settings = office_named_like_a_country
    site = outputs.snapshot(context, settings)
    fast = {entry.loc: entry.lastmod for entry in sitemap._board_facets(site, context)}
    assert fast[f"{site.siteurl}/locations/germany-de/"] == dt.date(2026, 11, 20)
    assert fast[f"{site.siteurl}/locations/germany/"] == dt.date(2026, 11, 2)


def test_a_country_page_is_dated_by_its_closed_posting_in_the_sites_language(tmp_path):
    # facets.py names country pages in DEFAULT_LANG: Germany's page is /locations/deutschland/
    # on a German site, and a posting closed there after the open one was posted dates it
    site = Site(tmp_path)
    site.posting("open.md", VALID_POSTING)
    site.posting("gone.md", CLOSED_IN_GERMANY)
    context, settings = built_context(site.content, site.output, DEFAULT_LANG="de")
    snapshot = outputs.snapshot(context, settings)
    dates = {entry.loc: entry.lastmod for entry in sitemap._board_facets(snapshot, context)}
    assert dates[f"{snapshot.siteurl}/locations/deutschland/"] == dt.date(2026, 11, 20)


def test_feeds_written_side_by_side_are_feedgenerators_whole_feeds(build):
    context, settings = build
    site = outputs.snapshot(context, settings)
    expected = slow_feeds(site, context, settings)
    assert len(expected) > 2 and any("<entry>" in text for text in expected.values())
    output = Path(settings["OUTPUT_PATH"])
    written = {
        path.relative_to(output).as_posix(): path.read_text(encoding="utf-8")
        for path in (output / "feeds").rglob("*.atom.xml")
    }
    assert written == expected


def test_the_generated_board_has_pages_dated_by_a_closed_posting(generated):
    # what makes the check above able to fail: some page's date is a closed posting's closing
    context, settings = generated
    site = outputs.snapshot(context, settings)
    board = context["openings"]
    open_only = {}
    for facet in board.written_pages:
        listed = {id(a) for a in facet.articles}
        days = [item.lastmod for item in site.postings if id(item.article) in listed]
        open_only[f"{site.siteurl}/{facet.url}"] = max(days, default=None)
    assert slow_facet_dates(site, board) != open_only
