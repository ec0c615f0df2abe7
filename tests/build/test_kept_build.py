"""Kept builds (`make publish BUILD_CACHE=folder`) write what a cold build writes, byte for byte.

Each kept build starts from nothing but the cache folder and the output folder the last one left,
as a CI build does: the cache is loaded from its file, the site built through it, the search
index's unchanged parts taken from it. After each change of the content (an edit, a posting
added and one deleted, a new day past two postings' valid_through, a changed data file) and after
the output folder is restored with new inodes and times, the output equals a cold build's.
Real builds, real Pagefind.
"""

from __future__ import annotations

import gc
import os
import pickle
import re
import shutil
import subprocess
import sys
import textwrap
import threading
import weakref
from pathlib import Path

import pytest
from openings.build.speedup import NO_SLUG
from openings.core.problems import BuildFailed
from openings.devserver import keptbuild, keptstate
from openings.outputs import feeds, indeed, jobsjson, search_index
from openings.outputs.pagefind_client import PagefindError
from openings.render import jsonld
from openings.speed import parallel
from pelican import signals
from sitebuild import ROOT, TODAY, Site, run_build, site_settings
from test_incremental import differences


class Kept:
    """A CI job's view: the content, an output folder and a cache folder kept between runs."""

    def __init__(self, site: Site, tmp_path: Path, **overrides):
        self.site = site
        self.output = tmp_path / "kept-output"
        self.folder = tmp_path / "kept-cache"
        self.overrides = overrides
        self.tmp_path = tmp_path

    def build(self, today: str = TODAY) -> str:
        values = site_settings(
            self.site.content, self.output, JOBPOSTING_TODAY=today, **self.overrides
        )
        return keptbuild.build(values, str(self.folder))

    def assert_same_as_cold(self, step: str, today: str = TODAY) -> None:
        cold = self.tmp_path / f"cold-{step}"
        run_build(self.site.content, cold, JOBPOSTING_TODAY=today, **self.overrides)
        assert differences(cold, self.output) == [], step


@pytest.fixture
def kept(tmp_path):
    return Kept(Site(tmp_path, with_samples=True), tmp_path)


def test_every_kept_build_writes_what_a_cold_build_writes(kept):
    jobs = kept.site.content / "jobs"
    line = kept.build()
    assert "no cache used" in line and "does not exist yet" in line
    kept.assert_same_as_cold("first")

    line = kept.build()
    assert _reused(line) > 0 and "0 of 1 part made again" in line
    kept.assert_same_as_cold("unchanged")

    backend = jobs / "backend-developer.md"
    text = backend.read_text("utf-8")
    backend.write_text(text.replace("You should have excellent", "You have excellent"), "utf-8")
    line = kept.build()
    assert "1 of 1 part made again" in line
    kept.assert_same_as_cold("description edited")

    kept.site.posting(
        "site-reliability-engineer.md",
        backend.read_text("utf-8")
        .replace("title: Backend Developer", "title: Site Reliability Engineer")
        .replace("req_id: ENG-101", "req_id: ENG-202"),
    )
    kept.build()
    kept.assert_same_as_cold("posting added")

    (jobs / "solutions-engineer-remote-us.md").unlink()
    line = kept.build()
    assert "old files deleted" in line
    assert not (kept.output / "jobs" / "solutions-engineer").exists()
    kept.assert_same_as_cold("posting deleted")

    later = "2027-01-20"  # staff-platform-engineer and werkstudent-frontend: valid until 01-15
    line = kept.build(today=later)
    assert _reused(line) > 0  # the Articles, their verdicts made again under the new day
    page = (kept.output / "jobs" / "staff-platform-engineer" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in page  # closed, as the new day says
    kept.assert_same_as_cold("expired", today=later)

    offices = kept.site.content / "data" / "offices.yml"
    offices.write_text(offices.read_text("utf-8").replace("Berlin", "Berlin-Mitte", 1), "utf-8")
    line = kept.build(today=later)
    assert _reused(line) > 0
    kept.assert_same_as_cold("data file changed", today=later)


def test_an_output_folder_restored_with_new_inodes_and_times_is_reused(kept):
    """actions/cache gives back the folder as a new tree of files: what holds the bytes the cache
    wrote is kept, what does not is written again."""
    kept.build()
    restored = kept.output.with_name("restored")
    shutil.copytree(kept.output, restored)  # new inodes, new change times
    shutil.rmtree(kept.output)
    os.replace(restored, kept.output)
    (kept.output / "jobs" / "backend-developer" / "index.html").write_text("tampered", "utf-8")
    (kept.output / "jobs" / "stray.html").write_text("not made by any build", "utf-8")
    line = kept.build()
    assert "old files deleted" in line
    kept.assert_same_as_cold("restored")
    files_kept = int(line.split(" files kept")[0].rsplit(" ", 1)[1])
    assert files_kept > 20  # pages were not all rendered again


def test_a_cache_from_other_code_or_damaged_is_not_used(kept, monkeypatch):
    kept.build()
    monkeypatch.setattr(keptstate, "code_key", lambda *_: b"another version of openings")
    line = kept.build()
    assert "no cache used (the code changed since it was made)" in line
    kept.assert_same_as_cold("other code")
    monkeypatch.undo()
    assert "the code changed since it was made" in kept.build()  # saved by the other code

    kept_file = kept.folder / keptstate.FILE
    header = kept_file.read_bytes().split(b"\n", 1)[0] + b"\n"
    kept_file.write_bytes(header + b"\x80\x05not a pickle")
    line = kept.build()
    assert "could not be read: " in line
    kept.assert_same_as_cold("damaged")
    found, why_not = keptstate.load(str(kept.folder), keptstate.code_key(), str(kept.output))
    assert isinstance(found, keptstate.Kept) and why_not is None  # made whole again


def test_a_cache_file_is_not_unpickled_unless_its_first_line_names_this_code(kept, monkeypatch):
    """The key is read before the pickle: a file made by other code, or planted, is never
    unpickled."""
    kept.build()
    loaded, real_load = [], keptstate.pickle.load

    def load(handle, *args, **kwargs):  # the template cache unpickles too
        loaded.append(getattr(handle, "name", ""))
        return real_load(handle, *args, **kwargs)

    monkeypatch.setattr(keptstate.pickle, "load", load)
    kept_file = kept.folder / keptstate.FILE
    kept_file.write_bytes(b"openings-build 1 00ff /elsewhere\n" + b"anything")
    assert "the code changed since it was made" in kept.build()
    code = keptstate.code_key().hex()
    kept_file.write_bytes(
        f"openings-build {keptstate.VERSION} {code} /elsewhere\n".encode() + b"anything"
    )
    assert "it was made for another output folder, /elsewhere" in kept.build()
    assert not [name for name in loaded if str(name).endswith(keptstate.FILE)]


def test_the_code_key_changes_with_a_file_of_the_package(tmp_path, monkeypatch):
    package = tmp_path / "openings"
    shutil.copytree(keptstate.PACKAGE / "devserver", package / "devserver")
    monkeypatch.setattr(keptstate, "PACKAGE", package)
    before = keptstate.code_key()
    assert keptstate.code_key() == before
    with open(package / "devserver" / "keys.py", "a", encoding="utf-8") as handle:
        handle.write("# an edit\n")
    assert keptstate.code_key() != before


def test_a_kept_build_with_search_off_leaves_no_index(kept):
    kept.build()
    assert (kept.output / "pagefind").is_dir()
    kept.overrides["JOBPOSTING_SEARCH"] = False
    line = kept.build()
    assert "no search index" in line
    kept.assert_same_as_cold("search off")


def test_make_publish_with_build_cache_runs_a_kept_build(tmp_path):
    """What the Pages workflow runs, in new processes: the second build reuses the first's."""
    site = Site(tmp_path, with_samples=True)
    settings = tmp_path / "settings.py"
    settings.write_text(
        textwrap.dedent(f"""\
            import sys
            sys.path.insert(0, {str(ROOT)!r})
            from pelicanconf import *  # noqa: F403
            JOBPOSTING_TODAY = {TODAY!r}
            SITEURL = "https://careers.example"
            """),
        "utf-8",
    )
    command = [sys.executable, "-m", "openings.devserver.keptbuild", str(site.content),
               "-s", str(settings), "-o", str(tmp_path / "out"),
               "--cache", str(tmp_path / "cache")]  # fmt: skip
    first = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert first.returncode == 0, first.stderr
    second = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert second.returncode == 0, second.stderr
    assert "no cache used" in first.stdout + first.stderr
    summary = [
        line for line in (second.stdout + second.stderr).splitlines() if "kept build" in line
    ]
    assert summary and _reused(summary[0]) > 0 and "0 of 1 part" in summary[0]
    cold = run_build(site.content, tmp_path / "cold", SITEURL="https://careers.example")
    assert differences(cold, tmp_path / "out") == []

    (site.content / "jobs" / "backend-developer.md").write_text("---\ntitle: [oops\n", "utf-8")
    failed = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert failed.returncode == 1
    assert "backend-developer.md" in failed.stdout + failed.stderr
    assert "Traceback" not in failed.stdout + failed.stderr


def test_a_kept_build_from_nothing_uses_the_cold_builds_helpers(tmp_path):
    """With nothing kept, the read-ahead helpers and the second page writer do their part, and
    the next build renders none of the pages the second process wrote: it sent back its
    records of them."""
    kept = Kept(
        Site(tmp_path, with_samples=True),
        tmp_path,
        JOBPOSTING_READAHEAD=1,
        JOBPOSTING_PARALLEL_PAGES=(1, 10_000),
    )
    kept.build()
    kept.assert_same_as_cold("from nothing")
    line = kept.build()
    kept.assert_same_as_cold("second")
    alone = Kept(kept.site, tmp_path / "alone")
    alone.build()
    alone_line = alone.build()
    assert _reused(line) == _reused(alone_line) > 0  # the helpers' readings were kept
    assert _kept_files(line) == _kept_files(alone_line)  # and the second process's pages
    cache = keptstate.load(str(kept.folder), keptstate.code_key(), str(kept.output))[0]
    page = str(kept.output / "jobs" / "backend-developer" / "index.html")
    assert page in cache.outputs.pages and page in cache.outputs.files
    # a helper validated each posting without its slug; what is kept for a new day has it
    validated = [c.outcome.validated[0] for c in cache.postings.checked.values()]
    assert validated and all(p is None or p.slug != NO_SLUG for p in validated)
    later = "2027-01-20"  # two postings closed: valid until 01-15
    line = kept.build(today=later)
    assert _reused(line) > 0
    kept.assert_same_as_cold("next day", today=later)


def test_a_big_board_from_nothing_writes_its_pages_beside_the_index_alone(tmp_path, monkeypatch):
    """Above BESIDE_THE_INDEX_PAGES posting pages, a kept build from nothing starts no second
    page process: Pagefind has the second core. With a cache, or without the index, as before."""
    asked = []
    wanted = parallel.wanted
    monkeypatch.setattr(
        parallel, "wanted", lambda pages, limits: asked.append(limits) or wanted(pages, limits)
    )
    monkeypatch.setattr(keptbuild, "BESIDE_THE_INDEX_PAGES", 3)
    kept = Kept(Site(tmp_path, with_samples=True), tmp_path, JOBPOSTING_PARALLEL_PAGES=(1, 10_000))
    kept.build()
    assert asked == [(1, 3)]
    kept.assert_same_as_cold("from nothing")
    asked.clear()
    unindexed = Kept(
        kept.site, tmp_path / "unindexed", JOBPOSTING_PARALLEL_PAGES=(1, 10_000),
        JOBPOSTING_SEARCH=False,
    )  # fmt: skip
    unindexed.build()
    assert asked == [(1, 10_000)]
    asked.clear()
    above = Kept(kept.site, tmp_path / "above", JOBPOSTING_PARALLEL_PAGES=(4, 10_000))
    above.build()  # a range wholly above the cap is never, not a range the check refuses
    assert asked == [None]


@pytest.mark.parametrize("limits", [(200,), ("a", 9), (5, 3)])
def test_a_malformed_parallel_pages_setting_is_named_by_a_kept_build(tmp_path, limits):
    kept = Kept(Site(tmp_path, with_samples=True), tmp_path, JOBPOSTING_PARALLEL_PAGES=limits)
    with pytest.raises(BuildFailed):
        kept.build()


def test_the_cache_is_unpickled_with_the_collector_paused_and_then_frozen(kept, monkeypatch):
    """Every object of the cache lives on: collections that walk it find nothing."""
    kept.build()
    enabled = []
    load = pickle.load

    def loading(handle):
        enabled.append(gc.isenabled())
        return load(handle)

    monkeypatch.setattr(pickle, "load", loading)
    found, _ = keptstate.load(str(kept.folder), keptstate.code_key(), str(kept.output))
    assert found is not None and enabled == [False, False]  # the build's part, the index's
    assert gc.isenabled()
    unpickled = (found.postings, found.records)
    assert not [o for o in gc.get_objects() if any(o is u for u in unpickled)]  # frozen
    gc.unfreeze()


def test_a_kept_build_lets_its_articles_go_before_it_saves_the_cache(kept, monkeypatch):
    """Memory: pickling the cache must not come on top of the build's own objects (the
    crawler files' pieces kept with it hold no Article)."""
    kept.build()  # the second build reuses the kept Articles: it hands out copies of them
    seen, wrapped = [], []

    def note(generator):
        seen.extend(weakref.ref(article) for article in generator.articles)
        wrapped.append(hasattr(jsonld.build, "__wrapped__"))

    alive_at_save = []
    write_build = keptstate.CacheFile.write_build

    def saving(cache_file, *parts):
        gc.collect()
        alive_at_save.append(sum(ref() is not None for ref in seen))
        return write_build(cache_file, *parts)

    signals.article_generator_finalized.connect(note)
    monkeypatch.setattr(keptstate.CacheFile, "write_build", saving)
    try:
        kept.build()
    finally:
        signals.article_generator_finalized.disconnect(note)
    assert len(seen) > 5 and wrapped == [True]
    assert alive_at_save == [0]


def _pieces_made(monkeypatch) -> dict[str, list[str]]:
    """The posting files whose crawler-file pieces a build makes (memo.py wraps these)."""
    made: dict[str, list[str]] = {}

    def counting(module, name, posting_of):
        original = getattr(module, name)

        def making(*args):
            made.setdefault(name, []).append(Path(posting_of(*args).source_path).name)
            return original(*args)

        monkeypatch.setattr(module, name, making)

    counting(feeds, "entry", lambda feed, item, site: item.posting)
    counting(indeed, "jobs", lambda item, siteurl: item.posting)
    counting(jsonld, "build", lambda posting, url, html: posting)
    counting(jobsjson, "job", lambda item: item.posting)
    return made


def _saved(kept) -> keptstate.Kept:
    found, why_not = keptstate.load(str(kept.folder), keptstate.code_key(), str(kept.output))
    gc.unfreeze()  # load froze what it unpickled
    assert found is not None, why_not
    return found


def _saved_memo(kept):
    return _saved(kept).memo


# The sample postings whose text may hold Pelican's intrasite links: read and checked at every
# build (sourcefiles.LINK_WORDS), so their pieces are made every time.
LINKED = ["solutions-engineer-remote-us.md", "product-designer.md"]


def test_the_crawler_files_pieces_are_kept_for_the_next_build(kept, monkeypatch):
    """Each posting's Atom entry, Indeed jobs, JSON-LD and jobs.json record are saved with the
    cache: the next build makes them again only for a posting whose verdict changed."""
    kept.build()  # from nothing: the board's size is not known yet, no pieces
    assert _saved_memo(kept) is None
    kept.build()
    made = _pieces_made(monkeypatch)
    kept.build()
    assert made == dict.fromkeys(("build", "entry", "jobs", "job"), LINKED)
    made.clear()
    backend = kept.site.content / "jobs" / "backend-developer.md"
    text = backend.read_text("utf-8")
    backend.write_text(text.replace("You should have excellent", "You have excellent"), "utf-8")
    kept.build()
    edited = sorted(["backend-developer.md", *LINKED])
    assert {name: sorted(files) for name, files in made.items()} == dict.fromkeys(
        ("build", "entry", "jobs", "job"), edited
    )
    made.clear()
    # A new day, past two postings' valid_through and a scheduled posting's opening: each
    # verdict is made again, from the kept validation where it holds, and so is the model of a
    # posting whose state changed; an open posting keeps its model and so its pieces.
    kept.build(today="2027-01-20")
    assert "engineering-manager.md" in made["entry"]
    assert "backend-developer.md" not in made["entry"]
    kept.assert_same_as_cold("a new day", today="2027-01-20")


def test_a_deleted_posting_is_not_kept(kept):
    """The saved cache holds the board's postings, not every posting it ever had."""
    kept.build()
    kept.build()
    assert "office-manager.md" in _sources(_saved_memo(kept))
    (kept.site.content / "jobs" / "office-manager.md").unlink()
    kept.build()
    saved = _saved(kept)
    sources = _sources(saved.memo)
    assert "backend-developer.md" in sources and "office-manager.md" not in sources
    for found in (saved.postings.readings, saved.postings.checked):
        names = {Path(path).name for path in found}
        assert "backend-developer.md" in names and "office-manager.md" not in names


def _sources(memo) -> set[str]:
    return {Path(path).name for kept in memo._kept.values() for path in kept}


def test_a_big_boards_pieces_are_not_kept(kept, monkeypatch):
    monkeypatch.setattr(keptbuild, "KEEP_PIECES", 3)  # the sample board has 10 posting files
    kept.build()
    kept.build()
    assert _saved_memo(kept) is None
    made = _pieces_made(monkeypatch)
    kept.build()
    assert len(made["entry"]) > 5
    kept.assert_same_as_cold("no pieces kept")


def test_the_cache_is_pickled_while_pagefind_makes_the_index(kept, monkeypatch):
    """After an edit, the build's part of the cache is written before Pagefind's index is
    done, and the index's records and parts after it: both are in the file."""
    kept.build()
    backend = kept.site.content / "jobs" / "backend-developer.md"
    backend.write_text(backend.read_text("utf-8") + "\nA line about zebras.\n", "utf-8")
    build_written = threading.Event()
    written_during_index = []
    write_build, make_part = keptstate.CacheFile.write_build, search_index._index

    def writing(cache_file, *parts):
        write_build(cache_file, *parts)
        build_written.set()

    def indexing(part, lang, head_start):
        written_during_index.append(build_written.wait(timeout=10))
        return make_part(part, lang, head_start)

    monkeypatch.setattr(keptstate.CacheFile, "write_build", writing)
    monkeypatch.setattr(search_index, "_index", indexing)
    line = kept.build()
    assert "1 of 1 part made again" in line and written_during_index == [True]
    monkeypatch.undo()
    kept.assert_same_as_cold("edited")
    assert "0 of 1 part made again" in kept.build()  # the new part was saved after the rest


def test_a_failed_search_index_leaves_the_last_cache_file_as_it_was(kept, monkeypatch):
    kept.build()
    kept_file = kept.folder / keptstate.FILE
    before = kept_file.read_bytes()
    backend = kept.site.content / "jobs" / "backend-developer.md"
    backend.write_text(backend.read_text("utf-8") + "\nA line about zebras.\n", "utf-8")

    def failing(part, lang, head_start):
        raise PagefindError("Pagefind stopped (exit status 101)")

    monkeypatch.setattr(search_index, "_index", failing)
    with pytest.raises(BuildFailed):
        kept.build()
    assert kept_file.read_bytes() == before
    assert [p.name for p in kept.folder.iterdir()] == [keptstate.FILE]  # no partial file left
    monkeypatch.undo()
    assert _reused(kept.build()) > 0
    kept.assert_same_as_cold("after the failure")


def test_a_cache_file_whose_last_bytes_cannot_be_written_is_not_kept(kept, monkeypatch, capsys):
    """Closing the file writes its last bytes: a full disk there leaves no truncated cache."""
    kept.build()
    opened = keptstate.CacheFile._open

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def write(self, data):
            return self.handle.write(data)

        def close(self):
            self.handle.close()
            raise OSError(28, "No space left on device")

    def open_on_a_full_disk(cache_file):
        opened(cache_file)
        cache_file._handle = FullDisk(cache_file._handle)

    monkeypatch.setattr(keptstate.CacheFile, "_open", open_on_a_full_disk)
    kept.build()
    assert "No space left on device" in capsys.readouterr().err
    assert list(kept.folder.iterdir()) == []  # neither a truncated file nor the last one
    monkeypatch.undo()
    assert "does not exist yet" in kept.build()
    kept.assert_same_as_cold("after the full disk")


def _kept_files(line: str) -> int:
    return int(re.search(r"(\d+) files kept", line).group(1))


def _reused(line: str) -> int:
    return int(re.search(r"(\d+) postings? reused", line).group(1))


def test_a_cache_folder_that_cannot_be_written_leaves_the_site_built(kept, capsys):
    kept.folder.write_text("a file where the folder should be", "utf-8")
    line = kept.build()
    assert "no cache used" in line
    assert f"the cache could not be saved in {kept.folder}" in capsys.readouterr().err
    kept.assert_same_as_cold("unwritable cache")


def test_a_missing_settings_file_is_named(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "openings.devserver.keptbuild", "-s", "nowhere.py", "--cache", "c"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "nowhere.py: no such settings file" in done.stderr and "Traceback" not in done.stderr


def test_the_sites_own_python_is_in_the_code_key(tmp_path):
    site, plugins = tmp_path / "site", tmp_path / "site" / "plugins" / "mine"
    plugins.mkdir(parents=True)
    (site / "pelicanconf.py").write_text("SITENAME = 'x'\n", "utf-8")
    (site / "content").mkdir()
    (plugins / "__init__.py").write_text("def register(): pass\n", "utf-8")
    folders = (str(site), str(site / "plugins"))
    before = keptstate.code_key(folders)
    (site / "content" / "notes.py").write_text("# below the settings folder: not site code\n")
    assert keptstate.code_key(folders) == before
    (site / "helpers.py").write_text("LABEL = 'a'\n", "utf-8")  # what pelicanconf may import
    with_helpers = keptstate.code_key(folders)
    assert with_helpers != before
    (plugins / "__init__.py").write_text("def register(): print('changed')\n", "utf-8")
    assert keptstate.code_key(folders) != with_helpers


def test_the_settings_key_is_the_same_in_another_process():
    """A function in the settings (a Jinja filter) is written by repr() with its address, which
    differs each time the settings file is read."""
    from openings.devserver import keys

    one, two = _filter(), _filter()  # as two reads of one settings file make it
    assert one is not two
    assert keys.settings_digest({"JINJA_FILTERS": {"shout": one}}) == keys.settings_digest(
        {"JINJA_FILTERS": {"shout": two}}
    )
    other = keys.settings_digest({"JINJA_FILTERS": {"shout": str.upper}})
    assert other != keys.settings_digest({"JINJA_FILTERS": {"shout": one}})


def _filter():
    def shout(text):
        return text.upper()

    return shout


def test_a_setting_that_cannot_be_saved_leaves_the_site_built(tmp_path, capsys):
    kept = Kept(Site(tmp_path, with_samples=True), tmp_path,
                JINJA_FILTERS={"shout": lambda text: text.upper()})  # fmt: skip
    line = kept.build()
    assert "no cache used" in line
    assert "the cache could not be saved in" in capsys.readouterr().err
    assert not list(kept.folder.glob("*"))  # no half-written file
    kept.assert_same_as_cold("unsaved")


def test_what_a_stopped_build_left_of_the_search_index_is_removed(kept):
    kept.build()
    for left in ("pagefind.next", "pagefind.old"):
        (kept.output / left).mkdir()
        (kept.output / left / "pagefind.js").write_text("stale", "utf-8")
    kept.build()
    kept.assert_same_as_cold("leftovers")


def test_a_template_error_is_one_line_and_exit_status_1(tmp_path):
    site = Site(tmp_path, with_samples=True)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("{% block content %}{% endfor %}", "utf-8")
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"THEME_TEMPLATES_OVERRIDES = [{str(templates)!r}]\nSITEURL = 'https://careers.example'\n",
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "openings.devserver.keptbuild", str(site.content),
         "-s", str(settings), "-o", str(tmp_path / "out"), "--cache", str(tmp_path / "c")],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "kept build: the build failed: TemplateSyntaxError" in done.stderr
    assert "Traceback" not in done.stderr


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.mark.parametrize("setting", ["STATIC_CHECK_IF_MODIFIED", "STATIC_CREATE_LINKS"])
def test_a_static_file_pelican_would_not_copy_again_stays(tmp_path, setting):
    """Pelican's own ways of not copying an unchanged static file: a kept build copies it, so
    it is not taken for a file no longer produced."""
    site = Site(tmp_path, with_samples=True)
    (site.content / "images").mkdir()
    (site.content / "images" / "team.png").write_bytes(PNG)
    kept = Kept(site, tmp_path, **{setting: True})
    kept.build()
    kept.build()
    assert (kept.output / "images" / "team.png").read_bytes() == PNG
    kept.assert_same_as_cold(setting)


def test_what_output_retention_names_is_left_alone(tmp_path):
    """Pelican keeps OUTPUT_RETENTION's files when it empties the output folder; so does a kept
    build, which deletes only what a build no longer produces."""
    kept = Kept(Site(tmp_path, with_samples=True), tmp_path, OUTPUT_RETENTION=[".git", "CNAME"])
    kept.build()
    (kept.output / "CNAME").write_text("careers.example\n", "utf-8")
    (kept.output / ".git").mkdir()
    (kept.output / ".git" / "HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    (kept.output / "stray.html").write_text("not made by any build", "utf-8")
    kept.build()
    assert (kept.output / "CNAME").is_file() and (kept.output / ".git" / "HEAD").is_file()
    assert not (kept.output / "stray.html").exists()
