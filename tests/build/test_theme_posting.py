"""A posting page as built: facts panel, apply, breadcrumbs, more jobs, sharing tags, the
German posting in German, and the closed, draft and company pages around it."""

from __future__ import annotations

import pytest
from sitebuild import Site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("posting"), with_samples=True)
    site.build(JOBPOSTING_SEARCH=False)
    return site


def facts(page) -> dict[str, list[str]]:
    found = {}
    for row in page.select(".facts > div"):
        label = row.find("dt").get_text(strip=True)
        found[label] = [dd.get_text(" ", strip=True) for dd in row.find_all("dd")]
    return found


def test_facts_panel(built):
    page = built.page("jobs/backend-developer/index.html")
    assert facts(page) == {
        "Location": ["Torstraße 109 10119 Berlin Germany"],
        "Workplace": ["Hybrid"],
        "Employment type": ["Full-time"],
        "Salary": ["€65,000 – €85,000 per year (EUR)"],
        "Department": ["Engineering"],
        "Company": ["Fernhill Labs"],
        "Posted": ["November 2, 2026"],
        "Apply by": ["January 31, 2027"],
        "Education": ["Bachelor's degree"],
        "Experience": ["2 years"],
        "Reference": ["ENG-101"],
    }
    assert page.select_one(".facts time")["datetime"] == "2026-11-02"


def test_remote_posting_names_its_countries(built):
    page = built.page("jobs/staff-platform-engineer/index.html")
    found = facts(page)
    assert found["Remote from"] == ["Germany, Austria, Portugal, United Kingdom"]
    assert found["Workplace"] == ["Remote"]
    assert found["Number of hires"] == ["2"]
    assert found["Education"] == ["Postgraduate degree, or equivalent experience"]


def test_apply_by_url_and_by_email(built):
    page = built.page("jobs/backend-developer/index.html")
    buttons = page.select(".apply a.button")
    assert [b["href"] for b in buttons] == ["https://fernhill.example/apply/eng-101"] * 2
    assert buttons[0].get_text() == "Apply now"
    page = built.page("jobs/customer-support-specialist/index.html")
    email = page.select_one(".apply a")
    assert email["href"] == (
        "mailto:jobs@fernhill.example"
        "?subject=Application%3A%20Customer%20Support%20Specialist%20%28CS-301%29"
    )
    # the address next to each button, as text, with a copy button copy.js shows
    for place in page.select(".apply"):
        assert place.select_one(".email").get_text() == "jobs@fernhill.example"
        assert place.select_one("button.copy").has_attr("hidden")
    assert page.find("script", src=lambda src: src and src.endswith("/copy.js"))
    assert not built.page("jobs/backend-developer/index.html").find(
        "script", src=lambda src: src and src.endswith("/copy.js")
    )


def test_breadcrumbs_and_more_openings_in_the_department(built):
    page = built.page("jobs/backend-developer/index.html")
    crumbs = page.select(".crumbs li")
    assert [li.get_text(strip=True) for li in crumbs] == [
        "Open jobs",
        "Engineering",
        "Backend Developer",
    ]
    assert crumbs[-1].find(attrs={"aria-current": "page"})
    more = page.select_one(".more")
    assert more.find("h2").get_text() == "More jobs in Engineering"
    assert [a.get_text() for a in more.select("li > a")] == [
        "Werkstudent*in Frontend-Entwicklung",
        "Staff Platform Engineer",
    ]
    assert more.find("a", string="All jobs in Engineering")["href"] == (
        "../../departments/engineering/"
    )


def test_sharing_tags(built):
    page = built.page("jobs/backend-developer/index.html")

    def meta(key, value):
        return page.find("meta", attrs={key: value})["content"]

    url = "https://careers.example/jobs/backend-developer/"
    assert page.find("link", rel="canonical")["href"] == url
    assert meta("property", "og:url") == url
    assert meta("property", "og:title") == "Backend Developer – Fernhill Labs"
    assert meta("property", "og:type") == "article"
    assert meta("property", "og:site_name") == "Careers at Fernhill"
    assert meta("property", "og:image") == "https://fernhill.example/logo.png"
    assert meta("name", "twitter:card") == "summary"
    description = meta("name", "description")
    assert description.startswith("Build and improve the back-end services")
    assert meta("property", "og:description") == description == meta("name", "twitter:description")


def test_german_posting_is_german_around_its_text(built):
    page = built.page("jobs/werkstudent-frontend/de/index.html")
    assert page.find("html")["lang"] == "de"
    found = facts(page)
    assert found["Anstellungsart"] == ["Teilzeit"]
    assert found["Gehalt"][0].replace("\xa0", " ") == "16 € – 18 € pro Stunde (EUR)"
    assert found["Veröffentlicht"] == ["23. November 2026"]
    assert found["Unternehmen"] == ["Fernhill Health"]
    assert page.select_one(".apply a").get_text() == "Jetzt bewerben"
    assert page.select_one(".crumbs a").get_text() == "Offene Stellen"
    # the site's English navigation says it is English
    assert page.find("header")["lang"] == "en"
    og_image = page.find("meta", property="og:image")["content"]
    assert og_image == "https://health.fernhill.example/logo.png"


def test_search_indexes_open_postings_only(built):
    assert built.page("jobs/backend-developer/index.html").find(attrs={"data-pagefind-body": True})
    for relative in (
        "index.html",
        "jobs/office-manager/index.html",
        "drafts/senior-data-engineer/index.html",
        "about/index.html",
        "404.html",
        "remote/index.html",
    ):
        assert not built.page(relative).find(attrs={"data-pagefind-body": True}), relative


def test_closed_posting_points_to_open_roles(built):
    page = built.page("jobs/office-manager/index.html")
    assert page.find("h1").get_text() == "Office Manager"
    assert "Office Manager (no longer open)" in page.find("title").get_text()
    link = page.find("a", string="See all open jobs")
    assert link["href"] == "../../"
    assert not page.select(".apply")
    assert not page.find("link", rel="canonical")


def test_draft_preview_says_it_is_a_draft(built):
    page = built.page("drafts/senior-data-engineer/index.html")
    assert "Draft preview" in page.select_one(".notice-draft").get_text()
    assert not page.find("script", type="application/ld+json")


def test_company_page(built):
    page = built.page("benefits/index.html")
    assert page.find("h1").get_text() == "Benefits"
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("What everyone")
    assert page.find("a", attrs={"aria-current": "page"}).get_text() == "Benefits"
    assert page.find("a", string="See all open jobs")


def test_search_index_is_built_over_open_postings(tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.build()
    entry = (site.output / "pagefind" / "pagefind-entry.json").read_text()
    assert '"page_count":7' in entry  # the seven open postings, in one index
    assert (site.output / "pagefind" / "pagefind.js").exists()


def test_no_link_to_a_department_without_open_roles(built):
    """People & Operations has only the closed Office Manager, so it has no page to link to."""
    page = built.page("jobs/office-manager/index.html")
    assert "People & Operations" in page.select_one(".crumbs").get_text()
    assert not page.select('a[href*="people-operations"]')
    assert not (built.output / "departments" / "people-operations").exists()


def test_text_people_write_takes_its_direction_from_itself(tmp_path):
    # a title in Arabic or Hebrew must read right to left inside a left-to-right page
    from sitebuild import VALID_POSTING, Site

    title = "مطور الواجهة الخلفية"
    site = Site(tmp_path)
    site.posting("rtl.md", VALID_POSTING.replace("title: Backend Developer", f"title: {title}"))
    site.build()
    page = site.page("jobs/rtl/index.html")
    assert page.find("h1")["dir"] == "auto"
    assert page.select_one(".description")["dir"] == "auto"
    card = site.page("index.html").find("a", string=title)
    assert card["dir"] == "auto"
