"""Applying by email in Chromium: the address is readable text without JavaScript, and with it a
copy button puts the address on the clipboard and says so."""

from __future__ import annotations

import pytest
from browsing import open_context

pytestmark = pytest.mark.browser

POSTING = "/jobs/customer-support-specialist/"
ADDRESS = "jobs@fernhill.example"


def test_without_javascript_the_address_is_plain_visible_text(no_js, sample_server):
    no_js.goto(sample_server.url + POSTING)
    top = no_js.locator(".apply-top")
    assert top.locator(".email").inner_text() == ADDRESS
    assert top.locator(".email").is_visible()
    assert not top.locator("button.copy").is_visible()
    subject = "Application: Customer Support Specialist (CS-301)"
    assert top.locator(".hint").inner_text() == f"Subject: {subject}"
    href = top.locator("a.button").get_attribute("href")
    assert (
        href
        == f"mailto:{ADDRESS}?subject=Application%3A%20Customer%20Support%20Specialist%20%28CS-301%29"
    )


def test_with_javascript_the_copy_button_copies_the_address(browser, sample_server):
    context, visit = open_context(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=sample_server.url)
    page = context.new_page()
    try:
        page.goto(sample_server.url + POSTING)
        button = page.locator(".apply-top button.copy")
        button.wait_for(state="visible")
        assert button.inner_text() == "Copy address"
        button.click()
        status = page.locator(".apply-top .copy-status")
        status.filter(has_text="Address copied.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == ADDRESS
        assert visit.page_errors == [] and visit.console_errors == []
    finally:
        context.close()


def test_without_a_clipboard_the_address_is_selected(desktop, sample_server):
    """Where the page is not a secure context the clipboard is missing: select, and say so."""
    desktop.add_init_script("Object.defineProperty(window, 'isSecureContext', {value: false})")
    desktop.goto(sample_server.url + POSTING)
    desktop.locator(".apply-bottom button.copy").click()
    desktop.locator(".apply-bottom .copy-status").filter(has_text="Select the address").wait_for()
    assert desktop.evaluate("String(window.getSelection())") == ADDRESS
