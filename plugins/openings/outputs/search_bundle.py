"""The search files the site publishes: Pagefind's index, less what the site never loads, plus
paths.json, the posting each search result stands for.

Pagefind writes one "fragment" per record (its text and URL), which its API loads for each result
(`result.data()`). The list page only needs to know which postings match, since it filters its
own cards, and a request per result would be hundreds for a common word on a big board.
paths.json maps every result id (the fragment's name) to the posting's path in one file, fetched
once with Pagefind, and the fragments are not published: one file fewer per open posting, each a
file created while the build ends. Pagefind's ready-made search interfaces are not published
either; the site has its own (site.js).

A board in parts has an index per part, and fragment ids are short hashes, unique within a part
only: an id two parts share maps to null and its fragments are published, so the page asks for
those results' fragments as Pagefind does. A fragment that cannot be read is published the same
way.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib

from .pagefind_client import PagefindError

PATHS = "paths.json"  # in the bundle folder: {result id: posting path or null}
FRAGMENT_FOLDER = "fragment/"
FRAGMENT_SUFFIX = ".pf_fragment"
# Pagefind's own search interfaces, in every bundle it makes
UNUSED_PREFIXES = (
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.",
)
_FRAGMENT_HEADER = b"pagefind_dcd"  # what a decompressed Pagefind file starts with


def fragment_id(name: str) -> str | None:
    """ "fragment/en_04dde15.pf_fragment" -> "en_04dde15"; None for other files."""
    if name.startswith(FRAGMENT_FOLDER) and name.endswith(FRAGMENT_SUFFIX):
        return name[len(FRAGMENT_FOLDER) : -len(FRAGMENT_SUFFIX)]
    return None


def fragment_url(data: bytes) -> str | None:
    """The URL a fragment file was made for, or None if it cannot be read."""
    try:
        text = gzip.decompress(data)
        if text.startswith(_FRAGMENT_HEADER):
            text = text[len(_FRAGMENT_HEADER) :]
        url = json.loads(text)["url"]
    except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError):
        return None
    return url if isinstance(url, str) and url else None


class Bundle:
    """The search folder, written one index (part) at a time; `finish` writes paths.json."""

    def __init__(self, folder: str):
        self.folder = folder
        self.paths: dict[str, str | None] = {}
        # fragments not published, by id: (the part folder, the file), should another part
        # turn out to share the id
        self._held: dict[str, tuple[str, bytes]] = {}

    def add(self, files: dict[str, bytes], folder: str) -> None:
        """Write one index's files into `folder`, keeping its fragments back."""
        published = {}
        for name, data in files.items():
            if name.startswith(UNUSED_PREFIXES):
                continue
            found = fragment_id(name)
            if found is None:
                published[name] = data
                continue
            url = fragment_url(data)
            if url is not None and found not in self.paths:
                self.paths[found] = url
                self._held[found] = (folder, data)
                continue
            published[name] = data  # unreadable, or an id another part has too
            if found in self._held:
                other_folder, other = self._held.pop(found)
                write_files({name: other}, other_folder)
            self.paths[found] = None
        write_files(published, folder)

    def finish(self) -> None:
        text = json.dumps(self.paths, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        write_files({PATHS: text.encode("utf-8")}, self.folder)
        self._held.clear()


def write_files(files: dict[str, bytes], folder: str) -> None:
    for relative, data in sorted(files.items()):
        path = os.path.normpath(os.path.join(folder, relative))
        if os.path.commonpath([path, folder]) != folder:
            raise PagefindError(f"Pagefind named a file outside its folder: {relative}")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(data)
