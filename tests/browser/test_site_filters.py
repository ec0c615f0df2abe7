"""The openings list with JavaScript: filters in place, the address keeps them, the count is
announced, and search asks the real Pagefind index the build wrote. Keyboard only where it counts."""

from __future__ import annotations

import re

import pytest
from browsing import EVERY_INDEXED_PATH, search_finds_the_customer_roles, visible_titles
from playwright.sync_api import expect
from sitebuild import SAMPLE_OPEN_PATHS

pytestmark = pytest.mark.browser


def test_filter_narrows_in_place_and_the_address_follows(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    assert len(visible_titles(desktop)) == 7
    desktop.get_by_label("Location").select_option("berlin")
    assert sorted(visible_titles(desktop)) == [
        "Backend Developer",
        "Werkstudent*in Frontend-Entwicklung",
    ]
    # one facet alone: the address is that facet's page, which shows the same without JS
    assert desktop.url == sample_server.url + "/locations/berlin/"
    assert desktop.locator("#status").inner_text() == "2 jobs match"
    assert desktop.locator("#status").get_attribute("role") == "status"
    desktop.get_by_label("Employment type").select_option("full-time")
    assert visible_titles(desktop) == ["Backend Developer"]
    assert "location=berlin" in desktop.url and "employment=full-time" in desktop.url
    assert desktop.locator("#status").inner_text() == "1 job matches"
    # departments left without a match disappear with their heading
    assert desktop.locator(".group:visible").count() == 1

    desktop.go_back()
    assert desktop.url == sample_server.url + "/locations/berlin/"
    assert desktop.get_by_label("Employment type").input_value() == ""
    assert len(visible_titles(desktop)) == 2
    desktop.go_back()
    assert len(visible_titles(desktop)) == 7
    assert desktop.locator("#status").inner_text() == ""


@pytest.mark.parametrize(
    ("kind", "slug"),
    [("department", "engineering"), ("location", "denver"), ("workplace", "remote"),
     ("employment", "part-time")],
)  # fmt: skip
def test_a_shared_one_facet_link_shows_the_same_jobs_without_javascript(
    sample_server, desktop, no_js, kind, slug
):
    desktop.goto(sample_server.url + "/")
    desktop.locator(f"#f-{kind}").select_option(slug)
    expect(desktop.locator(".card:visible")).not_to_have_count(7)
    shown = sorted(visible_titles(desktop))
    link = desktop.url
    assert "?" not in link
    no_js.goto(link)
    assert sorted(no_js.locator(".card .title").all_inner_texts()) == shown
    # the page's links still lead where they did before the address changed
    first = desktop.locator(".card:visible a").first
    first.click()
    assert desktop.url.startswith(sample_server.url + "/jobs/")
    assert desktop.locator("h1").inner_text() in shown
    desktop.go_back()  # to the list as it was, or to the facet's page: the same jobs
    assert desktop.url == link
    assert sorted(desktop.locator(".card:visible .title").all_inner_texts()) == shown


def test_shared_address_opens_filtered(sample_server, desktop):
    desktop.goto(sample_server.url + "/?workplace=remote&department=engineering")
    assert visible_titles(desktop) == ["Staff Platform Engineer"]
    assert desktop.get_by_label("Workplace").input_value() == "remote"


def test_unknown_filter_value_in_the_address_shows_everything(sample_server, desktop):
    desktop.goto(sample_server.url + "/?location=atlantis")
    assert len(visible_titles(desktop)) == 7


def test_no_match_says_so(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    desktop.get_by_label("Location").select_option("denver")
    desktop.get_by_label("Workplace").select_option("remote")
    assert visible_titles(desktop) == []
    assert "No jobs match" in desktop.locator("#status").inner_text()
    desktop.get_by_role("button", name="Clear filters").click()
    # the form clears its fields after the reset event; wait for the list, do not race it
    expect(desktop.locator(".card:visible")).to_have_count(7)


def test_filters_with_the_keyboard_only(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    desktop.keyboard.press("Tab")  # the skip link comes first
    assert desktop.evaluate("document.activeElement.textContent") == "Skip to content"
    desktop.keyboard.press("Enter")
    for _ in range(12):  # through the site navigation to the search field
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.id") == "q":
            break
    assert desktop.evaluate("document.activeElement.id") == "q"
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.id") == "f-department"
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.id") == "f-location"
    # a closed select takes arrow keys and changes without a mouse
    desktop.keyboard.press("ArrowDown")
    expect(desktop.locator("#status")).to_have_text(re.compile(".+"))
    assert desktop.get_by_label("Location").input_value() == "berlin"
    assert len(visible_titles(desktop)) == 2
    # the focus ring is visible on the focused control
    outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_search_finds_a_posting_by_a_word_in_its_text(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    desktop.get_by_label("Search open jobs").fill("kubernetes")
    expect(desktop.locator("#status")).to_have_text("1 job matches")
    assert visible_titles(desktop) == ["Staff Platform Engineer"]
    assert desktop.url.endswith("/?q=kubernetes")
    assert desktop.visit.outside_requests == []
    assert desktop.visit.page_errors == []


def test_search_finds_the_german_posting_from_the_english_list(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    desktop.get_by_label("Search open jobs").fill("Werkstudent")
    expect(desktop.locator("#status")).to_have_text("1 job matches")
    assert visible_titles(desktop) == ["Werkstudent*in Frontend-Entwicklung"]


def test_search_with_the_keyboard_and_a_filter(sample_server, desktop):
    desktop.goto(sample_server.url + "/?q=customers")
    expect(desktop.locator("#status")).to_have_text(re.compile(".+"))
    found = set(visible_titles(desktop))
    assert {"Solutions Engineer", "Customer Support Specialist"} <= found
    desktop.get_by_label("Workplace").select_option("onsite")
    assert visible_titles(desktop) == ["Customer Support Specialist"]
    desktop.get_by_label("Search open jobs").focus()
    desktop.keyboard.press("Control+A")
    desktop.keyboard.press("Backspace")
    expect(desktop).not_to_have_url(re.compile("q="))
    expect(desktop.locator(".card:not([hidden])")).to_have_count(1)


def test_search_covers_open_postings_only(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    # "scavenger" is only in the closed Office Manager posting
    desktop.get_by_label("Search open jobs").fill("scavenger")
    expect(desktop.locator("#status")).to_have_text(re.compile(".+"))
    assert visible_titles(desktop) == []
    results = desktop.evaluate(
        """async () => {
            const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
            const found = await pagefind.search('scavenger');
            return found.results.length;
        }"""
    )
    assert results == 0
    assert desktop.evaluate(EVERY_INDEXED_PATH) == SAMPLE_OPEN_PATHS


def test_every_match_is_shown_from_one_file_of_paths(sample_server, browser):
    # each result's posting is in pagefind/paths.json, fetched once with Pagefind: no request
    # per result, so a common word on a big board shows every match
    from browsing import open_context

    context, visit = open_context(browser)
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    count = """async (word) => {
        const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
        return (await pagefind.search(word)).results.length;
    }"""
    try:
        page.goto(sample_server.url + "/")
        for word in ("team", "customers"):
            page.get_by_label("Search open jobs").fill(word)
            matches = page.evaluate(count, word)
            expect(page.locator("#status")).to_have_text(f"{matches} jobs match")
            assert len(visible_titles(page)) == matches > 1
        assert len([url for url in asked if url.endswith("/pagefind/paths.json")]) == 1
        assert not [url for url in asked if "/fragment/" in url]
        assert visit.page_errors == []
    finally:
        context.close()


@pytest.mark.parametrize("relative", [False, True], ids=["published", "make-serve"])
def test_search_on_a_site_served_from_a_subfolder(browser, tmp_path, relative):
    # GitHub Pages project sites live at /<repository>/: paths.json holds site-relative paths
    # ("/jobs/x/"), the cards' links carry the subfolder, and the page matches the two; with
    # relative links (pelicanconf.py, `make serve`) as with absolute ones (publishconf.py)
    from browsing import open_context, reserve_port, serve
    from sitebuild import Site

    sock = reserve_port()
    host, port = sock.getsockname()
    www = tmp_path / "www"
    site = Site(tmp_path, with_samples=True)
    site.build(
        SITEURL=f"http://{host}:{port}/careers",
        RELATIVE_URLS=relative,
        OUTPUT_PATH=str(www / "careers"),
    )
    server = serve(www, sock)
    context, visit = open_context(browser)
    page = context.new_page()
    try:
        page.goto(server.url + "/careers/")
        search_finds_the_customer_roles(page)
        assert visit.page_errors == [] and not visit.outside_requests
    finally:
        context.close()
        server.httpd.shutdown()
