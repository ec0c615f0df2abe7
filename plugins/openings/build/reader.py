"""Reads Markdown files with YAML front matter for Pelican: postings and the company's pages.

Core keys go to Pelican as it expects them; a posting's fields stay raw (with their lines) for the
validator. Nothing a person can type makes this raise: problems travel with the file instead.
"""

from __future__ import annotations

import html
import os

from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from ..boundary import contentlinks, pagefields
from ..reading import limits
from ..reading.postingfile import (
    EXTENSIONS,
    date_text,
    missing_front_matter,
    parse_file,
    report_path,
    scalar,
    title_of,
)


class PostingReader(MarkdownReader):
    """Markdown with `---` YAML front matter, for content/jobs/ and content/pages/ alike."""

    enabled = True
    file_extensions = EXTENSIONS

    def __init__(self, settings):
        super().__init__(settings)
        self.limits = limits.from_settings(settings)
        self.jobs_root = os.path.abspath(
            os.path.join(settings["PATH"], settings.get("JOBPOSTING_PATH", "jobs"))
        )
        self.site = contentlinks.LinkTargets(settings)

    def is_posting(self, source_path: str) -> bool:
        return os.path.abspath(source_path).startswith(self.jobs_root + os.sep)

    def read(self, source_path):
        path = report_path(source_path)
        doc, problems, body_html = self.parse_file(source_path, path, self.limits)
        # checked here, before Pelican collects the files it would copy (contentfiles.py)
        wrong_links = contentlinks.check(body_html, source_path, path, self.site)
        if wrong_links:
            problems = [*problems, *wrong_links]
        if self.is_posting(source_path):
            problems += missing_front_matter(doc, path)
            metadata = self.posting_metadata(doc, source_path)
        else:
            metadata, found = self.page_metadata(doc, source_path, path)
            problems = [*problems, *found]
        metadata["jobposting_document"] = doc
        metadata["jobposting_problems"] = problems
        metadata["jobposting_source"] = path
        return body_html, metadata

    # The file's front matter, problems so far and sanitised HTML. speedup.py puts in its place
    # a function that takes the same answer from a helper process when one has it.
    parse_file = staticmethod(parse_file)

    def posting_metadata(self, doc, source_path) -> dict:
        """What Pelican itself needs; the validator decides everything else later."""
        fields = doc.fields
        metadata = {
            "title": title_of(doc, source_path),
            "date": posting_date(date_text(fields.get("date_posted"))),
            # the reader only separates drafts; the lifecycle decides the rest each build
            "status": self.process_metadata(
                "status",
                "draft" if (scalar(fields.get("status")) or "").lower() == "draft" else "published",
            ),
        }
        department = scalar(fields.get("department"))
        if department:
            metadata["category"] = self.process_metadata("category", department)
        for key in ("lang", "slug"):
            value = scalar(fields.get(key))
            if value:
                metadata[key] = self.process_metadata(key, value)
        summary = scalar(fields.get("summary"))
        if summary:
            metadata["summary"] = html.escape(summary)
        return metadata

    def page_metadata(self, doc, source_path, path) -> tuple[dict, list]:
        """A company page's own fields only (pagefields.py), and the problems with the others."""
        values, problems = pagefields.check(doc, path)
        metadata = {}
        for name, value in values.items():
            if name == "summary":
                metadata[name] = html.escape(str(value))
            elif name == "order":
                metadata[name] = value
            else:
                metadata[name] = self.process_metadata(name, value)
        if "title" not in metadata:
            metadata["title"] = os.path.splitext(os.path.basename(source_path))[0]
        return metadata, problems


def posting_date(iso_day: str) -> SafeDatetime:
    """Pelican's date for a YYYY-MM-DD day: what its `date` metadata processor gives, at midnight.

    Pelican runs dateutil's general parser for a text that is always ISO here.
    """
    return SafeDatetime.fromisoformat(iso_day)
