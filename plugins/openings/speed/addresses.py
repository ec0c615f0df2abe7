"""Each posting's address and output path, computed once per build instead of at every use.

Pelican computes an Article's `url` and `save_as` from its metadata and the settings each time
they are asked for, copying the metadata and resolving the source file's path every time. A
board asks thousands of times a build: a posting's card on the list and on each facet page, the
"more openings" boxes, the search records, the sitemap and the feeds. Once every generator has
finished (all_generators_finalized), a posting's metadata, slug and status no longer change, so
its address and output path are set as Pelican's own overrides (`override_url`,
`override_save_as`, which Pelican returns as they are): the same strings, computed once.
"""

from __future__ import annotations

from collections.abc import Iterable


def fix_addresses(articles: Iterable) -> None:
    """Each of `articles` keeps its address and output path as Pelican computes them now."""
    for article in articles:
        url, save_as = article.url, article.save_as  # both as computed without overrides
        article.override_url, article.override_save_as = url, save_as
