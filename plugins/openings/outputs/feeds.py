"""Atom feeds of the open postings, newest first: all of them, and one per department; each
feed lists the JOBPOSTING_FEED_MAX_ITEMS newest (100 unless the site says otherwise).

Pelican's own FEED_* settings stay off (pelicanconf.py): its feeds cannot say where, what kind
of job or for how much, and an empty feed gets the clock's time. Here every entry carries the
facts a reader decides on (place, employment type, salary, closing date) in its summary and the
whole description as content; every date is the content's own.

A department keeps its feed while it has no openings (an empty, valid feed), so subscribers'
addresses do not break; departments.yml names them.

A posting's <entry> is the same text in the list's feed and in its department's, so it is made
once and written to both as it is made: all the feeds are written side by side, one posting at a
time, and neither a whole feed nor the entries are ever held. An entry is made as UTF-8 bytes,
so the dev server, which keeps each posting's entry between builds (devserver/memo.py), writes
the feeds again without encoding every entry again.
"""

from __future__ import annotations

import io
from contextlib import ExitStack
from typing import BinaryIO

from feedgenerator import Atom1Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator

from ..config import settings as plugin_settings
from ..render import display
from .outputs import Listed, OutputGenerator, Snapshot, department_slug

ALL_PATH = "feeds/jobs.atom.xml"
DEPARTMENT_PATH = "feeds/departments/{slug}.atom.xml"


class _Feed(Atom1Feed):
    """An Atom feed whose <updated> is given, so an empty feed does not take the clock's time.

    Written in three steps (Atom1Feed.write's, apart): `start` writes everything before the
    entries and returns the feed's XML writer (`_Text`), the entries are written as bytes, and
    `end` closes the feed.
    """

    def __init__(self, *args, updated, **kwargs):
        super().__init__(*args, **kwargs)
        self._updated = updated

    def latest_post_date(self):
        return self._updated

    def start(self, out: BinaryIO) -> _Text:
        text = _Text(out)
        text.handler.startDocument()
        text.handler.startElement("feed", self.root_attributes())
        self.add_root_elements(text.handler)
        text.write_out()
        return text

    def end(self, text: _Text) -> None:
        text.handler.endElement("feed")
        text.write_out()


class _Text:
    """The XML writer of a feed's own elements, and the file they go to as UTF-8.

    The writer writes into a string, moved to the file before and after the entries, so that
    no buffer of it holds text while an entry's bytes go to the file.
    """

    def __init__(self, out: BinaryIO):
        self.out = out
        self._text = io.StringIO()
        self.handler = SimplerXMLGenerator(self._text, "utf-8", short_empty_elements=True)

    def write_out(self) -> None:
        self.out.write(self._text.getvalue().encode("utf-8"))
        self._text.seek(0)
        self._text.truncate()


def summary(posting) -> str:
    """The facts in one line: "Berlin, Germany · Full-time · €65,000 – €85,000 per year · ..."."""
    lang = posting.lang
    parts = [display.where(posting, lang)]
    if posting.employment_types:
        parts.append(display.employment(posting, lang))
    if posting.salary is not None:
        parts.append(display.salary(posting.salary, lang))
    text = " · ".join(part for part in parts if part)
    if posting.summary:
        text = f"{posting.summary} ({text})" if text else posting.summary
    return text


def head(
    site: Snapshot,
    title: str,
    link: str,
    feed_url: str,
    settings: dict,
    department: str | None = None,
) -> _Feed:
    """A feed's own fields: title, links, author and the day its list last changed."""
    org = settings.get("JOBPOSTING_ORGANIZATION") or {}
    changed = site.changed_on(department) or site.today
    return _Feed(
        title=title,
        link=link,
        description="",
        language=settings.get("DEFAULT_LANG") or None,
        feed_url=feed_url,
        feed_guid=feed_url,
        author_name=org.get("name") or settings.get("SITENAME"),
        author_link=org.get("url"),
        updated=site.midnight(changed),
    )


def entry(feed: _Feed, item: Listed, site: Snapshot) -> bytes:
    """The posting's <entry> as Atom1Feed writes it, in UTF-8; it reads the same in every feed."""
    posting = item.posting
    feed.add_item(
        title=posting.title,
        link=item.url,
        unique_id=item.url,
        description=summary(posting),
        content=item.article.get_content(site.siteurl),
        pubdate=site.midnight(posting.date_posted),
        updateddate=site.midnight(item.lastmod),
        categories=[posting.department],
        author_name=posting.organization.name,
    )
    fields = feed.items.pop()  # feedgenerator's own cleaning of the values; the feed stays empty
    out = io.StringIO()
    handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    handler.startElement("entry", feed.item_attributes(fields))
    feed.add_item_elements(handler, fields)
    handler.endElement("entry")
    return out.getvalue().encode("utf-8")


def write_side_by_side(
    site: Snapshot, feeds: list[tuple[_Feed, BinaryIO, str | None]], most: int | None = None
) -> None:
    """Write each (feed, binary file, department): a department's postings, or all when it is
    None; the `most` newest of them (None: all).

    The XML writer has no element open between a feed's own fields and its end, so the
    entries' bytes go straight to the file there.
    """
    texts = [feed.start(out) for feed, out, _ in feeds]
    files: dict[str | None, list[BinaryIO]] = {}
    for _, out, department in feeds:
        files.setdefault(department, []).append(out)
    written = dict.fromkeys(files, 0)  # entries so far, by department (None: all)
    for item in site.postings:  # newest first
        outs = []
        for key in dict.fromkeys((None, item.posting.department)):
            if key in files and (most is None or written[key] < most):
                outs += files[key]
                written[key] += 1
        if outs:
            data = entry(feeds[0][0], item, site)
            for out in outs:
                out.write(data)
    for (feed, _, _), text in zip(feeds, texts, strict=True):
        feed.end(text)


def departments(site: Snapshot, context: dict) -> list[str]:
    """Departments with open postings, and every department named in departments.yml."""
    names = {item.posting.department for item in site.postings}
    checks = getattr(context.get("jobposting"), "checks", None)
    if checks is not None:
        names.update(d.name for d in checks.ctx.departments)
    return sorted(names)


class FeedsGenerator(OutputGenerator):
    def write_files(self, site: Snapshot) -> None:
        name = self.settings.get("SITENAME") or "Jobs"
        all_jobs = head(
            site,
            f"{name}: open jobs",
            f"{site.siteurl}/{plugin_settings.index_url(self.settings)}",
            f"{site.siteurl}/{ALL_PATH}",
            self.settings,
        )
        # a department without openings has no facet page: its feed links to the list
        facets = {c.name for c, _ in self.context.get("categories", ())}
        if not self.settings.get("CATEGORY_SAVE_AS") or not plugin_settings.postings_are_articles(
            self.settings
        ):  # on a site with a blog, Pelican's categories are the blog's
            facets = set()
        with ExitStack() as files:
            feeds = [(all_jobs, files.enter_context(self.open_bytes(ALL_PATH)), None)]
            for department in departments(site, self.context):
                slug = department_slug(department, self.settings)
                path = DEPARTMENT_PATH.format(slug=slug)
                page = (
                    self.settings.get("CATEGORY_URL", "").format(slug=slug)
                    if department in facets
                    else ""
                )
                feed = head(
                    site,
                    f"{name}: {department}",
                    f"{site.siteurl}/{page}",
                    f"{site.siteurl}/{path}",
                    self.settings,
                    department,
                )
                feeds.append((feed, files.enter_context(self.open_bytes(path)), department))
            write_side_by_side(site, feeds, self.settings.get("JOBPOSTING_FEED_MAX_ITEMS"))


def get_generators(pelican):
    return FeedsGenerator
