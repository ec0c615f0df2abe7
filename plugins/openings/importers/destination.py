"""Where an imported posting goes: content/jobs/<slug>.md, never over another posting.

A file that already holds the same job (the same import source in its header comment) is replaced
only with --force; any other file with that name keeps it, and the new posting gets the next free
name (senior-engineer-2.md). A shared req_id does not make two files one job: the importer says
so on the new file's req_id instead.
"""

from __future__ import annotations

import os
import re

from ..reading import frontmatter
from ..reading.postingfile import report_path
from .writer import SOURCE_PREFIX

_SOURCE_LINE = re.compile("^" + re.escape(SOURCE_PREFIX) + r"(.+?)\s*$", re.MULTILINE)
_MARKDOWN = (".md", ".markdown", ".mkd", ".mdown")


class Destination:
    def __init__(self, folder: str):
        self.folder = folder
        self.names: set[str] = set()  # file stems and slugs in use, lower case
        self.by_key: dict[str, str] = {}
        self.by_req_id: dict[str, list[str]] = {}
        self.written: set[str] = set()  # in this run: never written twice
        for root, folders, files in os.walk(folder):
            folders[:] = [f for f in folders if not f.startswith(".")]
            for name in files:
                stem, ext = os.path.splitext(name)
                if ext.lower() in _MARKDOWN and not name.startswith("."):
                    self.names.add(stem.lower())
                    self._index(os.path.join(root, name))

    def _index(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError:
            return
        doc = frontmatter.parse(text.replace("\r\n", "\n"))
        source = _SOURCE_LINE.search(text.split("\n---", 1)[0])
        if source:
            self.by_key.setdefault(source.group(1), path)
        req_id = doc.fields.get("req_id")
        if req_id is not None and req_id.is_scalar and req_id.text:
            self.by_req_id.setdefault(str(req_id.text).strip(), []).append(path)
        slug = doc.fields.get("slug")
        if slug is not None and slug.is_scalar and slug.text:
            self.names.add(str(slug.text).strip().lower())

    def place(self, slug: str, key: str) -> tuple[str, bool]:
        """(path to write, whether it already holds this job)."""
        same = self.by_key.get(key)
        if same:
            return same, True
        name, number = slug, 2
        while name.lower() in self.names:
            name, number = f"{slug}-{number}", number + 1
        return os.path.join(self.folder, f"{name}.md"), False

    def remember(self, path: str, key: str, req_id: str | None) -> None:
        self.names.add(os.path.splitext(os.path.basename(path))[0].lower())
        self.by_key[key] = path
        self.written.add(path)
        if req_id:
            self.by_req_id.setdefault(req_id, []).append(path)

    def other_with(self, req_id: str | None, path: str) -> str | None:
        """Another posting with this req_id, if any."""
        return next((p for p in self.by_req_id.get(req_id or "", []) if p != path), None)

    @staticmethod
    def shown(path: str) -> str:
        return report_path(path)
