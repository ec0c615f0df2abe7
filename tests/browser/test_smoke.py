"""The browser set-up itself works: the sample site opens in Chromium with nothing leaving loopback."""

import pytest

pytestmark = pytest.mark.browser


def test_list_page_opens_without_outside_requests(sample_server, desktop):
    desktop.goto(sample_server.url + "/")
    assert desktop.locator("h1").count() == 1
    assert desktop.visit.outside_requests == []
    assert desktop.visit.page_errors == []


def test_posting_page_renders_jsonld(sample_server, desktop):
    desktop.goto(sample_server.url + "/jobs/backend-developer/")
    assert "Backend Developer" in desktop.title()
    assert desktop.locator('script[type="application/ld+json"]').count() == 1
