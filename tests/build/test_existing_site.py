"""Openings added to an existing Pelican site: a blog made by pelican-quickstart, Pelican's
default theme, a post in each of Pelican's header styles and two postings in content/jobs/.

The blog is built before and after the plugin is added (each in its own `pelican` process, as a
site owner runs it): every file of the blog is the same, byte for byte; the plugin adds its own
files only (the jobs list, the posting and facet pages under jobs/, its feeds and crawler files).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from quickstartsite import (
    PELICAN,
    PLUGIN_FILES,
    SETTINGS,
    add_openings,
    build,
    files,
    quickstart,
)
from sitebuild import soup


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("existing")
    blog = quickstart(root / "blog")
    with_openings = add_openings(blog, root / "with-openings")
    # the blog as it was: no plugin at all
    return build(blog, "-e", "PLUGINS=[]"), build(with_openings)


def test_the_blog_is_built_as_pelican_builds_it(sites):
    before, after = sites
    # each of Pelican's header styles made a post, the page too: the blog is really there
    blog_pages = {
        "first-post.html", "a-post-with-a-yaml-style-header.html", "rest-post.html",
        "an-html-post.html", "pages/about.html", "category/travel.html", "feeds/all.atom.xml",
    }  # fmt: skip
    assert blog_pages <= set(files(before))
    travel = soup(before / "category" / "travel.html").get_text()
    assert "A post with a YAML-style header" in travel and "An HTML post" in travel
    # every file of the blog is the same, byte for byte: no menu entry, list or feed changed
    old, new = files(before), files(after)
    changed = [name for name in old if old[name] != new.get(name)]
    assert changed == []
    added = set(new) - set(old)
    assert {n for n in added if not n.startswith(("jobs/", "feeds/departments/"))} == PLUGIN_FILES


def test_postings_are_in_none_of_the_blogs_lists(sites):
    _, after = sites
    for name in ("index.html", "archives.html", "categories.html", "tags.html",
                 "feeds/all.atom.xml", "authors.html", "category/notes.html"):  # fmt: skip
        text = (after / name).read_text(encoding="utf-8")
        assert "Backend Developer" not in text and "Product Designer" not in text, name
    assert not (after / "category" / "engineering.html").exists()


def test_the_posting_pages_have_json_ld_pay_apply_and_html_bodies(sites):
    _, after = sites
    page = soup(after / "jobs" / "backend-developer.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "JobPosting" and data["title"] == "Backend Developer"
    assert data["url"] == "https://blog.example/jobs/backend-developer.html"
    assert data["baseSalary"]["value"]["minValue"] == 65000
    # the default theme's own head is kept: its stylesheet, its feed
    assert page.find("link", rel="stylesheet")["href"].endswith("/theme/css/main.css")
    assert page.find("link", rel="canonical")["href"] == data["url"]
    assert page.title.string == "Backend Developer – My Blog"
    pay = page.find(class_="pay").get_text()
    assert "65,000" in pay and "85,000" in pay
    assert [a["href"] for a in page.select(".apply a.button")] == [
        "https://blog.example/apply/eng-1"
    ] * 2
    body = page.find(class_="description")
    assert body.find("strong").get_text() == "You"  # HTML, not escaped text
    assert [li.get_text() for li in body.find_all("li")] == ["Python", "Postgres"]
    assert "&lt;" not in str(body)
    email = soup(after / "jobs" / "product-designer.html")
    assert email.select_one(".apply a.button")["href"].startswith("mailto:jobs@blog.example")


def test_the_plugin_lists_the_open_jobs_under_jobs(sites):
    _, after = sites
    index = soup(after / "jobs" / "index.html")
    links = {a["href"] for a in index.select(".card .title a")}
    assert links == {
        "https://blog.example/jobs/backend-developer.html",
        "https://blog.example/jobs/product-designer.html",
    }
    department = soup(after / "jobs" / "departments" / "engineering" / "index.html")
    assert [a.get_text() for a in department.select(".card .title a")] == ["Backend Developer"]
    crumbs = soup(after / "jobs" / "backend-developer.html").select(".crumbs a")
    assert [a["href"] for a in crumbs] == [
        "https://blog.example/jobs/",
        "https://blog.example/jobs/departments/engineering/",
    ]
    sitemap = (after / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://blog.example/jobs/</loc>" in sitemap
    assert "category/" not in sitemap  # the blog's categories are not the plugin's to list


def test_the_simple_theme_works_too(sites, tmp_path):
    _, after = sites
    site = after.parent
    output = build(site, "-t", "simple", "-o", str(tmp_path / "simple"))
    page = soup(output / "jobs" / "backend-developer.html")
    assert json.loads(page.find("script", type="application/ld+json").string)["title"] == (
        "Backend Developer"
    )
    assert page.find(class_="description").find("strong").get_text() == "You"
    assert page.select(".apply a.button")


def test_with_plugins_unset_pelican_finds_the_plugin(sites, tmp_path):
    before, _ = sites
    site = add_openings(before.parent, tmp_path / "site", SETTINGS)  # no PLUGINS line
    shutil.rmtree(site / "output")
    output = build(site)
    page = soup(output / "jobs" / "backend-developer.html")
    assert page.find("script", type="application/ld+json")
    assert (output / "first-post.html").exists() and (output / "rest-post.html").exists()


def test_a_rst_file_in_the_postings_folder_is_refused(tmp_path, sites):
    before, _ = sites
    site = add_openings(before.parent, tmp_path / "site")
    shutil.rmtree(site / "output")
    (site / "content" / "jobs" / "old.rst").write_text("Old\n###\n\n:date: 2026-01-01\n")
    done = subprocess.run(
        [str(PELICAN / "pelican"), "content", "-s", "publishconf.py", "-o", str(site / "output")],
        cwd=site, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode != 0
    assert "content/jobs/old.rst" in done.stdout + done.stderr
    assert "is in the postings folder but is not a Markdown file" in done.stdout + done.stderr


def test_a_local_build_and_a_list_in_a_second_language(sites, tmp_path):
    """`make html` with pelicanconf.py, its SITEURL set for local builds as the guide says; the
    lists again in German under de/jobs/, with the plugin's list template and hreflang links."""
    before, _ = sites
    languages = (
        SETTINGS + 'JOBPOSTING_LANGUAGES = ["en", "de"]\nSITEURL = "http://localhost:8000"\n'
    )
    site = add_openings(before.parent, tmp_path / "site", languages)
    shutil.rmtree(site / "output")
    posting = (site / "content" / "jobs" / "backend-developer.md").read_text(encoding="utf-8")
    german = posting.replace(
        "title: Backend Developer", "title: Backend-Entwickler\nslug: backend-developer\nlang: de"
    )
    (site / "content" / "jobs" / "backend-developer.de.md").write_text(german, encoding="utf-8")
    done = subprocess.run(
        [str(PELICAN / "pelican"), "content", "-s", "pelicanconf.py", "-o", str(site / "output")],
        cwd=site, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    deutsch = soup(site / "output" / "de" / "jobs" / "index.html")
    assert (deutsch.html["lang"], deutsch.find("h1", string="Offene Stellen") is not None) == (
        "de", True
    )  # fmt: skip
    assert "Backend-Entwickler" in deutsch.select_one("main, #content, body").get_text()
    links = {link["hreflang"]: link["href"] for link in deutsch.select("head link[hreflang]")}
    assert links == {
        "en": "http://localhost:8000/jobs/",
        "de": "http://localhost:8000/de/jobs/",
        "x-default": "http://localhost:8000/jobs/",
    }
    facet = soup(site / "output" / "de" / "jobs" / "locations" / "germany" / "index.html")
    assert [a["href"] for a in facet.select("nav.crumbs a")] == ["http://localhost:8000/de/jobs/"]
