"""Posting pages shared between the build and a second process (JOBPOSTING_PARALLEL_PAGES,
speed/parallel.py, build/speedup.py): the same files as one process, failures reported.

Real builds of the sample site, with a spy that counts the hand-overs to the second process and
then hands over for real; where a test needs one process to write every page, or one to fail,
it wraps the real `Shares.taking` in that process only. Two real processes taking chunks are
tested on their own, as is the pipe that brings a recording writer's records back (the dev
cache's, exercised by real kept builds in test_kept_build.py) with records larger than a pipe
holds.
"""

from __future__ import annotations

import functools
import os
import threading
import time

import pytest
from openings.core.problems import BuildFailed
from openings.speed import parallel
from pelican import signals
from sitebuild import Site

EVERY_PAGE = (1, 100_000)
forking = [
    pytest.mark.skipif(not parallel.sys.platform.startswith("linux"), reason="Linux only"),
    pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores"),
]


@pytest.fixture
def forks(monkeypatch):
    """The times the posting pages were handed to a second process."""
    calls = []
    real_call = parallel.PagesWriter.__call__

    def counting(self, write):
        calls.append(1)
        return real_call(self, write)

    monkeypatch.setattr(parallel.PagesWriter, "__call__", counting)
    return calls


def files_of(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.skipif(not parallel.sys.platform.startswith("linux"), reason="Linux only")
@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores")
def test_a_second_process_writes_the_same_files_as_one(tmp_path, forks):
    one = Site(tmp_path / "one", with_samples=True)
    one.build(JOBPOSTING_PARALLEL_PAGES=None)
    assert forks == []
    two = Site(tmp_path / "two", with_samples=True)
    two.build(JOBPOSTING_PARALLEL_PAGES=EVERY_PAGE)
    assert forks == [1]
    written = files_of(two.output)
    assert "jobs/backend-developer/index.html" in written  # a posting page
    assert "jobs/office-manager/index.html" in written  # a closed posting's page
    assert written == files_of(one.output)


def test_a_small_board_is_written_in_one_process_by_default(tmp_path, forks):
    Site(tmp_path, with_samples=True).build()  # 8 posting pages, below the default lowest
    assert forks == []


def test_another_plugins_per_page_receiver_keeps_the_build_in_one_process(tmp_path, forks):
    seen = []

    def count_written(path, context):  # what a minifier or sitemap plugin does
        seen.append(path)

    signals.content_written.connect(count_written)
    try:
        Site(tmp_path, with_samples=True).build(JOBPOSTING_PARALLEL_PAGES=EVERY_PAGE)
    finally:
        signals.content_written.disconnect(count_written)
    assert forks == []
    assert any(path.endswith("backend-developer/index.html") for path in seen)


@forking[0]
@forking[1]
def test_this_process_writes_the_pages_the_second_one_leaves(tmp_path, forks, monkeypatch):
    """The child takes no page here, so this process writes them all, after the rest of the
    site: the same files as one process writing everything in Pelican's order."""
    one = Site(tmp_path / "one", with_samples=True)
    one.build(JOBPOSTING_PARALLEL_PAGES=None)
    parent = os.getpid()
    real_taking = parallel.Shares.taking

    def child_takes_none(self, write):
        return real_taking(self, write) if os.getpid() == parent else lambda *a, **k: None

    monkeypatch.setattr(parallel.Shares, "taking", child_takes_none)
    two = Site(tmp_path / "two", with_samples=True)
    two.build(JOBPOSTING_PARALLEL_PAGES=EVERY_PAGE)
    assert forks == [1]
    assert files_of(two.output) == files_of(one.output)


@forking[0]
@forking[1]
def test_a_failure_of_the_second_process_fails_the_build(tmp_path, forks, monkeypatch, capfd):
    """The child fails on the first page it takes; this process waits for that before it
    takes any, so that the child has one."""
    parent = os.getpid()
    real_taking = parallel.Shares.taking
    failed = tmp_path / "child-failed"

    def fails(*args, **kwargs):
        failed.touch()
        raise OSError("No space left on device")

    def after_the_child(write):
        def first_wait(*args, **kwargs):
            deadline = time.monotonic() + 60
            while not failed.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            write(*args, **kwargs)

        return first_wait

    def child_fails(self, write):
        if os.getpid() != parent:
            return real_taking(self, fails)
        return after_the_child(real_taking(self, write))

    monkeypatch.setattr(parallel.Shares, "taking", child_fails)
    site = Site(tmp_path, with_samples=True)
    with pytest.raises(BuildFailed):
        site.build(JOBPOSTING_PARALLEL_PAGES=EVERY_PAGE)
    assert forks == [1]
    err = capfd.readouterr().err
    assert "OSError: No space left on device" in err
    assert "the posting pages were not all written" in err


@forking[0]
@forking[1]
def test_a_template_error_on_posting_pages_fails_the_build_and_leaves_no_child(
    tmp_path, forks, monkeypatch
):
    children = []
    real_call = parallel.PagesWriter.__call__

    def noting_the_child(self, write):
        real_call(self, write)
        children.append(self.pid)

    monkeypatch.setattr(parallel.PagesWriter, "__call__", noting_the_child)
    overrides = tmp_path / "overrides"
    (overrides / "jobposting").mkdir(parents=True)
    posting = overrides / "jobposting" / "posting.html"
    posting.write_text("{{ article.title.no_such_method() }}\n")
    site = Site(tmp_path, with_samples=True)
    with pytest.raises(Exception, match="no attribute 'no_such_method'"):
        site.build(
            JOBPOSTING_PARALLEL_PAGES=EVERY_PAGE,
            JOBPOSTING_SHOW_DRAFTS=False,  # drafts use the posting page too, in this process
            THEME_TEMPLATES_OVERRIDES=[str(overrides)],
        )
    assert forks == [1]
    with pytest.raises(ChildProcessError):  # waited for already
        os.waitpid(children[0], os.WNOHANG)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("pages", [1, 7, 512, 513, 1_000, 12_000])
def test_two_processes_taking_shares_write_each_page_once(tmp_path, pages):
    """Both processes go through every page in order, as generate_articles does, each writing
    the ones it takes; one of them slowly, so that they take turns. One page more than counted
    (another plugin's) is written too."""
    shares = parallel.Shares(pages)
    written = tmp_path / "written"

    def go_through(write, pause: float):
        for page in range(pages + 1):
            write(page, pause)

    def write(page, pause):
        with open(written, "a") as handle:  # one short append: whole lines, in any order
            handle.write(f"{page}\n")
        if pause and page % 97 == 0:
            time.sleep(pause)

    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            go_through(shares.taking(write), 0.001)
            status = 0
        finally:
            os._exit(status)
    go_through(shares.taking(write), 0)
    _, status = os.waitpid(pid, 0)
    shares.close()
    assert os.waitstatus_to_exitcode(status) == 0
    lines = written.read_text().split()
    assert sorted(map(int, lines)) == list(range(pages + 1))


@pytest.mark.parametrize("value", [(5,), (10, 2), ("1", 5), 7, (True, 5), (-1, 5)])
def test_a_wrong_parallel_setting_is_named(tmp_path, capsys, value):
    with pytest.raises(BuildFailed):
        Site(tmp_path, with_samples=True).build(JOBPOSTING_PARALLEL_PAGES=value)
    assert "JOBPOSTING_PARALLEL_PAGES must be None (never) or two whole numbers" in (
        capsys.readouterr().err
    )


class _RecordingWriter:
    """A writer that records what it writes, as the dev cache's does (devserver/writer.py)."""

    def __init__(self, size: int):
        self.size = size
        self.taken = None

    def write_file(self, *args, **kwargs):
        pass

    def pages_written_aside(self):
        return {"records": "x" * self.size}

    def take_pages_written_aside(self, records):
        self.taken = records


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_childs_records_come_back_however_large():
    """More than a pipe holds at once: the parent reads them before it waits for the child."""
    writer = _RecordingWriter(5_000_000)
    pages = parallel.PagesWriter(lambda write: None)
    pages(functools.partial(writer.write_file, relative_urls=False))
    pages.wait(writer)
    assert writer.taken == {"records": "x" * 5_000_000}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_build_that_fails_before_it_waits_leaves_no_child_blocked():
    """The child's records fill the pipe nobody reads: giving up (at exit) closes it, so the
    child's writing fails and it ends, instead of both processes waiting for ever."""
    writer = _RecordingWriter(5_000_000)
    pages = parallel.PagesWriter(lambda write: None)
    pages(writer.write_file)
    pid = pages.pid
    done = threading.Thread(target=pages.give_up, daemon=True)
    done.start()
    done.join(timeout=30)
    assert not done.is_alive()
    with pytest.raises(ChildProcessError):  # waited for already
        os.waitpid(pid, os.WNOHANG)


def test_the_build_writes_its_posting_pages_before_it_waits_for_the_search_index(tmp_path):
    """Pagefind may still be writing the index when the build has written the rest: the build
    writes posting pages meanwhile, and waits for the index last."""
    from pelican import Pelican
    from sitebuild import site_settings

    (tmp_path / "content").mkdir()
    settings = site_settings(tmp_path / "content", tmp_path / "output")
    order = [g.__name__ for g in Pelican(settings)._get_generator_classes()]
    assert order.index("FeedsGenerator") < order.index("WaitForPostingPages")
    assert order.index("WaitForPostingPages") < order.index("WaitForSearchIndex")
    assert order[-2:] == ["WaitForSearchIndex", "StaticGenerator"]
