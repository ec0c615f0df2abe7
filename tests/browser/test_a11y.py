"""axe-core (bundled with axe-playwright-python, no download) inside the real Chromium, on every
page type, in light and dark colours, on a phone and a desktop: no violations of WCAG 2.0-2.2
A/AA or axe's best practices."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_site_pages import PAGE_TYPES

pytestmark = pytest.mark.browser

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
OPTIONS = {"runOnly": {"type": "tag", "values": RULES}, "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory):
    from browsing import build_and_serve

    _, server = build_and_serve(tmp_path_factory.mktemp("a11y-empty"), with_samples=False)
    yield server
    server.httpd.shutdown()


def violations(axe, page) -> list[str]:
    results = axe.run(page, options=OPTIONS)
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


def open_page(browser, url, scheme="light", width=1280, height=900, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_violations(browser, sample_server, axe, name, scheme):
    context, page = open_page(browser, sample_server.url + PAGE_TYPES[name], scheme)
    try:
        assert violations(axe, page) == []
    finally:
        context.close()


@pytest.mark.parametrize("name", ["list", "posting", "facet-location"])
def test_phone_without_the_site_script_has_no_violations(browser, sample_server, axe, name):
    """The page as a browser without JavaScript shows it. axe itself is a script, so the page's
    own script is refused instead of switching JavaScript off."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("**/theme/js/*", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(sample_server.url + PAGE_TYPES[name])
        if name != "posting":
            page.locator("#browse summary").click()  # the facet links, unfolded, still work
        assert violations(axe, page) == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_empty_list_has_no_violations(browser, empty_server, axe, scheme):
    context, page = open_page(browser, empty_server.url + "/", scheme)
    try:
        assert violations(axe, page) == []
    finally:
        context.close()


def test_filtered_list_with_no_match_has_no_violations(browser, sample_server, axe):
    context, page = open_page(browser, sample_server.url + "/?location=denver&workplace=remote")
    try:
        assert page.locator(".card:visible").count() == 0
        assert violations(axe, page) == []
    finally:
        context.close()


@pytest.mark.parametrize("query", ["designer", "forklift"])
def test_search_results_and_suggestions_have_no_violations(browser, sample_server, axe, query):
    """Results by relevance (one list with department labels), or none with suggestions."""
    context, page = open_page(browser, sample_server.url + "/")
    try:
        page.get_by_label("Search open jobs").fill(query)
        page.locator("#status").filter(has_text="match").wait_for()
        assert violations(axe, page) == []
    finally:
        context.close()


def test_email_application_with_its_copy_button_has_no_violations(browser, sample_server, axe):
    context, page = open_page(browser, sample_server.url + "/jobs/customer-support-specialist/")
    try:
        page.locator(".apply-top button.copy").wait_for(state="visible")
        assert violations(axe, page) == []
    finally:
        context.close()
