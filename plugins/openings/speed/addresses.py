"""Each posting's address, computed once per build instead of at every use.

Pelican computes an Article's `url` from its metadata and the settings each time it is asked
for, copying the metadata and resolving the source file's path every time. A board asks
thousands of times a build: a posting's card on the list and on each facet page, the "more
openings" boxes, the sitemap and the feeds. Once every generator has finished
(all_generators_finalized), a posting's metadata, slug and status no longer change, so its
address is set as Pelican's own `override_url`, which Pelican returns as it is: the same string,
computed once.

Its output path is left to Pelican: with `override_save_as` set, Pelican would write the page
even over another page of the same path, where it otherwise stops the build.
"""

from __future__ import annotations

from collections.abc import Iterable


def fix_addresses(articles: Iterable) -> None:
    """Each of `articles` keeps its address as Pelican computes it now."""
    for article in articles:
        article.override_url = article.url
