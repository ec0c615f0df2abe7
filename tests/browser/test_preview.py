"""`make preview`: the pull request's preview, opened from disk as HR opens the downloaded zip.

A repository with the sample site on main and a branch that adds, changes and closes a posting;
`make preview BASE=main` on it; then Chromium opens preview/index.html from file:// (no server)
and follows links between the start page, the list, facet, company and posting pages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, share_venv

pytestmark = pytest.mark.browser
EPOCH = "1795867200"  # 2026-11-28, the sample content's "today"


def git(site: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("preview") / "site"
    for name in ("content", "plugins"):
        shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "pelicanconf.py", "pyproject.toml", "constraints.txt"):
        shutil.copy2(ROOT / name, site / name)
    share_venv(site)
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "main")
    git(site, "checkout", "-q", "-b", "change")
    jobs = site / "content" / "jobs"
    added = jobs / "platform-engineer.md"
    shutil.copy(jobs / "backend-developer.md", added)
    edit(added, "title: Backend Developer", "title: Platform Engineer")
    edit(added, "req_id: ENG-101", "req_id: ENG-909")
    edit(jobs / "product-designer.md", "valid_through: 2027-01-31", "valid_through: 2027-02-28")
    edit(jobs / "customer-support-specialist.md", "status: open", "status: closed")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("BASE_SHA", None)
    result = subprocess.run(
        ["make", "-s", "preview", "BASE=main"], cwd=site, env=env, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "preview"


def links_of(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = [
        a["href"]
        for a in soup.find_all(href=True)
        if a.name != "link" or a.get("rel") != ["canonical"]
    ]
    return found + [s["src"] for s in soup.find_all(src=True)]


def test_the_start_page_lists_what_the_change_adds_changes_and_closes(preview):
    soup = BeautifulSoup((preview / "index.html").read_text(encoding="utf-8"), "html.parser")
    sections = {h2.get_text(): h2.find_next("ul") for h2 in soup.find_all("h2")}
    assert set(sections) == {
        "Added by this change (1)", "Changed by this change (1)", "Closed by this change (1)",
    }  # fmt: skip
    links = {a.get_text(): a["href"] for ul in sections.values() for a in ul.find_all("a")}
    assert links == {
        "Platform Engineer": "site/jobs/platform-engineer/index.html",
        "Product Designer": "site/jobs/product-designer/index.html",
        "Customer Support Specialist": "site/jobs/customer-support-specialist/index.html",
    }
    assert "open → closed" in sections["Closed by this change (1)"].get_text()
    assert "needs a web server" in soup.get_text()


def test_every_relative_link_of_every_page_names_a_file_that_exists(preview):
    pages = [preview / "index.html", *sorted((preview / "site").rglob("*.html"))]
    assert len(pages) > 20
    checked = 0
    for page in pages:
        for link in links_of(page):
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//")) or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.relative_to(preview)}: {link} leads to no file"
            checked += 1
    assert checked > 500


@pytest.fixture
def from_disk(browser):
    """A page that may open files and nothing else (a downloaded zip has no server)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = []

    def route(route_):
        if route_.request.url.startswith(("file:", "data:", "blob:")):
            route_.continue_()
        else:
            outside.append(route_.request.url)
            route_.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_content("<p>unstyled</p>")
    page.default_font = page.evaluate("getComputedStyle(document.body).fontFamily")
    page.outside = outside
    yield page
    context.close()


def styled(page) -> bool:
    """The site's stylesheet loaded and applied: not the browser's default look."""
    return (
        page.evaluate(
            """() => [...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.sheet)
           && document.styleSheets.length > 0"""
        )
        and page.evaluate("getComputedStyle(document.body).fontFamily") != page.default_font
    )


def follow(page, selector: str) -> str:
    with page.expect_navigation():
        page.locator(f"{selector} >> visible=true").first.click()
    assert page.url.startswith("file://") and page.url.endswith("/index.html"), page.url
    assert styled(page), page.url
    return page.locator("h1").first.inner_text().strip()


def test_from_disk_the_pages_are_styled_and_links_land_on_the_right_page(preview, from_disk):
    page = from_disk
    page.goto((preview / "index.html").as_uri())
    assert follow(page, "a[href='site/jobs/platform-engineer/index.html']") == "Platform Engineer"
    assert follow(page, "header a[href$='index.html']")  # the site's home: the list
    assert re.search(r"/site/index\.html$", page.url), page.url
    # site.js writes facet links out in full (a filter puts its facet's page in the address)
    assert follow(page, "a[href$='/departments/engineering/index.html']") == "Engineering"
    assert follow(page, "main a[href*='jobs/backend-developer/']") == "Backend Developer"
    assert follow(page, "a[href$='about/index.html']")
    assert "/site/about/index.html" in page.url
    page.goto((preview / "site" / "index.html").as_uri())
    page.locator("#browse summary").click()  # "Browse by location, ..." starts folded
    assert follow(page, "a[href*='locations/berlin/']")
    assert "/site/locations/berlin/index.html" in page.url
    assert page.outside == []
