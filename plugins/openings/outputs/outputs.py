"""What the crawler files (sitemap, feeds, jobs.json, ...) share: the open postings of a build.

Each crawler file is written by a small Pelican generator whose `generate_output` runs in the
write phase, after the plugin's `finish` has reported problems: a build with errors raises
BuildFailed before any of them writes a byte. Every date comes from the content (or the pinned
"today"), never from the clock, so the same content gives the same files.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import BinaryIO

from ..core import lifecycle
from ..core.lifecycle import State
from ..core.model import JobPosting
from ..core.today import site_timezone, today
from . import notify

logger = logging.getLogger(__name__)

CONTEXT_KEY = "jobposting"  # plugin.BuildState lives here in the generators' shared context
# (state, Snapshot): the crawler files of a build share one snapshot of its postings
SNAPSHOT_KEY = "jobposting_crawler_snapshot"


@dataclass(frozen=True)
class Listed:
    """An open posting as crawlers see it: the model, its absolute URL, its Pelican article."""

    posting: JobPosting
    url: str
    article: object

    @property
    def lastmod(self) -> dt.date:
        return last_modified(self.posting)


@dataclass(frozen=True)
class Snapshot:
    """The open postings of one build and the dates every crawler file derives from."""

    siteurl: str
    postings: tuple[Listed, ...]  # one per job: Pelican's articles, newest first
    translations: tuple[Listed, ...]  # open translations of those (other URLs, same jobs)
    closed: tuple[JobPosting, ...]  # closed postings (status closed or expired)
    today: dt.date
    timezone: dt.tzinfo

    @cached_property
    def changes(self) -> tuple[tuple[JobPosting, dt.date], ...]:
        """Each day a posting changed the board: an open one's last edit, a closed one's closing.

        A closing that lies after today has not happened yet, so it is left out.
        """
        found = [(item.posting, item.lastmod) for item in self.postings]
        for posting in self.closed:
            day = closed_on(posting, self.timezone)
            if day is not None and day <= self.today:
                found.append((posting, day))
        return tuple(found)

    @cached_property
    def _latest_by_department(self) -> dict[str | None, dt.date]:
        # worked out once: the sitemap and every department's feed ask (None: the whole board)
        latest: dict[str | None, dt.date] = {}
        for posting, day in self.changes:
            for key in (None, posting.department):
                if key not in latest or day > latest[key]:
                    latest[key] = day
        return latest

    def changed_on(self, department: str | None = None) -> dt.date | None:
        """The last day a list of postings changed: a posting appeared, was edited or closed.

        The list is all postings, or one department's.
        """
        return self._latest_by_department.get(department)

    def midnight(self, day: dt.date) -> dt.datetime:
        """A day as the start of that day in the site's time zone (feeds need date-times)."""
        return dt.datetime.combine(day, dt.time(), tzinfo=self.timezone)


def last_modified(posting: JobPosting) -> dt.date:
    """The posting's `modified` if HR set it, else the day it was posted."""
    return max(posting.modified or posting.date_posted, posting.date_posted)


def closed_on(posting: JobPosting, tz: dt.tzinfo) -> dt.date | None:
    """The first day a closed posting was no longer open, when the content says so."""
    if posting.valid_through is not None:
        expired = lifecycle.last_day(posting, tz) + dt.timedelta(days=1)
        if posting.status != "closed":
            return expired
        return min(expired, posting.modified) if posting.modified else expired
    return posting.modified


def snapshot(context: dict, settings: dict) -> Snapshot:
    """The build's open postings, made once and shared by every crawler file of the build."""
    state = context[CONTEXT_KEY]
    made = context.get(SNAPSHOT_KEY)
    if made is None or made[0] is not state:
        made = context[SNAPSHOT_KEY] = (state, _snapshot(state, context, settings))
    return made[1]


def _snapshot(state, context: dict, settings: dict) -> Snapshot:
    """Open postings from the build's state; Pelican's own lists give their order."""
    siteurl = site_url(settings)
    # the open postings, not their translations (facets.OPEN_KEY: on a site with a blog, the
    # postings are not Pelican's articles)
    primary = {id(article) for article in context.get("jobposting_open", ())}
    postings, translations = [], []
    for article in state.open_articles():
        listed = Listed(article.jobposting, f"{siteurl}/{article.url}", article)
        (postings if id(article) in primary else translations).append(listed)
    closed = tuple(
        outcome.posting
        for outcome in state.outcomes.values()
        if outcome.state is State.CLOSED and outcome.posting is not None
    )
    newest_first = lambda item: (-item.posting.date_posted.toordinal(), item.url)  # noqa: E731
    return Snapshot(
        siteurl=siteurl,
        postings=tuple(sorted(postings, key=newest_first)),
        translations=tuple(sorted(translations, key=lambda item: item.url)),
        closed=tuple(sorted(closed, key=lambda p: p.source_path)),
        today=today(settings),
        timezone=site_timezone(settings),
    )


def site_url(settings: dict) -> str:
    return str(settings.get("SITEURL") or "").rstrip("/")


def department_slug(name: str, settings: dict) -> str:
    """The department's slug exactly as Pelican makes it for the facet page's address."""
    # Imported here: importing any of Pelican runs its package's __init__ (generators, Jinja,
    # docutils), and `openings notify`/`openings --help` import this module without needing it.
    from pelican.urlwrappers import Category

    return Category(name, settings).slug


def write(output_path: str, relative: str, data: bytes) -> None:
    path = os.path.join(output_path, *relative.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    logger.info("jobposting: wrote %s", relative)


@contextmanager
def open_bytes(output_path: str, relative: str, buffering: int = -1) -> Iterator[BinaryIO]:
    """A file to write piece by piece, in UTF-8 bytes: a feed of 10,000 descriptions is never
    one string.

    Building the whole text, then its bytes, held the descriptions three or four times over
    (the build's memory peak on big boards); written as it is made, the file holds them once.
    The pieces come as bytes because the dev server keeps each posting's piece between builds
    (devserver/memo.py): a rebuild then writes them without encoding them again.
    """
    path = os.path.join(output_path, *relative.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb", buffering=buffering) as handle:
        yield handle
    logger.info("jobposting: wrote %s", relative)


class OutputGenerator:
    """Base of the crawler-file generators: Pelican builds it like its own, calls generate_output.

    Not a pelican.generators.Generator: these need no templates or readers of their own.
    """

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = output_path

    def generate_output(self, writer) -> None:
        if CONTEXT_KEY not in self.context:  # the plugin did not run: nothing to describe
            return
        self.write_files(snapshot(self.context, self.settings))

    def write_files(self, site: Snapshot) -> None:
        raise NotImplementedError

    def write(self, relative: str, data: bytes) -> None:
        write(self.output_path, relative, data)

    def open_bytes(self, relative: str, buffering: int = -1):
        return open_bytes(self.output_path, relative, buffering)


def setting_problems(values: dict) -> list[str]:
    """Crawler files need an absolute SITEURL; the IndexNow key must be one IndexNow accepts.

    Checked with the plugin's other settings (config/settingscheck.py), before the build reads
    anything."""
    found = []
    if not site_url(values).startswith(("https://", "http://")):
        found.append(
            f"SITEURL is {values.get('SITEURL')!r}: the sitemap, feeds and JSON-LD need the "
            "site's full address, for example https://example.github.io/careers (the openings "
            "plugin, jobposting, needs it; for local builds http://localhost:8000 will do)"
        )
    problem = notify.key_problem(values.get("JOBPOSTING_INDEXNOW_KEY"))
    if problem:
        found.append(problem)
    previous = values.get("JOBPOSTING_PREVIOUS_JOBS_JSON")
    if previous is not None and not isinstance(previous, str):
        found.append("JOBPOSTING_PREVIOUS_JOBS_JSON must be a path or a URL of a jobs.json file")
    return found
