"""Page weight, uncompressed: HTML plus the CSS and JavaScript it loads (the search index, loaded
only when someone searches, is not counted). Bytes are deterministic, so a plain test holds the
line: a posting page at most 30 KB, the list of 100 postings at most 100 KB."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from sitebuild import SITEURL, Site, soup

POSTING_LIMIT = 30_000
LIST_LIMIT = 100_000
DEPARTMENTS = ["Engineering", "Product & Design", "Data", "Customer Success", "People & Operations"]
OFFICES = ["berlin", "london", "denver", "new-york", "lisbon"]


def weight(output: Path, relative: str) -> dict[str, int]:
    """Bytes of a page and of every stylesheet and script it loads, by file."""
    page_path = output / relative
    page = soup(page_path)
    page_url = urljoin(SITEURL + "/", relative)
    files = {relative: page_path.stat().st_size}
    assets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assets += [script["src"] for script in page.find_all("script", src=True)]
    for href in assets:
        path = urlsplit(urljoin(page_url, href)).path.lstrip("/")
        files[path] = (output / path).stat().st_size
    return files


def posting_text(number: int) -> str:
    department = DEPARTMENTS[number % len(DEPARTMENTS)]
    office = OFFICES[number % len(OFFICES)]
    currency = "USD" if office in ("denver", "new-york") else "EUR"
    workplace = ["onsite", "hybrid"][number % 2]
    return f"""---
title: Senior Software Engineer, Payments Platform {number}
department: {department}
date_posted: 2026-{9 + number % 3:02d}-{1 + number % 28:02d}
valid_through: 2027-01-31
employment_type: [Full-time, Part-time]
locations: [{office}]
workplace: {workplace}
salary: {{min: 65000, max: 85000, currency: {currency}, per: YEAR}}
apply_url: https://fernhill.example/apply/eng-{number}
req_id: ENG-{number}
---
We build things. You will help with payments, ledgers and reconciliation.
"""


@pytest.fixture(scope="module")
def big_board(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("weight-100"))
    for number in range(100):
        (site.content / "jobs" / f"posting-{number:03d}.md").write_text(
            posting_text(number), encoding="utf-8"
        )
    site.build(JOBPOSTING_SEARCH=False)
    return site


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("weight-samples"), with_samples=True)
    site.build(JOBPOSTING_SEARCH=False)
    return site


def test_list_of_100_postings_is_at_most_100_kb(big_board):
    files = weight(big_board.output, "index.html")
    assert len(big_board.page("index.html").select(".card")) == 100
    assert any(name.endswith(".js") for name in files)  # the script is counted
    assert sum(files.values()) <= LIST_LIMIT, files


@pytest.mark.parametrize(
    "relative",
    [
        "jobs/backend-developer/index.html",  # the longest sample description
        "jobs/staff-platform-engineer/index.html",
        "jobs/werkstudent-frontend/de/index.html",
    ],
)
def test_posting_page_is_at_most_30_kb(samples, relative):
    files = weight(samples.output, relative)
    assert any(name.endswith(".css") for name in files)
    assert sum(files.values()) <= POSTING_LIMIT, files


def test_posting_in_a_full_department_stays_small(big_board):
    """ "More openings" is capped, so a big department does not make every posting heavy."""
    files = weight(big_board.output, "jobs/posting-000/index.html")
    assert len(big_board.page("jobs/posting-000/index.html").select(".more li")) == 5
    assert sum(files.values()) <= POSTING_LIMIT, files


def test_no_web_fonts_and_no_blocking_scripts(samples):
    css = (samples.output / "theme" / "css" / "site.css").read_text()
    assert "@font-face" not in css and "@import" not in css
    for relative in ("index.html", "jobs/backend-developer/index.html"):
        for script in samples.page(relative).find_all("script", src=True):
            assert script.has_attr("defer") or script.has_attr("async"), relative
