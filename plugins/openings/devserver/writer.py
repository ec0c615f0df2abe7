"""Pelican's writer for the dev server: a page rendered under an unchanged key is not rendered
again, and a file is written only when its bytes change.

A page's key is what it depends on (DevCache.page_key). The page itself is not held: the file
written last time is kept when its key and the file on disk are unchanged. What the writer
leaves as it was is counted in the build's Round (`kept`), so that incremental.py can tell a file
this build still produces from one it no longer does.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from pelican.utils import sanitised_join
from pelican.writers import Writer

from .sourcefiles import digest, signature


@dataclass
class _Page:
    key: tuple
    signature: tuple | None
    reads: tuple | None = None  # a posting page's lookups and answers (pagereads.py)
    whole: bytes | None = None  # the board's and the day's key when they were answered


class Outputs:
    """The files the dev server's builds wrote: their bytes, and the key of each rendered page."""

    def __init__(self):
        self.files: dict[str, tuple] = {}  # output path -> (signature, digest) as written
        self.pages: dict[str, _Page] = {}  # output path -> the key it was rendered under
        # {path: (inode, change time)} of the folder's files before this build's first write
        # (incremental.py; not the search index's folders, nor what OUTPUT_RETENTION names),
        # or None: then a page's file is looked at with a stat of its own
        self.listed: dict[str, tuple] | None = None

    def write(self, path: str, text: str, encoding: str, kept: set[str]) -> None:
        """Write a file unless it holds these bytes already, as this cache last wrote it."""
        data = text.encode(encoding)
        found = digest(data)
        known = self.files.get(path)
        if known is not None and known[1] == found and self._holds(path, known):
            kept.add(path)
            return
        with open(path, "wb") as handle:
            handle.write(data)
        self.files[path] = (signature(path), found)

    def unchanged_page(self, path: str, key: tuple, still_reads) -> bool:
        """`still_reads(reads, whole)`: whether a posting page's lookups answer the same now."""
        known = self.pages.get(path)
        if known is None or known.key != key:
            return False
        if known.reads is not None and not still_reads(known.reads, known.whole):
            return False
        if self._as_rendered(path, known.signature):
            return True
        written = self.files.get(path)
        if written is not None and self._holds(path, written):
            known.signature = self.files[path][0]  # as _holds found it now
            return True
        return False

    def _as_rendered(self, path: str, rendered: tuple | None) -> bool:
        """Whether the file is still the one written when the page was rendered (`rendered`:
        its signature then). The folder's listing answers without a stat for each page: a
        file rewritten since has another inode or change time there, and one it does not
        list is looked at by `_holds`."""
        if rendered is None:
            return False
        if self.listed is not None:
            return self.listed.get(path) == (rendered[0], rendered[3])
        return rendered == signature(path)

    def _holds(self, path: str, written: tuple) -> bool:
        """Whether the file holds the bytes this cache wrote into it (`written`: signature,
        digest). Its signature says so; a folder restored by a later process (a kept build,
        keptbuild.py) has other inodes and times, so then its bytes are read."""
        found = signature(path)
        if found is None:
            return False
        if found == written[0]:
            return True
        try:
            with open(path, "rb") as handle:
                same = digest(handle.read()) == written[1]
        except OSError:
            return False
        if same:
            self.files[path] = (found, written[1])
        return same

    def rendered(
        self, path: str, key: tuple, reads: tuple | None = None, whole: bytes | None = None
    ) -> None:
        self.pages[path] = _Page(key, signature(path), reads, whole)

    def forget(self, path: str) -> None:
        self.files.pop(path, None)
        self.pages.pop(path, None)


class CachedWriter(Writer):
    """Pelican's writer, through the dev cache; cache.writer makes a subclass with `cache`."""

    cache = None  # the DevCache

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):  # fmt: skip
        render = functools.partial(super().write_file, name, template, context, relative_urls,
                                   paginated, template_name, override_output, url, **kwargs)  # fmt: skip
        key = None
        if not paginated:
            key = self.cache.page_key(name, template, context, relative_urls, kwargs)
        if key is None:
            render()
            return
        path = sanitised_join(self.output_path, name)
        still_reads = functools.partial(self.cache.still_reads, context=context)
        if self.cache.outputs.unchanged_page(path, key, still_reads) and (
            path not in self._written_files
        ):
            self._written_files.add(path)  # Pelican's check that no file is written twice
            self.cache.round.kept.add(path)
            return
        reads = whole = None
        if kwargs.get("article") is None:
            render()
        else:  # a posting's page: what it looks up of the build is recorded
            with self.cache.recording(context, self.settings, kwargs) as recorded:
                render()
            reads, whole = recorded.found(), self.cache.whole(context)
        self.cache.outputs.rendered(path, key, reads, whole)

    def pages_written_aside(self) -> tuple[dict, dict, set]:
        """In the second process writing the posting pages (speed/parallel.py): what this
        copy of the writer recorded, for the build's own writer. The records of files written
        before the fork are the same in both; sent again, they change nothing."""
        outputs = self.cache.outputs
        return outputs.files, outputs.pages, self.cache.round.kept

    def take_pages_written_aside(self, records: tuple[dict, dict, set]) -> None:
        files, pages, kept = records
        self.cache.outputs.files.update(files)
        self.cache.outputs.pages.update(pages)
        self.cache.round.kept |= kept

    def _open_w(self, filename, encoding, override=False):
        if filename in self._overridden_files or filename in self._written_files:
            return super()._open_w(filename, encoding, override)  # Pelican's own verdict
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _WriteIfChanged(self.cache, filename, encoding)


class _WriteIfChanged(io.StringIO):
    """A file Pelican writes, written only when its bytes differ from what is there."""

    def __init__(self, cache, path: str, encoding: str):
        super().__init__()
        self.cache = cache
        self.path = path
        self._encoding = encoding

    def close(self) -> None:
        if not self.closed:
            self.cache.outputs.write(self.path, self.getvalue(), self._encoding,
                                     self.cache.round.kept)  # fmt: skip
        super().close()
