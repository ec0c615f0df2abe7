"""Posting files parsed ahead by a second process (readahead.py): the same site, the same
messages, and reading in this process whenever the helper is not there to help.

Real builds; the only stand-ins are spies that count what the reader took from the helper.
"""

from __future__ import annotations

import os
import signal

import pytest
from openings.build import plugin
from openings.core.problems import BuildFailed
from openings.reading import postingfile
from openings.speed import readahead
from sitebuild import Site

EVERY_BOARD = (1, 100_000)

pytestmark = [
    pytest.mark.skipif(not readahead.sys.platform.startswith("linux"), reason="Linux only"),
    pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores"),
]


@pytest.fixture
def taken(monkeypatch):
    """How many files the reader took from the helper, and how many it parsed itself."""
    counts = {"helper": 0, "itself": 0}
    real_take = readahead.take

    def counting_take(settings, source_path):
        parsed = real_take(settings, source_path)
        counts["helper" if parsed is not None else "itself"] += 1
        return parsed

    monkeypatch.setattr(readahead, "take", counting_take)
    return counts


def files_of(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_site_read_ahead_is_the_site_read_in_one_process(tmp_path, taken, monkeypatch):
    checked_here = []
    real_check = plugin.pipeline.check_posting

    def counting_check(*args):
        checked_here.append(args[1])
        return real_check(*args)

    monkeypatch.setattr(plugin.pipeline, "check_posting", counting_check)
    alone = Site(tmp_path / "alone", with_samples=True)
    alone.build(JOBPOSTING_PARALLEL_PAGES=None)
    assert taken == {"helper": 0, "itself": 14}  # 10 postings, 4 pages
    assert len(checked_here) == 10
    ahead = Site(tmp_path / "ahead", with_samples=True)
    ahead.build(JOBPOSTING_PARALLEL_PAGES=EVERY_BOARD)
    assert taken["helper"] == 10  # every posting parsed ahead ...
    assert len(checked_here) == 10  # ... and checked ahead (the spy counts in this process only)
    assert files_of(ahead.output) == files_of(alone.output)  # the search index included


BROKEN = {
    "bad-yaml.md": "---\ntitle: [unclosed\n---\nbody\n",
    "no-front-matter.md": "Just a description.\n",
    "typos.md": "---\ntitel: Nurse\ndeparment: Care\n---\nWe care.\n",
    "cp1252.md": "---\ntitle: Caf\xe9 lead\n---\nbody\n",
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


def test_every_message_is_the_same_when_read_ahead(tmp_path, taken):
    alone = _problems(tmp_path, "alone", JOBPOSTING_PARALLEL_PAGES=None)
    ahead = _problems(tmp_path, "ahead", JOBPOSTING_PARALLEL_PAGES=EVERY_BOARD)
    assert taken["helper"] == 14  # the broken files too
    assert len(alone) >= 5
    assert ahead == alone


def test_a_helper_that_stops_leaves_the_reading_to_this_process(tmp_path, monkeypatch, taken):
    real_fork = os.fork
    forks = []

    def fork_then_kill_the_helpers():
        pid = real_fork()
        forks.append(pid)
        if pid and len(forks) <= readahead.HELPERS:  # the page writer comes later
            os.kill(pid, signal.SIGKILL)  # the helper dies before sending anything
        return pid

    monkeypatch.setattr(os, "fork", fork_then_kill_the_helpers)
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_PARALLEL_PAGES=EVERY_BOARD)
    assert taken["helper"] == 0 and taken["itself"] == 14
    assert (site.output / "jobs" / "backend-developer" / "index.html").exists()


def test_a_small_board_is_read_in_one_process_by_default(tmp_path, taken):
    Site(tmp_path, with_samples=True).build()
    assert taken["helper"] == 0


def test_slugs_from_titles_are_guessed_ahead_the_same_way(tmp_path, taken):
    alone = Site(tmp_path / "alone", with_samples=True)
    alone.build(JOBPOSTING_PARALLEL_PAGES=None, SLUGIFY_SOURCE="title")
    ahead = Site(tmp_path / "ahead", with_samples=True)
    ahead.build(JOBPOSTING_PARALLEL_PAGES=EVERY_BOARD, SLUGIFY_SOURCE="title")
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
    Site(tmp_path, with_samples=True).build(JOBPOSTING_PARALLEL_PAGES=EVERY_BOARD)
    assert imported_before_fork == [True] * readahead.HELPERS
