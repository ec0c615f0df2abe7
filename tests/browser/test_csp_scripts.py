"""The Content-Security-Policy in Chromium: only the site's script and Pagefind's files run, and
Pagefind's search works under it, in its worker and, when the worker fails, on the page."""

from __future__ import annotations

import pytest
from browsing import build_and_serve, open_context
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site, server = build_and_serve(tmp_path_factory.mktemp("csp-browser"))
    # a script that reached another folder of the site, as an attachment or a static file would
    (site.output / "images").mkdir(exist_ok=True)
    (site.output / "images" / "planted.js").write_text("window.__planted = true;\n")
    yield site, server
    server.httpd.shutdown()


def csp_errors(messages: list[str]) -> list[str]:
    return [m for m in messages if "Content Security Policy" in m]


def search_finds_kubernetes(page, url: str) -> None:
    page.goto(url + "/")
    page.get_by_label("Search open jobs").fill("kubernetes")
    expect(page.locator("#status")).to_have_text("1 job matches")


def test_search_runs_under_the_policy(browser, served):
    _, server = served
    context, visit = open_context(browser)
    try:
        search_finds_kubernetes(context.new_page(), server.url)
    finally:
        context.close()
    assert csp_errors(visit.console_errors) == [] and visit.page_errors == []


def test_search_runs_on_the_page_when_its_worker_cannot_start(browser, served):
    """Pagefind falls back to the page's thread, where WebAssembly needs 'wasm-unsafe-eval'."""
    _, server = served
    context, visit = open_context(browser)
    try:
        page = context.new_page()
        page.route("**/pagefind-worker.js", lambda route: route.abort())
        search_finds_kubernetes(page, server.url)
    finally:
        context.close()
    assert csp_errors(visit.console_errors) == [] and visit.page_errors == []


def test_a_script_elsewhere_on_the_site_does_not_run(browser, served):
    _, server = served
    context, visit = open_context(browser)
    try:
        page = context.new_page()
        page.goto(server.url + "/")
        loaded = page.evaluate(
            """(src) => new Promise((done) => {
                 const script = document.createElement("script");
                 script.src = src;
                 script.onload = () => done("loaded");
                 script.onerror = () => done("blocked");
                 document.head.append(script);
               })""",
            server.url + "/images/planted.js",
        )
        assert loaded == "blocked"
        assert page.evaluate("window.__planted") is None
        assert page.evaluate("fetch('/images/planted.js').then((r) => r.status)") == 200
    finally:
        context.close()
    assert csp_errors(visit.console_errors)  # Chromium names the policy that refused it
