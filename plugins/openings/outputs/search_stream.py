"""The early start of the search index: open postings sent to Pagefind while Pelican is still
reading, so that Pagefind indexes on the second core, idle then, instead of after the last file
is read.

The build's thread only queues each record (`offer`); a thread of the stream's own sends them
to Pagefind, part after part as write_index splits them (search_index.Cuts): where a part
ends, its files are collected and written, and a new Pagefind process takes the next part. One Pagefind process at a time, as
write_index runs them, so the memory of a board in parts is what it was; the board's words
(words.json) are gathered on the same thread as the records go by. Everything is written into a
staging folder beside the site's /pagefind/, which takes its place once the build has written
its pages (`write_streamed`).

It changes when the index is made, never what it holds: search.py uses the streamed index only
when the stream holds exactly the open postings, in reading order; otherwise the stream is
closed, its staging folder removed, and the board indexed after reading.
"""

from __future__ import annotations

import os
import queue
import shutil
import threading

from .pagefind_client import STREAM_CHUNK, PagefindService
from .search_index import Cuts, PartsWriter, write_word_list
from .search_records import Record, Vocabulary

STREAM_KEY = "jobposting_search_stream"  # in the generators' context: one stream per build
STAGING = ".streaming"  # the staging folder: the bundle's path with this added

_END = object()  # queued after the last record: write the last part
_STOP = object()  # queued by close: the index is not wanted


class Stream:
    def __init__(self, lang: str, part_words: int, bundle: str):
        self.lang = lang
        self.part_words = part_words
        self.bundle = bundle
        self.staging = bundle + STAGING
        self.urls: list[str] = []
        self.given_up = False
        self.parts = 0  # written, once the thread has ended
        self.error: BaseException | None = None
        self._ended = False
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="jobposting-search", daemon=True)
        self._thread.start()

    def offer(self, item: Record) -> None:
        if self.given_up:
            return
        self.urls.append(item.url)
        self._queue.put(item)

    def usable_for(self, urls: list[str]) -> bool:
        wanted = ["/" + url.lstrip("/") for url in urls]
        return not self.given_up and self.error is None and self.urls == wanted

    def end(self) -> None:
        """Every record is offered: Pagefind may write the last part's files."""
        if not self._ended and not self.given_up:
            self._ended = True
            self._queue.put(_END)

    def wait(self) -> int:
        """The number of parts, once the thread has written them all into the staging folder;
        raises what stopped it."""
        self.end()
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.parts

    def close(self) -> None:
        """The streamed index is not wanted: its Pagefind ended, its staging folder removed."""
        if self.given_up:
            return
        self.given_up = True
        self._queue.put(_STOP)
        self._thread.join()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _run(self) -> None:
        service: PagefindService | None = None
        try:
            writer = PartsWriter(self.staging)
            words = Vocabulary()
            cuts = Cuts(self.part_words)  # the same split as search_index.split
            while (item := self._queue.get()) is not _END:
                if item is _STOP:
                    return
                if cuts.starts_part(item):
                    writer.add(self._files(service))
                    service = None
                if service is None:
                    service = self._service()
                service.add(item.url, item.content, self.lang, {"title": item.title})
                words.add(item)
            writer.add(self._files(service or self._service()))
            service = None
            self.parts = writer.finish()
            write_word_list(words.sorted(), self.staging)
        except BaseException as exc:  # handed to the build's thread in wait()
            self.error = exc
        finally:
            if service is not None:
                service.close(discard=True)

    def _service(self) -> PagefindService:
        return PagefindService({"force_language": self.lang}, chunk=STREAM_CHUNK)

    @staticmethod
    def _files(service: PagefindService) -> dict[str, bytes]:
        with service:
            return service.files()


def write_streamed(stream: Stream, bundle: str) -> int:
    """Wait for the index whose records were sent while the postings were read, and put it
    in place of `bundle`; return its number of parts."""
    try:
        parts = stream.wait()
    except BaseException:
        shutil.rmtree(stream.staging, ignore_errors=True)
        raise
    shutil.rmtree(bundle, ignore_errors=True)
    os.replace(stream.staging, bundle)
    return parts
