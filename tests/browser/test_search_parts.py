"""Search over an index in parts (a big board) in a real Chromium: the page's code is unchanged,
/pagefind/pagefind.js merges the parts, and every open posting is found once."""

from __future__ import annotations

import re

import pytest
from browsing import (
    EVERY_INDEXED_PATH,
    build_and_serve,
    search_finds_the_customer_roles,
    visible_titles,
)
from playwright.sync_api import expect
from sitebuild import SAMPLE_OPEN_PATHS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def parts_server(tmp_path_factory):
    site, server = build_and_serve(
        tmp_path_factory.mktemp("search-parts"), JOBPOSTING_SEARCH_PART_WORDS=800
    )
    assert len(list((site.output / "pagefind").glob("part-*"))) >= 3
    yield server
    server.httpd.shutdown()


def test_every_open_posting_is_found_once_across_the_parts(parts_server, desktop):
    desktop.goto(parts_server.url + "/")
    assert desktop.evaluate(EVERY_INDEXED_PATH) == SAMPLE_OPEN_PATHS
    assert not desktop.visit.console_errors and not desktop.visit.page_errors
    assert not desktop.visit.outside_requests


def test_typing_a_word_finds_postings_in_different_parts(parts_server, desktop):
    desktop.goto(parts_server.url + "/")
    search_finds_the_customer_roles(desktop)  # the two roles are in different parts


def test_closed_postings_stay_out_of_every_part(parts_server, desktop):
    desktop.goto(parts_server.url + "/")
    desktop.get_by_label("Search open jobs").fill("scavenger")  # only in the closed posting
    expect(desktop.locator("#status")).to_have_text(re.compile("^No jobs match"))
    assert visible_titles(desktop) == []
    found = desktop.evaluate(
        """async () => {
            const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
            return (await pagefind.search('scavenger')).results.length;
        }"""
    )
    assert found == 0
