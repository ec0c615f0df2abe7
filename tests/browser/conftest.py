"""Browser fixtures; the helpers (server, Chromium flags, request recording) are in browsing.py."""

from __future__ import annotations

import os

import pytest
from browsing import CHROMIUM_FLAGS, Server, build_and_serve, chromium_path, open_context


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed: run `make system-deps` (Debian's chromium package)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory) -> Server:
    """The shipped sample content, built once for the session and served on loopback."""
    _, server = build_and_serve(tmp_path_factory.mktemp("browser-site"))
    yield server
    server.httpd.shutdown()


@pytest.fixture
def desktop(browser):
    context, visit = open_context(browser)
    page = context.new_page()
    page.visit = visit
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context, visit = open_context(browser, width=360, height=740)
    page = context.new_page()
    page.visit = visit
    yield page
    context.close()


@pytest.fixture
def no_js(browser):
    context, visit = open_context(browser, javascript=False)
    page = context.new_page()
    page.visit = visit
    yield page
    context.close()
