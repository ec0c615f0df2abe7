"""What the crawler tests share: the sample content's postings by state, fixture paths, readers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitebuild import Site

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "crawlers"

# The sample content's postings by state (TODAY is 2026-11-28); URLs as Pelican writes them.
OPEN_URLS = {
    "https://careers.example/jobs/backend-developer/",
    "https://careers.example/jobs/staff-platform-engineer/",
    "https://careers.example/jobs/product-designer/",
    "https://careers.example/jobs/customer-support-specialist/",
    "https://careers.example/jobs/data-science-intern/",
    "https://careers.example/jobs/solutions-engineer/",
    "https://careers.example/jobs/werkstudent-frontend/de/",
}
NOT_OPEN_SLUGS = ("office-manager", "senior-data-engineer", "engineering-manager")


def read(site: Site, relative: str) -> bytes:
    return (site.output / relative).read_bytes()


def iso_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])
