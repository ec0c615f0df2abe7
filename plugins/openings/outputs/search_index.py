"""Writing the search index: the records -> Pagefind's files in the site's /pagefind/ folder.

A board above JOBPOSTING_SEARCH_PART_WORDS words is indexed in parts, one Pagefind process after
the other, so that building it fits in memory; /pagefind/pagefind.js is then a small module that
loads part 1 and merges the others with Pagefind's own `mergeIndex`, so the page's code is the
same either way. Beside the index, words.json: every word on the board.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator

from .pagefind_client import PagefindService
from .search_bundle import Bundle, write_files
from .search_records import WORDS, Record, vocabulary


class Cuts:
    """Where one part of the index ends and the next begins, record by record.

    A part holds at most `part_words` words (a longer single posting is its own part); the
    first part ends only where it is full, so a board of at most `part_words` words is one
    part. A later part past half of `part_words` also ends after a posting picked by its
    address's hash, each posting with a chance in proportion to its words (a quarter of
    `part_words` between two picks, on average). So where a later part ends depends on the
    postings around that place, not on every posting before it: a posting added or closed
    changes its own part and the next one or two, and a kept build (devserver/keptsearch.py)
    indexes those again, not every part after it.
    """

    def __init__(self, part_words: int):
        self.part_words = part_words
        self.words = 0  # in the current part
        self._later = False  # past the first part
        self._end_here = False  # the last record ends the current part

    def starts_part(self, item: Record) -> bool:
        """Whether `item` begins a new part; then counted in it."""
        new = self.words > 0 and (self._end_here or self.words + item.words > self.part_words)
        if new:
            self.words, self._later = 0, True
        self.words += item.words
        self._end_here = (
            self._later and self.words >= self.part_words // 2 and _picked(item, self.part_words)
        )
        return new


def _picked(item: Record, part_words: int) -> bool:
    found = int.from_bytes(hashlib.blake2b(item.url.encode(), digest_size=8).digest(), "big")
    return found < (1 << 64) * min(1.0, 4 * item.words / max(part_words, 1))


def split(records: Iterable[Record], part_words: int) -> Iterator[list[Record]]:
    """Consecutive parts, cut where Cuts says, each record in its order.

    A generator, so that only one part's records are held at a time; no records: one empty part.
    """
    cuts = Cuts(part_words)
    part: list[Record] = []
    for item in records:
        if cuts.starts_part(item):
            yield part
            part = []
        part.append(item)
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


def write_words(records: Iterable[Record], bundle: str) -> None:
    write_word_list(vocabulary(records), bundle)


def write_word_list(words: list[str], bundle: str) -> None:
    text = json.dumps(words, separators=(",", ":"), ensure_ascii=False)
    write_files({WORDS: text.encode("utf-8")}, bundle)


def write_index(
    records: Iterable[Record], bundle: str, lang: str, part_words: int, kept=None, head_start=None
) -> int:
    """Write the index for `records` into the folder `bundle`; return the number of parts.

    `kept`: a mapping from a part's key (part_key) to the files Pagefind made of that part in
    an earlier build; a part found there is not indexed again, and each part made is added to
    it. Pagefind makes the same files of the same records.
    `head_start`: a Pagefind process that may have been sent the first part's first records
    (devserver/headstart.py), taken if the first part is made.
    """
    writer = PartsWriter(bundle)
    for number, part in enumerate(split(records, part_words)):
        key = part_key(part, lang) if kept is not None else None
        files = kept.get(key) if kept is not None else None
        if files is None:
            files = _index(part, lang, head_start if number == 0 else None)
            if kept is not None:
                kept[key] = files
        writer.add(files)
    return writer.finish()


class KeptParts:
    """write_index's `kept` across builds: the parts of the last index (`before`, by part_key),
    of which it takes those it needs, and the parts of this one (`now`), kept for the next."""

    def __init__(self, before: dict | None = None):
        self.before = before or {}
        self.now: dict = {}
        self.made = 0  # parts Pagefind made in this build

    def get(self, key):
        found = self.before.get(key)
        if found is not None:
            self.now[key] = found
        return found

    def __setitem__(self, key, files) -> None:
        self.made += 1
        self.now[key] = files


def _index(part: list[Record], lang: str, head_start=None) -> dict[str, bytes]:
    service, sent = head_start.take(part, lang) if head_start is not None else (None, 0)
    if service is None:
        # one process per part: its memory is given back before the next part starts
        service = PagefindService({"force_language": lang})
    with service:
        rest = part[sent:]  # the head start's process has the first `sent`
        service.add_records((item.url, item.content, lang, {"title": item.title}) for item in rest)
        return service.files()


def part_key(part: list[Record], lang: str) -> bytes:
    """What Pagefind's files for a part are made of: its records, in order, and the language."""
    found = hashlib.blake2b(lang.encode("utf-8"), digest_size=16)
    for item in part:
        found.update(repr((item.url, item.title, item.content)).encode("utf-8"))
    return found.digest()


class PartsWriter:
    """The folder `bundle`, written one part's index files at a time (write_index, and
    search_stream.py as the postings are read)."""

    def __init__(self, bundle: str):
        shutil.rmtree(bundle, ignore_errors=True)  # no part of an earlier, bigger board stays
        self.bundle = bundle
        self.published = Bundle(bundle)
        self.count = 0

    def add(self, files: dict[str, bytes]) -> None:
        self.count += 1
        self.published.add(files, os.path.join(self.bundle, part_name(self.count)))

    def finish(self) -> int:
        """The bundle's own files; return the number of parts."""
        bundle = self.bundle
        if self.count == 1:  # the usual case: one index, where Pagefind's own bundle would be
            staging = bundle + ".staging"
            os.replace(os.path.join(bundle, part_name(1)), staging)
            os.rmdir(bundle)
            os.replace(staging, bundle)
        else:
            names = [part_name(n) for n in range(1, self.count + 1)]
            with open(os.path.join(bundle, "pagefind.js"), "w", encoding="utf-8") as module:
                module.write(merging_module(names))
        self.published.finish()
        return self.count
