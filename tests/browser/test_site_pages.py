"""Every page type in the real Chromium: phone and desktop, with and without JavaScript.

Screenshots of each page type at 360 and 1280 px go to test-artifacts/screenshots/ for review.
"""

from __future__ import annotations

import pytest
from browsing import build_and_serve, open_context, screenshot

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "list": "/",
    "facet-department": "/departments/engineering/",
    "facet-location": "/locations/berlin/",
    "facet-remote": "/remote/",
    "posting": "/jobs/backend-developer/",
    "posting-german": "/jobs/werkstudent-frontend/de/",
    "posting-remote": "/jobs/solutions-engineer/",
    "closed": "/jobs/office-manager/",
    "draft": "/drafts/senior-data-engineer/",
    "content-page": "/benefits/",
    "not-found": "/404.html",
}
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory):
    """A site with no postings at all: the friendly empty list."""
    _, server = build_and_serve(tmp_path_factory.mktemp("empty-site"), with_samples=False)
    yield server
    server.httpd.shutdown()


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_fits_the_screen_and_stays_on_the_site(browser, sample_server, name, device):
    width, height = WIDTHS[device]
    context, visit = open_context(browser, width=width, height=height)
    page = context.new_page()
    try:
        page.goto(sample_server.url + PAGE_TYPES[name])
        page.wait_for_load_state("networkidle")
        assert overflow(page) <= 0
        assert page.locator("h1").count() == 1
        assert page.locator("main").count() == 1
        assert visit.outside_requests == []
        assert visit.page_errors == []
        assert visit.console_errors == []
        screenshot(page, f"{name}-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("device", WIDTHS)
def test_empty_list_is_friendly(browser, empty_server, device):
    width, height = WIDTHS[device]
    context, visit = open_context(browser, width=width, height=height)
    page = context.new_page()
    try:
        page.goto(empty_server.url + "/")
        assert "No open jobs right now" in page.locator("main").inner_text()
        assert page.locator(".card").count() == 0
        assert overflow(page) <= 0
        assert visit.page_errors == []
        screenshot(page, f"empty-list-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_works_without_javascript(sample_server, no_js, name):
    response = no_js.goto(sample_server.url + PAGE_TYPES[name])
    assert response.ok
    main = no_js.locator("main")
    assert main.is_visible()
    assert len(main.inner_text()) > 100
    # The stylesheet applied (no JavaScript is needed to lay the page out).
    assert no_js.evaluate("getComputedStyle(document.body).margin") == "0px"
    assert no_js.visit.outside_requests == []


def test_list_without_javascript_lists_everything_and_links_the_facets(sample_server, no_js):
    no_js.goto(sample_server.url + "/")
    assert no_js.locator(".card").count() == 7
    assert no_js.locator("#filters").is_hidden()  # needs JavaScript, so it stays out of the way
    no_js.locator("#browse summary").click()
    no_js.get_by_role("link", name="Berlin", exact=True).click()
    assert no_js.url.endswith("/locations/berlin/")
    assert no_js.locator("h1").inner_text() == "Jobs in Berlin"
    titles = no_js.locator(".card .title").all_inner_texts()
    assert "Backend Developer" in titles
    assert "Product Designer" not in titles


def test_posting_apply_button_and_breadcrumbs(sample_server, phone):
    phone.goto(sample_server.url + "/jobs/backend-developer/")
    crumbs = phone.get_by_role("navigation", name="Breadcrumbs")
    assert crumbs.get_by_role("link").all_inner_texts() == ["Open jobs", "Engineering"]
    apply = phone.get_by_role("link", name="Apply now").first
    assert apply.get_attribute("href") == "https://fernhill.example/apply/eng-101"
    assert apply.is_visible()  # on a phone, without scrolling past the description
    assert apply.bounding_box()["y"] < 740


def test_german_posting_reads_german(sample_server, desktop):
    desktop.goto(sample_server.url + "/jobs/werkstudent-frontend/de/")
    assert desktop.locator("html").get_attribute("lang") == "de"
    facts = desktop.locator(".facts").inner_text().replace("\xa0", " ").replace("\u202f", " ")
    assert "Teilzeit" in facts
    assert "16 € – 18 € pro Stunde" in facts
    assert "23. November 2026" in facts
    assert desktop.get_by_role("link", name="Jetzt bewerben").count() == 2
