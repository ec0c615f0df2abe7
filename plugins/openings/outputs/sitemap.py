"""sitemap.xml: open postings, the list and department pages, the content pages.

Written here rather than with the pelican-sitemap plugin, which keeps its state in a module
global, dates index pages with the clock (so two builds differ), writes hreflang links with a
`ref` attribute where sitemaps need `href`, and lists every article whose status is "published",
closed postings included.

`lastmod` is the content's own date, as Google asks: a posting's `modified` or `date_posted`; a
list page's newest change among the postings it lists or has dropped; a page's `modified` or
`date` when it has one. Google ignores `changefreq` and `priority`, so they are left out.

A sitemap file holds at most 50,000 addresses and 50 MB (the sitemaps protocol; search engines
reject a bigger file whole). A board past either limit gets sitemap-1.xml, sitemap-2.xml, ...
beside sitemap.xml, each within both, and sitemap.xml becomes their sitemap index, so robots.txt
and what was submitted to the search engines name the same file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from ..checks import geo
from ..config import settings as plugin_settings
from ..core.model import JobPosting
from ..core.text import slugify
from ..render import alternates
from .outputs import OutputGenerator, Snapshot

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
PATH = "sitemap.xml"
# The sitemaps protocol's limits for one file (www.sitemaps.org/protocol.html), uncompressed.
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024
# The files of a sitemap past those limits; sitemap.xml is then their index. They lie beside it:
# a sitemap may list only addresses below its own folder, an index only sitemaps below its own.
PART_PATH = "sitemap-{number}.xml"
PART_NAME = re.compile(r"sitemap-[0-9]+\.xml")


@dataclass(frozen=True)
class Entry:
    loc: str
    lastmod: dt.date | None = None
    alternates: tuple[tuple[str, str], ...] = field(default=())  # (hreflang, absolute URL)


def entries(site: Snapshot, context: dict, settings: dict) -> list[Entry]:
    """Every page a crawler should index, each once, in a stable order."""
    # the list of open jobs: the site's index, or the plugin's own page on a site with a blog
    # (whose other pages, and Pelican's categories, are not the plugin's to list)
    index = plugin_settings.index_url(settings)
    found = [Entry(f"{site.siteurl}/{index}", site.changed_on())]
    if settings.get("CATEGORY_SAVE_AS") and plugin_settings.postings_are_articles(settings):
        facets = [
            Entry(f"{site.siteurl}/{category.url}", site.changed_on(category.name))
            for category, _ in context.get("categories", ())
        ]
        found += sorted(facets, key=lambda e: e.loc)
    found += sorted(_board_facets(site, context), key=lambda e: e.loc)
    languages = alternates.site_languages(settings)
    if len(languages) > 1 and context.get("openings_languages"):
        found = _in_languages(found, languages, site.siteurl)
    found += sorted(_pages(site, context), key=lambda e: e.loc)
    found += sorted(_postings(site, context.get("DEFAULT_LANG")), key=lambda e: e.loc)
    return found


def _in_languages(lists: list[Entry], languages: list[str], siteurl: str) -> list[Entry]:
    """A site in several languages (facets.py): each list page again under /<lang>/, the
    versions linked by hreflang, x-default the site's own language."""
    found = []
    for entry in lists:
        path = entry.loc[len(siteurl) + 1 :]
        urls = [(lang, f"{siteurl}/{lang}/{path}") for lang in languages[1:]]
        urls.insert(0, (languages[0], entry.loc))
        linked = (*urls, ("x-default", entry.loc))
        found += [Entry(url, entry.lastmod, linked) for _, url in urls]
    return found


def _board_facets(site: Snapshot, context: dict) -> list[Entry]:
    """Location, workplace and employment pages (facets.py), when the build has them.

    A page's lastmod is the last change among the postings it lists and the closed ones that
    would be on it. The postings are grouped by the pages they belong on once, not tested
    against every page (postings x pages checks).
    """
    board = context.get("openings")
    facets = getattr(board, "written_pages", ())
    if not facets:
        return []
    day_of = {id(posting): day for posting, day in site.changes}
    open_by_article = {id(item.article): item.posting for item in site.postings}
    on_page: dict[tuple, list[JobPosting]] = defaultdict(list)
    lang = context.get("DEFAULT_LANG") or "en"  # facets.py names country pages in it
    for posting, _ in site.changes:
        for key in _keys_of_posting(posting, lang):
            on_page[key].append(posting)
    found = []
    for facet in facets:
        members = [open_by_article[id(a)] for a in facet.articles if id(a) in open_by_article]
        for key in _keys_of_facet(facet):
            members += on_page.get(key, ())
        changed = max((day_of[id(p)] for p in members), default=None)
        found.append(Entry(f"{site.siteurl}/{facet.url}", changed))
    return found


def _keys_of_posting(posting: JobPosting, lang: str = "en") -> set[tuple]:
    """The facet pages a posting belongs on by its own values: its offices, countries, kinds."""
    keys = {("workplace", posting.workplace)}
    keys |= {("employment", t.lower().replace("_", "-")) for t in posting.employment_types}
    keys |= {("location", place.key) for place in posting.locations}
    keys |= {("location", f"remote-{slugify(code)}") for code in posting.remote_regions}
    for code in posting.countries:
        slug = slugify(geo.country_name(code, lang))
        # facets.py's slug, or the form it takes when an office has the country's name
        keys |= {("country", slug), ("country", f"{slug}-{code.lower()}")}
    return keys


def _keys_of_facet(facet) -> list[tuple]:
    """The keys of _keys_of_posting that put a posting on this facet page."""
    if facet.kind in ("workplace", "employment"):
        return [(facet.kind, facet.slug)]
    if facet.kind == "location":
        keys = [("location", facet.slug)]  # an office's key: a location page of either group
        if facet.group == "country":
            keys.append(("country", facet.slug))
        return keys
    return []


def _postings(site: Snapshot, default_lang: str | None = None) -> list[Entry]:
    """Each open posting; a translated one with its versions (render/alternates.py)."""
    listed = [*site.postings, *site.translations]
    by_article = {id(item.article): item for item in listed}
    found = []
    for item in listed:
        versions = [item.article, *getattr(item.article, "translations", ())]
        urls = sorted((a.lang, by_article[id(a)].url) for a in versions if id(a) in by_article)
        default = [url for lang, url in urls if lang == default_lang]
        alternates = tuple(urls + [("x-default", u) for u in default]) if len(urls) > 1 else ()
        found.append(Entry(item.url, item.lastmod, alternates))
    return found


def _pages(site: Snapshot, context: dict) -> list[Entry]:
    pages = list(context.get("pages", ()))
    pages += [
        t
        for page in pages
        for t in getattr(page, "translations", ())
        if getattr(t, "status", "published") == "published"
    ]
    found = []
    for page in pages:
        urls = [
            (p.lang, f"{site.siteurl}/{p.url}")
            for p in (page, *page.translations)
            if getattr(p, "status", "published") == "published"
        ]
        day = getattr(page, "modified", None) or getattr(page, "date", None)
        if isinstance(day, dt.datetime):
            day = day.date()
        # as the page's head says (render/alternates.py): x-default is the site's language's
        default = [("x-default", url) for lang, url in urls if lang == context.get("DEFAULT_LANG")]
        alternates = tuple(sorted(urls)) + tuple(default) if len(urls) > 1 else ()
        found.append(Entry(f"{site.siteurl}/{page.url}", day, alternates))
    return found


def render(found: list[Entry]) -> bytes:
    """One sitemap file of `found`."""
    return _document([_url(entry) for entry in found], any(entry.alternates for entry in found))


def _url(entry: Entry) -> bytes:
    lines = ["  <url>", f"    <loc>{escape(entry.loc)}</loc>"]
    if entry.lastmod is not None:
        lines.append(f"    <lastmod>{entry.lastmod.isoformat()}</lastmod>")
    lines += [
        f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(url)}/>'
        for lang, url in entry.alternates
    ]
    lines.append("  </url>\n")
    return "\n".join(lines).encode("utf-8")


def _head(has_alternates: bool) -> bytes:
    namespaces = f' xmlns="{SITEMAP_NS}"' + (f' xmlns:xhtml="{XHTML_NS}"' if has_alternates else "")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset{namespaces}>\n'.encode()


_TAIL = b"</urlset>\n"


def _document(urls: list[bytes], linked: bool) -> bytes:
    return _head(linked) + b"".join(urls) + _TAIL


def split(found: list[Entry], max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES) -> list[bytes]:
    """The sitemap files of `found`, in its order: one when all fit in one, else as many as it
    takes, each of at most `max_urls` addresses and `max_bytes` bytes."""
    files: list[bytes] = []
    urls: list[bytes] = []
    size = 0  # of the file's <url> elements
    linked = False  # whether the file needs the xhtml namespace for its language links
    for entry in found:
        url = _url(entry)
        head = len(_head(linked or bool(entry.alternates)))
        if urls and (len(urls) == max_urls or head + size + len(url) + len(_TAIL) > max_bytes):
            files.append(_document(urls, linked))
            urls, size, linked = [], 0, False
        urls.append(url)
        size += len(url)
        linked = linked or bool(entry.alternates)
    files.append(_document(urls, linked))
    return files


def render_index(sitemaps: list[str]) -> bytes:
    """A sitemap index naming each sitemap's address.

    Without `lastmod`: a file's addresses move to the next file when a posting before them
    comes or goes, so no content date says when a file last changed, and a wrong one would tell
    crawlers not to fetch it again.
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for loc in sitemaps:
        lines += ["  <sitemap>", f"    <loc>{escape(loc)}</loc>", "  </sitemap>"]
    lines.append("</sitemapindex>")
    return ("\n".join(lines) + "\n").encode("utf-8")


class SitemapGenerator(OutputGenerator):
    def write_files(self, site: Snapshot) -> None:
        found = entries(site, self.context, self.settings)
        files = split(found, MAX_URLS, MAX_BYTES)
        if len(files) == 1:
            self.write(PATH, files[0])
            return
        sitemaps = []
        for number, data in enumerate(files, 1):
            path = PART_PATH.format(number=number)
            self.write(path, data)
            sitemaps.append(f"{site.siteurl}/{path}")
        self.write(PATH, render_index(sitemaps))


def get_generators(pelican):
    return SitemapGenerator
