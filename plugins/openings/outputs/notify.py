"""Tell search engines which postings changed: IndexNow, and Google's Indexing API.

Both are off unless configured. The build writes changes.json (changes.py) and, with
JOBPOSTING_INDEXNOW_KEY, the IndexNow key file; `openings notify` (or `make notify`) runs after the
site is deployed, so crawlers that come at once find the new pages, and sends:

- IndexNow: one POST with every changed URL (postings added, updated, closed, and the list pages
  they touch). The key file at the site's root proves the site is ours.
- Google's Indexing API (job posting pages only, as Google allows): URL_DELETED for closed postings
  (their pages carry noindex), then URL_UPDATED for added and updated ones. Google allows a
  project 200 of these a day unless it grants more; once it answers that the day's quota is used
  up (HTTP 429), nothing more is sent, and the report says what was left. A closed posting left
  unsent fails the command: no later run sends it again. The service account's JSON key comes
  from the environment variable named by JOBPOSTING_INDEXING_API_SECRET_ENV (a repository secret
  in CI); the token request is a JWT signed with PyJWT.

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
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from ..core.logtext import loggable

CHANGES_PATH = "changes.json"  # changes.PATH: what the build writes
INDEXNOW_KEY = re.compile(r"[A-Za-z0-9-]{8,128}")
INDEXNOW_BATCH = 10_000  # the protocol's limit of URLs per request
INDEXING_SCOPE = "https://www.googleapis.com/auth/indexing"
INDEXING_QUOTA_PAGE = "https://developers.google.com/search/apis/indexing-api/v3/quota-pricing"
TOO_MANY_REQUESTS = 429  # the Indexing API's answer once a quota of the project is used up
# Besides the day's quota, a project may send 380 requests a minute (more with a granted
# quota): a refusal that names a minute is waited out once.
MINUTE_QUOTA_WAIT_SECONDS = 61
TIMEOUT_SECONDS = 30
USAGE_ERROR = 2


class NotifyError(Exception):
    """Something the person running the command must fix; the message says what."""


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


@dataclass
class Notified:
    lines: list[str] = field(default_factory=list)
    failed: bool = False

    def say(self, line: str) -> None:
        self.lines.append(line)

    def fail(self, line: str) -> None:
        self.lines.append(line)
        self.failed = True


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


def _urls(entries) -> list[str]:
    return [e["url"] for e in entries if isinstance(e, dict) and e.get("url")]


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


def _post(url: str, body: bytes, content_type: str, token: str | None = None):
    headers = {"Content-Type": content_type, "User-Agent": "openings-notify"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return response.status, response.read()


def _refusal(error: urllib.error.HTTPError) -> str:
    detail = error.read().decode("utf-8", "replace").strip()[:300]
    return f"HTTP {error.code}" + (f": {detail}" if detail else "")


def indexnow(changes: dict, config: Config, out: Notified) -> None:
    urls = sorted(
        {
            *_urls(changes["added"]),
            *_urls(changes["updated"]),
            *_urls(changes["closed"]),
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
            status, _ = _post(
                config.indexnow_endpoint,
                json.dumps(body).encode("utf-8"),
                "application/json; charset=utf-8",
            )
        except urllib.error.HTTPError as error:
            out.fail(f"IndexNow refused {len(batch)} URLs: {_refusal(error)}")
            continue
        except (urllib.error.URLError, OSError) as error:
            out.fail(f"IndexNow could not be reached at {config.indexnow_endpoint}: {error}")
            return
        out.say(f"IndexNow: sent {len(batch)} URLs (HTTP {status})")


def service_account(config: Config) -> dict | None:
    """The service account's key from the secret, or None when the secret is not there."""
    raw = os.environ.get(config.indexing_secret_env or "", "").strip()
    if not raw:
        return None
    try:
        info = json.loads(raw)
    except json.JSONDecodeError as error:
        raise NotifyError(
            f"the environment variable {config.indexing_secret_env} is not a service account's "
            f"JSON key ({error.msg}); paste the whole key file Google gave you into the secret"
        ) from error
    missing = [k for k in ("client_email", "private_key", "token_uri") if not info.get(k)]
    if missing:
        raise NotifyError(
            f"the service account key in {config.indexing_secret_env} has no "
            f"{', '.join(missing)}; paste the whole key file Google gave you into the secret"
        )
    return info


def access_token(info: dict, now: float | None = None) -> str:
    """OAuth 2.0 for service accounts: a signed JWT exchanged at the key's token_uri."""
    import jwt

    issued = int(time.time() if now is None else now)
    claims = {
        "iss": info["client_email"],
        "scope": INDEXING_SCOPE,
        "aud": info["token_uri"],
        "iat": issued,
        "exp": issued + 3600,
    }
    headers = {"kid": info["private_key_id"]} if info.get("private_key_id") else None
    try:
        assertion = jwt.encode(claims, info["private_key"], algorithm="RS256", headers=headers)
    except (ValueError, TypeError, jwt.PyJWTError) as error:
        raise NotifyError(f"the service account's private_key could not sign: {error}") from error
    form = urllib.parse.urlencode(
        {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": assertion}
    ).encode("ascii")
    try:
        _, body = _post(info["token_uri"], form, "application/x-www-form-urlencoded")
    except urllib.error.HTTPError as error:
        raise NotifyError(f"Google refused the service account: {_refusal(error)}") from error
    except (urllib.error.URLError, OSError) as error:
        raise NotifyError(f"{info['token_uri']} could not be reached: {error}") from error
    try:
        return json.loads(body)["access_token"]
    except (ValueError, KeyError, TypeError) as error:
        raise NotifyError("the token endpoint answered without an access_token") from error


def indexing_api(changes: dict, config: Config, info: dict, out: Notified) -> None:
    # closed postings first: a filled job must leave Google's job search before anything else,
    # and the day's quota may end before the list does
    requests = [(url, "URL_DELETED") for url in _urls(changes["closed"])]
    requests += [
        (url, "URL_UPDATED") for url in _urls(changes["added"]) + _urls(changes["updated"])
    ]
    if not requests:
        out.say("Indexing API: nothing changed, nothing sent")
        return
    token = access_token(info)
    sent = 0
    for number, (url, kind) in enumerate(requests):
        body = json.dumps({"url": url, "type": kind}).encode("utf-8")
        try:
            _publish(config.indexing_endpoint, body, token)
        except _Refused as refused:
            if refused.code == TOO_MANY_REQUESTS:  # another request would be refused too
                _quota_used_up(requests[number:], len(requests), refused.text, out)
                break
            out.fail(f"Indexing API refused {kind} {url}: {refused.text}")
            continue
        except (urllib.error.URLError, OSError) as error:
            out.fail(f"Indexing API could not be reached at {config.indexing_endpoint}: {error}")
            return
        sent += 1
    out.say(f"Indexing API: sent {sent} of {len(requests)} notifications")


class _Refused(Exception):
    """The Indexing API answered a notification with an error: its status and its words."""

    def __init__(self, code: int, text: str):
        super().__init__(text)
        self.code = code
        self.text = text


def _publish(endpoint: str, body: bytes, token: str) -> None:
    """One notification; a refusal for the minute's quota is waited out once."""
    for attempt in (1, 2):
        try:
            _post(endpoint, body, "application/json; charset=utf-8", token)
            return
        except urllib.error.HTTPError as error:
            text = _refusal(error)
            if attempt == 1 and error.code == TOO_MANY_REQUESTS and "minute" in text.lower():
                time.sleep(MINUTE_QUOTA_WAIT_SECONDS)
                continue
            raise _Refused(error.code, text) from error


def _quota_used_up(left: list[tuple[str, str]], total: int, refusal: str, out: Notified) -> None:
    """Say what a refusal for a quota left unsent. Added and updated postings are in the
    sitemap, where Google finds them anyway: a warning. A closed posting leaves Google's job
    search only when Google next crawls its page, and no later run sends it again: a failure."""
    closed = sum(1 for _, kind in left if kind == "URL_DELETED")
    kinds = ", ".join(
        f"{n} {name}"
        for n, name in ((closed, "closed"), (len(left) - closed, "added or updated"))
        if n
    )
    day = "day" in refusal.lower()
    cause = "Google's quota for this project is used up" if day else "Google refused more"
    unsent = f"{cause} ({refusal}); {len(left)} of {total} notifications were not sent ({kinds})"
    more = f"ask Google for a higher quota: {INDEXING_QUOTA_PAGE}"
    if closed:
        out.fail(
            f"Indexing API: {unsent}. A closed posting leaves Google's job search only when "
            f"Google next crawls its page, and it is not sent again; {more}"
        )
    elif day:
        out.say(
            f"Indexing API: warning: {unsent}. Google still finds these pages through the "
            f"sitemap; to notify every change, {more}"
        )
    else:
        out.fail(f"Indexing API: {unsent}")


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
            out.lines += [f"  {kind}: {url}" for url in _urls(changes[kind])]
        return out
    if config.indexnow_key:
        indexnow(changes, config, out)
    else:
        out.say("IndexNow: off (set JOBPOSTING_INDEXNOW_KEY to turn it on)")
    if config.indexing_secret_env:
        info = service_account(config)
        if info is None:
            out.say(
                f"Indexing API: skipped, the environment variable "
                f"{config.indexing_secret_env} is empty"
            )
        else:
            indexing_api(changes, config, info, out)
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
