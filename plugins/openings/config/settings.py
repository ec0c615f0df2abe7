"""The plugin's settings: flat JOBPOSTING_* names with defaults, checked once per build."""

from __future__ import annotations

import difflib
import os

DEFAULTS: dict[str, object] = {
    # Folder of postings, relative to PATH; every .md file in it is a posting, and no other file
    # of the site is (docs/existing-site.md).
    "JOBPOSTING_PATH": "jobs",
    # The trust boundary of docs/security.md for the whole content folder: every file read by the
    # plugin's reader or refused. False: only the postings folder; the rest is Pelican's.
    "JOBPOSTING_CHECK_ALL_CONTENT": False,
    # The template the plugin's pages extend (its blocks title, head and content).
    "JOBPOSTING_BASE_TEMPLATE": "base.html",
    # The address of the list of open jobs, which the plugin's pages link to; facet pages are
    # under it. None: "" (the theme's index is the list) when every article is a posting
    # (ARTICLE_PATHS inside JOBPOSTING_PATH), else JOBPOSTING_PATH's address ("jobs/"), where
    # the plugin writes the list.
    "JOBPOSTING_INDEX_URL": None,
    # Folder of controlled vocabularies (offices.yml, departments.yml, pay_transparency.yml).
    "JOBPOSTING_DATA_PATH": "data",
    # The hiring organization: {name, url, logo, same_as}; a posting may override it.
    "JOBPOSTING_ORGANIZATION": {},
    # "Today" for the lifecycle: an ISO date; None means SOURCE_DATE_EPOCH, else the clock.
    "JOBPOSTING_TODAY": None,
    # Warnings become errors (publishconf.py).
    "JOBPOSTING_STRICT": False,
    # Where "Apply" goes when a posting names neither apply_url nor apply_email.
    "JOBPOSTING_APPLY_URL": None,
    "JOBPOSTING_APPLY_EMAIL": None,
    # Write drafts under DRAFT_SAVE_AS for a local preview (noindex, never listed).
    "JOBPOSTING_SHOW_DRAFTS": False,
    # Problems as GitHub annotations: None means "when GITHUB_ACTIONS is set".
    "JOBPOSTING_GITHUB_ANNOTATIONS": None,
    # Pay-transparency laws: "error" or "warning" for laws that require a range in the posting,
    # and for the EU directive (range in the posting or before the interview).
    "JOBPOSTING_PAY_TRANSPARENCY": "error",
    "JOBPOSTING_EU_PAY_TRANSPARENCY": "warning",
    # An open posting first posted more than this many days ago with no valid_through is warned
    # about (an error when publishing); None: never.
    "JOBPOSTING_STALE_DAYS": 90,
    # The company's head count, for the laws that apply from a size on; None: assume covered.
    "JOBPOSTING_EMPLOYEES": None,
    # The newest open postings in each Atom feed (all jobs, each department's), as Pelican's
    # FEED_MAX_ITEMS does for a blog: a feed reader fetches the whole feed at every look, and a
    # feed of every posting of a big board is tens of megabytes. None: every open posting.
    # jobs.json, the Indeed feed and the sitemap list every open posting whatever this says.
    "JOBPOSTING_FEED_MAX_ITEMS": 100,
    # Build the Pagefind search index over open postings, while they are read and written.
    "JOBPOSTING_SEARCH": True,
    # Words of postings per search-index part: a bigger board is indexed in parts, one Pagefind
    # process after another, so that memory stays bounded (docs/performance.md); lower it to use
    # less memory, at the cost of a few more files fetched at a visitor's first search.
    "JOBPOSTING_SEARCH_PART_WORDS": 1_000_000,
    # From this many postings on, on Linux with two or more cores, two helper processes parse
    # and check the posting files just ahead of Pelican (readahead.py). None: never.
    "JOBPOSTING_READAHEAD": 200,
    # With `lowest` to `highest` posting pages, on Linux with two or more cores, a second
    # process writes them while the build writes the rest, then both do (parallel.py).
    # None: never.
    "JOBPOSTING_PARALLEL_PAGES": (200, 12_000),
    # Keep compiled templates in CACHE_PATH/jobposting-templates/ for the next build
    # (templatecache.py); False: compile them at every build, as Pelican does.
    "JOBPOSTING_TEMPLATE_CACHE": True,
    # Facet pages, each saved as <url>index.html, under JOBPOSTING_INDEX_URL. Departments are
    # Pelican's category pages (CATEGORY_URL) when every article is a posting.
    "JOBPOSTING_FACET_URLS": {
        "department": "departments/{slug}/",
        "location": "locations/{slug}/",
        "workplace": "workplace/{slug}/",
        "remote": "remote/",
        "employment": "employment/{slug}/",
    },
    # The brand colour of buttons (Apply), as a hex code such as "#0b6e4f"; None: the theme's.
    "JOBPOSTING_BRAND_COLOUR": None,
    # The site's own words, by language and English message, over the catalogs or as a language
    # of its own (docs/translations.md): {"de": {"Apply now": "Jetzt bewerben"}}.
    "JOBPOSTING_UI_STRINGS": {},
    # A site in several languages: the languages of its list and facet pages, the site's own
    # (DEFAULT_LANG) first; each other one under /<lang>/, with a language switcher
    # (docs/translations.md). []: the site's language only.
    "JOBPOSTING_LANGUAGES": [],
    # The site's name in its other languages, where SITENAME (the site language's) does not fit:
    # {"en": "Careers at Acme"}, shown in the title, header and footer of pages in that language.
    "JOBPOSTING_SITENAMES": {},
    # The previous build's jobs.json (a path, or the live site's URL, e.g.
    # "https://example.github.io/careers/jobs.json") for changes.json; None: no comparison.
    "JOBPOSTING_PREVIOUS_JOBS_JSON": None,
    # IndexNow: the key (8-128 letters, digits, dashes) written to <key>.txt; None: IndexNow off.
    "JOBPOSTING_INDEXNOW_KEY": None,
    "JOBPOSTING_INDEXNOW_ENDPOINT": "https://api.indexnow.org/indexnow",
    # Google's Indexing API: the name of the environment variable (a CI secret) that holds the
    # service account's JSON key; None: the Indexing API is off.
    "JOBPOSTING_INDEXING_API_SECRET_ENV": None,
    "JOBPOSTING_INDEXING_API_ENDPOINT": "https://indexing.googleapis.com/v3/urlNotifications:publish",
    # Limits on one content file, checked before it is parsed (docs/security.md, "Limits"):
    # bytes of a posting's or page's description (the front matter may add 64 KB) ...
    "JOBPOSTING_MAX_BODY_BYTES": 200_000,
    # ... levels of nesting in it (quotes in quotes, lists in lists, HTML tags in tags) ...
    "JOBPOSTING_MAX_NESTING": 20,
    # ... entries of locations, remote_countries, tags and hiring_organization.same_as ...
    "JOBPOSTING_MAX_LIST_ITEMS": 100,
    # ... fields of its front matter ...
    "JOBPOSTING_MAX_FIELDS": 60,
    # ... and messages of one rule for one file, then one line "... and N more".
    "JOBPOSTING_MAX_MESSAGES_PER_RULE": 5,
    # Hosts whose https images a description may show (e.g. ["images.example.com"]); by default
    # none: only the site's own images, linked as {static}/images/... Images from elsewhere can
    # change after review and tell their host who reads the page.
    "JOBPOSTING_IMAGE_HOSTS": [],
}


def unknown_names(settings: dict) -> list[tuple[str, str | None]]:
    """JOBPOSTING_* names that the plugin does not know, each with the nearest known name."""
    known = set(DEFAULTS)
    found = []
    for name in sorted(settings):
        if name.startswith("JOBPOSTING_") and name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            found.append((name, close[0] if close else None))
    return found


def apply_defaults(settings: dict) -> None:
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)


def postings_are_articles(settings: dict) -> bool:
    """Whether every article of the site is a posting (ARTICLE_PATHS inside JOBPOSTING_PATH):
    then the postings are Pelican's articles, listed by the theme; else they are kept out of
    the site's own lists (a blog's), and the plugin lists them."""
    jobs = _folder(settings.get("JOBPOSTING_PATH", "jobs"))
    paths = [_folder(p) for p in settings.get("ARTICLE_PATHS") or [""]]
    return all(p == jobs or p.startswith(jobs + "/") for p in paths)


def index_url(settings: dict) -> str:
    """JOBPOSTING_INDEX_URL, or its default for this site."""
    url = settings.get("JOBPOSTING_INDEX_URL")
    if url is not None:
        return url
    return "" if postings_are_articles(settings) else _folder(settings["JOBPOSTING_PATH"]) + "/"


def in_postings(relative: str, settings: dict) -> bool:
    """Whether a path relative to PATH is in the postings folder."""
    jobs = _folder(settings.get("JOBPOSTING_PATH", "jobs"))
    return _folder(relative).startswith(jobs + "/")


def _folder(path: str) -> str:
    folder = os.path.normpath(path).replace(os.sep, "/").strip("/")
    return "" if folder == "." else folder


def annotations_wanted(settings: dict) -> bool:
    wanted = settings.get("JOBPOSTING_GITHUB_ANNOTATIONS")
    if wanted is None:
        return os.environ.get("GITHUB_ACTIONS") == "true"
    return bool(wanted)
