"""The build's own checks on a file just written, so the summary can say what needs attention.

Exactly what `make html` and `openings validate` would report: the posting reader, then
openings.checks.pipeline with the site's settings and data files.
"""

from __future__ import annotations

import copy
import os

from ..build.reader import PostingReader
from ..checks import pipeline
from ..config import settings as plugin_settings
from ..core.problems import Problem
from ..reading.postingfile import report_path


def full_settings(settings: dict) -> dict:
    """Pelican's defaults, then the plugin's, then the given ones (a test may give only a few)."""
    from pelican.settings import DEFAULT_CONFIG

    merged = copy.deepcopy(DEFAULT_CONFIG)
    merged.update(plugin_settings.DEFAULTS)
    merged.update(settings)
    return merged


class WrittenFileCheck:
    """The build's checks, prepared once for the site, run on each file the import writes."""

    def __init__(self, settings: dict):
        self.settings = full_settings(settings)
        self.reader = PostingReader(self.settings)
        self.checks = pipeline.prepare(self.settings)

    def problems(self, path: str) -> list[Problem]:
        body_html, metadata = self.reader.read(path)
        slug = os.path.splitext(os.path.basename(path))[0]
        outcome = pipeline.check_posting(
            metadata["jobposting_document"],
            report_path(path),
            slug,
            body_html,
            metadata["jobposting_problems"],
            self.checks,
        )
        return sorted(set(outcome.problems), key=lambda p: (p.line or 0, p.field or "", p.message))
