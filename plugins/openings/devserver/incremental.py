"""One build of the dev server, in its warm process: Pelican's build with the dev cache, then
the output folder made to hold exactly what this build produced.

A cold build writes into an empty folder. An incremental build writes into the last build's
folder and, through the dev cache, leaves unchanged files alone (cache.py, writer.py); so after
it, a file that was there before and was neither written now nor kept as it was is one this
build no longer produces (a deleted posting's page, a facet page whose last posting closed): it is
deleted, and the folders it leaves empty with it. A file counts as written when its inode or
change time moved (Pelican copies theme files with their own modification time). The listing
of the folder before the build is taken by a helper process while the build reads, and handed
over when Pelican asks for its writer, before anything is written (speed/listahead.py). The
search index is left to searchlater.py, which replaces it as a whole.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from pelican import Pelican, signals

from ..outputs.search import BUNDLE
from ..speed.listahead import ListAhead
from .cache import DevCache


@dataclass
class Result:
    seconds: float
    deleted: list[str]
    pelican: Pelican


def build(values, cache: DevCache) -> Result:
    """Build the site with `values` (Pelican's settings) through `cache`; raise what Pelican
    raises (a BuildFailed for content errors: then nothing was written or deleted)."""
    start = time.perf_counter()
    output = os.path.abspath(values["OUTPUT_PATH"])
    retained = tuple(values.get("OUTPUT_RETENTION") or ())
    # every file but the search index's folders (searchlater.py's own) and what
    # OUTPUT_RETENTION names (Pelican leaves them when it empties the folder)
    listing = ListAhead(output, BUNDLE, retained)
    before = {}

    def take_listing(pelican) -> None:
        """get_writer: the folder as it is before the first file is written."""
        before.update(listing.take())
        cache.outputs.listed = before  # writer.py: a kept page needs no stat of its own

    try:
        pelican = Pelican(values)  # may fail: a setting the plugin refuses
        cache.start(values)
        cache.connect()
        signals.get_writer.connect(take_listing)
        try:
            pelican.run()
        finally:
            signals.get_writer.disconnect(take_listing)
            cache.disconnect()
    finally:
        listing.close()  # a build that failed before writing: its helper is stopped
        cache.outputs.listed = None
    kept = cache.round.kept
    deleted = []
    for path, stamp in before.items():
        if path in kept:
            continue
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if (st.st_ino, st.st_ctime_ns) == stamp:  # neither written nor kept: not produced now
            os.unlink(path)
            cache.forget_output(path)
            deleted.append(os.path.relpath(path, output))
    _remove_emptied_folders(output, deleted)
    return Result(time.perf_counter() - start, sorted(deleted), pelican)


def _remove_emptied_folders(root: str, deleted: list[str]) -> None:
    """The folders the deleted files leave empty (a cold build writes no empty folder)."""
    folders = {os.path.dirname(os.path.join(root, relative)) for relative in deleted}
    for deepest in sorted(folders, key=len, reverse=True):
        folder = deepest
        while folder != root and folder.startswith(root + os.sep):
            try:
                os.rmdir(folder)
            except OSError:  # not empty
                break
            folder = os.path.dirname(folder)
