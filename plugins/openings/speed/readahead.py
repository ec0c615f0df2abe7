"""Work on files done by helper processes just ahead of the build asking for it.

Pelican reads one file after the other on one core, and most of reading a posting needs neither
Pelican nor the rest of the board. ReadAhead forks HELPERS processes, each taking every second
file in the order the build will ask for them and sending back, through its own pipe, what
`work(source_path)` returns. The build asks with `take(source_path)`; None means "do it
yourself": a helper that stopped, a file asked for out of order, or `work` raising. So what the
build uses is always what it would have computed itself (tests/build/test_speed_readahead.py).

Other threads may be running when the helpers are forked (Pelican's command line animates its
status line on one, with rich): a helper only runs `work` and writes to its pipe, so `work` must
take no lock such a thread could hold (no logging, no console).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable

HELPERS = 2  # processes; one alone could not keep ahead of the build


def wanted(count: int, lowest: int | None) -> bool:
    """Whether `count` files are worth helpers, from `lowest` on (None: never), on this system:
    fork without exec is safe on Linux only, and helpers need a second core."""
    return bool(
        lowest
        and count >= lowest
        and sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and len(os.sched_getaffinity(0)) >= 2
    )


class _Helper:
    """One forked helper: the results for its files arrive in order on its pipe."""

    def __init__(self, pid: int, stream, paths: list[str]):
        self.pid = pid
        self.stream = stream
        self.expected = paths  # in the order the results come
        self.next = 0
        self.stopped = False

    def take(self, source_path: str):
        if self.stopped or self.expected[self.next] != source_path:
            self.stop()  # asked out of order: the build does the rest itself
            return None
        self.next += 1
        try:
            path, result = pickle.load(self.stream)
        except (EOFError, OSError, pickle.UnpicklingError):
            self.stop()
            return None
        if path != source_path:
            self.stop()
            return None
        if self.next == len(self.expected):
            self.stop()  # all taken
        return result

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            self.stream.close()
            with contextlib.suppress(ChildProcessError):  # already waited for
                os.waitpid(self.pid, 0)


class ReadAhead:
    """HELPERS processes running `work` over `source_paths`, in that order, ahead of the build."""

    def __init__(self, source_paths: list[str], work: Callable[[str], object]):
        helpers: list[_Helper] = []
        for number in range(HELPERS):
            share = source_paths[number::HELPERS]
            if share:
                helpers.append(_fork(share, work, helpers))
        self.by_path = {path: helper for helper in helpers for path in helper.expected}
        self.helpers = helpers

    def take(self, source_path: str):
        """What `work(source_path)` returned in a helper, or None: then the caller does it."""
        helper = self.by_path.get(source_path)
        return helper.take(source_path) if helper is not None else None

    def stop(self) -> None:
        """Helpers whose results were not all taken are stopped (and waited for)."""
        for helper in self.helpers:
            helper.stop()


def _fork(paths: list[str], work, earlier: list[_Helper]) -> _Helper:
    read_end, write_end = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # nothing buffered is printed twice
    pid = os.fork()
    if pid == 0:  # the helper: work, send, leave without Python's cleanup
        status = 0
        try:
            os.close(read_end)
            for helper in earlier:  # their pipes belong to the build
                with contextlib.suppress(OSError, ValueError):
                    os.close(helper.stream.fileno())
            with os.fdopen(write_end, "wb", buffering=1 << 16) as out:
                for source_path in paths:
                    try:
                        result = work(source_path)
                    except Exception:  # the build does it again, and reports what it finds
                        result = None
                    pickle.dump((source_path, result), out, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # a closed pipe: the build stopped taking results
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    return _Helper(pid, os.fdopen(read_end, "rb", buffering=1 << 16), paths)
