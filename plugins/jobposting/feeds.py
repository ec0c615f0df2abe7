"""Atom feeds of the open postings: all of them, and one per department.

Pelican's own FEED_* settings stay off (pelicanconf.py): its feeds cannot say where, what kind
of job or for how much, and an empty feed gets the clock's time. Here every entry carries the
facts a reader decides on (place, employment type, salary, closing date) in its summary and the
whole description as content; every date is the content's own.

A department keeps its feed while it has no openings (an empty, valid feed), so subscribers'
addresses do not break; departments.yml names them.
"""

from __future__ import annotations

from typing import TextIO

from feedgenerator import Atom1Feed

from . import display
from .outputs import Listed, OutputGenerator, Snapshot, department_slug

ALL_PATH = "feeds/jobs.atom.xml"
DEPARTMENT_PATH = "feeds/departments/{slug}.atom.xml"


class _Feed(Atom1Feed):
    """An Atom feed whose <updated> is given, so an empty feed does not take the clock's time."""

    def __init__(self, *args, updated, **kwargs):
        super().__init__(*args, **kwargs)
        self._updated = updated

    def latest_post_date(self):
        return self._updated


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


def render(
    out: TextIO,
    site: Snapshot,
    items: list[Listed],
    title: str,
    link: str,
    feed_url: str,
    settings: dict,
    department: str | None = None,
) -> None:
    """Write the feed to `out` as it is made (never the whole feed as one string)."""
    org = settings.get("JOBPOSTING_ORGANIZATION") or {}
    changed = site.changed_on(department) or site.today
    feed = _Feed(
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
    for item in items:
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
    feed.write(out, "utf-8")


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
        with self.open_text(ALL_PATH) as out:
            render(
                out,
                site,
                list(site.postings),
                f"{name}: open positions",
                f"{site.siteurl}/",
                f"{site.siteurl}/{ALL_PATH}",
                self.settings,
            )
        # a department without openings has no facet page: its feed links to the list
        facets = {c.name for c, _ in self.context.get("categories", ())}
        if not self.settings.get("CATEGORY_SAVE_AS"):
            facets = set()
        for department in departments(site, self.context):
            slug = department_slug(department, self.settings)
            path = DEPARTMENT_PATH.format(slug=slug)
            page = (
                self.settings.get("CATEGORY_URL", "").format(slug=slug)
                if department in facets
                else ""
            )
            items = [item for item in site.postings if item.posting.department == department]
            with self.open_text(path) as out:
                render(
                    out,
                    site,
                    items,
                    f"{name}: {department}",
                    f"{site.siteurl}/{page}",
                    f"{site.siteurl}/{path}",
                    self.settings,
                    department,
                )


def get_generators(pelican):
    return FeedsGenerator
