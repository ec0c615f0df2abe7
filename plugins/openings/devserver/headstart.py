"""A head start for a kept build's search index when the last index was one part (keptsearch.py).

On such a board an edit makes Pagefind index the whole board again, and the build can hand it
its records only once it knows the open postings, after Pelican has read them. Until then, a
Pagefind process of its own is sent the last build's records, in the last build's order, as far
as their files' bytes are unchanged (their digest: a CI checkout's files are all new, so their
times tell nothing). For a posting whose file changed, `guess` reads and checks the file as a
read-ahead helper does and gives the record it makes now under its last address, or LEFT_OUT
when it is no longer open; where it cannot tell (no guess, an error), sending stops there.

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

LEFT_OUT = object()  # guess: the posting is no longer open, it has no record


class HeadStart:
    def __init__(
        self, last: list[tuple[str, Record]], unchanged: Callable[[str], bool], lang, guess=None
    ):
        """`last`: (source path, record) of the last build's index, in its order; `unchanged`:
        whether a source file holds the bytes the last build read; `guess(source path, its
        last record)`: the record of a changed file, LEFT_OUT, or None (stop sending)."""
        self.lang = lang
        self.guess = guess
        self.sent: list[Record] = []  # in the order sent
        self._service: PagefindService | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()  # over _service: take() and discard() run on other threads
        self._thread = threading.Thread(
            target=self._run, args=(last, unchanged), name="kept-search-head-start", daemon=True
        )
        self._thread.start()

    def take(self, part: list[Record], lang: str) -> tuple[PagefindService | None, int]:
        """Stop sending. The process and how many of `part`'s records it has, if it was sent
        the start of `part` in `lang`; else (None, 0), and the process is ended."""
        self._stop.set()
        self._thread.join()
        count = len(self.sent)
        begins = lang == self.lang and 0 < count <= len(part)
        begins = begins and all(map(_same, self.sent, part[:count]))
        with self._lock:
            service, self._service = self._service, None
        if service is not None and begins and service.running():
            return service, count
        if service is not None:
            service.close(discard=True)
        return None, 0

    def discard(self) -> None:
        """End the process at once, if take() has not handed it over (a write it was blocked in
        then fails, which ends the thread)."""
        self._stop.set()
        with self._lock:
            service, self._service = self._service, None
        if service is not None:
            service.close(discard=True)
        self._thread.join()

    def _run(self, last, unchanged) -> None:
        try:
            # a pipe's worth at a time (as search_stream.py): Pagefind starts on the first records
            service = PagefindService({"force_language": self.lang}, chunk=STREAM_CHUNK)
            with self._lock:
                if self._stop.is_set():  # discarded while Pagefind started
                    service.close(discard=True)
                    return
                self._service = service
            for path, last_record in last:
                if self._stop.is_set():
                    return
                record = last_record if unchanged(path) else self._guess(path, last_record)
                if record is None:
                    return
                if record is LEFT_OUT:
                    continue
                service.add(record.url, record.content, self.lang, {"title": record.title})
                self.sent.append(record)
        except Exception:  # Pagefind missing, failing or ended: the index is made without it
            self.sent.clear()  # so that take() does not use it; the build says what failed

    def _guess(self, path: str, last: Record):
        if self.guess is None:
            return None
        try:
            return self.guess(path, last)
        except Exception:  # the build reads the file itself and says what is wrong with it
            return None


def _same(a: Record, b: Record) -> bool:
    return a is b or (a.url, a.title, a.content) == (b.url, b.title, b.content)
