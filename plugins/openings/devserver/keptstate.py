"""The cache of a kept build (keptbuild.py), saved in its folder and loaded by the next build.

One file, `openings-build.pickle`: the key it was made under (its first line), then two pickles:
the dev cache's source-file digests, postings, output records and, on a board of up to
keptbuild.KEEP_PIECES postings, its pieces of the crawler files (cache.py, memo.py; above, they
would take longer to load and save than to make again), then the search index's records and parts,
which a kept build writes last, while Pagefind may still be making the index (CacheFile).

It is used only by the same code on the same output folder: its key is every installed
distribution and its version, the Python version, the bytes of every file of the openings package
(a checkout's edits change no version) and of the site's own Python. The key is compared before
anything is unpickled. Anything else (another key, a damaged or unreadable file) and the build
starts from nothing, saying why.

The header keeps a file from other code from being loaded by mistake; it is not a signature. The
folder must only ever be written by builds of the published branch (docs/security.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from ..speed import memory

FILE = "openings-build.pickle"
VERSION = 3  # of this file's layout
PACKAGE = Path(__file__).resolve().parents[1]  # the openings package


@dataclass
class Kept:
    files: object  # sourcefiles.Files
    postings: object  # postings.Postings
    outputs: object  # writer.Outputs
    memo: object  # memo.Memo, or None: the crawler files' pieces were not kept
    records: dict  # source path -> (key or None, the search record), keptsearch.py
    parts: dict  # search_index.part_key -> Pagefind's files of that part


def code_key(site_code: tuple[str, ...] = ()) -> bytes:
    """What every kept result was computed by: the installed distributions, Python, the
    openings package's files, and the site's own Python (`site_code`, site_code_folders)."""
    found = hashlib.blake2b(repr((VERSION, sys.version)).encode(), digest_size=16)
    dists = sorted(
        (d.metadata["Name"] or "", d.version) for d in importlib.metadata.distributions()
    )
    found.update(repr(dists).encode("utf-8"))
    _add_tree(found, str(PACKAGE), lambda name: True, deep=True)
    for number, folder in enumerate(site_code):
        found.update(os.path.abspath(folder).encode("utf-8", "surrogateescape"))
        # the settings folder's own Python only: content, output and environments lie below it
        _add_tree(found, folder, lambda name: name.endswith(".py"), deep=number > 0)
    return found.digest()


def site_code_folders(settings_file: str, values) -> tuple[str, ...]:
    """Where a site keeps Python of its own that a build runs: the settings file's folder (the
    settings and what they import from beside them) first, then PLUGIN_PATHS."""
    folders = [os.path.dirname(os.path.abspath(settings_file))]
    folders += [os.path.abspath(p) for p in values.get("PLUGIN_PATHS") or ()]
    return tuple(folders)


def _add_tree(found, root: str, wanted, deep: bool) -> None:
    """The `wanted` files under `root` (only at its top unless `deep`), by name and bytes."""
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f != "__pycache__") if deep else []
        for name in sorted(n for n in names if wanted(n)):
            path = os.path.join(folder, name)
            found.update(os.path.relpath(path, root).encode("utf-8", "surrogateescape"))
            try:
                with open(path, "rb") as handle:
                    found.update(hashlib.blake2b(handle.read(), digest_size=16).digest())
            except OSError:
                found.update(b"?")


def _header(code: bytes, output: str) -> bytes:
    """The file's first line: what it was made by and for, read before anything is unpickled."""
    return f"openings-build {VERSION} {code.hex()} {output}\n".encode("utf-8", "surrogateescape")


def load(folder: str, code: bytes, output: str) -> tuple[Kept | None, str | None]:
    """The cache kept in `folder`, or None and why it is not used."""
    path = os.path.join(folder, FILE)
    if not os.path.exists(path):
        return None, f"{path} does not exist yet"
    try:
        with open(path, "rb") as handle:
            header = handle.readline(4096)
            if header != _header(code, output):
                return None, _mismatch(header, code, output)
            with memory.made_to_last():
                files, postings, outputs, memo = pickle.load(handle)
                records, parts = pickle.load(handle)
    except Exception as exc:  # damaged, from another version of the classes, unreadable
        return None, f"{path} could not be read: {exc.__class__.__name__}"
    if not (isinstance(records, dict) and isinstance(parts, dict)):
        return None, f"{path} could not be read: it holds no kept build"
    return Kept(files, postings, outputs, memo, records, parts), None


def _mismatch(header: bytes, code: bytes, output: str) -> str:
    words = header.decode("utf-8", "replace").rstrip("\n").split(" ", 3)
    if words[:3] == ["openings-build", str(VERSION), code.hex()] and len(words) == 4:
        return f"it was made for another output folder, {words[3]}"
    return "the code changed since it was made"


class CacheFile:
    """The cache file being written, beside the last one until it is whole. Its two parts are
    written in turn, so that a kept build pickles the first while Pagefind still makes the
    search index:

        with CacheFile(folder, code, output) as cache_file:
            cache_file.write_build(files, postings, outputs, memo)
            ...  # wait for the search index
            cache_file.write_search(records, parts)
        cache_file.why_not  # None, or why the cache was not kept

    A failure to write (an unwritable folder, a setting that cannot be pickled) is not raised:
    the site is built, and only the next build starts from nothing (`why_not`). An exception
    raised between the writes (the search index failed) leaves the last build's file as it was.
    """

    def __init__(self, folder: str, code: bytes, output: str):
        self.folder = folder
        self.path = os.path.join(folder, FILE)
        self.partial = self.path + ".partial"
        self.header = _header(code, output)
        self.why_not: str | None = None
        self._handle = None

    def __enter__(self) -> CacheFile:
        self._attempt(self._open)
        return self

    def write_build(self, files, postings, outputs, memo) -> None:
        """One pickle: a piece of `memo` refers to the very posting model `postings` holds."""
        self._attempt(self._dump, (files, postings, outputs, memo))

    def write_search(self, records: dict, parts: dict) -> None:
        self._attempt(self._dump, (records, parts))

    def __exit__(self, kind, exc, traceback) -> None:
        if self._handle is not None:
            if kind is None:
                self._attempt(self._handle.close)  # its last bytes are written here (a full disk)
            with contextlib.suppress(OSError):
                self._handle.close()
        if kind is None and self.why_not is None:
            self._attempt(os.replace, self.partial, self.path)  # the last whole file until now
        if kind is not None or self.why_not is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.partial)
        if kind is None and self.why_not is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # the last build's cache would not match this output folder

    def _open(self) -> None:
        os.makedirs(self.folder, exist_ok=True)
        self._handle = open(self.partial, "wb")  # noqa: SIM115 (closed in __exit__)
        self._handle.write(self.header)

    def _dump(self, value) -> None:
        pickle.dump(value, self._handle, protocol=pickle.HIGHEST_PROTOCOL)

    def _attempt(self, step, *args) -> None:
        if self.why_not is not None:
            return
        try:
            step(*args)
        except Exception as exc:  # unwritable, or a setting that cannot be saved (a lambda)
            self.why_not = f"{exc.__class__.__name__}: {exc}"
