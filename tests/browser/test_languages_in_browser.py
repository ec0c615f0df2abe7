"""A site in two languages in Chromium: the switcher is accessible and works without JavaScript,
and the in-page filter counts in the page's language's plural forms (Polish: three)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import build_and_serve, visible_titles
from test_a11y import OPTIONS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _, server = build_and_serve(
        tmp_path_factory.mktemp("languages"), JOBPOSTING_LANGUAGES=["en", "pl"]
    )
    yield server
    server.httpd.shutdown()


@pytest.mark.parametrize(
    "path", ["/pl/", "/pl/locations/berlin/", "/jobs/werkstudent-frontend/de/"]
)
def test_pages_with_the_switcher_have_no_violations(browser, server, path):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
        found = Axe().run(page, options=OPTIONS).response["violations"]
        assert [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found] == []
    finally:
        context.close()


def test_the_switcher_is_links_that_work_without_javascript(server, no_js):
    no_js.goto(server.url + "/locations/berlin/")
    switcher = no_js.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Polski").click()
    assert no_js.url == server.url + "/pl/locations/berlin/"
    assert no_js.locator("h1").inner_text() == "Oferty: Berlin"
    assert no_js.locator("html").get_attribute("lang") == "pl"
    no_js.get_by_role("navigation", name="Język").get_by_role("link", name="English").click()
    assert no_js.url == server.url + "/locations/berlin/"


def test_the_filter_counts_in_polish(server, desktop):
    desktop.goto(server.url + "/pl/")
    desktop.get_by_label("Lokalizacja").select_option("berlin")
    assert desktop.url == server.url + "/pl/locations/berlin/"
    assert len(visible_titles(desktop)) == 2
    assert desktop.locator("#status").inner_text() == "2 oferty pasują"
    desktop.get_by_label("Rodzaj zatrudnienia").select_option("full-time")
    assert desktop.locator("#status").inner_text() == "1 oferta pasuje"
