"""The crawler files' shared snapshot of a build's postings, and the dates it gives them.

One snapshot is shared by every crawler file of a build, with each posting's address worked
out once; a department's date and a facet page's date in the sitemap come from it. The files
themselves are read by real parsers in tests/crawlers/; here, the snapshot against Pelican's
own addresses, and the dates on small boards whose answer is known.
"""

from __future__ import annotations

import datetime as dt

import pytest
from openings.outputs import outputs, sitemap
from pelican import signals
from sitebuild import VALID_POSTING, Site, run_build


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


@pytest.fixture(params=["samples", "office_named_like_a_country"])
def build(request) -> tuple[dict, dict]:
    return request.getfixturevalue(request.param)


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


def test_a_departments_date_is_its_newest_change(tmp_path):
    # Engineering: an open posting of 2 November, and one closed on 20 November; Data: one
    # open posting of 5 November
    site = Site(tmp_path)
    site.posting("open.md", VALID_POSTING)
    site.posting("gone.md", CLOSED_IN_GERMANY)
    site.posting(
        "data.md",
        VALID_POSTING.replace("Backend Developer", "Data Analyst")
        .replace("department: Engineering", "department: Data")
        .replace("2026-11-02", "2026-11-05")
        .replace("ENG-1", "DAT-1"),
    )
    context, settings = built_context(site.content, site.output)
    snapshot = outputs.snapshot(context, settings)
    assert snapshot.changed_on("Engineering") == dt.date(2026, 11, 20)  # the closing
    assert snapshot.changed_on("Data") == dt.date(2026, 11, 5)
    assert snapshot.changed_on(None) == dt.date(2026, 11, 20)  # the whole board
    assert snapshot.changed_on("No such department") is None


def test_every_facet_page_has_a_date_in_the_sitemap(build):
    context, settings = build
    site = outputs.snapshot(context, settings)
    board = context["openings"]
    dates = {entry.loc: entry.lastmod for entry in sitemap._board_facets(site, context)}
    assert set(dates) == {f"{site.siteurl}/{facet.url}" for facet in board.written_pages}
    assert len(dates) >= 3 and all(isinstance(day, dt.date) for day in dates.values())


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
