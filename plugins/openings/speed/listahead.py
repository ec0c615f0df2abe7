"""The dev server's listing of its output folder, taken by a helper process while the build reads.

Before each rebuild the dev server lists every file of its output folder with its inode and
change time (devserver/incremental.py), to delete afterwards what the build no longer produced,
and to tell that a page it keeps is still the file it rendered (devserver/writer.py). On a
board of 10,000 postings that is more than 10,000 files and about a tenth of a rebuild, spent in
system calls while the second core waits. Nothing is written to the output folder, nor deleted
from it, before Pelican asks for its writer (the dev server and kept builds never let Pelican
empty it: DELETE_OUTPUT_DIRECTORY is off): so a helper process takes the listing while the
build reads and checks the postings, and the build takes it from the helper when it asks for
its writer. It is the listing the build would have taken itself at that moment, unless a
person changed a file of the folder meanwhile. Where the helper cannot start or fails, the
build takes the listing itself, then.

The helper is this file run as a script by a new interpreter, with the standard library only:
a fork of the server would share its memory copy-on-write, and the server's own writes to that
memory while the helper runs cost more than the listing (measured: 106,000 more page faults
per rebuild at 10,000 postings, and slower rebuilds).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import subprocess
import sys

HELPER_TIMEOUT_S = 60  # a listing that takes longer is taken by the build itself


def list_files(root: str, skipped_prefix: str, retained: tuple[str, ...]) -> dict:
    """Every file under `root` as {path: (inode, change time in ns)}, but the folders at its top
    whose names start with `skipped_prefix`, and the files and folders `retained` names there."""
    found = {}
    for folder, folders, names in os.walk(root):
        top = folder == root
        if top:
            folders[:] = [f for f in folders if not f.startswith(skipped_prefix)]
            folders[:] = [f for f in folders if f not in retained]
        for name in names:
            if top and name in retained:
                continue
            path = os.path.join(folder, name)
            with contextlib.suppress(OSError):
                st = os.lstat(path)
                found[path] = (st.st_ino, st.st_ctime_ns)
    return found


def wanted() -> bool:
    """The helper needs a core of its own."""
    try:
        cores = len(os.sched_getaffinity(0))  # the cores this process may use (Linux)
    except (AttributeError, OSError):  # macOS, Windows
        cores = os.cpu_count() or 1
    return cores >= 2


class ListAhead:
    """`list_files(root, skipped_prefix, retained)`, run by a helper from now on; `take()`
    gives its result."""

    def __init__(self, root: str, skipped_prefix: str, retained: tuple[str, ...]):
        self.arguments = (root, skipped_prefix, tuple(retained))
        self.helper: subprocess.Popen | None = None
        if wanted():
            script = os.path.abspath(__file__)
            with contextlib.suppress(OSError):
                self.helper = subprocess.Popen(
                    [sys.executable, "-I", "-S", script, root, skipped_prefix, *retained],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    stdin=subprocess.DEVNULL,
                )

    def take(self) -> dict:
        """The helper's listing; if there is no helper or it failed, the listing taken now."""
        helper, self.helper = self.helper, None
        if helper is not None:
            try:
                data, _ = helper.communicate(timeout=HELPER_TIMEOUT_S)
                if helper.returncode == 0:
                    return marshal.loads(data)
            except (subprocess.TimeoutExpired, ValueError, EOFError, TypeError):
                _stop(helper)
            except BaseException:  # Ctrl-C while waiting: the helper goes with the build
                _stop(helper)
                raise
        return list_files(*self.arguments)

    def close(self) -> None:
        """When the build ends without taking the listing (it failed before writing)."""
        helper, self.helper = self.helper, None
        if helper is not None:
            _stop(helper)


def _stop(helper: subprocess.Popen) -> None:
    helper.kill()
    helper.communicate()  # waited for, its pipe closed


def _main(arguments: list[str]) -> None:
    root, skipped_prefix, *retained = arguments
    sys.stdout.buffer.write(marshal.dumps(list_files(root, skipped_prefix, tuple(retained))))


if __name__ == "__main__":
    _main(sys.argv[1:])
