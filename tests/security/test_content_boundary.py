"""Every file under content/ is read and checked, or refused with its path (and line) and a fix.

Hostile content (tests/fixtures/hostile/content-boundary/) is built with the real `pelican`
command in a temporary folder: links that leave the content folder, company pages in other
formats or with Pelican's own keys, static files a browser would run, symbolic links, two files
at one address. A refused build writes nothing, touches no file outside its output folder and
prints no traceback; the harmless fixture builds, and its pages run nothing in Chromium.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import ROOT, TODAY

FIXTURES = ROOT / "tests" / "fixtures" / "hostile" / "content-boundary"
PELICAN = Path(sys.executable).parent / "pelican"
LINK_OUTSIDE = "points outside the content folder (or through a symbolic link)"
NOT_PUBLISHED = "is not published: only images (PNG, JPEG, GIF, WebP, AVIF, ICO, SVG), fonts"
SYMLINK = "is a symbolic link"


@dataclass
class Built:
    folder: Path
    returncode: int
    text: str  # what the command printed, both streams

    @property
    def output(self) -> Path:
        return self.folder / "output"

    def lines(self) -> list[str]:
        return self.text.splitlines()

    def written(self) -> list[Path]:
        return (
            sorted(p for p in self.output.rglob("*") if p.is_file()) if self.output.exists() else []
        )


def fingerprint(folder: Path) -> dict[str, tuple]:
    """Every file outside output/ and the template cache: size, time and content."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if relative.parts[0] in ("output", "cache") or path.is_symlink() or not path.is_file():
            continue
        stat = path.stat()
        found[str(relative)] = (
            stat.st_size,
            stat.st_mtime_ns,
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
    return found


def build(
    folder: Path, *fixtures: str, samples: bool = False, links: dict | None = None, **settings
) -> Built:
    """The fixtures (and the sample content) in `folder`, built by `pelican` as `make html` does."""
    (folder / "content").mkdir(parents=True, exist_ok=True)
    if samples:
        shutil.copytree(ROOT / "content", folder / "content", dirs_exist_ok=True)
    else:
        shutil.copytree(ROOT / "content" / "data", folder / "content" / "data", dirs_exist_ok=True)
    for fixture in fixtures:
        shutil.copytree(FIXTURES / fixture, folder, dirs_exist_ok=True)
    for link, target in (links or {}).items():
        (folder / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, folder / link)
    before = fingerprint(folder)
    environment = {
        k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "SOURCE_DATE_EPOCH")
    }
    done = subprocess.run(
        [str(PELICAN), "content", "-o", "output", "-s", str(ROOT / "pelicanconf.py"),
         "-e", f'JOBPOSTING_TODAY="{TODAY}"', f'CACHE_PATH="{folder / "cache"}"',
         *(f"{key}={json.dumps(value)}" for key, value in settings.items())],
        cwd=folder, capture_output=True, text=True, timeout=300, env={**environment, "TZ": "UTC"},
        check=False,
    )  # fmt: skip
    assert fingerprint(folder) == before, "the build changed a file outside its output folder"
    return Built(folder, done.returncode, done.stdout + done.stderr)


def assert_refused(built: Built, *expected: str) -> None:
    """Failed with exit status 1, wrote nothing, and printed each expected line's start."""
    assert built.returncode == 1, built.text[-3000:]
    assert "Traceback" not in built.text
    assert built.written() == [], "a refused build wrote files"
    for start in expected:
        assert any(line.startswith(start) for line in built.lines()), (start, built.text[-4000:])


# --- everything refused at once, each with its file and line ---

REFUSED = [
    ("content/jobs/attach-over-page.md:14: the link {attach}../../outside/index.html", LINK_OUTSIDE),
    ("content/jobs/bar-spelling.md:14: the link {attach}../../outside/index.html", LINK_OUTSIDE),
    ("content/jobs/raw-html-attach.md:14: the link {attach}../../outside/index.html", LINK_OUTSIDE),
    ("content/jobs/percent-encoded.md:14: the link {attach}%2E%2E/%2E%2E/outside/index.html", LINK_OUTSIDE),
    ("content/jobs/static-environ.md:14: the link {static}/../../../../../../proc/self/environ", LINK_OUTSIDE),
    ("content/jobs/static-svg.md:14: the link {static}/images/drawing.svgz cannot be published", ".svg"),
    ("content/jobs/attach-html-in-images.md:14: the link {attach}/images/evil.html cannot be published", ".html"),
    ("content/jobs/static-markdown-source.md:14: the link {static}attach-over-page.md cannot be published", ".md"),
    ("content/jobs/filename-data-file.md:14: the link {filename}/data/offices.yml", "not a posting or a company page"),
    ("content/jobs/link-missing.md:14: the link {filename}/pages/no-such-page.md", "does not exist"),
    ("content/jobs/static-hidden-file.md:14: the link {static}/images/.hidden.png", "IGNORE_FILES"),
    ("content/pages/attach-link.md:4: the link {attach}../../outside/index.html", LINK_OUTSIDE),
    ("content/pages/save-as-index.md:3: save_as: company pages cannot set save_as", "write slug"),
    ("content/pages/template-url.md:3: template: company pages cannot set template", "remove it"),
    ("content/pages/template-url.md:4: url: company pages cannot set url", "write slug"),
    ("content/pages/slug-path.md:3: slug: '../../evil' is not a slug", "lowercase letters"),
    ("content/pages/lang-path.md:3: lang: 'de.x/../../../evil' is not a language code", "pt-BR"),
    ("content/pages/unknown-fields.md:3: author: company pages cannot set author", "remove it"),
    ("content/pages/unknown-fields.md:4: css: company pages cannot set css", "remove it"),
    ("content/pages/unknown-fields.md:5: colour: unknown field for a company page", "a page has title"),
    ("content/pages/include.rst: company pages are Markdown files: a .rst page", "include.md"),
    ("content/pages/raw.html: company pages are Markdown files: a .html page", "raw.md"),
    ("content/pages/old.htm: company pages are Markdown files: a .htm page", "old.md"),
    ("content/pages/notes.txt: company pages are Markdown files: a .txt page", "notes.md"),
    ("content/pages/old.static: company pages are Markdown files: a .static page", "old.md"),
    ("content/pages/Shouting.MD: is not read: the extension must be written in lowercase", "Shouting.md"),
    ("content/jobs/Upper.MD: is not read: the extension must be written in lowercase", "Upper.md"),
    ("content/images/evil.html: a .html file", NOT_PUBLISHED),
    ("content/images/evil.js: a .js file", NOT_PUBLISHED),
    ("content/images/logo.svg: is not an SVG drawing the site can read", "export it again"),
    ("content/images/drawing.svgz: a .svgz file is not published", "uncompressed"),
    ("content/images/fake.png: the file is named .png but its content is not a PNG file", "export it"),
    ("content/stray/index.html: is not part of the site", "move the file there or remove it"),
    ("content/notes.rst: is not part of the site", "move the file there or remove it"),
    ("content/jobs/environ.md: is a symbolic link", "put a copy of the file here"),
    ("content/pages/linked.md: is a symbolic link", "put a copy of the file here"),
    ("content/images/etc: is a symbolic link to a folder", "put a copy of the folder here"),
]  # fmt: skip
SYMLINKS = {
    "content/jobs/environ.md": "/proc/self/environ",
    "content/pages/linked.md": "../../outside/index.html",
    "content/images/etc": "/etc",
}


@pytest.fixture(scope="module")
def everything_refused(tmp_path_factory) -> Built:
    return build(tmp_path_factory.mktemp("refused"), "refused", links=SYMLINKS)


def test_every_hostile_file_is_refused_at_once_with_its_line_and_fix(everything_refused):
    assert_refused(everything_refused, *(start for start, _ in REFUSED))
    for start, fix in REFUSED:
        (line,) = [line for line in everything_refused.lines() if line.startswith(start)]
        assert fix in line, line
    assert everything_refused.lines()[-1] == (
        f"jobposting: the site was not built: fix the {len(REFUSED)} errors above"
    )


def test_every_fixture_file_is_named(everything_refused):
    named = {
        line.split(":")[0] for line in everything_refused.lines() if line.startswith("content/")
    }
    files = {
        str(p.relative_to(FIXTURES / "refused"))
        for p in (FIXTURES / "refused" / "content").rglob("*")
        if p.is_file() and not p.name.startswith(".")  # hidden files are ignored, not refused
    }
    assert files | set(SYMLINKS) <= named


def test_openings_validate_names_the_same_links(everything_refused):
    done = subprocess.run(
        [str(PELICAN.parent / "openings"), "validate", "-s", str(ROOT / "pelicanconf.py"),
         "--content", "content", "--today", TODAY],
        cwd=everything_refused.folder, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    printed = done.stdout.splitlines()
    # a symlinked posting is refused unread: nothing of the machine's files reaches a CI log
    assert "content/jobs/environ.md: is a symbolic link" in "\n".join(printed)
    assert f"PATH={os.environ['PATH']}" not in done.stdout + done.stderr
    for start, _ in REFUSED:
        if start.startswith("content/jobs/") and ": the link " in start:
            assert any(line.startswith(start) for line in printed), start


# --- one hostile file among the honest samples is enough to stop the build ---

ALONE = {
    "attach over a posting's page": (
        {"content/jobs/attach-over-page.md": "jobs/attach-over-page.md"}, {},
        "content/jobs/attach-over-page.md:14: the link {attach}../../outside/index.html",
    ),
    "the build's environment": (
        {"content/jobs/static-environ.md": "jobs/static-environ.md"}, {},
        "content/jobs/static-environ.md:14: the link {static}/../../../../../../proc/self/environ",
    ),
    "a page replacing the list": (
        {"content/pages/save-as-index.md": "pages/save-as-index.md"}, {},
        "content/pages/save-as-index.md:3: save_as:",
    ),
    "a page including a file": (
        {"content/pages/include.rst": "pages/include.rst"}, {}, "content/pages/include.rst:",
    ),
    "a raw HTML page": ({"content/pages/raw.html": "pages/raw.html"}, {}, "content/pages/raw.html:"),
    "HTML among the images": (
        {"content/images/evil.html": "images/evil.html"}, {}, "content/images/evil.html:",
    ),
    "JavaScript among the images": (
        {"content/images/evil.js": "images/evil.js"}, {}, "content/images/evil.js:",
    ),
    "an SVG that is a web page": (
        {"content/images/logo.svg": "images/logo.svg"}, {}, "content/images/logo.svg:",
    ),
    "a symlinked posting": ({}, {"content/jobs/environ.md": "/proc/self/environ"}, "content/jobs/environ.md:"),
    "a symlinked page": (
        {}, {"content/pages/about-us.md": "../../outside/index.html"}, "content/pages/about-us.md:",
    ),
    "a symlinked folder": ({}, {"content/images/etc": "/etc"}, "content/images/etc:"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(ALONE))
def test_one_hostile_file_among_the_samples_stops_the_build(tmp_path, case):
    files, links, expected = ALONE[case]
    shutil.copytree(FIXTURES / "refused" / "outside", tmp_path / "outside")
    for target, source in files.items():
        (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / "refused" / "content" / source, tmp_path / target)
    built = build(tmp_path, samples=True, links=links)
    assert_refused(built, expected)
    errors = [line for line in built.lines() if line.startswith("content/")]
    assert len(errors) == 1, errors


def test_a_posting_read_ahead_by_a_second_process_is_checked_too(tmp_path):
    # helper processes parse and check postings ahead from the first posting on (readahead.py)
    shutil.copytree(FIXTURES / "refused" / "outside", tmp_path / "outside")
    (tmp_path / "content" / "jobs").mkdir(parents=True)
    shutil.copyfile(
        FIXTURES / "refused" / "content" / "jobs" / "attach-over-page.md",
        tmp_path / "content" / "jobs" / "attach-over-page.md",
    )
    built = build(tmp_path, samples=True, JOBPOSTING_READAHEAD=1)
    assert_refused(built, "content/jobs/attach-over-page.md:14: the link {attach}")
    assert "11 files: 7 open, 1 closed, 1 draft, 1 scheduled, 1 rejected" in built.text


# --- two files at one address ---


def test_two_files_at_one_address_fail_naming_both(tmp_path):
    built = build(tmp_path, "clash")
    assert_refused(
        built,
        "content/pages/two.md: would be published at same/index.html, where content/pages/one.md "
        "is published too",
        "content/pages/theme.md: would be published at theme/index.html, in the folder theme/",
        "content/pages/feeds.md: would be published at feeds/index.html, in the folder feeds/",
    )


def test_a_page_over_a_list_of_postings_fails(tmp_path):
    built = build(tmp_path, "facet-clash")
    assert_refused(
        built,
        "content/pages/remote.md: would be published at remote/index.html, where the site's "
        "workplace page remote/ is published too",
    )


# --- honest files keep working ---


@pytest.fixture(scope="module")
def harmless(tmp_path_factory) -> Built:
    built = build(tmp_path_factory.mktemp("harmless"), "harmless")
    assert built.returncode == 0, built.text[-3000:]
    return built


def test_images_pdfs_and_links_inside_content_are_published(harmless):
    written = {str(p.relative_to(harmless.output)) for p in harmless.written()}
    assert {"images/team.png", "jobs/with-files/handbook.pdf", "our-team/index.html"} <= written
    assert (harmless.output / "images" / "team.png").read_bytes() == (
        FIXTURES / "harmless" / "content" / "images" / "team.png"
    ).read_bytes()
    # hidden files and README.md are never published (IGNORE_FILES)
    assert not {"images/.hidden.html", "images/README.md"} & written
    assert "{static}" not in (harmless.output / "our-team" / "index.html").read_text()


def test_svg_drawings_are_published_filtered(harmless):
    drawing = (harmless.output / "images" / "logo.svg").read_text()
    assert "<circle" in drawing and "<rect" in drawing
    # svg-hush leaves the text of a removed @import behind as harmless CSS; what could run or
    # load something is gone (Chromium below: no dialog, no request leaving the site)
    for hostile in ("script", "onload", "onclick", "javascript:", "foreignObject", "@import",
                    "url(http", 'href="http', "//evil.example/pixel", "//evil.example/sprite"):  # fmt: skip
        assert hostile not in drawing, hostile
    assert "<script" in (FIXTURES / "harmless" / "content" / "images" / "logo.svg").read_text()


def test_a_page_keeps_its_own_fields(harmless):
    page = (harmless.output / "our-team" / "index.html").read_text()
    assert "<title>Our Team" in page and "Who you would work with." in page
    assert "<script>alert" not in page and "onerror" not in page


def test_pages_with_an_order_come_first_in_the_menu(harmless):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((harmless.output / "index.html").read_text(), "html.parser")
    menu = [
        a.get_text() for a in page.select("nav a") if a.get_text() in ("Our Team", "A Later Page")
    ]
    assert menu[:2] == ["Our Team", "A Later Page"]


def test_draft_pages_are_published_only_where_drafts_are_shown(harmless, tmp_path):
    assert (harmless.output / "drafts" / "pages" / "not-yet.html").is_file()  # local preview
    built = build(tmp_path, "harmless", JOBPOSTING_SHOW_DRAFTS=False)
    assert built.returncode == 0, built.text[-3000:]
    assert not (built.output / "drafts").exists()
    assert (built.output / "our-team" / "index.html").is_file()


@pytest.mark.browser
def test_the_harmless_pages_run_nothing_in_chromium(harmless, chromium):
    from browsing import open_context, serve

    server = serve(harmless.output)
    context, visit = open_context(chromium)
    page = context.new_page()
    try:
        for relative in ("jobs/with-files/", "our-team/", "images/logo.svg"):
            response = page.goto(f"{server.url}/{relative}", wait_until="load")
            assert response is not None and response.ok, relative
            page.wait_for_timeout(50)  # let deferred scripts and image errors fire
            assert page.locator("script:not([type='application/ld+json']):not([src])").count() == 0
            if relative.endswith("/"):  # both images shown: the drawing is filtered, not broken
                assert page.evaluate(
                    "Array.from(document.images).filter(i => /team.png|logo.svg/.test(i.src))"
                    ".every(i => i.complete && i.naturalWidth > 0)"
                )
    finally:
        context.close()
        server.httpd.shutdown()
    assert visit.dialogs == []
    assert visit.page_errors == []
    assert visit.outside_requests == []
