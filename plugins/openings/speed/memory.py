"""A build's memory: how often Python's garbage collector runs, and freed memory given back.

A build makes about 100,000 objects that live until it ends (articles, models, compiled
templates, Babel's and pycountry's data) and very little cyclic garbage. With the collector's
defaults (a collection every 700 new containers, each older generation now and then) most of
its time goes to walking those objects again and again, and the interpreter's full collection
at exit walks them once more, after the last page is written. During a build collections are
rarer, and at its end everything alive is frozen, so that the collection at exit has nothing to
walk. A next build in the same process (`pelican --autoreload`) unfreezes it first: nothing is
kept for good.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc

# New containers between two collections of the youngest generation (Python's default: 700).
# The garbage it leaves for longer is a few megabytes at most; the 10,000-posting memory test
# runs with it.
BUILD_THRESHOLD = 20_000

_DEFAULTS = gc.get_threshold()  # the process's own, restored when a build ends


def collect_less_often() -> None:
    """When a build starts."""
    gc.unfreeze()  # what the previous build in this process froze
    gc.set_threshold(BUILD_THRESHOLD, *_DEFAULTS[1:])


def collect_as_before() -> None:
    """When a build ends: the defaults again, and what the build made frozen for the exit."""
    gc.set_threshold(*_DEFAULTS)
    gc.freeze()


@contextlib.contextmanager
def made_to_last():
    """For a block that makes many containers which all live on (a kept build unpickling its
    cache: about 1.5 million at 10,000 postings): made with the collector paused, then frozen.
    Collections would otherwise walk them and find nothing, while they are made and again as
    they age through the generations (at 10,000 postings, about 1.5 s of a kept build). The
    build's start (collect_less_often) unfreezes them into the oldest generation."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def collect_after_build() -> None:
    """In a process that goes on after a build (the dev server, a kept build saving its
    cache): the build's objects it no longer holds are in cycles (each Article and its context),
    frozen with the rest when the build ended. Unfrozen by the next build, they would wait in
    the oldest generation for a full collection, which rarely comes on a big heap: the process
    would grow edit after edit. One full collection frees them now, and what is left is frozen
    again for the exit."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def give_back_freed_memory() -> None:
    """Return freed memory to the system (glibc's malloc_trim).

    Once every posting is read and checked, the Markdown, front matter and parser scratch of
    each are freed, but glibc keeps freed blocks between the HTML still held; the search index
    (another process) and the writing phase would then come on top of a process that looks much
    bigger than it is. Elsewhere than glibc (macOS, musl) there is nothing to call.
    """
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None).malloc_trim(0)
