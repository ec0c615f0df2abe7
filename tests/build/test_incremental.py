"""The dev server's incremental builds write what a cold build writes, byte for byte.

One warm process builds the sample site again and again through the dev cache (as
`make devserver` does) while the content changes: a posting's description and title edited,
a posting added and one deleted, "today" moved past two postings' valid_through, a data file
changed. After each step its output folder, search index included (made after the pages, then
waited for), equals a cold build's of the same content. Real builds, real Pagefind.
"""

from __future__ import annotations

import datetime
import filecmp
import gc
import queue
import subprocess
import sys
import threading
import types
import urllib.error
import urllib.request
import weakref
from pathlib import Path

import pelican.contents
import pytest
from openings.checks import pipeline
from openings.devserver import cache as devcache
from openings.devserver import incremental
from openings.devserver import postings as devpostings
from openings.devserver import server as devserver
from openings.devserver.searchlater import SearchLater
from openings.outputs import sitemap
from pelican import signals
from sitebuild import ROOT, TODAY, Site, run_build, site_settings


class Dev:
    """A warm dev-server process's state: its cache and its search index's thread."""

    def __init__(self, site: Site, output: Path, **overrides):
        self.site = site
        self.output = output
        self.overrides = overrides
        self.cache = devcache.DevCache()
        self.search = SearchLater()

    def settings(self, today: str):
        values = site_settings(
            self.site.content, self.output, JOBPOSTING_TODAY=today, **self.overrides
        )
        values.update(devserver.DEV_OVERRIDES)
        return values

    def build(self, today: str = TODAY, wait: bool = True) -> incremental.Result:
        self.values = self.settings(today)
        done = incremental.build(self.values, self.cache)
        self.search.request(self.cache.round.open_articles, self.values)
        if wait:
            assert self.search.wait(120), "the search index was not made in time"
            assert self.search.error is None
        return done


def differences(one: Path, other: Path) -> list[str]:
    found = []

    def walk(compared: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in cold: {prefix}{n}" for n in compared.left_only)
        found.extend(f"only in incremental: {prefix}{n}" for n in compared.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            compared.left, compared.right, compared.common_files, shallow=False
        )
        found.extend(f"differs: {prefix}{n}" for n in mismatch + errors)
        for name, sub in sorted(compared.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(one, other), "")
    return sorted(found)


def assert_same_as_cold(site: Site, dev: Dev, tmp_path: Path, step: str, today: str = TODAY):
    cold = tmp_path / f"cold-{step}"
    run_build(site.content, cold, JOBPOSTING_TODAY=today, **dev.overrides)
    assert differences(cold, dev.output) == [], step


@pytest.fixture
def sample(tmp_path):
    site = Site(tmp_path, with_samples=True)
    return site, Dev(site, tmp_path / "dev-output")


def test_every_incremental_build_writes_what_a_cold_build_writes(sample, tmp_path):
    site, dev = sample
    jobs = site.content / "jobs"
    dev.build()
    assert_same_as_cold(site, dev, tmp_path, "first")

    backend = jobs / "backend-developer.md"
    backend.write_text(
        backend.read_text("utf-8").replace(
            "You should have excellent", "You enjoy plain words and have excellent"
        ),
        "utf-8",
    )
    dev.build()
    assert_same_as_cold(site, dev, tmp_path, "description edited")

    designer = jobs / "product-designer.md"
    text = designer.read_text("utf-8")
    designer.write_text(text.replace("title: Product Designer", "title: Senior Product Designer"))
    dev.build()
    assert_same_as_cold(site, dev, tmp_path, "title edited")

    site.posting(
        "site-reliability-engineer.md",
        backend.read_text("utf-8")
        .replace("title: Backend Developer", "title: Site Reliability Engineer")
        .replace("req_id: ENG-101", "req_id: ENG-202"),
    )
    dev.build()
    assert (dev.output / "jobs" / "site-reliability-engineer" / "index.html").is_file()
    assert_same_as_cold(site, dev, tmp_path, "posting added")

    (jobs / "solutions-engineer-remote-us.md").unlink()
    done = dev.build()
    assert "jobs/solutions-engineer/index.html" in done.deleted  # its slug
    assert not (dev.output / "jobs" / "solutions-engineer").exists()
    assert_same_as_cold(site, dev, tmp_path, "posting deleted")

    later = "2027-01-20"  # staff-platform-engineer and werkstudent-frontend: valid until 01-15
    dev.build(today=later)
    page = (dev.output / "jobs" / "staff-platform-engineer" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in page  # closed, as the day says
    assert_same_as_cold(site, dev, tmp_path, "expired", today=later)

    offices = site.content / "data" / "offices.yml"
    offices.write_text(offices.read_text("utf-8").replace("Berlin", "Berlin-Mitte", 1), "utf-8")
    dev.build(today=later)
    assert_same_as_cold(site, dev, tmp_path, "data file changed", today=later)


def test_an_edited_description_renders_only_its_own_page_again(sample):
    site, dev = sample
    dev.build(wait=False)
    posting = site.content / "jobs" / "backend-developer.md"
    posting.write_text(posting.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    dev.build()
    kept = {Path(p).relative_to(dev.output).as_posix() for p in dev.cache.round.kept}
    assert "jobs/backend-developer/index.html" not in kept
    assert "jobs/product-designer/index.html" in kept
    assert "index.html" in kept  # the list shows no description: unchanged, not written


def test_pages_changed_or_deleted_in_the_output_folder_are_written_again(sample, tmp_path):
    # writer.py takes a kept page's file to be as rendered from the folder's listing before the
    # build: a file rewritten since (same size or not) or deleted must not be taken for it
    site, dev = sample
    dev.build(wait=False)
    page = dev.output / "jobs" / "backend-developer" / "index.html"
    same_size = page.read_bytes().replace(b"<html", b"<HTML", 1)
    page.write_bytes(same_size)
    (dev.output / "jobs" / "product-designer" / "index.html").unlink()
    (dev.output / "index.html").write_text("edited by hand", "utf-8")
    dev.build()
    kept = {Path(p).relative_to(dev.output).as_posix() for p in dev.cache.round.kept}
    assert "jobs/backend-developer/index.html" not in kept
    assert "jobs/product-designer/index.html" not in kept
    assert "index.html" not in kept
    assert "jobs/staff-platform-engineer/index.html" in kept
    assert_same_as_cold(site, dev, tmp_path, "changed by hand")


def test_the_dev_server_keeps_no_objects_of_a_build_after_the_next(sample):
    """Its memory does not grow with every edit: Pelican keeps each Article's and Page's HTML
    in caches of its own, keyed by the object, which the dev cache empties after each build."""
    _, dev = sample
    seen = []

    def note(generator):
        seen.extend(weakref.ref(page) for page in getattr(generator, "articles", ()))
        seen.extend(weakref.ref(page) for page in getattr(generator, "pages", ()))

    signals.article_generator_finalized.connect(note)
    signals.page_generator_finalized.connect(note)
    try:
        dev.build()
    finally:
        signals.article_generator_finalized.disconnect(note)
        signals.page_generator_finalized.disconnect(note)
    dev.build()
    gc.unfreeze()  # what the last build froze for the exit (speed/memory.py)
    gc.collect()
    assert len(seen) > 5
    assert [ref() for ref in seen if ref() is not None] == []


def test_a_reused_postings_html_is_made_once_for_every_build_that_reuses_it(sample, monkeypatch):
    """Its HTML with Pelican's links made absolute is kept with the Article the builds are
    handed copies of (KeptArticle.texts), and made again only for a new Article."""
    _, dev = sample
    dev.build(wait=False)
    made = []
    content = devpostings._CONTENT
    monkeypatch.setattr(devpostings, "_CONTENT", lambda *args: made.append(1) or content(*args))
    dev.build(wait=False)
    assert made  # a new function: nothing made by it is kept yet
    made.clear()
    dev.build()
    assert made == []


def test_posting_pages_lookups_are_asked_again_only_when_the_board_or_the_day_changed(
    sample, monkeypatch
):
    """Every lookup answers the same while the board's and the day's key is the same
    (DevCache.still_reads): an edited description asks none of them again; a new day does."""
    from openings.devserver import pagereads

    site, dev = sample
    dev.build(wait=False)
    asked = []
    answer = pagereads.answer
    monkeypatch.setattr(
        pagereads, "answer", lambda question, *args: asked.append(question) or answer(
            question, *args
        )
    )  # fmt: skip
    posting = site.content / "jobs" / "backend-developer.md"
    posting.write_text(posting.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    dev.build(wait=False)
    assert asked == []
    dev.build(today="2026-11-29", wait=False)
    assert any(question[0] == "others" for question in asked)


def test_a_new_day_renders_again_the_lists_and_only_the_posting_pages_that_change(
    sample, tmp_path, monkeypatch
):
    """A posting's page shows no age: a new day renders it again only when what it shows of
    the other postings changed (pagereads.py); the lists show ages and are rendered again."""
    site, dev = sample
    dev.build(wait=False)
    rendered = []
    write_file = pelican.writers.Writer.write_file
    monkeypatch.setattr(
        pelican.writers.Writer, "write_file",
        lambda self, name, *args, **kwargs: rendered.append(name)
        or write_file(self, name, *args, **kwargs),
    )  # fmt: skip
    dev.build(today="2026-11-29")
    assert "index.html" in rendered
    # postings with intrasite links are rendered at every build (cache.py)
    linking = {"jobs/product-designer/index.html", "jobs/solutions-engineer/index.html"}
    assert {name for name in rendered if name.startswith("jobs/")} == linking
    assert_same_as_cold(site, dev, tmp_path, "next day", today="2026-11-29")

    rendered.clear()
    dev.build(today="2027-01-20")  # two Engineering postings closed: valid until 01-15
    postings = {name for name in rendered if name.startswith("jobs/")}
    assert {
        "jobs/staff-platform-engineer/index.html",  # closed
        "jobs/backend-developer/index.html",  # "More jobs in Engineering" lost two
    } <= postings
    assert "jobs/customer-support-specialist/index.html" not in postings  # another department
    assert (dev.output / "jobs" / "customer-support-specialist" / "index.html").is_file()
    assert_same_as_cold(site, dev, tmp_path, "two closed", today="2027-01-20")


def test_the_dev_servers_templates_record_lookups_and_still_reuse_macro_html(sample):
    from openings.devserver import pagereads
    from openings.speed import templatecache
    from pelican import signals

    _site, dev = sample
    classes = []

    def seen(generator):
        if getattr(generator, "env", None) is not None:
            classes.append(generator.env.context_class)

    def every(generators):
        for generator in generators:
            seen(generator)

    signals.all_generators_finalized.connect(every)
    try:
        dev.build(wait=False)
    finally:
        signals.all_generators_finalized.disconnect(every)
    assert classes
    for found in classes:
        assert issubclass(found, pagereads.RecordingContext)
        assert issubclass(found, templatecache._ReusingContext)


def test_unchanged_postings_are_neither_read_nor_checked_again(sample, monkeypatch):
    site, dev = sample
    dev.build(wait=False)
    posting = site.content / "jobs" / "backend-developer.md"
    posting.write_text(posting.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    checked = []
    check_posting = pipeline.check_posting
    monkeypatch.setattr(
        pipeline, "check_posting", lambda *args: checked.append(args[1]) or check_posting(*args)
    )
    dev.build(wait=False)
    postings = sorted((site.content / "jobs").glob("*.md"))
    linking = [p.name for p in postings if "{filename}" in p.read_text("utf-8")]
    assert linking  # a posting with intrasite links is read and checked at every build
    assert sorted(Path(path).name for path in checked) == sorted(["backend-developer.md", *linking])
    assert dev.cache.round.reused == len(postings) - 1 - len(linking)  # from the last build


def test_a_new_day_checks_each_posting_again_without_validating_it_again(sample, monkeypatch):
    """Validation depends on the file, the settings and the data files, not on "today": on a
    new day a kept posting's state, freshness and pay rules are decided again from it."""
    site, dev = sample
    dev.build(wait=False)
    validated = []
    validate = pipeline.validate
    monkeypatch.setattr(
        pipeline, "validate", lambda doc, path, *args: validated.append(path) or validate(
            doc, path, *args
        )
    )  # fmt: skip
    dev.build(today="2027-01-20", wait=False)
    postings = sorted((site.content / "jobs").glob("*.md"))
    linking = [p.name for p in postings if "{filename}" in p.read_text("utf-8")]
    assert sorted(Path(path).name for path in validated) == sorted(linking)  # read anew
    page = (dev.output / "jobs" / "staff-platform-engineer" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in page  # closed, as the new day says

    offices = site.content / "data" / "offices.yml"
    offices.write_text(offices.read_text("utf-8").replace("Berlin", "Berlin-Mitte", 1), "utf-8")
    validated.clear()
    dev.build(today="2027-01-20", wait=False)
    assert len(validated) == len(postings)  # a data file changed: every posting validated


BLOG_POST = "Title: Hello\nDate: 2026-11-01\nCategory: News\n\nThe blog's first post.\n"


def test_a_site_with_a_blog_is_built_as_a_cold_build_builds_it(tmp_path):
    """Postings beside a blog are hidden articles, at addresses under the list of open jobs
    (plugin._place_under_index): a reused posting keeps them."""
    site = Site(tmp_path, with_samples=True)
    (site.content / "blog").mkdir()
    (site.content / "blog" / "hello.md").write_text(BLOG_POST, "utf-8")
    dev = Dev(
        site,
        tmp_path / "dev-output",
        ARTICLE_PATHS=["blog", "jobs"],
        JOBPOSTING_CHECK_ALL_CONTENT=False,
    )
    dev.build(wait=False)
    posting = site.content / "jobs" / "backend-developer.md"
    posting.write_text(posting.read_text("utf-8").replace("Backend Developer", "API Developer"))
    dev.build()
    assert dev.cache.round.reused > 0
    assert_same_as_cold(site, dev, tmp_path, "with a blog")


def test_a_site_in_two_languages_is_built_as_a_cold_build_builds_it(sample, tmp_path):
    """Each list again under /de/, each posting's German version where it has one: reused
    Articles keep their translations and their language's addresses."""
    site, _ = sample
    dev = Dev(site, tmp_path / "dev-output", JOBPOSTING_LANGUAGES=["en", "de"])
    dev.build(wait=False)
    posting = site.content / "jobs" / "backend-developer.md"
    posting.write_text(posting.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    dev.build()
    assert dev.cache.round.reused > 0
    assert (dev.output / "de" / "index.html").is_file()
    assert_same_as_cold(site, dev, tmp_path, "in two languages")


def test_a_posting_past_its_valid_through_is_closed_by_a_cached_build(sample):
    _, dev = sample
    dev.build(wait=False)
    page = dev.output / "jobs" / "backend-developer" / "index.html"
    assert "application/ld+json" in page.read_text("utf-8")
    dev.build(today="2027-02-01")  # valid_through: 2027-01-31; the file is unchanged
    closed = page.read_text("utf-8")
    assert "application/ld+json" not in closed
    assert '<meta name="robots" content="noindex">' in closed
    assert "/jobs/backend-developer/" not in (dev.output / "sitemap.xml").read_text("utf-8")


def _set_clock(monkeypatch, at: str) -> None:
    """The wall clock as Pelican's Article and the dev cache read it (WITH_FUTURE_DATES)."""

    class Clock(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            moment = datetime.datetime.fromisoformat(at)
            return moment.astimezone(tz) if tz else moment.astimezone().replace(tzinfo=None)

    shim = types.SimpleNamespace(datetime=Clock, UTC=datetime.UTC)
    monkeypatch.setattr(pelican.contents, "datetime", shim)
    monkeypatch.setattr(devpostings, "datetime", shim)


def test_a_posting_whose_date_passes_while_the_server_runs_is_read_again(
    sample, tmp_path, monkeypatch
):
    """WITH_FUTURE_DATES = False: Pelican makes an article dated after the wall clock a draft.
    When the clock passes the date of an unchanged posting, the dev server makes its Article
    again, and writes what a cold build writes then."""
    site, _ = sample
    dev = Dev(site, tmp_path / "dev-output", WITH_FUTURE_DATES=False)
    before, after = "2026-11-01T12:00:00+00:00", "2026-11-03T12:00:00+00:00"
    # backend-developer.md: date_posted 2026-11-02, between the two
    _set_clock(monkeypatch, before)
    dev.build()
    assert_same_as_cold(site, dev, tmp_path, "before its date")
    _set_clock(monkeypatch, after)
    dev.build()
    assert_same_as_cold(site, dev, tmp_path, "after its date")
    # the date matters: a cold build before it writes something else
    assert differences(tmp_path / "cold-before its date", tmp_path / "cold-after its date")


def test_the_server_says_search_is_unavailable_while_the_index_is_older_than_the_pages(sample):
    _, dev = sample
    dev.build()
    gate = threading.Event()

    def held(articles):  # the index is made once the test has asked for it
        gate.wait(30)
        yield from articles

    server = devserver.serve(str(dev.output), "127.0.0.1", 0, dev.search)
    address = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        dev.search.request(held(dev.cache.round.open_articles), dev.values)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{address}/pagefind/pagefind.js", timeout=10)
        assert refused.value.code == 503
        with urllib.request.urlopen(f"{address}/index.html", timeout=10) as page:
            assert page.status == 200  # the pages are served meanwhile
        gate.set()
        assert dev.search.wait(120)
        with urllib.request.urlopen(f"{address}/pagefind/pagefind.js", timeout=10) as index:
            assert index.read() == (dev.output / "pagefind" / "pagefind.js").read_bytes()
    finally:
        gate.set()
        server.shutdown()


SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403
PATH = {content!r}
CACHE_PATH = {cache!r}
JOBPOSTING_TODAY = {today!r}
"""


def test_the_dev_server_never_lets_pelican_empty_its_output_folder(sample, tmp_path):
    # the listing taken before the build (speed/listahead.py) stands for the folder's files:
    # a folder Pelican emptied after it would leave the pages the writer keeps missing
    site, _ = sample
    settings = tmp_path / "devsettings.py"
    text = SETTINGS.format(root=str(ROOT), content=str(site.content),
                           cache=str(tmp_path / "cache"), today=TODAY)  # fmt: skip
    settings.write_text(text + "DELETE_OUTPUT_DIRECTORY = True\n", "utf-8")
    served = tmp_path / "served"
    dev = devserver.DevServer(str(settings), {"OUTPUT_PATH": str(served)})
    assert dev.build() is not None
    assert dev.search.wait(120)
    assert dev.build() is not None
    assert dev.values["DELETE_OUTPUT_DIRECTORY"] is False
    kept = {Path(p).relative_to(served).as_posix() for p in dev.cache.round.kept}
    assert "jobs/backend-developer/index.html" in kept
    assert (served / "jobs" / "backend-developer" / "index.html").is_file()
    assert dev.search.wait(120)


def test_make_devserver_serves_the_site_and_rebuilds_it_after_an_edit(sample, tmp_path):
    site, _ = sample
    settings = tmp_path / "devsettings.py"
    settings.write_text(
        SETTINGS.format(root=str(ROOT), content=str(site.content),
                        cache=str(tmp_path / "cache"), today=TODAY),
        "utf-8",
    )  # fmt: skip
    command = [sys.executable, "-m", "openings.devserver", "-s", str(settings),
               "-o", str(tmp_path / "served"), "-p", "0"]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=tmp_path, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in server.stderr], daemon=True).start()

    said = []

    def wait_for(text: str, timeout: float = 300) -> str:  # a busy machine
        while True:
            try:
                said.append(lines.get(timeout=timeout))
            except queue.Empty:
                raise AssertionError("".join(said)) from None
            if text in said[-1]:
                return said[-1]

    try:
        address = wait_for("devserver: serving ").split()[-3].rstrip("/")
        posting = site.content / "jobs" / "backend-developer.md"
        url = f"{address}/jobs/backend-developer/"
        with urllib.request.urlopen(url, timeout=10) as page:
            assert "Backend Developer" in page.read().decode("utf-8")
        edited = posting.read_text("utf-8").replace(
            "title: Backend Developer", "title: API Developer"
        )
        for attempt in range(1, 6):
            # the server starts watching just after it says where it serves: an edit made in
            # between is not seen, so it is made again (with one more newline) until it is
            posting.write_text(edited + "\n" * attempt, "utf-8")
            try:
                wait_for("devserver: built in", timeout=20 * attempt)
                break
            except AssertionError:
                if attempt == 5:
                    raise
        with urllib.request.urlopen(url, timeout=10) as page:
            assert '<h1 dir="auto">API Developer</h1>' in page.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(30)


def test_a_build_with_a_warm_cache_folder_still_closes_what_expired(tmp_path):
    """What a cold build keeps on disk between runs (CACHE_PATH: compiled templates) holds no
    verdict: a build after valid_through, with the folder of an earlier build, closes the
    posting."""
    site = Site(tmp_path, with_samples=True)
    cache = tmp_path / "kept-cache"
    site.build(CACHE_PATH=str(cache))
    assert any(cache.rglob("*"))  # something was kept
    page = site.output / "jobs" / "backend-developer" / "index.html"
    assert "application/ld+json" in page.read_text("utf-8")
    run_build(site.content, tmp_path / "next-day", CACHE_PATH=str(cache),
              JOBPOSTING_TODAY="2027-02-01")  # fmt: skip
    closed = (tmp_path / "next-day" / "jobs" / "backend-developer" / "index.html").read_text()
    assert "application/ld+json" not in closed
    assert "/jobs/backend-developer/" not in (tmp_path / "next-day" / "sitemap.xml").read_text()


def test_the_dev_servers_second_build_of_unchanged_content_renders_nothing_again(sample, tmp_path):
    site, _ = sample
    settings = tmp_path / "devsettings.py"
    settings.write_text(
        SETTINGS.format(root=str(ROOT), content=str(site.content),
                        cache=str(tmp_path / "cache"), today=TODAY),
        "utf-8",
    )  # fmt: skip
    dev = devserver.DevServer(str(settings), {"OUTPUT_PATH": str(tmp_path / "served")})
    seen = []

    def note(generator):
        seen.extend(weakref.ref(article) for article in generator.articles)

    signals.article_generator_finalized.connect(note)
    try:
        assert dev.build() is not None
    finally:
        signals.article_generator_finalized.disconnect(note)
    assert dev.search.wait(120)  # its search index, made of the first build's Articles
    assert dev.build() is not None  # Pelican changed some settings in place during the first
    kept = {Path(p).relative_to(tmp_path / "served").as_posix() for p in dev.cache.round.kept}
    assert {"index.html", "jobs/backend-developer/index.html", "404.html"} <= kept
    # the first build's objects were freed by the server itself: its memory does not grow
    assert len(seen) > 5 and [ref() for ref in seen if ref() is not None] == []
    dev.search.wait(120)


def test_the_sitemaps_files_follow_the_board_across_the_protocols_limit(
    sample, tmp_path, monkeypatch
):
    site, dev = sample
    dev.build()
    addresses = (dev.output / "sitemap.xml").read_bytes().count(b"<url>")
    monkeypatch.setattr(sitemap, "MAX_URLS", addresses - 1)  # one address too many: two files
    dev.build()
    assert (dev.output / "sitemap-2.xml").is_file()
    assert b"<sitemapindex" in (dev.output / "sitemap.xml").read_bytes()
    assert_same_as_cold(site, dev, tmp_path, "split")

    (site.content / "jobs" / "solutions-engineer-remote-us.md").unlink()  # one file again
    done = dev.build()
    assert {"sitemap-1.xml", "sitemap-2.xml"} <= set(done.deleted)
    assert_same_as_cold(site, dev, tmp_path, "one file again")
