"""Production settings: `make publish` and the GitHub Pages workflow use these."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The Pages workflow passes the site's address (actions/configure-pages' base_url). Without it every
# absolute URL in JSON-LD, the sitemap and the feeds would be wrong, so the build refuses to run.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    sys.exit(
        "publishconf.py: SITEURL is not set. Set it to the site's public address, for example\n"
        "  SITEURL=https://example.github.io/careers make publish"
    )
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

JOBPOSTING_STRICT = True
JOBPOSTING_SHOW_DRAFTS = False

# Sitemap, robots.txt, Atom feeds, jobs.json and feeds/indeed.xml are written by every build.
# changes.json compares with the live site's jobs.json when the workflow passes its address; then
# `make notify` (after deployment) tells IndexNow and Google's Indexing API, each only when its key
# or secret is set.
JOBPOSTING_PREVIOUS_JOBS_JSON = os.environ.get("PREVIOUS_JOBS_JSON") or None
JOBPOSTING_INDEXNOW_KEY = os.environ.get("INDEXNOW_KEY") or None
JOBPOSTING_INDEXING_API_SECRET_ENV = "GOOGLE_INDEXING_SERVICE_ACCOUNT"
