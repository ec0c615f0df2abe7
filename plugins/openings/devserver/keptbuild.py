"""A build that starts from the last build's cache, kept in a folder: what `make publish
BUILD_CACHE=folder` runs, and the Pages workflow with the folder kept between its runs.

The dev server keeps its cache (cache.py) in memory from one build to the next. A CI build
starts in a new process every time; here the same cache is loaded from the folder, the site is
built through it as the dev server builds it (incremental.py) into the output folder the last
build left, the search index is made again only for its parts whose postings changed, and the
cache is saved for the next build (keptstate.py).

Why what it publishes is never stale:
- every result is kept under the key of what it depends on (cache.py); "today" is part of the
  key of every verdict and every page, so expiry and the checks are decided again on a new day,
  and on the same day from the same files, settings and data, as a cold build decides them;
- the folder is not used at all when the code may have changed (keptstate.py: the installed
  distributions, the Python version, the bytes of the openings package and of the site's own
  Python are its key);
- an output file that is not what the cache last wrote (restored with other times, edited,
  missing) is rendered again, and a file no longer produced is deleted;
- the output is what a cold build writes: tests/build/test_kept_build.py compares them.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time

from pelican.settings import read_settings

from ..core import report
from ..outputs import search
from ..speed import memory
from . import incremental, keptstate
from .cache import DevCache
from .keptsearch import KeptSearchIndex
from .memo import Memo
from .postings import Postings
from .sourcefiles import Files
from .writer import Outputs

# As the dev server: the search index is made here (keptsearch.py), and the files no longer
# produced are deleted by incremental.py, not by Pelican emptying the folder (so every static
# file is copied, the same bytes as a link or a skipped copy, and counts as produced).
OVERRIDES = {
    "JOBPOSTING_SEARCH": False,
    "DELETE_OUTPUT_DIRECTORY": False,
    "STATIC_CHECK_IF_MODIFIED": False,
    "STATIC_CREATE_LINKS": False,
}
# With a cache: what it holds is not read ahead, and no second process writes pages (its copy
# of the pages it touches would come on top of the cache's memory, for the few pages a kept
# build renders). From nothing, the cold build's helpers do their part, and the second process
# sends back its records of the pages it wrote (speed/parallel.py).
WITH_CACHE = {"JOBPOSTING_READAHEAD": None, "JOBPOSTING_PARALLEL_PAGES": None}
# From nothing, with the search index: above this many posting pages the second page process is
# not started. The board's index is then in parts, and Pagefind makes them on the second core
# while the pages are written: a second page process would only compete with it for that core,
# and its copy of the pages it touches would come on top of the cache's memory and Pagefind's
# (at 10,000 postings: a process tree of 1,000 MB instead of 660 MB, and no faster).
BESIDE_THE_INDEX_PAGES = 2_000
# Up to this many posting files, the crawler files' pieces of each posting (memo.py: its Atom
# entry, JSON-LD, jobs.json record, Indeed <job>s) are saved with the cache, so that the next
# build makes them only for the postings whose model changed. At 1,000 postings that took a
# seventh off a build of the same postings and a fourth off the next day's; at 2,000 the bigger
# file took as long to load and save as the pieces to make, for 85 MB more memory
# (performance.md, "Kept builds").
KEEP_PIECES = 1_000


def build(values, folder: str, site_code: tuple[str, ...] = ()) -> str:
    """Build the site with `values` (Pelican's settings, as read_settings returns them) through
    the cache kept in `folder`; return the summary line. Raise BuildFailed for content errors
    (the report said what), as a cold build does. `site_code`: the folders of the site's own
    Python (keptstate.site_code_folders)."""
    start = time.perf_counter()
    output = os.path.abspath(values["OUTPUT_PATH"])
    values["OUTPUT_PATH"] = output
    wants_search = values.get("JOBPOSTING_SEARCH", True)
    for left in (".next", ".old"):  # of a build that stopped while it swapped the index
        shutil.rmtree(os.path.join(output, search.BUNDLE + left), ignore_errors=True)
    code = keptstate.code_key(site_code)
    kept, why_not = keptstate.load(folder, code, output)
    values.update(OVERRIDES)
    if kept is None:
        kept = keptstate.Kept(Files(), None, Outputs(), None, {}, {})
        if wants_search:
            values["JOBPOSTING_PARALLEL_PAGES"] = _beside_the_index(
                values.get("JOBPOSTING_PARALLEL_PAGES")
            )
    else:
        values.update(WITH_CACHE)
    index = KeptSearchIndex(values, kept.records, kept.parts, kept.files) if wants_search else None
    cache = _KeptCache(kept, index)
    cache_file = keptstate.CacheFile(folder, code, output)
    try:
        done = _build_and_save(values, cache, index, cache_file)
    except BaseException:  # content errors (BuildFailed), Pagefind's, an interrupt
        if index is not None:
            index.stop()
        raise
    if cache_file.why_not is not None:  # the site is built; only the next build starts anew
        report.emit([f"kept build: the cache could not be saved in {folder}: {cache_file.why_not}"])
    seconds = time.perf_counter() - start
    return _summary(why_not, cache, done, index, seconds)


def _build_and_save(values, cache: _KeptCache, index, cache_file: keptstate.CacheFile):
    done = incremental.build(values, cache)
    if index is not None:
        index.wait_for_records(cache.round)
    cache.let_go()
    # Pickled while Pagefind may still be making the index: the index's records and parts last.
    with cache_file:
        cache_file.write_build(*cache.to_save())
        if index is not None:
            index.finish()
            cache_file.write_search(index.records, index.parts.now)
        else:
            shutil.rmtree(os.path.join(values["OUTPUT_PATH"], search.BUNDLE), ignore_errors=True)
            cache_file.write_search({}, {})
    return done


def _beside_the_index(limits):
    """JOBPOSTING_PARALLEL_PAGES of a build that makes its search index while it writes. A
    value that is not two whole numbers is left as it is, for the settings check to name."""
    whole = isinstance(limits, (tuple, list)) and len(limits) == 2
    if not (whole and all(type(n) is int for n in limits) and limits[0] <= limits[1]):
        return limits
    lowest, highest = limits
    if lowest > BESIDE_THE_INDEX_PAGES:
        return None  # never: (3000, 2000) would be no range at all
    return (lowest, min(highest, BESIDE_THE_INDEX_PAGES))


class _KeptCache(DevCache):
    """The dev cache with what the last build kept, starting the search index as soon as the
    open postings are known, so that Pagefind indexes while the pages are written."""

    def __init__(self, kept: keptstate.Kept, index: KeptSearchIndex | None):
        super().__init__()
        self.files, self.outputs = kept.files, kept.outputs
        self.postings = kept.postings or Postings(self.files)
        self.index = index
        # From nothing, or when the last board was too big to keep them, no pieces: a build
        # from nothing does not know the board's size before it reads it.
        self.memo = kept.memo
        if self.memo is None and kept.postings is not None and _small(kept.postings.checked):
            self.memo = Memo()

    def to_save(self) -> tuple:
        """What the next build starts from: the postings this build read, and their crawler
        files' pieces unless the board is too big (then None)."""
        self.postings.keep_only(self.round.reading_keys)
        memo = self.memo if _small(self.round.reading_keys) else None
        if memo is not None:
            memo.keep_only(self.postings.models())
        return self.files, self.postings, self.outputs, memo

    def let_go(self) -> None:
        """After the build: its Articles (and through them its whole context) are let go before
        the cache is saved, so that pickling does not come on top of the build's memory."""
        self.round.open_articles, self.round.by_source = [], None
        memory.collect_after_build()

    def keep_open_articles(self, generators) -> None:
        super().keep_open_articles(generators)
        if self.index is not None and self.round is not None:
            self.index.start(self.round.open_articles, self.round)


def _small(postings) -> bool:
    return len(postings) <= KEEP_PIECES


def _summary(why_not: str | None, cache: DevCache, done, search_index, seconds: float) -> str:
    round = cache.round
    reused = f"{round.reused} posting{'s' if round.reused != 1 else ''} reused"
    start = f"no cache used ({why_not})" if why_not else reused
    if search_index is None:
        index = "no search index"
    else:
        made, count = search_index.parts.made, search_index.count
        index = f"search index: {made} of {count} part{'s' if count != 1 else ''} made again"
    deleted = f", {len(done.deleted)} old files deleted" if done.deleted else ""
    return (
        f"kept build: {start}, {len(round.kept)} files kept{deleted}, {index}, in {seconds:.1f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m openings.devserver.keptbuild",
        description="Build the site through the cache kept in a folder between builds.",
    )
    parser.add_argument("path", nargs="?", help="the content folder (default: the settings' PATH)")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("--cache", required=True, help="the folder the cache is kept in")
    args = parser.parse_args(argv)
    if not os.path.isfile(args.settings):
        parser.error(f"{args.settings}: no such settings file (give one with -s)")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    overrides = {"OUTPUT_PATH": os.path.abspath(args.output)}
    if args.path:
        overrides["PATH"] = os.path.abspath(args.path)
    values = read_settings(args.settings, override=overrides)
    site_code = keptstate.site_code_folders(args.settings, values)
    try:
        line = build(values, args.cache, site_code)  # content errors: BuildFailed, exit 1
    except Exception as exc:  # a template or settings error: one line, as `pelican` says it
        report.emit([f"kept build: the build failed: {exc.__class__.__name__}: {exc}"])
        return 1
    report.emit([line])
    return 0


if __name__ == "__main__":
    sys.exit(main())
