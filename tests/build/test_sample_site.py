"""Real builds of the shipped sample content, read back with BeautifulSoup."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openings.core.lifecycle import State
from sitebuild import ROOT, TODAY


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from sitebuild import Site

    site = Site(tmp_path_factory.mktemp("sample"), with_samples=True)
    site.build()
    return site


def jsonld_blocks(page):
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


OPEN = [
    "backend-developer",
    "staff-platform-engineer",
    "product-designer",
    "customer-support-specialist",
    "data-science-intern",
    "solutions-engineer",
    "werkstudent-frontend/de",  # German only: Pelican's language URL
]


@pytest.mark.parametrize("slug", OPEN)
def test_each_open_posting_has_one_jobposting(built, slug):
    page = built.page(f"jobs/{slug}/index.html")
    blocks = jsonld_blocks(page)
    assert len(blocks) == 1
    data = blocks[0]
    assert data["@type"] == "JobPosting"
    for key in ("title", "description", "datePosted", "hiringOrganization", "validThrough"):
        assert data[key], key
    assert data["url"] == f"https://careers.example/jobs/{slug}/"
    assert page.find("link", rel="canonical")["href"] == data["url"]
    assert "unavailable_after" in page.find("meta", attrs={"name": "robots"})["content"]


def test_list_page_has_no_jsonld_and_lists_only_open(built):
    page = built.page("index.html")
    assert jsonld_blocks(page) == []
    links = {a["href"] for a in page.select("main a[href*='jobs/']")}
    for slug in OPEN:
        assert any(f"jobs/{slug.split('/')[0]}/" in link for link in links), slug
    for slug in ("office-manager", "senior-data-engineer", "engineering-manager"):
        assert not any(f"jobs/{slug}/" in link for link in links), slug


def test_closed_posting_keeps_its_url_with_noindex_and_no_jsonld(built):
    page = built.page("jobs/office-manager/index.html")
    assert jsonld_blocks(page) == []
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "no longer open" in page.get_text()
    assert page.find("a", string=lambda s: s and "open jobs" in s)


def test_scheduled_posting_is_not_published(built):
    assert not (built.output / "jobs" / "engineering-manager").exists()


def test_draft_is_not_published_when_drafts_are_off(tmp_path):
    from sitebuild import Site

    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_SHOW_DRAFTS=False)
    assert not (site.output / "drafts").exists()
    assert not list(site.output.rglob("senior-data-engineer*"))


def test_draft_preview_is_noindex(built):
    page = built.page("drafts/senior-data-engineer/index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert jsonld_blocks(page) == []


def test_seed_posting_shows_the_repaired_apostrophe(built):
    page = built.page("jobs/backend-developer/index.html")
    text = page.get_text()
    assert "Bachelor’s" in text
    assert "â€" not in text
    assert "Bachelor’s" in jsonld_blocks(page)[0]["description"]


def test_summary_line_counts_every_file(tmp_path, capsys):
    from sitebuild import Site

    site = Site(tmp_path, with_samples=True)
    site.build()
    err = capsys.readouterr().err
    assert (
        "jobposting: 10 files: 7 open, 1 closed, 1 draft, 1 scheduled, 0 rejected; 0 errors" in err
    )


def test_real_configuration_builds_the_sample_site(tmp_path):
    """The real pelicanconf.py and content/, through Pelican's own command line: catches a
    plugin that failed to load (Pelican logs that and carries on)."""
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", str(out), "-s", "pelicanconf.py",
         "-e", f'JOBPOSTING_TODAY="{TODAY}"'],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Cannot load plugin" not in result.stderr
    assert "jobposting: 10 files" in result.stderr
    assert (out / "jobs" / "backend-developer" / "index.html").exists()
    page = (out / "jobs" / "backend-developer" / "index.html").read_text()
    assert 'type="application/ld+json"' in page
    assert State.OPEN.value == "open"


def test_summary_from_the_first_paragraph_is_the_meta_and_og_description(tmp_path):
    from sitebuild import VALID_POSTING, Site

    site = Site(tmp_path)
    opening = "We run the scheduling engine. It plans shifts for 4,000 companies."
    site.posting(
        "backend.md",
        VALID_POSTING.replace(
            "We build things. You will help.",
            "## About us\n\n"
            f"{opening} You will work on its solver with five engineers, two designers "
            "and a product manager, 20 hours a week.\n\n## What you will do\n\n- Build things",
        ),
    )
    site.build()
    page = site.page("jobs/backend/index.html")
    assert page.find("meta", attrs={"name": "description"})["content"] == opening
    assert page.find("meta", property="og:description")["content"] == opening
    # the description starts with those words: no lead repeats them above it
    assert page.select_one(".posting-head .lead") is None
    assert page.select_one(".description p").get_text(" ", strip=True).startswith(opening)
