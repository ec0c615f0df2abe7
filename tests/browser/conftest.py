"""Browser fixtures; Chromium itself is tests/conftest.py's `browser`, the helpers (server,
Chromium flags, request recording) are in browsing.py."""

from __future__ import annotations

import pytest
from browsing import Server, build_and_serve, open_context


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
