"""What the dev server knows of the source files: each file's digest, read again only when the
file's size or times change.

The dev cache's keys are made of these digests (keys.py, postings.py), so a file whose bytes are
unchanged keys the same results whatever touched it.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass

# A file whose last change is this recent may change again within the clock's resolution without
# its size or time changing: its bytes are read again at the next build (git's "racy" files).
RACY_SECONDS = 2.0
# Text that may be one of Pelican's intrasite links: such a posting depends on other files.
LINK_WORDS = (b"filename", b"static", b"attach")


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def digest_of(path: str) -> bytes | None:
    """The digest of the file's bytes now; None if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return digest(handle.read())
    except OSError:
        return None


def signature(path: str):
    """What changes when a file is written: its inode, size and times; None if it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass
class Known:
    """A source file's bytes as last read: its signature then, their digest, and whether it
    may hold intrasite links."""

    signature: tuple
    digest: bytes
    links: bool
    trusted: bool  # older than RACY_SECONDS when read: the signature stands for the bytes


class Files:
    """Digests of source files, read again only when a file's size or times change."""

    def __init__(self):
        self._known: dict[str, Known] = {}

    def get(self, path: str) -> Known | None:
        found = signature(path)
        if found is None:
            self._known.pop(path, None)
            return None
        known = self._known.get(path)
        if known is not None and known.trusted and known.signature == found:
            return known
        now = time.time()
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        trusted = found[2] / 1e9 < now - RACY_SECONDS and found[3] / 1e9 < now - RACY_SECONDS
        known = Known(found, digest(data), any(w in data for w in LINK_WORDS), trusted)
        self._known[path] = known
        return known

    def digests(self) -> dict[str, bytes]:
        """Each file's digest as last read (a copy, for a thread of its own: headstart.py)."""
        return {path: known.digest for path, known in self._known.items()}

    def tree(self, root: str, skip: str | None = None) -> bytes:
        """One digest of every file under `root` (names and bytes), leaving out folder `skip`."""
        found = hashlib.blake2b(digest_size=16)
        if not root or not os.path.isdir(root):
            return found.digest()
        for folder, folders, names in os.walk(root):
            folders.sort()
            if skip is not None:
                folders[:] = [f for f in folders if os.path.join(folder, f) != skip]
            for name in sorted(names):
                path = os.path.join(folder, name)
                known = self.get(path)
                found.update(os.path.relpath(path, root).encode("utf-8", "surrogateescape"))
                found.update(known.digest if known is not None else b"?")
        return found.digest()
