"""A kept build's search index (keptbuild.py): made on a thread while the pages are written, from
the records and Pagefind parts the last build kept wherever they are unchanged.

- A posting's record (search_records.record) is made from its checked model and its address, so
  it is kept under the keys its verdict is kept under (postings.py): its reading and the checks.
- A part of the index whose records are the same as in the last build takes the files Pagefind
  made of it then (search_index.write_index's `kept`).
- When the last index was one part, Pagefind is sent the last build's records before the build
  knows its own, as far as their files are unchanged (headstart.py).

The index is written beside the live one (`pagefind.next`, which incremental.py leaves alone)
and takes its place once the pages are written and the cache is saved but for the index's own
records and parts; it is then the index a cold build writes.
"""

from __future__ import annotations

import os
import shutil
import threading

from ..build.speedup import read_and_check_ahead
from ..checks import pipeline
from ..config import settings
from ..core.lifecycle import State
from ..outputs import search, search_records
from ..outputs.pagefind_client import PagefindError
from ..outputs.search_index import KeptParts, write_index, write_words
from ..outputs.search_records import Record
from .headstart import LEFT_OUT, HeadStart
from .searchlater import put_in_place
from .sourcefiles import Files, digest_of


class KeptSearchIndex:
    def __init__(self, values, records: dict, parts: dict, files: Files):
        """`records`, `parts` and `files`: the last build's (keptstate.Kept)."""
        self.values = values
        self.bundle = os.path.join(os.path.abspath(values["OUTPUT_PATH"]), search.BUNDLE)
        # source path -> (key, Record); a record with no key (None) is made again each build
        self.records_before, self.records = records, {}
        self.parts = KeptParts(parts)  # search_index.part_key -> Pagefind's files
        self.head_start: HeadStart | None = None
        if len(parts) == 1 and records:
            self.head_start = _head_start(records, files, values)
        self.count = 0  # parts of the index
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._records_made: threading.Event | None = None
        self._articles: list | None = None  # the thread's, until it has made their records

    def start(self, articles: list, round) -> None:
        """When the open postings are known (in reading order): make the index on a thread."""
        self._articles = articles
        self._records_made = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(round,), name="kept-search", daemon=True
        )
        self._thread.start()

    def wait_for_records(self, round) -> None:
        """After the pages: wait until the thread has made the records (Pagefind may still be
        indexing them). From then on it holds none of the build's Articles, and `records` is
        whole: the build can let its Articles go and save its cache while Pagefind works."""
        if self._thread is None:  # no open postings were announced: index what the build has
            self.start(round.open_articles, round)
        self._records_made.wait()

    def stop(self) -> None:
        """The build failed: end the head start, wait for the index's thread (so that nothing
        of this build outlives it) and throw its index away."""
        if self.head_start is not None:
            self.head_start.discard()
        if self._thread is not None:
            self._thread.join()
        shutil.rmtree(self.bundle + ".next", ignore_errors=True)

    def finish(self) -> None:
        """Wait for the index (wait_for_records first), put it in its place; fail the build as a
        cold build fails when Pagefind did. `parts.now` is then whole."""
        self._thread.join()
        if isinstance(self.error, PagefindError):
            search.fail(str(self.error))
        if self.error is not None:
            raise self.error
        put_in_place(self.bundle)

    def _run(self, round) -> None:
        try:
            fresh = self.bundle + ".next"
            shutil.rmtree(fresh, ignore_errors=True)
            articles, self._articles = self._articles, None
            records = [self._record(article, round) for article in articles]
            del articles  # the build lets its Articles go while Pagefind indexes (keptbuild.py)
            self._records_made.set()
            self.count = write_index(records, fresh, search.site_language(self.values),
                                     self.values["JOBPOSTING_SEARCH_PART_WORDS"],
                                     kept=self.parts, head_start=self.head_start)  # fmt: skip
            write_words(records, fresh)
        except BaseException as exc:  # said by finish(), in the build's own thread
            self.error = exc
        finally:
            self._records_made.set()
            if self.head_start is not None:  # not taken: the first part was kept, or failed
                self.head_start.discard()

    def _record(self, article, round):
        path = article.source_path
        reading = round.reading_keys.get(path)
        key = (reading, round.checks) if reading is not None else None
        before = self.records_before.get(path)
        found = before[1] if key is not None and before is not None and before[0] == key else None
        if found is None:
            found = search.record(article)
        # every record, in the index's order (headstart.py); one with no key is made again
        self.records[path] = (key, found)
        return found


def _head_start(records: dict, files: Files, values) -> HeadStart:
    # By the bytes, not the file's times: a CI checkout's files are all new.
    digests = files.digests()

    def unchanged(path: str) -> bool:
        return path in digests and digest_of(path) == digests[path]

    last = [(path, record) for path, (_key, record) in records.items()]
    return HeadStart(last, unchanged, search.site_language(values), _Guess(values))


class _Guess:
    """The record a changed posting file gives now under its last address, read and checked as
    a read-ahead helper does (build/speedup.py); LEFT_OUT when it is no longer open. Only a
    guess: the head start is used only if its records begin the index the build makes."""

    def __init__(self, values):
        self.values = dict(values)
        settings.apply_defaults(self.values)  # as the plugin sets them when Pelican starts
        self.checks = None  # the data files are read at the first changed file only

    def __call__(self, path: str, last: Record):
        if self.checks is None:
            self.checks = pipeline.prepare(self.values)
        outcome = read_and_check_ahead(path, self.checks)[3]
        if outcome is None:
            return None
        if outcome.state is not State.OPEN:
            return LEFT_OUT
        return search_records.record_of(outcome.posting, last.url)
