"""The slug Pelican gives a posting's page, worked out without importing Pelican.

`openings validate` needs every posting's slug (two postings must not share a page) but not the
rest of Pelican, whose import is half of checking one file. `pelican_slugify` is Pelican 4.12's
(pelican.utils.slugify), line for line; tests/unit/test_slugs.py checks that both give the same
slug for generated titles and every setting that changes it.
"""

from __future__ import annotations

import os
import re
import unicodedata

import unidecode
from markupsafe import Markup


def page_slug(metadata: dict, source_path: str, settings: dict) -> str:
    """The slug of pelican.contents.Content: the `slug` field, else the title or the file's name
    made into one, as SLUGIFY_SOURCE says."""
    if metadata.get("slug"):
        return str(metadata["slug"])
    source = (
        str(metadata.get("title", ""))
        if settings.get("SLUGIFY_SOURCE") == "title"
        else os.path.basename(os.path.splitext(source_path)[0])
    )
    return pelican_slugify(
        source,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def pelican_slugify(
    value: str, regex_subs=(), preserve_case: bool = False, use_unicode: bool = False
):
    value = unicodedata.normalize("NFKC", Markup(value).striptags())
    if not use_unicode:
        value = unidecode.unidecode(value)
    for source, replacement in regex_subs:
        value = re.sub(
            unicodedata.normalize("NFKC", source),
            unicodedata.normalize("NFKC", replacement),
            value,
            flags=re.IGNORECASE,
        )
    if not preserve_case:
        value = value.lower()
    return value.strip()
