"""Local settings: `make html`, `make serve`, `make devserver` and the test suite use these."""

import os

import openings

SITENAME = "Careers at Fernhill"
AUTHOR = "Fernhill Labs"
# Absolute URLs (JSON-LD, canonical links, feeds) need a site URL; pages link relatively, so the
# local site works on any port. publishconf.py takes the real one from the environment.
SITEURL = os.environ.get("SITEURL", "http://127.0.0.1:8000").rstrip("/")
RELATIVE_URLS = True

PATH = "content"
# The theme ships in the openings package (THEME_TEMPLATES_OVERRIDES would list a site's own
# template overrides).
THEME = openings.THEME
# The jobposting plugin (the `openings` package), installed in .venv by `make install`.
PLUGINS = ["pelican.plugins.jobposting"]
# Compiled templates are kept here between builds (JOBPOSTING_TEMPLATE_CACHE); not in git.
CACHE_PATH = ".pelican-cache"

TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# One posting per file in content/jobs/; company pages in content/pages/; vocabularies in data/.
ARTICLE_PATHS = ["jobs"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# Hidden files (editor and system files such as .DS_Store) are neither read nor published.
IGNORE_FILES = [".*", ".#*", "README.md"]

ARTICLE_URL = "jobs/{slug}/"
ARTICLE_SAVE_AS = "jobs/{slug}/index.html"
ARTICLE_LANG_URL = "jobs/{slug}/{lang}/"
ARTICLE_LANG_SAVE_AS = "jobs/{slug}/{lang}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{slug}/{lang}/"
DRAFT_LANG_SAVE_AS = "drafts/{slug}/{lang}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{slug}/{lang}/"
PAGE_LANG_SAVE_AS = "{slug}/{lang}/index.html"
CATEGORY_URL = "departments/{slug}/"
CATEGORY_SAVE_AS = "departments/{slug}/index.html"
INDEX_SAVE_AS = "index.html"
# A posting keeps its address when its title is edited: the slug comes from the file name.
SLUGIFY_SOURCE = "basename"

# A careers site has no authors, tags, archives or pagination of its own.
# 404.html: GitHub Pages serves it for every missing address.
DIRECT_TEMPLATES = ["index", "404"]
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40

# Feeds are written by the jobposting plugin (open postings only); Pelican's own are off locally.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Every value from a posting's front matter is text, never HTML: templates escape it. Only the
# sanitised description (article.content, page.content) is marked |safe in the theme.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
    # Every build makes a new environment (the dev server's rebuilds too), so templates never
    # change under it, and checking their files' times at each {% include %} is wasted work.
    "auto_reload": False,
}

# Postings and pages are GitHub Flavored Markdown, as GitHub's editor previews them: the
# jobposting reader renders them with cmark-gfm (plugins/openings/reading/gfm.py), so Pelican's
# MARKDOWN setting (Python-Markdown's extensions) applies to none of them and is not set here.

# --- The jobposting plugin (every name is checked; a typo is an error) ---
JOBPOSTING_ORGANIZATION = {
    "name": "Fernhill Labs",
    "url": "https://fernhill.example",
    "logo": "https://fernhill.example/logo.png",
    "same_as": ["https://www.linkedin.com/company/fernhill-labs-example"],
}
# Every file under content/ is checked (docs/security.md), not only the postings in content/jobs/:
# company pages are read by the plugin's reader too, and a file it would not publish is an error.
JOBPOSTING_CHECK_ALL_CONTENT = True
# Where "Apply" goes when a posting names neither apply_url nor apply_email.
JOBPOSTING_APPLY_EMAIL = "jobs@fernhill.example"
# Local preview shows drafts under /drafts/ (never linked, never indexed); publishing never does.
JOBPOSTING_SHOW_DRAFTS = True
# Warnings stay warnings locally; publishconf.py makes them errors.
JOBPOSTING_STRICT = False
