"""Python's cyclic garbage collector during a build.

A build makes about 100,000 objects that live until it ends (articles, models, compiled
templates, Babel's and pycountry's data) and very little cyclic garbage. With the collector's
defaults (a collection every 700 new containers, each older generation now and then) it spent
about 0.15 s walking them at N = 1,000, and the interpreter's full collection at exit another
0.05 s, after the last page is written. During a build collections are rarer, and at its end
everything alive is frozen, so that the collection at exit has nothing to walk. A next build in
the same process (`pelican --autoreload`) unfreezes it first: nothing is kept for good.
"""

from __future__ import annotations

import gc

# New containers between two collections of the youngest generation (Python's default: 700).
# The garbage it leaves for longer is a few megabytes at most; the N = 10,000 memory test runs
# with it.
BUILD_THRESHOLD = 20_000

_DEFAULTS = gc.get_threshold()  # as the process started


def start(pelican) -> None:
    """initialized: collect less often while this build runs."""
    gc.unfreeze()  # what the previous build in this process froze
    gc.set_threshold(BUILD_THRESHOLD, *_DEFAULTS[1:])


def end(pelican) -> None:
    """finalized: the defaults again, and what the build made frozen for the exit."""
    gc.set_threshold(*_DEFAULTS)
    gc.freeze()
