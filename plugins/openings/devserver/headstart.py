"""A head start for a kept build's search index when the last index was one part (keptsearch.py).

On such a board an edit makes Pagefind index the whole board again, and the build can hand it
its records only once it knows the open postings, after Pelican has read them. Until then, a
Pagefind process of its own is sent the last build's records, in the last build's order, up to
the first posting whose file changed since (a file's size or times, as sourcefiles.py tells).

When the build's records are known, that process is used only if what it was sent is, record
for record, the start of the index's first part: the part's other records follow, and Pagefind
makes the same files of the same records in the same order. Otherwise it is killed and the part
is indexed from its first record, as without a head start. So the index is the same either way;
the head start only moves Pagefind's work earlier, onto the core the build leaves idle while it
reads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ..outputs.pagefind_client import STREAM_CHUNK, PagefindService
from ..outputs.search_records import Record


class HeadStart:
    def __init__(self, last: list[tuple[str, Record]], unchanged: Callable[[str], bool], lang):
        """`last`: (source path, record) of the last build's index, in its order; `unchanged`:
        whether a source file is as the last build read it."""
        self.lang = lang
        self.sent: list[Record] = []
        self._service: PagefindService | None = None
        self._stop = threading.Event()
        self._handing = threading.Lock()  # take() and discard() may be called from two threads
        self._thread = threading.Thread(
            target=self._run, args=(last, unchanged), name="kept-search-head-start", daemon=True
        )
        self._thread.start()

    def take(self, part: list[Record]) -> tuple[PagefindService | None, int]:
        """Stop sending. The process and how many of `part`'s records it has, if it was sent
        the start of `part`; else (None, 0), and it is gone."""
        self._stop.set()
        self._thread.join()
        sent = len(self.sent)
        begins = 0 < sent <= len(part) and all(map(_same, self.sent, part[:sent]))
        with self._handing:
            if begins and self._service is not None:
                service, self._service = self._service, None
                return service, sent
        self.discard()
        return None, 0

    def discard(self) -> None:
        """Stop sending and end the process, if take() has not handed it over."""
        self._stop.set()
        self._thread.join()
        with self._handing:
            if self._service is not None:
                self._service.close(discard=True)
                self._service = None

    def _run(self, last, unchanged) -> None:
        try:
            # a pipe's worth at a time (as search_stream.py): Pagefind starts on the first records
            self._service = PagefindService({"force_language": self.lang}, chunk=STREAM_CHUNK)
            for path, record in last:
                if self._stop.is_set() or not unchanged(path):
                    return
                self._service.add(record.url, record.content, self.lang, {"title": record.title})
                self.sent.append(record)
        except Exception:  # Pagefind missing or failing: the index is made without a head start
            self.sent.clear()  # so that take() does not use it; the build says what failed


def _same(a: Record, b: Record) -> bool:
    return a is b or (a.url, a.title, a.content) == (b.url, b.title, b.content)
