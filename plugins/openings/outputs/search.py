"""The static search index: Pagefind over the open postings, made during the build.

Pagefind never parses the written pages: each open posting is sent as one record
(search_records.py), so lists, closed postings, drafts and company pages stay out by
construction. The whole board is indexed in the site's language, so the English list page also
finds the German posting. The list page loads /pagefind/pagefind.js, /pagefind/paths.json (each
result's posting; search_bundle.py) and /pagefind/words.json (the board's words, so that a word
on no posting matches nothing and gets "did you mean" suggestions) only when someone searches.

This module holds the receivers. The index is made one of three ways (build_index):

- streamed: every open posting was sent to Pagefind as soon as it was read and checked
  (`offer`, from plugin.py's `check_when_read`; search_stream.py), part after part on a thread
  of its own, and the last part's files were asked for once the last posting was read
  (`ask_early`). Used only when the stream holds exactly the open postings, in reading order.
  Its last (or only) part is collected on a thread while Pelican writes the pages: one
  Pagefind process, as while reading, so a board in parts stays within the memory target;
- one part: otherwise, the records go to one Pagefind process on a thread while Pelican writes
  the pages;
- in parts: a board above JOBPOSTING_SEARCH_PART_WORDS words is indexed at once, part after
  part, before any page is written (search_index.py).

Every way writes the same files: postings are read in the order of their paths, so the index is
the same from run to run. The index being made is the build's (BuildState.search);
`WaitForSearchIndex`, a generator after the plugin's others, waits for it once the pages are
written and fails the build if the index failed. An error in the postings stops the build
before any of this (plugin.finish).
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator

from pelican import signals
from pelican.generators import ArticlesGenerator

from ..core import report
from ..core.problems import BuildFailed
from .pagefind_client import PagefindError
from .search_index import write_index, write_words
from .search_records import Record, record, record_of
from .search_stream import STREAM_KEY, Stream, write_streamed

BUNDLE = "pagefind"
CONTEXT_KEY = "jobposting"  # plugin.py's BuildState in the generators' context


def build_index(generators) -> None:
    """all_generators_finalized: index the open postings, streamed or in one part on a thread,
    or in parts at once (see the module's docstring)."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    values = articles.settings
    if not values.get("JOBPOSTING_SEARCH", True):
        return
    ordered = _open_in_reading_order(articles)
    bundle = os.path.join(os.path.abspath(articles.output_path), BUNDLE)
    stream = articles.context.pop(STREAM_KEY, None)
    if stream is not None:
        if stream.usable_for([a.url for a in ordered]):
            _on_a_thread(articles.context, _Indexing(write_streamed, stream, bundle))
            return
        stream.close()  # Pelican dropped a posting, or Pagefind failed: index anew
    # records are made as each part is indexed, not all at once: less memory held
    records = map(record, ordered)
    lang = site_language(values)
    part_words = values["JOBPOSTING_SEARCH_PART_WORDS"]
    first, rest = _first_part(records, part_words)
    if rest is None:
        job = _Indexing(_with_words, write_index, ordered, bundle, first, bundle, lang, part_words)
        _on_a_thread(articles.context, job)
    else:
        chained = itertools.chain(first, rest)
        _in_parts_now(
            values,
            _Done(_with_words, write_index, ordered, bundle, chained, bundle, lang, part_words),
        )


def _on_a_thread(context, indexing: _Indexing) -> None:
    """Index on a thread while Pelican writes the pages; WaitForSearchIndex waits for it."""
    state = context.get(CONTEXT_KEY)
    if state is None:  # no posting was read: nothing to overlap with
        indexing.run()
        _report(indexing, context)
        return
    state.search = indexing
    indexing.start()


def _in_parts_now(values, done: _Done) -> None:
    """A board in parts: indexed now, before the pages are written (the memory target of big
    boards: Pagefind's parts must not meet the memory rendering adds)."""
    done.run()
    _report(done, values)


def _with_words(write, articles: list, bundle: str, *args) -> int:
    """Index with `write(*args)`, then write the board's words beside the index."""
    parts = write(*args)
    write_words(map(record, articles), bundle)
    return parts


def _first_part(records: Iterator[Record], part_words: int):
    """The records of a one-part board and None, or the first records and the rest."""
    first: list[Record] = []
    words = 0
    for item in records:
        first.append(item)
        words += item.words
        if words > part_words:
            return first, records
    return first, None


def _open_in_reading_order(articles: ArticlesGenerator) -> list:
    """The open postings in the order they were read (speedup.read_in_order), the order the
    stream sent them in."""
    state = articles.context.get(CONTEXT_KEY)
    found = state.open_articles() if state is not None else ()
    return sorted((a for a in found if getattr(a, "jobposting", None)), key=_reading_order)


def _reading_order(article) -> str:
    return article.source_path


def site_language(values) -> str:
    return (values.get("DEFAULT_LANG") or "en").split("-")[0]


def ask_early(articles: ArticlesGenerator) -> None:
    """article_generator_finalized: every posting is read and classified. When the stream
    holds the open postings, Pagefind starts writing the last part's files now, while the
    pages, the problems report and the JSON-LD are made (Pagefind's index is what ends a
    build); build_index checks the list again and collects the files."""
    stream = articles.context.get(STREAM_KEY)
    if stream is None or not articles.settings.get("JOBPOSTING_SEARCH", True):
        return
    # every address is final once the articles generator has its context
    if stream.usable_for([a.url for a in _open_in_reading_order(articles)]):
        stream.end()


def offer(article, posting, text: tuple[str, int] | None = None) -> None:
    """An open posting, just read and checked (plugin.py): send it to the index now; `text`:
    its record_text, when helpers made it ahead (build/speedup.py)."""
    values = article.settings
    if not values.get("JOBPOSTING_SEARCH", True):
        return
    context = article._context
    stream = context.get(STREAM_KEY)
    if stream is None:
        bundle = os.path.join(os.path.abspath(values["OUTPUT_PATH"]), BUNDLE)
        stream = Stream(site_language(values), values["JOBPOSTING_SEARCH_PART_WORDS"], bundle)
        context[STREAM_KEY] = stream
    stream.offer(record_of(posting, article.url, text))


def drop_stream(context) -> None:
    """A build that stops before its index is written (plugin.finish): end the stream's Pagefind."""
    stream = context.pop(STREAM_KEY, None)
    if stream is not None:
        stream.close()


class _Done:
    """`write(*args)` run on the build's thread; `parts` and `error` as _Indexing has them."""

    def __init__(self, write, *args):
        self._job = (write, args)
        self.parts = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        write, args = self._job
        try:
            self.parts = write(*args)
        except BaseException as exc:  # reported by _report, on the build's thread
            self.error = exc


class _Indexing(_Done, threading.Thread):
    """The index, built on a thread while Pelican writes the pages (Pagefind's own process
    works on the second core); WaitForSearchIndex waits for it after the pages are written."""

    def __init__(self, write, *args):
        _Done.__init__(self, write, *args)
        threading.Thread.__init__(self, name="jobposting-search", daemon=True)  # a failed
        # build does not wait


class WaitForSearchIndex:
    """A generator that writes nothing: after the plugin's others, it waits for the index
    made on a thread while the pages were written, and fails the build if it failed."""

    def __init__(self, context, **_):
        self.context = context

    def generate_output(self, writer) -> None:
        state = self.context.get(CONTEXT_KEY)
        indexing = getattr(state, "search", None)
        if indexing is None:
            return
        state.search = None
        indexing.join()
        _report(indexing, self.context)


def _report(done: _Done, values) -> None:
    if isinstance(done.error, PagefindError):
        fail(str(done.error))
    if done.error is not None:
        raise done.error
    _note_parts(done.parts, values["JOBPOSTING_SEARCH_PART_WORDS"])


def _note_parts(parts: int, part_words: int) -> None:
    if parts > 1:
        note = (
            f"jobposting: search index in {parts} parts of at most {part_words:,} words"
            " (JOBPOSTING_SEARCH_PART_WORDS), so that building it fits in memory"
        )
        report.emit([note])


def fail(detail: str) -> None:
    """Stop the build: Pagefind failed (`detail`), with what to do about it."""
    report.emit(
        [
            f"jobposting: the search index was not built: {detail}",
            (
                "jobposting: reinstall the dependencies (make install), or set"
                " JOBPOSTING_SEARCH = False to build the site without search"
            ),
        ]
    )
    raise BuildFailed("jobposting: search index failed")


def connect() -> None:
    # Connected after plugin.finish (Pelican calls receivers in the order they were connected):
    # a build with errors stops there, before anything is written.
    signals.article_generator_finalized.connect(ask_early)
    signals.all_generators_finalized.connect(build_index)


def connect_wait() -> None:
    """Connected after every other generator of the plugin (plugin.register): the build
    writes every page it can, its share of the posting pages included, before it waits for
    the index."""
    signals.get_generators.connect(_wait_for_index)


def _wait_for_index(pelican):
    return WaitForSearchIndex
