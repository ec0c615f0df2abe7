"""The early start of the search index: open postings sent to Pagefind while Pelican is still
reading, so that Pagefind indexes on the second core, idle then, instead of after the last file
is read.

It changes when the index is made, never what it holds: search.py writes the streamed index only
when the stream holds exactly the open postings of a one-part board, in reading order; otherwise
the stream is closed and the board indexed after reading.
"""

from __future__ import annotations

import shutil

from .pagefind_client import JEMALLOC_CONF_FAST, STREAM_CHUNK, PagefindError, PagefindService
from .search_bundle import Bundle
from .search_records import Record

STREAM_KEY = "jobposting_search_stream"  # in the generators' context: one stream per build


class Stream:
    def __init__(self, lang: str, part_words: int):
        self.lang = lang
        self.part_words = part_words
        self.service: PagefindService | None = None
        self.urls: list[str] = []
        self.words = 0
        self.given_up = False

    def offer(self, item: Record) -> None:
        if self.given_up:
            return
        if self.urls and self.words + item.words > self.part_words:
            self.close()  # a board in parts is indexed part by part, after reading
            return
        try:
            if self.service is None:
                self.service = PagefindService(
                    {"force_language": self.lang}, JEMALLOC_CONF_FAST, STREAM_CHUNK
                )
            self.service.add(item.url, item.content, self.lang, {"title": item.title})
        except PagefindError:
            self.close()  # build_index indexes anew, and reports the failure if it persists
            return
        self.urls.append(item.url)
        self.words += item.words

    def usable_for(self, urls: list[str]) -> bool:
        wanted = ["/" + url.lstrip("/") for url in urls]
        return not self.given_up and self.service is not None and self.urls == wanted

    def close(self) -> None:
        self.given_up = True
        if self.service is not None:
            self.service.close(discard=True)
            self.service = None


def write_streamed(stream: Stream, bundle: str) -> int:
    """Write the one-part index whose records were sent while the postings were read."""
    shutil.rmtree(bundle, ignore_errors=True)
    with stream.service as service:
        files = service.files()
    published = Bundle(bundle)
    published.add(files, bundle)
    published.finish()
    return 1
