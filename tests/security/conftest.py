"""The hostile corpus, built once per test session (per xdist worker), and a browser to open it."""

from __future__ import annotations

import shutil

import pytest
from browsing import reserve_port, serve
from hostile_corpus import hostile_files
from openings.core.problems import BuildFailed
from sitebuild import Site


def copy_into(site: Site, files) -> None:
    for path in files:
        shutil.copyfile(path, site.content / "jobs" / path.name)


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Site:
    """The ok-* postings: valid enough to publish, so their pages exist."""
    site = Site(tmp_path_factory.mktemp("hostile-ok"))
    copy_into(site, hostile_files("ok"))
    site.build()
    return site


@pytest.fixture(scope="session")
def rejected(tmp_path_factory) -> BuildFailed:
    """The bad-* postings: the build must refuse them all, naming each file."""
    site = Site(tmp_path_factory.mktemp("hostile-bad"))
    copy_into(site, hostile_files("bad"))
    with pytest.raises(BuildFailed) as failure:
        site.build()
    return failure.value


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory):
    """The ok-* postings built for, and served on, a loopback address."""

    sock = reserve_port()
    host, port = sock.getsockname()
    site = Site(tmp_path_factory.mktemp("hostile-served"))
    copy_into(site, hostile_files("ok"))
    site.build(SITEURL=f"http://{host}:{port}", RELATIVE_URLS=False)
    server = serve(site.output, sock)
    yield site, server
    server.httpd.shutdown()


@pytest.fixture(scope="session")
def chromium(browser):
    """The session's Chromium (tests/conftest.py)."""
    return browser
