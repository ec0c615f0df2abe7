"""Posting pages written by two processes while one of them also writes everything else.

Pelican writes every page on one core. On a board of a few hundred postings and more, the
posting pages are most of the writing phase, and the facet pages, the crawler files and the
rest are the others: so once every posting is read, checked and has its JSON-LD, this module
forks the build (the child has the whole context, copy-on-write), the child writes posting
pages with Pelican's own `generate_articles`, and the parent skips them and goes on. Once the
parent has written the rest, it writes posting pages too, until none are left, then waits for
the child; if the child failed, the build fails. The two take the pages in chunks from one pipe
(`Shares`), whichever is free first, so each page is written once and neither process idles
while the other has pages left, however the rest of the build and the search index's Pagefind
share the cores. The files are the same as a build in one process
(tests/build/test_speed_parallel_pages.py).

A writer that records what it writes (the dev cache's, devserver/writer.py: each page's key and
each file's digest, which the next kept build starts from) would lose the child's records: the
child sends them back through a pipe when the writer offers `pages_written_aside()`, and the
build's writer takes them in `take_pages_written_aside()` once the child is done.

It is used only where it is safe and pays:
- Linux (fork without exec is not safe on macOS, and Windows has no fork), two or more cores;
- the number of posting pages is in JOBPOSTING_PARALLEL_PAGES's (lowest, highest) range. Below
  the lowest, starting a process costs more than it saves; above the highest, the child's copy of
  the pages it touches would add to the memory peak of a very big board (docs/performance.md);
- no other plugin listens to Pelican's per-page signals (`content_written`,
  `article_generator_write_article`): what they did in the child would be lost to the parent.

Other threads run when the child is forked: the search index's, which moves records to and
files from Pagefind and gathers the board's words (its records are made on this thread), and
whose pipes the child closes at once (pagefind_client.py); and Pelican's status line (rich), whose console lock the child avoids by
logging straight to its standard error.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import logging
import math
import os
import pickle
import signal
import sys
import traceback
import weakref
from collections.abc import Callable

from pelican import signals

from ..core import report
from ..core.problems import BuildFailed

logger = logging.getLogger(__name__)

OWN_RECEIVER_MODULES = ("openings.",)  # receivers of this plugin are fine in the child
PER_PAGE_SIGNALS = (signals.content_written, signals.article_generator_write_article)


def wanted(pages: int, limits: tuple[int, int] | None) -> bool:
    """Whether `pages` posting pages are written in a second process, given
    JOBPOSTING_PARALLEL_PAGES's (lowest, highest)."""
    if not limits or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if len(os.sched_getaffinity(0)) < 2:
        return False
    lowest, highest = limits
    return lowest <= pages <= highest and not _foreign_receivers()


def _foreign_receivers() -> list[str]:
    found = []
    for per_page in PER_PAGE_SIGNALS:
        for held in list(per_page.receivers.values()):
            receiver = held() if isinstance(held, weakref.ref) else held
            if receiver is None:  # connected weakly, and gone
                continue
            module = getattr(receiver, "__module__", "") or ""
            if not module.startswith(OWN_RECEIVER_MODULES):
                found.append(f"{module}.{getattr(receiver, '__qualname__', receiver)}")
    return found


# At most this many chunks, each numbered in 4 bytes: all the numbers fit in a pipe's smallest
# buffer (4,096 bytes), so they are written before the fork without waiting for a reader.
MOST_CHUNKS = 512


class Shares:
    """The posting pages in chunks, handed out by one pipe to the processes that write them.

    Both processes run Pelican's generate_articles, which calls `write` once per page in the
    same order in each; the `write` of `taking()` writes a page only if it is in a chunk this
    process took. A process takes the next chunk's number from the pipe when it has written its
    last one, so the numbers it gets only grow, each chunk goes to one process, and the last
    chunk runs to the end, so a page beyond the count (another plugin's) is written too."""

    def __init__(self, pages: int):
        self.size = max(1, math.ceil(pages / MOST_CHUNKS))
        self.last = max(1, math.ceil(pages / self.size)) - 1
        self.pipe: int | None
        self.pipe, numbers = os.pipe()
        os.write(numbers, b"".join(n.to_bytes(4, "little") for n in range(self.last + 1)))
        os.close(numbers)  # once every number is taken, a read finds the end: no pages left

    def taking(self, write: Callable) -> Callable:
        """`write`, for the pages of the chunks this process takes."""
        seen = -1  # pages generate_articles has asked for so far
        start = end = 0  # the chunk this process holds: pages start to end - 1

        def write_if_taken(*args, **kwargs):
            nonlocal seen, start, end
            seen += 1
            if seen >= end:
                start, end = self._take()
            if start <= seen < end:
                write(*args, **kwargs)

        return write_if_taken

    def _take(self) -> tuple[float, float]:
        data = os.read(self.pipe, 4)  # 4 bytes or none: each read takes a whole number
        if not data:
            return math.inf, math.inf
        number = int.from_bytes(data, "little")
        start = number * self.size
        return start, (math.inf if number == self.last else start + self.size)

    def close(self) -> None:
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None


class PagesWriter:
    """The second process of one build, and this one's share of the posting pages:
    `write_articles(write)` (Pelican's generate_articles) runs in both, and `wait` is the
    build's last look at the child. `pages`: how many posting pages there are."""

    def __init__(self, write_articles: Callable, pages: int = 0):
        self.write_articles = write_articles
        self.pages = pages
        self.pid: int | None = None
        self.records: int | None = None  # the pipe's end the child's records come through
        self.shares: Shares | None = None
        self.write: Callable | None = None  # the build's, for this process's share

    def __call__(self, write) -> None:
        """In place of generate_articles: fork, and let the child write posting pages."""
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # nothing buffered is printed twice
        self.shares, self.write = Shares(self.pages), write
        # The child's garbage collector would otherwise walk, and so copy, every page the two
        # processes share; frozen objects are left alone (the child lives for one task).
        gc.freeze()
        records, sent = os.pipe()
        pid = os.fork()
        if pid != 0:
            gc.unfreeze()
            os.close(sent)  # else the child's end would never read as closed
            self.pid, self.records = pid, records
            atexit.register(self.give_up)  # a build that fails in this process still waits
            return
        status = 1  # the child: write the posting pages, then leave without Python's cleanup
        try:
            os.close(records)
            _log_plainly()
            self.write_articles(self.shares.taking(write))
            _send(sent, write)
            status = 0
        except BaseException as exc:  # reported like Pelican reports a failed build
            logger.critical("%s: %s", exc.__class__.__name__, exc)
            logger.debug("".join(traceback.format_exception(exc)))
        finally:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            os._exit(status)

    def wait(self, writer=None) -> None:
        """Once the build has written the rest: write posting pages until none are left, then
        wait for the child; the build fails if it did. `writer`: the build's own, handed what
        the child's copy of it recorded."""
        if self.pid is None:
            return
        # The exit hook held this object, and through it the build's generator and context.
        atexit.unregister(self.give_up)
        try:
            self.write_articles(self.shares.taking(self.write))
        except BaseException:  # this process's error is the build's; the child's pages are moot
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self.give_up()
            raise
        finally:
            self.shares.close()
            self.write = None
        records, self.records = self.records, None
        sent = _receive(records)  # before waiting: a child writing a full pipe waits too
        code = _reap(self.pid)
        self.pid = None
        take = getattr(writer, "take_pages_written_aside", None)
        if not code and sent and take is not None:
            take(pickle.loads(sent))
        if code:
            message = (
                "jobposting: the posting pages were not all written: the process writing them"
                f" stopped with exit status {code} (its message is above)"
            )
            report.emit([message])
            raise BuildFailed("jobposting: posting pages failed")

    def give_up(self) -> None:
        """When the build ends without waiting for the child (it failed in this process): the
        records are not read, and the child, whose writing to the pipe then fails, is waited
        for, never left blocked on a full pipe."""
        if self.shares is not None:
            self.shares.close()
        if self.records is not None:
            os.close(self.records)
            self.records = None
        if self.pid is not None:
            _reap(self.pid)
            self.pid = None


def _send(pipe: int, write) -> None:
    """In the child: what its writer recorded, if it records anything, through the pipe."""
    while isinstance(write, functools.partial):  # Pelican hands it over with its settings
        write = write.func
    give = getattr(getattr(write, "__self__", None), "pages_written_aside", None)
    data = pickle.dumps(give(), protocol=pickle.HIGHEST_PROTOCOL) if give is not None else b""
    with open(pipe, "wb") as handle:
        handle.write(data)


def _receive(pipe: int) -> bytes:
    with open(pipe, "rb") as handle:
        return handle.read()


class _StderrHandler(logging.Handler):
    """Log records written straight to file descriptor 2, through no lock of the parent's."""

    def emit(self, record) -> None:
        try:
            os.write(2, (self.format(record) + "\n").encode("utf-8", "replace"))
        except Exception:  # logging must not fail the child
            self.handleError(record)


def _log_plainly() -> None:
    """In the child: Pelican's console (rich) belongs to the parent and its status thread,
    which may have held the console's lock at the fork; the child logs around it."""
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    loggers = [logging.getLogger()] + [
        item for item in logging.Logger.manager.loggerDict.values()
        if isinstance(item, logging.Logger) and item.handlers
    ]  # fmt: skip
    for item in loggers:
        item.handlers = [handler] if item.handlers or item is logging.getLogger() else []


def _reap(pid: int) -> int | None:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # already waited for
        return None
    return os.waitstatus_to_exitcode(status)
