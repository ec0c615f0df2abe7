"""Search that does not invent matches, in Chromium, on the sample board and on a generated
board of 1,000 postings: a word on no posting says so and offers the board's nearest words;
prefixes match only where they start a word on the board; results come by relevance, each with
its department; on a 360-px phone the first result is in view after typing."""

from __future__ import annotations

import re

import pytest
from browsing import build_and_serve, open_context
from playwright.sync_api import expect
from sitebuild import TODAY

pytestmark = pytest.mark.browser
INVENTED = ("forklift", "forest", "andromeda")


def search(page, text: str) -> list[str]:
    field = page.get_by_label("Search open jobs")
    field.fill("")  # the status empties: the next one is this search's
    expect(page.locator("#status")).to_have_text("")
    field.fill(text)
    # the first search loads Pagefind and the board's index: seconds on a busy machine
    expect(page.locator("#status")).to_have_text(re.compile(r"match|No jobs"), timeout=30_000)
    return page.locator(".card:visible .title").all_inner_texts()


@pytest.fixture(scope="module")
def big_board(tmp_path_factory):
    """A generated board of 1,000 postings (tests/boards.py), about 890 of them open."""
    folder = tmp_path_factory.mktemp("board-1000")
    _, server = build_and_serve(folder, with_samples=False, postings=1000, JOBPOSTING_TODAY=TODAY)
    yield server
    server.httpd.shutdown()


@pytest.mark.parametrize("word", INVENTED)
def test_a_word_on_no_posting_matches_nothing(sample_server, desktop, word):
    desktop.goto(sample_server.url + "/")
    assert search(desktop, word) == []
    assert desktop.locator("#status").inner_text().startswith("No jobs match")


def test_suggestions_are_words_of_the_board_and_search_them(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    search(desktop, "forklift")
    offered = desktop.locator("#suggest button").all_inner_texts()
    assert offered and all(w.startswith("for") for w in offered), offered
    desktop.locator("#suggest button").first.click()
    expect(desktop.locator("#status")).to_have_text(re.compile(r"jobs? match"))
    assert desktop.get_by_label("Search open jobs").input_value() == offered[0]


def test_prefixes_only_where_they_start_a_word_on_the_board(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    assert search(desktop, "kube") == ["Staff Platform Engineer"]  # Kubernetes
    assert search(desktop, "kubx") == []


def test_results_by_relevance_with_the_department_on_each(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    titles = search(desktop, "designer")
    assert titles[0] == "Product Designer" and len(titles) > 1
    first = desktop.locator(".ranked .card").first
    assert first.locator(".dept").inner_text() == "Product & Design"
    assert desktop.locator(".groups").is_hidden()
    # cleared: the departments come back, in the board's order
    desktop.get_by_label("Search open jobs").fill("")
    expect(desktop.locator(".groups .card:visible")).to_have_count(7)
    assert desktop.locator(".groups .card .dept").first.is_hidden()


def test_on_a_phone_the_first_result_is_in_view_after_typing(sample_server, browser):
    context, _ = open_context(browser, width=360, height=740)
    page = context.new_page()
    try:
        page.goto(sample_server.url + "/")
        search(page, "kubernetes")
        box = page.locator(".card:visible").first.bounding_box()
        assert 0 <= box["y"] < 740 - 60, box  # its title is on the screen
        assert page.get_by_label("Search open jobs").bounding_box()["y"] >= 0
    finally:
        context.close()


@pytest.mark.parametrize("word", INVENTED)
def test_the_big_board_invents_nothing_either(big_board, desktop, word):
    desktop.goto(big_board.url + "/")
    assert search(desktop, word) == []


def test_the_big_board_ranks_title_matches_first(big_board, desktop):
    desktop.goto(big_board.url + "/")
    titles = search(desktop, "logistics")
    assert titles and "Logistics" in titles[0], titles[:5]
    assert desktop.locator(".ranked .card .dept").first.is_visible()
