"""The dev server's search index: made on a thread after the pages are written, not before.

Pagefind takes longer than an incremental build (seconds on a big board), so the dev server's
builds leave the index out (JOBPOSTING_SEARCH off: the pages are the same) and this module makes
it afterwards, with the same records and the same code as a build (search.write_index and
search.write_words), in a folder beside the live one that then takes its place. Until then
`stale_flag` is set (a file the server's process looks for, serving.SharedFlag), and the dev
server answers the index's files with "503 Service Unavailable", so the search box says search
is not available right now instead of finding what the pages no longer show. A build that ends
while an index is being made asks for another; only the newest is made.
"""

from __future__ import annotations

import os
import shutil
import threading

from ..outputs import search
from ..outputs.search_index import KeptParts
from . import serving


class SearchLater:
    def __init__(self):
        self._lock = threading.Lock()
        self._wanted: tuple | None = None
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()
        self.stale_flag = serving.SharedFlag()  # set while the index is older than the pages
        self.error: str | None = None  # the last failure, for the dev server to print
        self._parts: KeptParts | None = None  # the last index's parts, by their records

    def request(self, articles: list, values) -> None:
        """After a build: index `articles`, its open postings in reading order (cache.py)."""
        bundle = os.path.join(os.path.abspath(values["OUTPUT_PATH"]), search.BUNDLE)
        job = (articles, bundle, search.site_language(values),
               values["JOBPOSTING_SEARCH_PART_WORDS"])  # fmt: skip
        with self._lock:
            self._wanted = job
            self._idle.clear()
            self.stale_flag.set(True)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="search-later", daemon=True)
                self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Until the index on disk is the newest build's; False when `timeout` passed first."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._wanted = self._wanted, None
                if job is None:
                    self.stale_flag.set(False)
                    self._idle.set()
                    return
            try:
                parts = KeptParts(self._parts.now if self._parts is not None else None)
                write(*job, parts=parts)
                self._parts = parts  # the next index takes this one's unchanged parts
                self.error = None
            except Exception as exc:  # the pages are fine; the dev server says what failed
                self.error = f"the search index was not made: {exc}"


def write(articles: list, bundle: str, lang: str, part_words: int, parts=None) -> None:
    """Make the index of `articles` beside `bundle`, then put it in its place. `parts`: a
    search_index.KeptParts, whose parts of the last index are taken where unchanged."""
    fresh = bundle + ".next"
    shutil.rmtree(fresh, ignore_errors=True)
    records = [search.record(article) for article in articles]
    search.write_index(records, fresh, lang, part_words, kept=parts)
    search.write_words(records, fresh)
    put_in_place(bundle)


def put_in_place(bundle: str) -> None:
    """The index made in `bundle`.next takes the place of `bundle` (kept builds too)."""
    old = bundle + ".old"
    shutil.rmtree(old, ignore_errors=True)
    if os.path.isdir(bundle):
        os.replace(bundle, old)
    os.replace(bundle + ".next", bundle)
    shutil.rmtree(old, ignore_errors=True)
