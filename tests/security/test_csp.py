"""A Content-Security-Policy on every page type that forbids inline script; JSON-LD is data."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sitebuild import Site


@pytest.fixture(scope="module")
def sample_output(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("csp"), with_samples=True)
    site.build(JOBPOSTING_SHOW_DRAFTS=True)
    return site.output


def policy_of(page: BeautifulSoup) -> dict[str, list[str]]:
    metas = page.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(metas) == 1
    assert metas[0].find_parent("head") is not None
    # before anything that loads or runs: a policy only covers what comes after it
    loads = page.head.find_all(["script", "link", "style"])
    assert all(tag.sourceline > metas[0].sourceline for tag in loads)
    policy = {}
    for directive in metas[0]["content"].split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


SITEURL = "https://careers.example"
# the site's own script and Pagefind's folder, never the whole origin
SCRIPTS = [f"{SITEURL}/theme/js/site.js", f"{SITEURL}/theme/js/copy.js"]
PATHS = [*SCRIPTS, f"{SITEURL}/pagefind/", "'wasm-unsafe-eval'"]


@pytest.fixture(scope="module")
def published_output(tmp_path_factory):
    """As publishconf.py builds: absolute addresses."""
    site = Site(tmp_path_factory.mktemp("csp-published"), with_samples=True)
    site.build(RELATIVE_URLS=False, SITEURL=SITEURL)
    return site.output


def test_a_published_site_names_its_script_files_not_its_origin(published_output):
    for path in html_files(published_output):
        policy = policy_of(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
        assert policy["script-src"] == PATHS, path
        assert policy["img-src"] == [f"{SITEURL}/", "data:"], path
    loaded = set()
    for path in html_files(published_output):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        loaded |= {script["src"] for script in page.find_all("script", src=True)}
    assert loaded == set(SCRIPTS)  # the policy allows what the pages load, and no more


def test_allowed_image_hosts_are_named_in_the_policy(tmp_path):
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_IMAGE_HOSTS=["images.fernhill.example"])
    policy = policy_of(site.page("index.html"))
    assert policy["img-src"] == ["'self'", "https://images.fernhill.example", "data:"]


def test_every_page_sends_no_full_referrer_to_other_sites(sample_output):
    strict = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    for path in html_files(sample_output):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        metas = page.head.find_all("meta", attrs={"name": "referrer"})
        assert [m["content"] for m in metas] == ["strict-origin-when-cross-origin"], path
        assert metas[0]["content"] in strict
        # before any link or image that could send one
        first_load = page.find(["link", "img", "a", "script"])
        assert first_load is None or first_load.sourceline > metas[0].sourceline, path


def html_files(output):
    return sorted(p for p in output.rglob("*.html") if "pagefind" not in p.parts)


def test_every_page_type_is_covered(sample_output):
    names = {str(p.relative_to(sample_output)) for p in html_files(sample_output)}
    assert "index.html" in names and "404.html" in names
    assert any(n.startswith("jobs/") for n in names)  # open and closed postings
    assert any(n.startswith("departments/") for n in names)  # facet pages
    assert any(n.startswith("drafts/") for n in names)
    assert any("/" in n and not n.startswith(("jobs/", "departments/", "drafts/")) for n in names)


def test_every_page_forbids_inline_script(sample_output):
    for path in html_files(sample_output):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        policy = policy_of(page)
        scripts = policy.get("script-src", policy.get("default-src"))
        # a relative build (the preview) has no address to name paths under: 'self'
        assert scripts in (["'self'", "'wasm-unsafe-eval'"], PATHS), path
        for unsafe in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:", "http:"):
            assert unsafe not in scripts, (path, unsafe)
        assert policy.get("object-src") == ["'none'"] or policy.get("default-src") == ["'self'"]
        assert policy.get("base-uri") in (["'none'"], ["'self'"]), path


def test_no_inline_script_except_json_ld(sample_output):
    for path in html_files(sample_output):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in page.find_all("script"):
            if script.get("src"):
                assert not script.get_text(strip=True), path
            else:
                assert script.get("type") == "application/ld+json", (path, str(script)[:80])
        for tag in page.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, (path, tag.name, handlers)
            assert not str(tag.get("href", "")).lower().startswith("javascript:"), path


def test_json_ld_only_on_open_posting_pages(sample_output):
    for path in html_files(sample_output):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        blocks = page.find_all("script", type="application/ld+json")
        relative = str(path.relative_to(sample_output))
        is_open_posting = (
            relative.startswith("jobs/")
            and page.find("meta", attrs={"name": "robots", "content": "noindex"}) is None
        )
        if blocks and not is_open_posting:
            pytest.fail(f"JSON-LD on {relative}")
