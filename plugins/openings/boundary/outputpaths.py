"""Two sources that would write the same file of the site fail the build, naming both.

Pelican writes pages one after the other and copies static files last: a second write of a page
stops it halfway with a traceback, and a copied file replaces a page without a word. Every
output path is known before anything is written (the save_as of each posting, page and static
file, where {attach} moves a file, the site's own files and the plugin's folders), so a clash
is reported with the other problems instead.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator

from ..core import rules
from ..core.problems import Problem, Severity
from ..outputs import changes, feeds, indeed, jobsjson, robots, search, sitemap
from ..reading.postingfile import report_path

SITE_FILES = (sitemap.PATH, robots.PATH, jobsjson.PATH, changes.PATH, indeed.PATH, feeds.ALL_PATH)


def site_folders(settings) -> tuple[str, ...]:
    """Folders only the site itself writes into: the theme's files, search and feeds."""
    return (
        settings.get("THEME_STATIC_DIR", "theme"),
        search.BUNDLE,
        posixpath.dirname(feeds.ALL_PATH),
    )


def normal(save_as: str) -> str:
    return posixpath.normpath(save_as.replace(os.sep, "/")).lstrip("/")


def site_outputs(settings) -> dict[str, str]:
    """Files the site writes that come from no file in content/: output path -> what writes it."""
    found = {}
    for name in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            found[normal(save_as)] = f"the site's {name} page"
    for path in SITE_FILES:
        found[normal(path)] = f"the site's {path}"
    return found


ARTICLE_GROUPS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                  "drafts_translations")  # fmt: skip
PAGE_GROUPS = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages",
               "draft_translations")  # fmt: skip


def contents(articles_generator, pages_generator) -> Iterator:
    """Every posting and page Pelican will write (after the plugin has sorted them out)."""
    for generator, groups in ((articles_generator, ARTICLE_GROUPS), (pages_generator, PAGE_GROUPS)):
        for group in groups if generator is not None else ():
            yield from getattr(generator, group, ())


def sources(articles_generator, pages_generator, static_files) -> list[tuple[str, str]]:
    """(output path, source) of every posting, page and static file that will be written."""
    found = [
        (normal(content.save_as), _source(content))
        for content in contents(articles_generator, pages_generator)
        if content.save_as
    ]
    for static in static_files:
        save_as = _static_save_as(static)
        if save_as:
            found.append((normal(save_as), _source(static)))
    return found


def attached(content, static_by_source: dict, links) -> list[tuple[str, str]]:
    """Where each {attach} link of `content` moves its file (Pelican's Static.attach_to)."""
    found = []
    for relative in links:
        static = static_by_source.get(relative)
        if static is None or not content.save_as:
            continue
        tail = os.path.relpath(static.source_path, os.path.dirname(content.source_path))
        if tail.startswith(os.pardir + os.sep):
            tail = os.path.basename(tail)
        found.append(
            (normal(os.path.join(os.path.dirname(content.save_as), tail)), _source(static))
        )
    return found


def clashes(
    written: list[tuple[str, str]], settings, made_by_site: dict[str, str] | None = None
) -> list[Problem]:
    """An error, on the content file, for each output path two sources would write, and for
    content written where only the site writes (its own files and folders, `made_by_site`)."""
    reserved = {**site_outputs(settings), **(made_by_site or {})}
    folders = site_folders(settings)
    first: dict[str, str] = {}
    found = []
    for output, source in written:
        other = first.get(output) or reserved.get(output)
        if other is not None and other != source:
            found.append(_problem(source, f"would be published at {output}, where {other} is "
                                  "published too: rename one of them or give one another slug"))  # fmt: skip
        elif sitemap.PART_NAME.fullmatch(output):
            found.append(_problem(source, f"would be published at {output}, a name the site keeps "
                                  "for the files of its sitemap on very big boards: give it "
                                  "another name"))  # fmt: skip
        elif output.split("/")[0] in folders:
            found.append(_problem(source, f"would be published at {output}, in the folder "
                                  f"{output.split('/')[0]}/ the site keeps for its own files: "
                                  "give it another name or slug"))  # fmt: skip
        first.setdefault(output, source)
    return found


def _problem(source: str, message: str) -> Problem:
    return Problem(source, None, None, message, Severity.ERROR, rules.OUTPUT_CLASH)


def _static_save_as(static) -> str:
    # Static.save_as would mark the file's place as referenced, and Pelican then refuses to
    # move it for an {attach} link
    return static.get_url_setting("save_as")


def _source(content) -> str:
    return getattr(content, "jobposting_source", None) or report_path(content.source_path)
