"""One real build of the sample content per test module."""

from __future__ import annotations

import pytest
from sitebuild import Site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = Site(tmp_path_factory.mktemp("crawl"), with_samples=True)
    site.build()
    return site
