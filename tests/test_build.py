"""The production build, as `make publish` and the Pages workflow run it: publishconf.py with
SITEURL set, absolute addresses, no drafts, and warnings treated as errors (strict mode)."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT, TODAY, VALID_POSTING, Site, soup

PELICAN = Path(sys.executable).parent / "pelican"
SITEURL = "https://hr.example.github.io/careers"
# "today" for builds that read it from the environment, as reproducible builds do
EPOCH = str(calendar.timegm(dt.datetime.fromisoformat(f"{TODAY}T12:00:00").timetuple()))
WARNINGS_ONLY = VALID_POSTING.replace("req_id: ENG-1\n", "")


def publish(content: Path, output: Path, siteurl: str | None = SITEURL):
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("SITEURL", None)
    if siteurl:
        env["SITEURL"] = siteurl
    return subprocess.run(
        [str(PELICAN), str(content), "-o", str(output), "-s", "publishconf.py"],
        cwd=ROOT, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("publish"), with_samples=True)
    result = publish(site.content, site.output)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_sample_site_publishes_with_absolute_addresses(published):
    page = published.page("jobs/backend-developer/index.html")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/jobs/backend-developer/"
    for link in page.find_all("a", href=True):
        href = link["href"]
        assert not href.startswith(("../", "./")), f"relative link {href} in a published page"


def test_publishing_leaves_drafts_and_scheduled_postings_out(published):
    assert not (published.output / "drafts").exists()
    assert not (published.output / "jobs" / "senior-data-engineer").exists()  # draft
    assert not (published.output / "jobs" / "engineering-manager").exists()  # scheduled
    closed = published.page("jobs/office-manager/index.html")
    assert closed.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_publishing_without_siteurl_stops_with_a_message(site):
    site.posting("ok.md", VALID_POSTING)
    result = publish(site.content, site.output, siteurl=None)
    assert result.returncode != 0
    assert "SITEURL is not set" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site.output / "index.html").exists()


def test_strict_mode_turns_warnings_into_errors(tmp_path):
    site = Site(tmp_path)
    site.posting("backend.md", WARNINGS_ONLY)
    site.build()  # the local settings: a warning, and the page is built
    assert (site.output / "jobs" / "backend" / "index.html").is_file()
    output = tmp_path / "published"
    result = publish(site.content, output)
    assert result.returncode == 1
    assert "backend.md: req_id: is missing" in result.stderr  # no "warning:" any more
    assert "the site was not built" in result.stderr
    assert not (output / "jobs" / "backend" / "index.html").exists()


def test_make_publish(tmp_path):
    # The target itself (what ci.yml and pages.yml run); -o keeps make from reinstalling the venv.
    site = Site(tmp_path, with_samples=True)
    env = {**os.environ, "SITEURL": SITEURL, "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "-o", ".venv/.installed", "publish",
         f"INPUTDIR={site.content}", f"OUTPUTDIR={site.output}"],
        cwd=ROOT, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(site.output / "index.html")
    assert page.find("link", rel="canonical")["href"].startswith(SITEURL)
    assert (site.output / "jobs" / "solutions-engineer" / "index.html").is_file()
