"""The name of an imported posting's file: from its title, else from the source's own name.

Many sites name every posting alike (jobs/backend/README.md, content/jobs/x/index.md, jd.mdx), so
a generic file name stands for its folder; a language suffix (backend.de.md) is not part of it.
"""

from __future__ import annotations

import os
import re

from ..core.text import slugify

GENERIC_STEMS = frozenset((
    "readme", "index", "_index", "jd", "job", "posting", "description", "content", "page",
    "post", "main", "default", "details", "job-description", "job_description",
))  # fmt: skip
_LANG_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2})?$")


def source_stem(path: str) -> str:
    """ "jobs/backend/README.md" -> "backend"; "jobs/dev.de.md" -> "dev"."""
    parts = [p for p in re.split(r"[\\/]", path) if p not in ("", ".", "..")]
    if not parts:
        return ""
    stem = _LANG_SUFFIX.sub("", os.path.splitext(parts[-1])[0])
    folders = parts[:-1]
    while stem.lower() in GENERIC_STEMS and folders:
        stem = _LANG_SUFFIX.sub("", folders.pop())
    return stem


def posting_slug(title: str | None, source_path: str) -> str:
    return slugify(title or "") or slugify(source_stem(source_path)) or "imported-posting"
