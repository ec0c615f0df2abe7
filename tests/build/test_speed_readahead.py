"""Posting files read and checked ahead by helper processes (JOBPOSTING_READAHEAD,
speed/readahead.py, build/speedup.py): the same site and the same messages as reading them in
the build's own process, which also does whatever a helper did not.

Real builds; the only stand-ins are spies that count what the build took from the helpers.
"""

from __future__ import annotations

import os
import shutil
import signal

import pytest
from openings.build import plugin
from openings.commands import cli
from openings.core.problems import BuildFailed
from openings.reading import postingfile
from openings.speed import readahead
from sitebuild import ROOT, TODAY, VALID_POSTING, Site

pytestmark = [
    pytest.mark.skipif(not readahead.sys.platform.startswith("linux"), reason="Linux only"),
    pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores"),
]


@pytest.fixture
def taken(monkeypatch):
    """How many files the build took from the helpers, and how many it had to do itself."""
    counts = {"helper": 0, "itself": 0}
    real_take = readahead.ReadAhead.take

    def counting_take(self, source_path):
        result = real_take(self, source_path)
        counts["helper" if result is not None else "itself"] += 1
        return result

    monkeypatch.setattr(readahead.ReadAhead, "take", counting_take)
    return counts


@pytest.fixture
def checked_here(monkeypatch):
    """The postings checked in the build's own process (a helper's checks are not seen here)."""
    paths = []
    real_check = plugin.pipeline.check_posting

    def counting_check(*args):
        paths.append(args[1])
        return real_check(*args)

    monkeypatch.setattr(plugin.pipeline, "check_posting", counting_check)
    return paths


def files_of(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_site_read_ahead_is_the_site_read_in_one_process(tmp_path, taken, checked_here):
    alone = Site(tmp_path / "alone", with_samples=True)
    alone.build(JOBPOSTING_READAHEAD=None)
    assert taken == {"helper": 0, "itself": 0}
    assert len(checked_here) == 10
    ahead = Site(tmp_path / "ahead", with_samples=True)
    ahead.build(JOBPOSTING_READAHEAD=1)
    assert taken == {"helper": 10, "itself": 0}  # every posting read ahead ...
    assert len(checked_here) == 10  # ... and checked ahead
    assert files_of(ahead.output) == files_of(alone.output)  # the search index included


BROKEN = {
    "bad-yaml.md": "---\ntitle: [unclosed\n---\nbody\n",
    "no-front-matter.md": "Just a description.\n",
    "typos.md": "---\ntitel: Nurse\ndeparment: Care\n---\nWe care.\n",
    "cp1252.md": "---\ntitle: Caf\xe9 lead\n---\nbody\n",
    # a link only the reader checks: the helper's verdict is set aside, the build checks again
    "bad-link.md": VALID_POSTING.strip().replace("ENG-1", "ENG-9")
    + "\nSee [the brochure]({static}/nowhere.pdf).\n",
}


def _problems(tmp_path, name: str, **settings) -> tuple:
    site = Site(tmp_path / name, with_samples=True)
    for file_name, text in BROKEN.items():
        path = site.content / "jobs" / file_name
        path.write_bytes(text.encode("cp1252"))
    with pytest.raises(BuildFailed) as failed:
        site.build(**settings)
    problems = failed.value.problems
    return tuple((p.path.replace(name, "SITE"), p.line, p.field, p.message) for p in problems)


def test_every_message_is_the_same_when_read_ahead(tmp_path, taken, checked_here):
    alone = _problems(tmp_path, "alone", JOBPOSTING_READAHEAD=None)
    checked_alone = len(checked_here)
    ahead = _problems(tmp_path, "ahead", JOBPOSTING_READAHEAD=1)
    assert taken["helper"] == 15  # the broken files too
    assert any("nowhere.pdf" in message for *_, message in alone)
    # in this process: the link's posting, and the files without front matter
    assert 0 < len(checked_here) - checked_alone < checked_alone
    assert ahead == alone


def test_a_helper_that_stops_leaves_the_reading_to_this_process(tmp_path, monkeypatch, taken):
    real_fork = os.fork
    forks = []

    def fork_then_kill_the_helpers():
        pid = real_fork()
        forks.append(pid)
        if pid:
            os.kill(pid, signal.SIGKILL)  # the helper dies before sending anything
        return pid

    monkeypatch.setattr(os, "fork", fork_then_kill_the_helpers)
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_READAHEAD=1, JOBPOSTING_PARALLEL_PAGES=None)
    assert len(forks) == readahead.HELPERS
    assert taken == {"helper": 0, "itself": 10}
    assert (site.output / "jobs" / "backend-developer" / "index.html").exists()


def test_a_small_board_is_read_in_one_process_by_default(tmp_path, taken):
    Site(tmp_path, with_samples=True).build()
    assert taken == {"helper": 0, "itself": 0}


def test_slugs_from_titles_are_the_same_when_read_ahead(tmp_path, taken):
    alone = Site(tmp_path / "alone", with_samples=True)
    alone.build(JOBPOSTING_READAHEAD=None, SLUGIFY_SOURCE="title")
    ahead = Site(tmp_path / "ahead", with_samples=True)
    ahead.build(JOBPOSTING_READAHEAD=1, SLUGIFY_SOURCE="title")
    assert taken["helper"] == 10
    assert files_of(ahead.output) == files_of(alone.output)


def test_ftfy_is_imported_once_before_the_helpers_fork(tmp_path, monkeypatch):
    # each helper would otherwise import it the first time a posting has an accent
    imported_before_fork = []
    real_fork = readahead._fork

    def fork(*args):
        imported_before_fork.append(postingfile._ftfy.cache_info().currsize == 1)
        return real_fork(*args)

    monkeypatch.setattr(readahead, "_fork", fork)
    postingfile._ftfy.cache_clear()
    Site(tmp_path, with_samples=True).build(JOBPOSTING_READAHEAD=1)
    assert imported_before_fork == [True] * readahead.HELPERS


@pytest.mark.parametrize("value", [-1, "200", 2.5, True, (1, 2)])
def test_a_wrong_readahead_setting_is_named(tmp_path, capsys, value):
    with pytest.raises(BuildFailed):
        Site(tmp_path, with_samples=True).build(JOBPOSTING_READAHEAD=value)
    assert "JOBPOSTING_READAHEAD must be None" in capsys.readouterr().err


def test_openings_validate_reads_a_big_board_ahead_with_the_same_report(tmp_path, capsys, taken):
    site = Site(tmp_path / "site", with_samples=True)
    for posting in sorted((ROOT / "tests" / "fixtures" / "postings" / "invalid").glob("*.md")):
        shutil.copyfile(posting, site.content / "jobs" / posting.name)
    (site.content / "jobs" / "notes.txt").write_text("not a posting\n")  # not Markdown
    (site.content / "jobs" / "link.md").symlink_to(site.content / "jobs" / "backend-developer.md")
    reports = {}
    for name, readahead_from in (("alone", None), ("ahead", 1)):
        settings = tmp_path / f"{name}.py"
        settings.write_text(
            f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
            f"JOBPOSTING_READAHEAD = {readahead_from!r}\n"
        )
        where = ["-s", str(settings), "--content", str(site.content), "--today", TODAY]
        before = taken["helper"]
        whole = cli.main(["validate", *where]), capsys.readouterr()
        # one file given: the others are read for the checks across files (a taken req_id)
        given = str(site.content / "jobs" / "backend-developer.md")
        some = cli.main(["validate", *where, given]), capsys.readouterr()
        reports[name] = (whole, some, taken["helper"] - before)
    (whole, some, helped) = reports["ahead"]
    assert reports["alone"][2] == 0
    files = sum(1 for path in (site.content / "jobs").rglob("*") if path.is_file())
    # every file of both runs came from a helper; with one file given, the link to that file
    # is the same posting, not one of the others
    assert helped == files + (files - 1)
    assert (whole, some) == reports["alone"][:2]
    assert whole[0] == 1 and "errors" in whole[1].out  # the broken postings are reported
    assert "link.md: is a symbolic link" in whole[1].out and "notes.txt" in whole[1].out
