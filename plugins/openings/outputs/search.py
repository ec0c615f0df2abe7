"""The static search index: Pagefind over the open postings, built before the pages are written.

Each open posting becomes one compact Pagefind record: its title, where, summary, the facts a
candidate types (employment, workplace, remote areas, department, company, reference) and the
words of its description, each once. Pagefind never parses the written pages, so lists, closed
postings, drafts and company pages stay out by construction. The whole board is indexed in the
site's language, so the English list page also finds the German posting. The list page loads
/pagefind/pagefind.js, /pagefind/paths.json (each result's posting; search_bundle.py) and
/pagefind/words.json (the board's words, so that a word on no posting matches nothing and gets
"did you mean" suggestions) only when someone searches, and shows the results by relevance.

Memory: Pagefind holds every record's words several times over while it builds an index (about
250 KB per benchmark posting of 1,100 words), so a 10,000-posting board cannot be one index
within the 1 GB target. A board above JOBPOSTING_SEARCH_PART_WORDS words is indexed in parts,
one Pagefind process after the other; /pagefind/pagefind.js is then a small module that loads
part 1 and merges the others with Pagefind's own `mergeIndex`, so the page's code is unchanged.

Each open posting is sent to Pagefind as soon as it is read and checked (plugin.py's
`check_when_read`), so Pagefind indexes on the second core while Pelican is still reading;
postings are read in the order of their paths, so the index is the same from run to run.
Pagefind starts making the index files as soon as the last posting is read (`ask_early`); after
the report (an error stops the build before this), `all_generators_finalized` collects and
writes them on a thread while Pelican writes the pages; `finalized` waits for it and fails the
build if it failed. The early start is only used when it holds exactly the open postings of a
one-part board, in order; otherwise it is dropped and the board indexed after reading. A board
in parts is indexed in line before the pages are written, so that Pagefind's peak does not meet
the memory that rendering adds.
"""

from __future__ import annotations

import html as html_lib
import itertools
import json
import os
import re
import shutil
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pelican import signals
from pelican.generators import ArticlesGenerator

from ..core import report
from ..core.problems import BuildFailed
from ..render import display
from .pagefind_client import JEMALLOC_CONF_FAST, STREAM_CHUNK, PagefindError, PagefindService
from .search_bundle import Bundle, write_files

BUNDLE = "pagefind"
CONTEXT_KEY = "jobposting"  # plugin.py's BuildState in the generators' context


@dataclass(frozen=True)
class Record:
    url: str  # site-relative, as Pagefind reports it: "/jobs/backend-developer/"
    title: str
    content: str
    # The posting's size in words, repeats included: what a part is measured in. Pagefind's
    # memory grows with the postings more than with their distinct words (890 benchmark
    # postings: 167 MB with each description word once, about 220 MB with every word), so
    # parts stay the size the N = 10,000 memory target was measured with.
    size: int = 0

    @property
    def words(self) -> int:
        return self.size or len(self.content.split())


# clean_html (sanitize.py) writes <, > and " as entities in text and attribute values, so in a
# description's HTML every "<" opens a tag and the next ">" closes it: a pattern finds the tags
# as surely as a parser, at a fraction of the cost (~0.6 s at N = 1,000).
_TAG = re.compile(r"<[^>]*>")


def plain_text(html: str) -> str:
    """The words of a description (clean_html's output); every tag separates words."""
    return " ".join(html_lib.unescape(_TAG.sub(" ", html)).split())


# Sentence punctuation around a word does not make it another word: "Python," is "Python".
# "+", "#" and a leading "." stay: C++, C# and .NET are words candidates search for.
_OPENING = "\"'“‘«„([{"
_CLOSING = "\"'”’»)]}.,;:!?…"


def distinct_words(text: str, known: str = "") -> str:
    """Each word of `text` once, in the order of its first use (case and edge punctuation aside),
    leaving out the words of `known`.

    The search page only asks Pagefind which postings match and keeps the board's own order, so
    a word repeated adds nothing a candidate sees; a description's repeats were two thirds of
    the words Pagefind indexed (about 1.3 s of its 3.9 s CPU at N = 1,000), and the words the
    title, place, summary and facts lines already have (`known`, kept whole so that a title
    still matches as a phrase) another 6 %.
    """
    seen = dict.fromkeys(
        word.lstrip(_OPENING).rstrip(_CLOSING).casefold() for word in known.split()
    )
    skip = len(seen)
    for word in dict.fromkeys(text.split()):  # the same word written the same way: once, in C
        seen.setdefault(word.lstrip(_OPENING).rstrip(_CLOSING).casefold(), word)
    return " ".join(itertools.islice(seen.values(), skip, None))  # the new words only


def record(article) -> Record:
    return record_of(article.jobposting, article.url)


def record_of(job, url: str, text: tuple[str, int] | None = None) -> Record:
    content, size = text or record_text(job)
    return Record("/" + url.lstrip("/"), job.title, content, size)


def record_text(job) -> tuple[str, int]:
    """A posting's searchable text and its size in words (readahead.py makes it ahead)."""
    lang = job.lang
    facts = [
        display.employment(job, lang),
        display.workplace(job, lang),
        display.remote_areas(job, lang) if job.is_remote else "",
        job.department,
        job.organization.name,
        job.req_id or "",
    ]
    description = plain_text(job.body_html)
    lines = [
        job.title,
        display.where(job, lang),
        " ".join(display.place_synonyms(job)),
        job.summary,
        " · ".join(fact for fact in facts if fact),
    ]
    head = "\n".join(line for line in lines if line)
    # plain_text joins its words with single spaces: counting them needs no second split
    size = len(head.split()) + (description.count(" ") + 1 if description else 0)
    content = head + "\n" + distinct_words(description, head) if description else head
    return content, size


def split(records: Iterable[Record], part_words: int) -> Iterator[list[Record]]:
    """Consecutive parts of at most `part_words` words (a longer single posting is its own part).

    A generator, so that only one part's records are held at a time; no records: one empty part.
    """
    part: list[Record] = []
    words = 0
    for item in records:
        if part and words + item.words > part_words:
            yield part
            part, words = [], 0
        part.append(item)
        words += item.words
    yield part


def part_name(number: int) -> str:
    return f"part-{number}"


def merging_module(names: list[str]) -> str:
    """/pagefind/pagefind.js for an index in parts: Pagefind's API over all of them."""
    others = json.dumps(names[1:])
    return (
        "// Written by Openings (openings/outputs/search.py). This board's search index is in\n"
        f"// {len(names)} parts, so that building it fits in memory; this module is Pagefind's\n"
        "// API over all of them: it loads the first part and merges the others.\n"
        f'import * as pagefind from "./{names[0]}/pagefind.js";\n'
        f'export * from "./{names[0]}/pagefind.js";\n'
        f"await Promise.all({others}.map((part) =>\n"
        "  pagefind.mergeIndex(new URL(`./${part}/`, import.meta.url).pathname)));\n"
    )


WORDS = "words.json"  # in the bundle folder: every word on the board, sorted, lower case
# a word as the list page splits a query: letters, digits and the + and # of C++ and C#
_WORD = re.compile(r"[\w+#]+")


def vocabulary(records: Iterable[Record]) -> list[str]:
    """Every word the board's postings contain, once, lower case and sorted.

    The list page checks a query's words against it before asking Pagefind, which answers a
    word no posting contains with the postings of its longest known prefix ("forklift" finding
    everything with "for"); it also suggests the board's words closest to an unknown one.
    """
    words: set[str] = set()
    for item in records:
        words.update(_WORD.findall(f"{item.title} {item.content}".casefold()))
    return sorted(w.strip("_") for w in words if w.strip("_"))


def write_words(records: Iterable[Record], bundle: str) -> None:
    text = json.dumps(vocabulary(records), separators=(",", ":"), ensure_ascii=False)
    write_files({WORDS: text.encode("utf-8")}, bundle)


def _with_words(write, articles: list, bundle: str, *args) -> int:
    """Index with `write(*args)`, then write the board's words beside the index."""
    parts = write(*args)
    write_words(map(record, articles), bundle)
    return parts


def write_streamed(stream: _Stream, bundle: str) -> int:
    """Write the one-part index whose records were sent while the postings were read."""
    shutil.rmtree(bundle, ignore_errors=True)
    with stream.service as service:
        files = service.files()
    published = Bundle(bundle)
    published.add(files, bundle)
    published.finish()
    return 1


def write_index(records: Iterable[Record], bundle: str, lang: str, part_words: int) -> int:
    """Write the index for `records` into the folder `bundle`; return the number of parts."""
    shutil.rmtree(bundle, ignore_errors=True)  # no part of an earlier, bigger board stays
    published = Bundle(bundle)
    count = 0
    for count, part in enumerate(split(records, part_words), start=1):
        # one process per part: its memory is given back before the next part starts
        with PagefindService({"force_language": lang}) as service:
            service.add_records(
                (item.url, item.content, lang, {"title": item.title}) for item in part
            )
            files = service.files()
        published.add(files, os.path.join(bundle, part_name(count)))
    if count == 1:  # the usual case: one index, where Pagefind's own bundle would be
        staging = bundle + ".staging"
        os.replace(os.path.join(bundle, part_name(1)), staging)
        os.rmdir(bundle)
        os.replace(staging, bundle)
    else:
        names = [part_name(n) for n in range(1, count + 1)]
        with open(os.path.join(bundle, "pagefind.js"), "w", encoding="utf-8") as module:
            module.write(merging_module(names))
    published.finish()
    return count


class _Indexing(threading.Thread):
    """The index, built on a thread while Pelican writes the pages (Pagefind's own process
    works on the second core); `collect` waits for it after the pages are written."""

    def __init__(self, write, *args):
        super().__init__(name="jobposting-search", daemon=True)  # a failed build does not wait
        self._job = (write, args)
        self.parts = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        write, args = self._job
        try:
            self.parts = write(*args)
        except BaseException as exc:  # handed to the build's thread in collect
            self.error = exc


_running: dict[int, _Indexing] = {}  # by id() of the build's settings: one per build


def build_index(generators) -> None:
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    values = articles.settings
    if not values.get("JOBPOSTING_SEARCH", True):
        return
    ordered = _open_in_reading_order(articles)
    bundle = os.path.join(os.path.abspath(articles.output_path), BUNDLE)
    stream = articles.context.pop(STREAM_KEY, None)
    if stream is not None:
        if stream.usable_for([a.url for a in ordered]):
            _start(values, _Indexing(_with_words, write_streamed, ordered, bundle, stream, bundle))
            return
        stream.close()  # the board is in parts, or Pelican dropped a posting: index anew
    # records are made as each part is indexed, not all at once: less memory held
    records = map(record, ordered)
    lang = site_language(values)
    part_words = values["JOBPOSTING_SEARCH_PART_WORDS"]
    first, rest = _first_part(records, part_words)
    if rest is not None:
        # a board in parts: Pagefind's parts must not meet the memory rendering adds (the
        # N = 10,000 target), so index in line before the pages are written, as one part did
        try:
            parts = write_index(itertools.chain(first, rest), bundle, lang, part_words)
            write_words(map(record, ordered), bundle)
        except PagefindError as exc:
            _fail(str(exc))
        _note_parts(parts, part_words)
        return
    _start(
        values,
        _Indexing(_with_words, write_index, ordered, bundle, first, bundle, lang, part_words),
    )


def _open_in_reading_order(articles: ArticlesGenerator) -> list:
    """The open postings in the order they were read (readahead.read_in_order), the order the
    stream sent them in."""
    state = articles.context.get(CONTEXT_KEY)
    found = state.open_articles() if state is not None else ()
    return sorted((a for a in found if getattr(a, "jobposting", None)), key=_reading_order)


def ask_early(articles: ArticlesGenerator) -> None:
    """article_generator_finalized: every posting is read and classified. When the stream
    holds the open postings, Pagefind starts writing the index now, while the pages, the
    problems report and the JSON-LD are made (about 0.2 s at N = 1,000, and Pagefind's index
    is what ends a build); build_index checks the list again and collects the files."""
    stream = articles.context.get(STREAM_KEY)
    if stream is None or not articles.settings.get("JOBPOSTING_SEARCH", True):
        return
    # every address is final once the articles generator has its context
    if stream.usable_for([a.url for a in _open_in_reading_order(articles)]):
        try:
            stream.service.ask_for_files()
        except PagefindError:
            stream.close()  # build_index indexes anew, and reports the failure if it persists


def _start(values, indexing: _Indexing) -> None:
    _running[id(values)] = indexing
    indexing.start()


def site_language(values) -> str:
    return (values.get("DEFAULT_LANG") or "en").split("-")[0]


def _reading_order(article) -> str:
    return article.source_path


# The stream: open postings sent to Pagefind while Pelican is still reading, so that Pagefind
# indexes on the second core, idle then, instead of after the last file is read. It is only
# an early start: build_index uses it when it holds exactly the open postings, in order, within
# one part; otherwise it is closed and the board indexed as before.

STREAM_KEY = "jobposting_search_stream"  # in the generators' context: one stream per build


class _Stream:
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


def offer(article, posting, text: tuple[str, int] | None = None) -> None:
    """An open posting, just read and checked (plugin.py): send it to the index now; `text`:
    its record_text, when readahead.py made it."""
    values = article.settings
    if not values.get("JOBPOSTING_SEARCH", True):
        return
    context = article._context
    stream = context.get(STREAM_KEY)
    if stream is None:
        stream = _Stream(site_language(values), values["JOBPOSTING_SEARCH_PART_WORDS"])
        context[STREAM_KEY] = stream
    stream.offer(record_of(posting, article.url, text))


def drop_stream(context) -> None:
    """A build that stops before its index is written (plugin.finish): end the stream's Pagefind."""
    stream = context.pop(STREAM_KEY, None)
    if stream is not None:
        stream.close()


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


def collect(pelican) -> None:
    """After Pelican has written the pages: wait for the index, report its parts or failure."""
    indexing = _running.pop(id(pelican.settings), None)
    if indexing is None:
        return
    indexing.join()
    if isinstance(indexing.error, PagefindError):
        _fail(str(indexing.error))
    if indexing.error is not None:
        raise indexing.error
    _note_parts(indexing.parts, pelican.settings["JOBPOSTING_SEARCH_PART_WORDS"])


def _note_parts(parts: int, part_words: int) -> None:
    if parts > 1:
        note = (
            f"jobposting: search index in {parts} parts of at most {part_words:,} words"
            " (JOBPOSTING_SEARCH_PART_WORDS), so that building it fits in memory"
        )
        report.emit([note])


def _fail(detail: str) -> None:
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
    signals.finalized.connect(collect)
