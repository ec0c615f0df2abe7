"""Fixtures shared by all tests; the helpers themselves live in sitebuild.py."""

from __future__ import annotations

import os

import pytest
from browsing import CHROMIUM_FLAGS, chromium_path
from sitebuild import ROOT, Site


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


@pytest.fixture
def sample_site(tmp_path) -> Site:
    return Site(tmp_path, with_samples=True)


@pytest.fixture(autouse=True)
def _quiet_cwd(monkeypatch):
    # report paths are relative to the working folder, as they are for `make html`
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    os.environ.setdefault("TZ", "UTC")


# One Playwright and one Chromium per test process, for every folder's browser tests: a second
# sync_playwright() in the same process fails ("Sync API inside the asyncio loop").
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
