"""A long list stays quick on a phone: on a list of more than 100 cards the browser renders
only the cards near the screen (`content-visibility: auto` in site.css), yet every card stays
a link that screen readers and the filters reach, and coming back to the list shows the card
left from. A short list is drawn whole. The time it saves is measured by bench/phone.py."""

from __future__ import annotations

import re

import pytest
from browsing import CHROMIUM_FLAGS, build_and_serve, chromium_path, open_context
from playwright.sync_api import expect
from sitebuild import TODAY

pytestmark = pytest.mark.browser

# Chromium's answer to "is this card's content rendered?": false while it is skipped off-screen
RENDERED = "card => card.querySelector('h3').checkVisibility({contentVisibilityAuto: true})"


@pytest.fixture
def short_phone(browser):
    """A phone's width and a short screen: the sample list's last cards are screens below."""
    context, _ = open_context(browser, width=360, height=480)
    page = context.new_page()
    yield page
    context.close()


def far_below(page):
    """The first card more than three screens below the top, which Chromium skips at load."""
    cards = page.locator(".cards > .card")
    tops = cards.evaluate_all("cards => cards.map(c => c.getBoundingClientRect().top)")
    screen = page.evaluate("innerHeight")
    return cards.nth(next(i for i, top in enumerate(tops) if top > 3 * screen))


@pytest.fixture(scope="module")
def with_screen_reader(browser):
    """Chromium as a screen reader finds it: its accessibility tree complete from the start,
    as Chromium makes it when assistive technology is running (without one it builds less)."""
    chromium = browser.browser_type.launch(
        executable_path=chromium_path(), args=[*CHROMIUM_FLAGS, "--force-renderer-accessibility"]
    )
    context, _ = open_context(chromium, width=360, height=480)
    yield context.new_page()
    chromium.close()


def accessible_links(page) -> set[str]:
    """The names of the links in Chromium's own accessibility tree, which screen readers read."""
    devtools = page.context.new_cdp_session(page)
    nodes = devtools.send("Accessibility.getFullAXTree")["nodes"]
    return {
        node["name"]["value"]
        for node in nodes
        if node.get("role", {}).get("value") == "link" and "name" in node
    }


def test_cards_below_the_screen_are_not_rendered_until_scrolled_to(long_list, short_phone):
    page = short_phone
    page.goto(long_list.url + "/")
    page.wait_for_load_state("load")
    assert page.locator(".cards > .card").first.evaluate(RENDERED)
    card = far_below(page)
    assert not card.evaluate(RENDERED)
    assert card.is_visible()  # for the filters, a card like any other

    card.scroll_into_view_if_needed()
    page.wait_for_function(RENDERED, arg=card.element_handle())  # at the next frame
    assert card.bounding_box()["height"] > 100  # laid out for real, text and all


def test_a_short_list_is_drawn_whole(sample_server, short_phone):
    """Seven cards: nothing to gain, and find-in-page in Safari skips what is not drawn."""
    page = short_phone
    page.goto(sample_server.url + "/")
    page.wait_for_load_state("load")
    assert "long" not in page.locator("#results").get_attribute("class")
    assert far_below(page).evaluate(RENDERED)


def test_a_screen_reader_finds_every_card_skipped_or_not(long_list, with_screen_reader):
    page = with_screen_reader
    page.goto(long_list.url + "/")
    page.wait_for_load_state("load")
    assert not far_below(page).evaluate(RENDERED)
    titles = {title.strip() for title in page.locator(".cards > .card h3").all_text_contents()}
    assert len(titles) > 10 and titles <= accessible_links(page)


def test_a_skipped_card_a_filter_brings_up_is_rendered(long_list, short_phone):
    page = short_phone
    page.goto(long_list.url + "/")
    last_group = page.locator(".group").last
    card = last_group.locator(".card").first
    assert not card.evaluate(RENDERED)
    page.get_by_label("Department").select_option(last_group.get_attribute("data-group"))
    page.wait_for_function(RENDERED, arg=card.element_handle())


def test_search_results_of_a_long_list_are_drawn_near_the_screen_only(long_list, short_phone):
    """Search moves the matching cards into a list by relevance, at the top."""
    page = short_phone
    page.goto(long_list.url + "/")
    page.get_by_label("Search open jobs").fill("customers")
    expect(page.locator("#status")).to_have_text(re.compile("jobs match"), timeout=30_000)
    ranked = page.locator(".ranked .card")
    assert ranked.count() > 20
    page.wait_for_function(RENDERED, arg=ranked.first.element_handle())
    assert not ranked.last.evaluate(RENDERED)


@pytest.fixture(scope="module")
def long_list(tmp_path_factory):
    """A generated board of 300 postings (tests/boards.py): a list far longer than a screen."""
    folder = tmp_path_factory.mktemp("board-300")
    _, server = build_and_serve(folder, with_samples=False, postings=300, JOBPOSTING_TODAY=TODAY)
    yield server
    server.httpd.shutdown()


NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

# the top of a posting's card on the screen
TOP_OF = """path => [...document.querySelectorAll(".cards > .card")]
  .find(card => card.querySelector("a").pathname === path).getBoundingClientRect().top"""

# the first card on screen, and where its top is
FIRST_ON_SCREEN = """() => {
  for (const card of document.querySelectorAll(".cards > .card")) {
    const box = card.getBoundingClientRect();
    if (box.height && box.bottom > 0) return [card.querySelector("a").pathname, box.top];
  }
}"""


def scroll_down(page, screens: int) -> None:
    """A candidate scrolling down the list, screen after screen."""
    for _ in range(screens):  # instant steps: the place is known when the test reads it
        page.evaluate("() => scrollBy(0, innerHeight)")
        page.evaluate(NEXT_FRAME)
    page.wait_for_timeout(300)


def settled(page, path: str) -> float:
    """Where the card of `path` is once the page has loaded and stopped moving."""
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    return page.evaluate(TOP_OF, path)


@pytest.mark.parametrize("how", ["back", "reload"])
@pytest.mark.parametrize("screens", [12, 60])
def test_back_to_a_long_list_shows_the_card_left_from(long_list, phone, how, screens):
    """Cards not yet drawn have an estimated height, so the scroll offset the browser puts back
    would show other cards; site.js brings back the card that was first on screen, where it
    was: a fifth of the way down the list, and near its end."""
    page = phone
    page.goto(long_list.url + "/")
    scroll_down(page, screens)
    left_from, top = page.evaluate(FIRST_ON_SCREEN)
    if how == "back":
        page.goto(long_list.url + left_from)
        page.go_back()
    else:
        page.reload()
    assert abs(settled(page, left_from) - top) < 2


def test_back_to_filtered_and_searched_lists(long_list, phone):
    page = phone
    page.goto(long_list.url + "/?q=customers")
    expect(page.locator("#status")).to_have_text(re.compile("jobs match"), timeout=30_000)
    scroll_down(page, 10)
    left_from, top = page.evaluate(FIRST_ON_SCREEN)
    page.goto(long_list.url + left_from)
    page.go_back()
    expect(page.locator("#status")).to_have_text(re.compile("jobs match"), timeout=30_000)
    assert abs(settled(page, left_from) - top) < 2

    # two filters: an address of the list page itself, not a facet's page
    page.goto(long_list.url + "/")
    page.get_by_label("Workplace").select_option("hybrid")
    page.get_by_label("Employment type").select_option("full-time")
    assert "?" in page.url
    scroll_down(page, 4)
    left_from, top = page.evaluate(FIRST_ON_SCREEN)
    page.goto(long_list.url + left_from)
    page.go_back()
    assert abs(settled(page, left_from) - top) < 2


def test_a_new_visit_to_the_list_starts_at_the_top(long_list, phone):
    """The breadcrumb back to the list is a new visit, not Back: the top of the list."""
    page = phone
    page.goto(long_list.url + "/")
    scroll_down(page, 12)
    page.goto(long_list.url + page.evaluate(FIRST_ON_SCREEN)[0])
    page.locator(".crumbs a").first.click()  # "Open jobs"
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.evaluate("scrollY") == 0


def test_back_after_a_filter_shows_the_card_left_from(long_list, phone):
    """A filter is a new history entry of the same page: Back to it puts the card back too,
    also after the list was left for a posting and came back."""
    page = phone
    page.goto(long_list.url + "/")
    scroll_down(page, 25)
    page.goto(long_list.url + page.evaluate(FIRST_ON_SCREEN)[0])
    page.go_back()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    left_from, top = page.evaluate(FIRST_ON_SCREEN)
    page.get_by_label("Workplace").select_option("hybrid")
    page.go_back()
    page.wait_for_timeout(500)
    assert page.get_by_label("Workplace").input_value() == ""
    assert abs(page.evaluate(TOP_OF, left_from) - top) < 2


def test_back_twice_past_a_new_visit_finds_the_first_place(long_list, phone):
    """Each history entry keeps its own place: a new visit of the same address does not."""
    page = phone
    page.goto(long_list.url + "/")
    scroll_down(page, 25)
    left_from, top = page.evaluate(FIRST_ON_SCREEN)
    page.goto(long_list.url + left_from)
    page.locator(".crumbs a").first.click()  # a new visit, at the top
    page.wait_for_load_state("load")
    page.go_back()
    page.go_back()
    assert abs(settled(page, left_from) - top) < 2
