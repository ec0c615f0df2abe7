"""Which files are the plugin's: the postings folder, or the whole content folder on opt-in.

Only Markdown files under JOBPOSTING_PATH are postings. The rest of the content (a blog's posts
and pages, in Markdown, reST or HTML) is read by Pelican's own readers and listed as Pelican
lists it, untouched, unless the site sets JOBPOSTING_CHECK_ALL_CONTENT: then the plugin's
reader is the only one, and every file under the content folder is checked (contentfiles.py,
docs/security.md).
"""

from __future__ import annotations

import os

from pelican.readers import BaseReader

from ..boundary import contentfiles
from ..config import settings as plugin_settings
from ..reading.postingfile import EXTENSIONS


def whole_site(settings) -> bool:
    return bool(settings.get("JOBPOSTING_CHECK_ALL_CONTENT"))


def postings_root(settings) -> str:
    return os.path.abspath(os.path.join(settings["PATH"], settings.get("JOBPOSTING_PATH", "jobs")))


class RoutedReader(BaseReader):
    """Reads a Markdown file in the postings folder with the plugin's reader, any other with
    the reader Pelican had for its extension (None: the extension is not read there)."""

    enabled = False  # never registered by Pelican itself: only through `route`
    file_extensions: tuple = ()
    posting_class: type | None = None
    other_class: type | None = None

    def __init__(self, settings):
        super().__init__(settings)
        self.posting = self.posting_class(settings)
        self.other = self.other_class(settings) if self.other_class else None
        self.root = postings_root(settings)

    def read(self, source_path):
        if os.path.abspath(source_path).startswith(self.root + os.sep):
            return self.posting.read(source_path)
        return self.other.read(source_path)


def route(readers, posting_class: type) -> None:
    """readers_init: the plugin's reader for postings; the site's readers for the rest."""
    classes = readers.reader_classes
    if whole_site(readers.settings):
        # Pelican's .rst reader includes other files and its .html reader keeps raw HTML: on
        # a site checked whole, files those would read are refused (contentfiles.py)
        for extension in list(classes):
            if extension != "static":  # Pelican's reader of static files reads nothing
                classes[extension] = None
        for extension in posting_class.file_extensions:
            classes[extension] = posting_class
        return
    for extension in posting_class.file_extensions:
        other = classes.get(extension)
        classes[extension] = type(
            "RoutedReader",
            (RoutedReader,),
            {"posting_class": posting_class, "other_class": other},
        )


def list_files(generator, pelican_get_files, paths, exclude=None, extensions=None) -> set[str]:
    """Generator.get_files: Pelican's listing, but the postings folder listed safely (no link
    followed, Markdown only, static files of the published types: contentfiles.py)."""
    values = generator.settings
    if whole_site(values):
        return contentfiles.list_files(generator, paths, exclude, extensions)
    if isinstance(paths, str):
        paths = [paths]
    unread = {
        extension
        for extension, reader in generator.readers.readers.items()
        if isinstance(reader, RoutedReader) and reader.other is None
    }  # Markdown, where Pelican itself has no Markdown reader: not read outside the postings
    found = {
        path
        for path in pelican_get_files(paths, exclude, extensions)
        if not plugin_settings.in_postings(path, values)
        and os.path.splitext(path)[1][1:] not in unread
    }
    jobs = os.path.relpath(postings_root(values), generator.path)
    if any(_covers(path, jobs) for path in paths):
        excluded = exclude or ()
        if not any(_covers(e, jobs) for e in excluded):
            if extensions is not False:
                extensions = EXTENSIONS  # postings are Markdown; other files are refused
            found |= contentfiles.list_files(generator, [jobs], excluded, extensions)
    return found


def _covers(folder: str, jobs: str) -> bool:
    folder = os.path.normpath(folder) if folder else "."
    return folder in (".", jobs) or jobs.startswith(folder + os.sep)
