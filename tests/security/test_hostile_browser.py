"""Every page built from the hostile corpus, opened in the real Chromium: nothing injected runs."""

from __future__ import annotations

import pytest
from browsing import open_context, screenshot
from hostile_corpus import hostile_files

pytestmark = pytest.mark.browser


def pages_to_open(site) -> list[str]:
    slugs = [p.stem.replace("\u202e", "") for p in hostile_files("ok")]
    others = [
        str(p.relative_to(site.output).parent) + "/"
        for p in site.output.rglob("index.html")
        if "jobs" not in p.parts and "pagefind" not in p.parts
    ]
    return [f"jobs/{slug}/" for slug in slugs] + sorted(o.removeprefix("./") for o in others)


def real_errors(messages: list[str]) -> list[str]:
    # a sanitised <img src="x"> may 404; that is not code running
    return [m for m in messages if not m.startswith("Failed to load resource")]


def test_no_hostile_page_runs_anything(chromium, hostile_server):
    site, server = hostile_server
    context, visit = open_context(chromium)
    page = context.new_page()
    opened = []
    try:
        for relative in pages_to_open(site):
            url = f"{server.url}/{relative.lstrip('./')}" if relative != "./" else server.url + "/"
            response = page.goto(url, wait_until="load")
            assert response is not None and response.ok, url
            page.wait_for_timeout(50)  # let deferred scripts and image errors fire
            # nothing injected became a global, an element or a handler
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("script:not([type='application/ld+json']):not([src])").count() == 0
            assert (
                page.locator("iframe, object, embed, svg script, form[action*='attacker']").count()
                == 0
            )
            opened.append(relative)
        screenshot(page, "hostile-title")
    finally:
        context.close()
    assert len(opened) >= 25
    assert visit.dialogs == []
    assert visit.page_errors == []
    assert real_errors(visit.console_errors) == []
    assert visit.outside_requests == []


def test_a_hostile_page_still_reads_well(chromium, hostile_server):
    _, server = hostile_server
    context, visit = open_context(chromium, width=360, height=740)
    page = context.new_page()
    try:
        page.goto(f"{server.url}/jobs/ok-script-in-title/", wait_until="load")
        title = page.locator("h1").inner_text()
        assert title.startswith("X</script><script>alert(1)</script>")
        assert "alert" in page.title()
        screenshot(page, "hostile-title-phone")
    finally:
        context.close()
    assert visit.dialogs == [] and visit.outside_requests == []
