"""The openings list as built: grouped by department in departments.yml order, the facts a
candidate scans for on every card, "posted N days ago" from the pinned today, a friendly empty
page, feed links in the head, and links that work both relative and absolute."""

from __future__ import annotations

import boards
import pytest
from sitebuild import TODAY, VALID_POSTING, Site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("list"), with_samples=True)
    site.build(JOBPOSTING_SEARCH=False)
    return site


def test_groups_follow_departments_yml_order(built):
    page = built.page("index.html")
    groups = [h.find("a").get_text() for h in page.select(".group > h2")]
    assert groups == ["Engineering", "Product & Design", "Data", "Customer Success"]
    counts = [h.select_one(".n").get_text() for h in page.select(".group > h2")]
    assert counts == ["3 jobs", "1 job", "1 job", "2 jobs"]


def test_count_and_one_h1(built):
    page = built.page("index.html")
    assert len(page.find_all("h1")) == 1
    assert page.select_one(".count").get_text(strip=True) == "7 open jobs"


def card(page, title):
    return page.find("a", string=title).find_parent("li")


def test_card_shows_where_workplace_type_salary_and_age(built):
    page = built.page("index.html")
    backend = card(page, "Backend Developer")
    assert backend.select_one(".where").get_text() == "Berlin, Germany"
    assert [s.get_text() for s in backend.select(".tags span")] == ["Hybrid", "Full-time"]
    assert backend.select_one(".pay").get_text() == "€65,000 – €85,000 per year"
    age = backend.select_one(".age time")
    assert age["datetime"] == "2026-11-02"
    assert age.get_text() == "Posted 4 weeks ago"  # 26 days before the pinned 2026-11-28
    remote = card(page, "Solutions Engineer")
    assert remote.select_one(".where").get_text() == "Remote (Colorado, New York, California)"
    assert card(page, "Data Science Intern").select_one(".age").get_text() == "Posted 12 days ago"


def test_german_posting_card_is_marked_german(built):
    link = built.page("index.html").find("a", string="Werkstudent*in Frontend-Entwicklung")
    assert link["lang"] == "de"
    assert link["href"] == "./jobs/werkstudent-frontend/de/"


def test_newest_first_within_a_department(built):
    page = built.page("index.html")
    engineering = [a.get_text() for a in page.select("#g-engineering ~ ul .title a")]
    assert engineering == [
        "Werkstudent*in Frontend-Entwicklung",  # 2026-11-23
        "Backend Developer",  # 2026-11-02
        "Staff Platform Engineer",  # 2026-10-14
    ]


def test_head_links_feeds_stylesheet_and_deferred_script(built):
    page = built.page("index.html")
    atom = page.find("link", rel="alternate", type="application/atom+xml")
    assert atom["href"] == "./feeds/jobs.atom.xml"
    assert page.find("link", rel="alternate", type="application/json")["href"] == "./jobs.json"
    script = page.find("script", src=True)
    assert script["src"] == "./theme/js/site.js" and script.has_attr("defer")
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self' 'wasm-unsafe-eval';" in csp
    assert "unsafe-inline" not in csp
    assert not page.find_all("script", src=False, type=lambda t: t != "application/ld+json")
    assert not page.find_all(style=True)
    assert not page.find_all(attrs={"onclick": True})


def test_filters_need_javascript_so_they_start_hidden(built):
    page = built.page("index.html")
    assert page.find("form", id="filters").has_attr("hidden")
    assert page.find(id="status")["role"] == "status"
    for select in page.select("#filters select"):
        assert page.find("label", attrs={"for": select["id"]})


def test_empty_board_is_friendly(tmp_path):
    site = Site(tmp_path)
    site.build(JOBPOSTING_SEARCH=False)
    page = site.page("index.html")
    assert page.select_one(".count").get_text(strip=True) == "0 open jobs"
    assert "No open jobs right now" in page.get_text()
    assert page.find("a", href="./feeds/jobs.atom.xml")
    assert not page.find("form", id="filters")
    assert not page.find("script", src=True)  # nothing to filter


def test_one_opening_is_singular(tmp_path):
    site = Site(tmp_path)
    site.posting("backend-developer.md", VALID_POSTING)
    site.build(JOBPOSTING_SEARCH=False)
    assert site.page("index.html").select_one(".count").get_text(strip=True) == "1 open job"


def test_absolute_urls_under_a_project_path(tmp_path):
    """GitHub Pages serves a project site under /<repo>/: every link goes through SITEURL."""
    site = Site(tmp_path, with_samples=True)
    base = "https://fernhill.github.io/careers"
    site.build(SITEURL=base, RELATIVE_URLS=False, JOBPOSTING_SEARCH=False)
    for relative in ("index.html", "jobs/backend-developer/index.html", "remote/index.html",
                     "404.html", "about/index.html", "jobs/office-manager/index.html"):  # fmt: skip
        page = site.page(relative)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src")):
            for element in page.find_all(tag, attrs={attr: True}):
                url = element[attr]
                if url.startswith(("#", "mailto:", "https://fernhill.example")):
                    continue
                assert url.startswith(base + "/"), (relative, url)


def test_404_links_work_from_any_depth(built):
    page = built.page("404.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    stylesheet = page.find("link", rel="stylesheet")["href"]
    assert stylesheet == "https://careers.example/theme/css/site.css"
    assert page.find("a", string="See all open jobs")["href"] == "https://careers.example/"
    departments = [a.get_text() for a in page.select("#nf-dep ~ ul a")]
    assert departments == ["Engineering", "Product & Design", "Data", "Customer Success"]


def test_only_the_list_page_of_more_than_100_cards_is_long(tmp_path):
    """site.css lets a browser skip drawing the far cards of a long list; the list page runs
    site.js, which keeps a candidate's place there. Facet pages run no script: never long."""
    site = Site(tmp_path)
    boards.generate(site.content, 260)
    site.build(JOBPOSTING_SEARCH=False, JOBPOSTING_TODAY=TODAY)
    index = site.page("index.html").select_one("#results")
    assert "long" in index["class"] and len(index.select(".card")) > 100
    facets = [site.page(str(path.relative_to(site.output)))
              for path in sorted(site.output.glob("*/*/index.html"))
              if path.parts[-3] in ("departments", "locations", "workplace", "employment")]  # fmt: skip
    biggest = max(len(page.select("#results .card")) for page in facets)
    assert biggest > 100  # a facet page as long as a long list
    assert not any("long" in page.select_one("#results")["class"] for page in facets)
