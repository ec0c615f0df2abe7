"""Facet pages: generated from open postings only, one per department, office, country,
workplace and employment type, linked from the list; the cards carry the same slugs."""

from __future__ import annotations

import pytest
from sitebuild import VALID_POSTING, Site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("facets"), with_samples=True)
    site.build(JOBPOSTING_SEARCH=False)
    return site


def titles(page) -> list[str]:
    return sorted(h.get_text(strip=True) for h in page.select(".card .title"))


EXPECTED = {
    "departments/engineering/index.html": [
        "Backend Developer",
        "Staff Platform Engineer",
        "Werkstudent*in Frontend-Entwicklung",
    ],
    "departments/customer-success/index.html": [
        "Customer Support Specialist",
        "Solutions Engineer",
    ],
    "locations/berlin/index.html": ["Backend Developer", "Werkstudent*in Frontend-Entwicklung"],
    "locations/lisbon/index.html": ["Product Designer"],
    # a country: its offices' postings and the remote postings open to it
    "locations/germany/index.html": [
        "Backend Developer",
        "Staff Platform Engineer",
        "Werkstudent*in Frontend-Entwicklung",
    ],
    "locations/united-states/index.html": [
        "Customer Support Specialist",
        "Data Science Intern",
        "Solutions Engineer",
    ],
    "remote/index.html": ["Solutions Engineer", "Staff Platform Engineer"],
    "workplace/onsite/index.html": ["Customer Support Specialist"],
    "workplace/hybrid/index.html": [
        "Backend Developer",
        "Data Science Intern",
        "Product Designer",
        "Werkstudent*in Frontend-Entwicklung",
    ],
    "employment/intern/index.html": ["Data Science Intern"],
    "employment/part-time/index.html": [
        "Customer Support Specialist",
        "Product Designer",
        "Werkstudent*in Frontend-Entwicklung",
    ],
}


@pytest.mark.parametrize("relative", EXPECTED)
def test_facet_page_lists_exactly_its_open_postings(built, relative):
    page = built.page(relative)
    assert titles(page) == EXPECTED[relative]
    assert len(page.find_all("h1")) == 1
    count = page.select_one(".count strong").get_text()
    assert (
        count == f"{len(EXPECTED[relative])} open job{'s' if len(EXPECTED[relative]) != 1 else ''}"
    )
    assert page.find("link", rel="canonical")["href"].endswith("/" + relative[: -len("index.html")])
    assert not page.find_all("script", type="application/ld+json")


def test_closed_draft_and_scheduled_postings_make_no_facets(built):
    # People & Operations has only the closed Office Manager; the draft is in Porto.
    assert not (built.output / "departments" / "people-operations").exists()
    assert not (built.output / "locations" / "porto").exists()
    assert not (built.output / "workplace" / "remote").exists()  # remote lives at /remote/
    for relative in EXPECTED:
        text = built.page(relative).get_text()
        for hidden in ("Office Manager", "Senior Data Engineer", "Engineering Manager"):
            assert hidden not in text, (relative, hidden)


def test_department_page_shows_the_blurb_and_its_feed(built):
    page = built.page("departments/engineering/index.html")
    assert "Small teams own their services" in page.select_one(".lead").get_text()
    feed = page.find("link", type="application/atom+xml", href=lambda h: "departments" in h)
    assert feed["href"].endswith("feeds/departments/engineering.atom.xml")


def test_list_links_every_facet_page_and_every_link_resolves(built):
    page = built.page("index.html")
    links = [a["href"] for a in page.select("#browse a")]
    assert len(links) == 4 + 10 + 3 + 3  # departments, places, workplaces, employment types
    for href in links:
        assert (built.output / href.lstrip("./") / "index.html").exists(), href


def test_cards_carry_the_facet_slugs_the_filters_offer(built):
    page = built.page("index.html")
    card = page.find("a", string="Product Designer").find_parent("li")
    assert card["data-department"] == "product-design"
    assert card["data-location"].split() == ["london", "lisbon", "united-kingdom", "portugal"]
    assert card["data-workplace"] == "hybrid"
    assert card["data-employment"].split() == ["full-time", "part-time"]
    for kind in ("department", "location", "workplace", "employment"):
        offered = {o["value"] for o in page.select(f"#f-{kind} option") if o["value"]}
        used = {slug for c in page.select(".card") for slug in c[f"data-{kind}"].split()}
        assert offered == used, kind


def test_locations_order_offices_first_in_offices_yml_order(built):
    options = [o.get_text() for o in built.page("index.html").select("#f-location option")]
    assert options[:6] == ["All", "Berlin", "London", "Denver", "New York City", "Lisbon"]
    assert options[6:] == ["Austria", "Germany", "Portugal", "United Kingdom", "United States"]


def test_facet_urls_follow_the_setting(tmp_path):
    site = Site(tmp_path)
    site.posting("backend-developer.md", VALID_POSTING)
    site.build(
        JOBPOSTING_SEARCH=False,
        JOBPOSTING_FACET_URLS={
            "location": "where/{slug}/",
            "workplace": "how/{slug}/",
            "remote": "anywhere/",
            "employment": "type/{slug}/",
        },
    )
    assert (site.output / "where" / "berlin" / "index.html").exists()
    assert (site.output / "how" / "onsite" / "index.html").exists()
    assert (site.output / "type" / "full-time" / "index.html").exists()
    assert not (site.output / "locations").exists()


def test_a_facet_disappears_when_its_last_posting_closes(tmp_path):
    site = Site(tmp_path)
    site.posting("backend-developer.md", VALID_POSTING)
    site.posting(
        "closed.md",
        VALID_POSTING.replace("locations: [berlin]", "locations: [lisbon]")
        .replace("req_id: ENG-1", "req_id: ENG-2")
        .replace("valid_through: 2027-01-31", "status: closed"),
    )
    site.build(JOBPOSTING_SEARCH=False)
    assert (site.output / "locations" / "berlin" / "index.html").exists()
    assert not (site.output / "locations" / "lisbon").exists()
    assert (site.output / "jobs" / "closed" / "index.html").exists()
