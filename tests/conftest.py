"""Fixtures shared by all tests; the helpers themselves live in sitebuild.py."""

from __future__ import annotations

import os

import pytest
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
