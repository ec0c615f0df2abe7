"""Posting files parsed and checked by helper processes just ahead of Pelican reading them.

Pelican reads one file after the other on one core, and most of reading a posting needs neither
Pelican nor the rest of the board: decoding, mojibake repair, the front matter, the sanitised
HTML (postingfile.parse_file), the posting's checks (pipeline.check_posting) and its search text
(search_records.record_text). When the articles generator lists its files, this module forks two
helpers, each taking every second posting in the order Pelican will read them (read_in_order
sorts them); each sends its results back through its own pipe, and the reader takes them
instead of doing the work (AheadReader.parse, plugin.check_when_read). Pelican's own
metadata is still made by the reader, so every message and byte is the same
(tests/build/test_readahead.py).

Whatever goes wrong falls back to this process: a helper that stops, a result for another file
than the one Pelican asks for, a file a helper could not parse, a slug Pelican made otherwise
than guessed. It is used where parallel.py writes pages in a second process (Linux, two or more
cores), from the lowest number of JOBPOSTING_PARALLEL_PAGES postings on (no upper bound: the
helpers are forked before anything is read, so they are small). Other threads may be running
(Pelican's command line animates its status line on one, with rich): the helpers only parse,
check and write to their own pipes, so they take no lock such a thread holds (no logging, no
console); Babel's locale cache lock is only ever taken by the thread that forks.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from dataclasses import replace

from pelican import signals
from pelican.generators import ArticlesGenerator

from ..build.buildstate import build_state
from ..build.reader import PostingReader
from ..checks import pipeline
from ..core.lifecycle import State
from ..core.slugs import page_slug
from ..outputs import search_records
from ..reading.postingfile import import_repairs, parse_file, report_path

HELPERS = 2  # processes; each parses every second posting (measured: one was the bottleneck)


class _Helper:
    """One forked helper: its postings' results arrive in order on its pipe."""

    def __init__(self, pid: int, stream, paths: list[str]):
        self.pid = pid
        self.stream = stream
        self.expected = paths  # in the order the results come
        self.next = 0
        self.stopped = False

    def take(self, source_path: str):
        """The parsed file, if it is the next one the helper sends; else None, and stop."""
        if self.stopped or self.next >= len(self.expected):
            return None
        if self.expected[self.next] != source_path:
            self.stop()
            return None
        self.next += 1
        try:
            path, parsed = pickle.load(self.stream)
        except (EOFError, OSError, pickle.UnpicklingError):
            self.stop()
            return None
        if path != source_path:
            self.stop()
            return None
        if self.next == len(self.expected):
            self.stop()  # all taken
        return parsed  # None when the helper could not parse it: the reader parses it again

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            self.stream.close()
            _reap(self.pid)


class _Helpers:
    """The helpers of one build, and which of them parses which posting."""

    def __init__(self, helpers: list[_Helper]):
        self.helpers = helpers
        self.by_path = {path: helper for helper in helpers for path in helper.expected}

    def take(self, source_path: str):
        helper = self.by_path.get(source_path)  # None: not a posting (another reader's file)
        return helper.take(source_path) if helper is not None else None

    @property
    def done(self) -> bool:
        return all(helper.stopped for helper in self.helpers)

    def stop(self) -> None:
        for helper in self.helpers:
            helper.stop()


_active: dict[int, _Helpers] = {}  # id() of a build's settings -> its helpers


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):  # already waited for
        os.waitpid(pid, 0)


def wanted(settings, count: int) -> bool:
    limits = settings.get("JOBPOSTING_PARALLEL_PAGES")
    return bool(
        limits
        and count >= limits[0]
        and sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and len(os.sched_getaffinity(0)) >= 2
    )


def start(
    settings, content_root: str, relative_paths: list[str], jobs_root: str, checks=None
) -> None:
    """Fork a helper parsing the postings among `relative_paths` (Pelican's reading order),
    and checking them against `checks` (the build's pipeline.Checks) when given."""
    stale = _active.pop(id(settings), None)
    if stale is not None:
        stale.stop()
    _forked.clear()
    paths = [os.path.join(content_root, relative) for relative in relative_paths]
    postings = [p for p in paths if os.path.abspath(p).startswith(jobs_root + os.sep)]
    if not wanted(settings, len(postings)):
        return
    # A board this big has a name with an accent or a currency sign somewhere: ftfy (0.1 s to
    # import) is imported here once, not by each helper and again by the build for its pages.
    import_repairs()
    ahead = _Checker(settings, checks, PostingReader(settings)) if checks is not None else None
    helpers = []
    for number in range(HELPERS):
        share = postings[number::HELPERS]
        if share:
            helpers.append(_fork(share, ahead))
    _active[id(settings)] = _Helpers(helpers)


def _fork(postings: list[str], ahead) -> _Helper:
    read_end, write_end = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid == 0:  # the helper: parse, send, leave without Python's cleanup
        status = 0
        try:
            os.close(read_end)
            _close_other_helpers()
            with os.fdopen(write_end, "wb", buffering=1 << 16) as out:
                for source_path in postings:
                    try:
                        path = report_path(source_path)
                        doc, problems, html = parse_file(source_path, path)
                        checked = (
                            ahead.check(source_path, path, doc, problems, html) if ahead else None
                        )
                        # the Markdown is dropped once read (plugin.drop_markdown): not sent
                        parsed = (
                            replace(doc, body="") if doc.body else doc,
                            problems,
                            html,
                            checked,
                        )
                    except Exception:  # parsed again by the reader, which reports it
                        parsed = None
                    pickle.dump((source_path, parsed), out, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # a closed pipe: the build stopped reading ahead
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    helper = _Helper(pid, os.fdopen(read_end, "rb", buffering=1 << 16), postings)
    _forked.append(helper)
    return helper


_forked: list[_Helper] = []  # this build's helpers so far, whose pipes a later helper closes


def _close_other_helpers() -> None:
    """In a new helper: its copies of the earlier helpers' pipes are not its own to hold."""
    for helper in _forked:
        with contextlib.suppress(OSError, ValueError):
            os.close(helper.stream.fileno())


class _Checker:
    """In the helper: a posting's checks and search text, made ahead as plugin.check_when_read
    and search.offer would make them. The build uses them only when the slug it gave the
    posting is the one guessed here (from the front matter's slug, else the title or the file
    name, as Pelican does); otherwise it checks the posting itself."""

    def __init__(self, settings, checks, reader):
        self.settings = settings
        self.checks = checks
        self.reader = reader

    def check(self, source_path: str, path: str, doc, problems, html):
        values = self.settings
        source = values.get("SLUGIFY_SOURCE")
        if source not in ("title", "basename") or not doc.has_front_matter:
            return None
        try:
            metadata = self.reader.posting_metadata(doc, source_path)
            slug = page_slug(metadata, source_path, values)
            outcome = pipeline.check_posting(doc, path, slug, html, problems, self.checks)
            text = None
            if outcome.state is State.OPEN and values.get("JOBPOSTING_SEARCH", True):
                text = search_records.record_text(outcome.posting)
        except Exception:  # checked again by the build, which reports what it finds
            return None
        return slug, outcome, text


class AheadReader(PostingReader):
    """The posting reader, taking a file's parse from a helper when one has it: what Pelican
    reads with while helpers are reading ahead (plugin.add_reader)."""

    def parse(self, source_path: str, path: str) -> tuple:
        return take(self.settings, source_path) or super().parse(source_path, path)


def take(settings, source_path: str):
    """This file's (doc, problems, html, checked), if a helper has it; `checked`: (slug,
    pipeline.Outcome, search text) or None."""
    helpers = _active.get(id(settings))
    if helpers is None:
        return None
    parsed = helpers.take(source_path)
    if helpers.done:
        del _active[id(settings)]
    return parsed


def read_in_order(generator) -> None:
    """generator_init: the articles generator lists its files in path order, and the helper
    starts on them.

    Pelican's get_files returns a set, whose order changes from one run to the next; a sorted
    list is the order the helper parses in, and the order the search index gets its records
    (search.py: Pagefind's files depend on it).
    """
    if not isinstance(generator, ArticlesGenerator):
        return
    unordered = generator.get_files
    settings = generator.settings

    def get_files(*args, **kwargs):
        files = sorted(unordered(*args, **kwargs))
        jobs_root = os.path.abspath(
            os.path.join(settings["PATH"], settings.get("JOBPOSTING_PATH", "jobs"))
        )
        # the build's checks (its "today" and data files) made before the fork, so that the
        # helper checks against exactly these
        start(settings, generator.path, files, jobs_root, build_state(generator).checks)
        return files

    generator.get_files = get_files


def finished(pelican) -> None:
    """finalized: a helper whose files were not all taken is stopped."""
    helpers = _active.pop(id(pelican.settings), None)
    if helpers is not None:
        helpers.stop()


def connect() -> None:
    signals.generator_init.connect(read_in_order)
    signals.finalized.connect(finished)
