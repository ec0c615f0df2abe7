"""A long list stays quick on a phone: the browser renders only the cards near the screen
(`content-visibility: auto` in site.css), yet every card stays a link that screen readers,
find-in-page and the filters reach. The time it saves is measured by bench/phone.py."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# Chromium's answer to "is this card's content rendered?": false while it is skipped off-screen
RENDERED = "card => card.querySelector('h3').checkVisibility({contentVisibilityAuto: true})"


def test_cards_below_the_screen_are_not_rendered_until_scrolled_to(sample_server, phone):
    phone.goto(sample_server.url + "/")
    phone.wait_for_load_state("load")
    cards = phone.locator(".cards > .card")
    first, last = cards.first, cards.last
    assert first.evaluate(RENDERED)
    assert not last.evaluate(RENDERED)  # 740 px tall: the last of seven cards is far below

    # still there for a screen reader (the accessibility tree) and for the filters
    title = last.locator("h3").text_content().strip()
    assert phone.get_by_role("link", name=title).count() == 1
    assert last.is_visible()

    last.scroll_into_view_if_needed()
    phone.wait_for_function(RENDERED, arg=last.element_handle())  # at the next frame
    assert last.bounding_box()["height"] > 100  # laid out for real, text and all


def test_a_card_moved_to_the_top_by_a_filter_is_rendered(sample_server, phone):
    phone.goto(sample_server.url + "/")
    last = phone.locator(".cards > .card").last
    location = last.get_attribute("data-location").split()[0]
    phone.get_by_label("Location").select_option(location)
    shown = phone.locator(".cards > .card:visible")
    assert shown.count() >= 1
    phone.wait_for_function(RENDERED, arg=shown.first.element_handle())


def test_the_rule_comes_with_the_plugins_list_on_another_theme(browser, tmp_path):
    """On Pelican's default theme the plugin's own small stylesheet (_style.html) brings it."""
    from browsing import serve
    from quickstartsite import add_openings, build, quickstart

    site = add_openings(quickstart(tmp_path / "blog"), tmp_path / "with-openings")
    server = serve(build(site))
    try:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
        page.goto(server.url + "/jobs/index.html")
        cards = page.locator(".cards > .card")
        assert cards.count() == 2
        assert cards.first.evaluate("card => getComputedStyle(card).contentVisibility") == "auto"
        assert cards.first.evaluate(RENDERED)
        page.close()
    finally:
        server.httpd.shutdown()
