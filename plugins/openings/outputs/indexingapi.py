"""Google's Indexing API for `openings notify`: the service account's token, then one notification
per job posting page, closed postings first, within Google's quota.

The service account's JSON key comes from the environment variable named by
JOBPOSTING_INDEXING_API_SECRET_ENV (a repository secret in CI); the token request is a JWT signed
with PyJWT. Google allows a project 200 notifications a day unless it grants more; once it
answers that the day's quota is used up (HTTP 429), nothing more is sent, and the report says
what was left. A closed posting left unsent fails the command: no later run sends it again.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.parse

from .notifybase import Notified, NotifyError, post, refusal, urls_of

INDEXING_SCOPE = "https://www.googleapis.com/auth/indexing"
INDEXING_QUOTA_PAGE = "https://developers.google.com/search/apis/indexing-api/v3/quota-pricing"
TOO_MANY_REQUESTS = 429  # the Indexing API's answer once a quota of the project is used up
# Besides the day's quota, a project may send 380 requests a minute (more with a granted
# quota): a refusal that names a minute is waited out once.
MINUTE_QUOTA_WAIT_SECONDS = 61


def service_account(secret_env: str | None) -> dict | None:
    """The service account's key from the secret, or None when the secret is not there."""
    raw = os.environ.get(secret_env or "", "").strip()
    if not raw:
        return None
    try:
        info = json.loads(raw)
    except json.JSONDecodeError as error:
        raise NotifyError(
            f"the environment variable {secret_env} is not a service account's "
            f"JSON key ({error.msg}); paste the whole key file Google gave you into the secret"
        ) from error
    missing = [k for k in ("client_email", "private_key", "token_uri") if not info.get(k)]
    if missing:
        raise NotifyError(
            f"the service account key in {secret_env} has no "
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
        _, body = post(info["token_uri"], form, "application/x-www-form-urlencoded")
    except urllib.error.HTTPError as error:
        raise NotifyError(f"Google refused the service account: {refusal(error)}") from error
    except (urllib.error.URLError, OSError) as error:
        raise NotifyError(f"{info['token_uri']} could not be reached: {error}") from error
    try:
        return json.loads(body)["access_token"]
    except (ValueError, KeyError, TypeError) as error:
        raise NotifyError("the token endpoint answered without an access_token") from error


def indexing_api(changes: dict, endpoint: str, info: dict, out: Notified) -> None:
    # closed postings first: a filled job must leave Google's job search before anything else,
    # and the day's quota may end before the list does
    requests = [(url, "URL_DELETED") for url in urls_of(changes["closed"])]
    requests += [
        (url, "URL_UPDATED") for url in urls_of(changes["added"]) + urls_of(changes["updated"])
    ]
    if not requests:
        out.say("Indexing API: nothing changed, nothing sent")
        return
    token = access_token(info)
    sent = 0
    for number, (url, kind) in enumerate(requests):
        body = json.dumps({"url": url, "type": kind}).encode("utf-8")
        try:
            _publish(endpoint, body, token)
        except _Refused as refused:
            if refused.code == TOO_MANY_REQUESTS:  # another request would be refused too
                _quota_used_up(requests[number:], len(requests), refused.text, out)
                break
            out.fail(f"Indexing API refused {kind} {url}: {refused.text}")
            continue
        except (urllib.error.URLError, OSError) as error:
            out.fail(f"Indexing API could not be reached at {endpoint}: {error}")
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
            post(endpoint, body, "application/json; charset=utf-8", token)
            return
        except urllib.error.HTTPError as error:
            text = refusal(error)
            if attempt == 1 and error.code == TOO_MANY_REQUESTS and "minute" in text.lower():
                time.sleep(MINUTE_QUOTA_WAIT_SECONDS)
                continue
            raise _Refused(error.code, text) from error


def _quota_used_up(left: list[tuple[str, str]], total: int, refused: str, out: Notified) -> None:
    """Say what a refusal for a quota left unsent. Added and updated postings are in the
    sitemap, where Google finds them anyway: a warning. A closed posting leaves Google's job
    search only when Google next crawls its page, and no later run sends it again: a failure."""
    closed = sum(1 for _, kind in left if kind == "URL_DELETED")
    kinds = ", ".join(
        f"{n} {name}"
        for n, name in ((closed, "closed"), (len(left) - closed, "added or updated"))
        if n
    )
    day = "day" in refused.lower()
    cause = "Google's quota for this project is used up" if day else "Google refused more"
    unsent = f"{cause} ({refused}); {len(left)} of {total} notifications were not sent ({kinds})"
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
