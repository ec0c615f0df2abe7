"""The outputs' part of the plugin's registration: the search index and every file besides the
pages, each connected to the Pelican signal that writes it. One list here, so that the plugin
names the outputs once and a new output is added where the others are."""

from __future__ import annotations

from pelican import signals

from . import brand, changes, feeds, indeed, indexnowkey, jobsjson, robots, search, sitemap

CRAWLER_FILES = (sitemap, robots, feeds, jobsjson, indeed, changes, indexnowkey)


def connect() -> None:
    search.connect()
    for output in CRAWLER_FILES:
        signals.get_generators.connect(output.get_generators)
    signals.get_generators.connect(brand.get_generators)  # the brand colour's stylesheet


def connect_last() -> None:
    """After the build's own generators (speedup.connect): the wait for the search index."""
    search.connect_wait()
