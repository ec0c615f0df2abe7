"""Tell search engines which postings changed: IndexNow, and Google's Indexing API.

Both are off unless configured. The build writes changes.json (changes.py) and, with
JOBPOSTING_INDEXNOW_KEY, the IndexNow key file; `openings notify` (or `make notify`) runs after the
site is deployed, so crawlers that come at once find the new pages, and sends:

- IndexNow: one POST with every changed URL (postings added, updated, closed, and the list pages
  they touch). The key file at the site's root proves the site is ours.
- Google's Indexing API (indexingapi.py): one notification per job posting page, as Google
  allows, closed postings first, within Google's quota.

Only URLs under SITEURL are ever sent: changes.json is the build's own, but what it lists is
checked again here, because a request signed with the site's key must never name someone else's
page. The command imports only the standard library and PyJWT (with its cryptography), so the CI
job that holds the secret installs nothing else (scripts/notify-deployed.sh).
"""

from __future__ import annotations

import json
import os
import re
import runpy
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from ..core.logtext import loggable
from . import indexingapi
from .notifybase import Notified, NotifyError, post, refusal, urls_of

CHANGES_PATH = "changes.json"  # changes.PATH: what the build writes
INDEXNOW_KEY = re.compile(r"[A-Za-z0-9-]{8,128}")
INDEXNOW_BATCH = 10_000  # the protocol's limit of URLs per request
USAGE_ERROR = 2


# --- the build's part: the IndexNow key file ---------------------------------------------------


def key_problem(key) -> str | None:
    if key is None:
        return None
    if not isinstance(key, str) or not INDEXNOW_KEY.fullmatch(key):
        return (
            "JOBPOSTING_INDEXNOW_KEY must be 8 to 128 letters, digits or dashes, "
            "for example a UUID like 3f2b8c1e-5d7a-4e9b-8c2d-1a6f0e4b7c9d"
        )
    return None


# --- the command's part ------------------------------------------------------------------------


@dataclass
class Config:
    siteurl: str
    indexnow_key: str | None = None
    indexnow_endpoint: str = ""
    indexing_secret_env: str | None = None
    indexing_endpoint: str = ""

    @classmethod
    def from_settings(cls, values: dict) -> Config:
        from ..config.settings import DEFAULTS

        def get(name):
            return values.get(name, DEFAULTS[name])

        return cls(
            siteurl=str(values.get("SITEURL") or "").rstrip("/"),
            indexnow_key=get("JOBPOSTING_INDEXNOW_KEY"),
            indexnow_endpoint=get("JOBPOSTING_INDEXNOW_ENDPOINT"),
            indexing_secret_env=get("JOBPOSTING_INDEXING_API_SECRET_ENV"),
            indexing_endpoint=get("JOBPOSTING_INDEXING_API_ENDPOINT"),
        )


def read_changes(output: str) -> dict:
    path = os.path.join(output, CHANGES_PATH)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError as error:
        raise NotifyError(f"{path} does not exist: build the site first (make publish)") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NotifyError(f"{path} could not be read: {error}") from error
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), list) for k in ("added", "updated", "closed")
    ):
        raise NotifyError(f"{path} is not a changes manifest written by the build")
    return data


_DOT_SEGMENT = re.compile(r"(^|/)\.\.?(/|$)")


def under_site(url, siteurl: str) -> bool:
    """Whether url is a page of the site at siteurl: the same scheme and host, a path inside the
    site's, and nothing (`..`, a backslash, a space) that a server could read as another path."""
    if not isinstance(url, str) or not siteurl or re.search(r"[\s\\\x00-\x1f\x7f]", url):
        return False
    try:
        site, page = urllib.parse.urlsplit(siteurl), urllib.parse.urlsplit(url)
    except ValueError:
        return False
    if (page.scheme.lower(), page.netloc.lower()) != (site.scheme.lower(), site.netloc.lower()):
        return False
    if _DOT_SEGMENT.search(urllib.parse.unquote(page.path)):
        return False
    return page.path.startswith(site.path.rstrip("/") + "/")


def only_under_site(changes: dict, siteurl: str) -> tuple[dict, list[str]]:
    """changes without the URLs that are not under SITEURL, and those URLs."""
    foreign: list[str] = []

    def keep(url) -> bool:
        if under_site(url, siteurl):
            return True
        foreign.append(str(url))
        return False

    kept = dict(changes)
    for kind in ("added", "updated", "closed"):
        kept[kind] = [
            e for e in changes[kind] if not (isinstance(e, dict) and e.get("url")) or keep(e["url"])
        ]
    kept["pages"] = [u for u in changes.get("pages", ()) if keep(u)]
    return kept, foreign


def indexnow(changes: dict, config: Config, out: Notified) -> None:
    urls = sorted(
        {
            *urls_of(changes["added"]),
            *urls_of(changes["updated"]),
            *urls_of(changes["closed"]),
            *(u for u in changes.get("pages", ()) if isinstance(u, str)),
        }
    )
    if not urls:
        out.say("IndexNow: nothing changed, nothing sent")
        return
    host = urllib.parse.urlsplit(config.siteurl).hostname
    for start in range(0, len(urls), INDEXNOW_BATCH):
        batch = urls[start : start + INDEXNOW_BATCH]
        body = {
            "host": host,
            "key": config.indexnow_key,
            "keyLocation": f"{config.siteurl}/{config.indexnow_key}.txt",
            "urlList": batch,
        }
        try:
            status, _ = post(
                config.indexnow_endpoint,
                json.dumps(body).encode("utf-8"),
                "application/json; charset=utf-8",
            )
        except urllib.error.HTTPError as error:
            out.fail(f"IndexNow refused {len(batch)} URLs: {refusal(error)}")
            continue
        except (urllib.error.URLError, OSError) as error:
            out.fail(f"IndexNow could not be reached at {config.indexnow_endpoint}: {error}")
            return
        out.say(f"IndexNow: sent {len(batch)} URLs (HTTP {status})")


def notify(changes: dict, config: Config, dry_run: bool = False) -> Notified:
    out = Notified()
    baseline = changes.get("baseline")
    if baseline is None:
        out.say(
            "notify: the build had no previous jobs.json to compare with "
            "(JOBPOSTING_PREVIOUS_JOBS_JSON), so there is nothing to announce"
        )
        return out
    if isinstance(baseline, dict) and baseline.get("error"):
        out.say(
            f"notify: the previous jobs.json was not read ({baseline['error']}); "
            "nothing to announce"
        )
        return out
    changes, foreign = only_under_site(changes, config.siteurl)
    for url in foreign:
        out.say(f"notify: warning: {url} is not under SITEURL ({config.siteurl}): not sent")
    counts = {k: len(changes[k]) for k in ("added", "updated", "closed")}
    out.say("notify: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    if dry_run:
        for kind in ("added", "updated", "closed"):
            out.lines += [f"  {kind}: {url}" for url in urls_of(changes[kind])]
        return out
    if config.indexnow_key:
        indexnow(changes, config, out)
    else:
        out.say("IndexNow: off (set JOBPOSTING_INDEXNOW_KEY to turn it on)")
    if config.indexing_secret_env:
        info = indexingapi.service_account(config.indexing_secret_env)
        if info is None:
            out.say(
                f"Indexing API: skipped, the environment variable "
                f"{config.indexing_secret_env} is empty"
            )
        else:
            indexingapi.indexing_api(changes, config.indexing_endpoint, info, out)
    else:
        out.say("Indexing API: off (set JOBPOSTING_INDEXING_API_SECRET_ENV to turn it on)")
    return out


def load_settings(path: str) -> dict:
    """The settings file's values, read as Pelican reads them (a Python file, whose folder it may
    import from, as publishconf.py imports pelicanconf.py), without importing Pelican."""
    if not os.path.exists(path):
        raise NotifyError(f"the settings file {path} does not exist")
    folder = os.path.dirname(os.path.abspath(path))
    sys.path.insert(0, folder)
    try:
        values = runpy.run_path(path)
    except SystemExit as stop:  # publishconf.py stops when SITEURL is not set
        raise NotifyError(str(stop.code)) from None
    except Exception as error:
        raise NotifyError(f"the settings file {path} could not be read: {error}") from error
    finally:
        sys.path.remove(folder)
    return {name: value for name, value in values.items() if name.isupper()}


def run(args) -> int:
    try:
        config = Config.from_settings(load_settings(args.settings))
        if not config.siteurl.startswith(("https://", "http://")):
            raise NotifyError(
                f"SITEURL is not set in {args.settings}: only URLs under the site's address "
                "are sent, so notify needs it"
            )
        problem = key_problem(config.indexnow_key)
        if problem:
            raise NotifyError(problem)
        outcome = notify(read_changes(args.output), config, dry_run=args.dry_run)
    except NotifyError as error:
        print(f"openings notify: {loggable(error)}", file=sys.stderr)
        return USAGE_ERROR
    for line in outcome.lines:  # URLs and the services' answers: never a workflow command
        print(loggable(line))
    return 1 if outcome.failed else 0
