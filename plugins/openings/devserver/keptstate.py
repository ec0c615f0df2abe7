"""The cache of a kept build (keptbuild.py), saved in its folder and loaded by the next build.

One file, `openings-build.pickle`: the dev cache's source-file digests, postings and output
records (cache.py; not its pieces of the crawler files, which would double the file), the search
index's records and parts, and the key it was made under. It is used only by the same code on the
same output folder: its key is every installed distribution and its version, the Python version,
and the bytes of every file of the openings package (a checkout's edits change no version).
The key is the file's first line, compared before anything is unpickled. Anything else
(another key, a damaged or unreadable file) and the build starts from nothing, saying why.

The folder holds what the build made of the content: a pull request's build may read it but must
never write to a folder a publishing build reads (see docs/publishing.md).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

FILE = "openings-build.pickle"
VERSION = 1  # of this file's layout
PACKAGE = Path(__file__).resolve().parents[1]  # the openings package


@dataclass
class Kept:
    code: bytes
    output: str
    files: object  # sourcefiles.Files
    postings: object  # postings.Postings
    outputs: object  # writer.Outputs
    records: dict  # source path -> (key, the search record), keptsearch.py
    parts: dict  # search_index.part_key -> Pagefind's files of that part


def code_key() -> bytes:
    """What every kept result was computed by: the installed distributions, Python, and the
    openings package's files."""
    found = hashlib.blake2b(repr((VERSION, sys.version)).encode(), digest_size=16)
    dists = sorted(
        (d.metadata["Name"] or "", d.version) for d in importlib.metadata.distributions()
    )
    found.update(repr(dists).encode("utf-8"))
    for folder, folders, names in os.walk(PACKAGE):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            found.update(os.path.relpath(path, PACKAGE).encode("utf-8", "surrogateescape"))
            with open(path, "rb") as handle:
                found.update(hashlib.blake2b(handle.read(), digest_size=16).digest())
    return found.digest()


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
            kept = pickle.load(handle)
    except Exception as exc:  # damaged, from another version of the classes, unreadable
        return None, f"{path} could not be read: {exc.__class__.__name__}"
    if not isinstance(kept, Kept):
        return None, f"{path} could not be read: it holds no kept build"
    return kept, None


def _mismatch(header: bytes, code: bytes, output: str) -> str:
    words = header.decode("utf-8", "replace").rstrip("\n").split(" ", 3)
    if words[:3] == ["openings-build", str(VERSION), code.hex()] and len(words) == 4:
        return f"it was made for another output folder, {words[3]}"
    return "the code changed since it was made"


def save(folder: str, kept: Kept) -> None:
    """Keep what a build leaves for the next one in `folder`."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, FILE)
    partial = path + ".partial"
    with open(partial, "wb") as handle:
        handle.write(_header(kept.code, kept.output))
        pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)  # a build stopped half way leaves the last whole file
