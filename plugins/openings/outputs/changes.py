"""changes.json: which postings this build adds, updates and closes, compared with the build
that is live now.

The previous build's jobs.json (a path, or the live site's URL) comes from the
JOBPOSTING_PREVIOUS_JOBS_JSON setting. A posting is "updated" when what search engines read of it
(jobs.json's x-digest of its JSON-LD) changed. `openings notify` reads this file after the site is
deployed and tells search engines.

Publishing must never depend on the live site being reachable (the daily rebuild is what takes
expired postings down), so a previous jobs.json that cannot be read is a warning, and the
manifest then says it has no baseline rather than guessing.
"""

from __future__ import annotations

import json
import logging
import os
import urllib.error
import urllib.request

from ..config import settings as plugin_settings
from . import jobsjson
from .outputs import OutputGenerator, Snapshot, department_slug

logger = logging.getLogger(__name__)

PATH = "changes.json"
TIMEOUT_SECONDS = 30


class PreviousUnavailable(Exception):
    """The previous jobs.json could not be read; the message says why, in plain words."""


def load_previous(source: str) -> dict | None:
    """The previous jobs.json, or None when there is none yet (a first publish: 404, no file)."""
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(source, headers={"User-Agent": "openings-build"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            if error.code in (404, 410):
                return None
            raise PreviousUnavailable(f"{source} answered HTTP {error.code}") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise PreviousUnavailable(f"{source} could not be fetched: {reason}") from error
    else:
        if not os.path.exists(source):
            return None
        with open(source, "rb") as handle:
            raw = handle.read()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PreviousUnavailable(f"{source} is not valid JSON: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise PreviousUnavailable(f"{source} is not a jobs.json file (it has no list of jobs)")
    return data


def _by_id(document: dict) -> dict[str, dict]:
    return {
        str(job["id"]): job
        for job in document.get("jobs", ())
        if isinstance(job, dict) and job.get("id") is not None
    }


def _same(old: dict, new: dict) -> bool:
    if "x-digest" in old and "x-digest" in new:
        return old["x-digest"] == new["x-digest"] and old.get("url") == new.get("url")
    return old == new


def _summary(job: dict) -> dict:
    return {
        "id": str(job["id"]),
        "title": job.get("title", ""),
        "url": job.get("url", ""),
        "department": job.get("department", ""),
    }


def compare(previous: dict | None, current: dict) -> dict[str, list[dict]]:
    """added / updated / closed, each sorted by id. No previous document: everything is new."""
    old = _by_id(previous or {"jobs": []})
    new = _by_id(current)
    return {
        "added": [_summary(new[i]) for i in sorted(new.keys() - old.keys())],
        "updated": [
            _summary(new[i]) for i in sorted(new.keys() & old.keys()) if not _same(old[i], new[i])
        ],
        "closed": [_summary(old[i]) for i in sorted(old.keys() - new.keys())],
    }


def list_pages(changed: dict[str, list[dict]], site: Snapshot, settings: dict) -> list[str]:
    """The list page and the department pages whose content the changes touch."""
    touched = [job for group in changed.values() for job in group]
    if not touched:
        return []
    pages = {f"{site.siteurl}/{plugin_settings.index_url(settings)}"}
    if (
        settings.get("CATEGORY_SAVE_AS")
        and settings.get("CATEGORY_URL")
        and plugin_settings.postings_are_articles(settings)
    ):
        for job in touched:
            if job.get("department"):
                slug = department_slug(job["department"], settings)
                pages.add(f"{site.siteurl}/{settings['CATEGORY_URL'].format(slug=slug)}")
    return sorted(pages)


def manifest(site: Snapshot, settings: dict) -> dict:
    source = settings.get("JOBPOSTING_PREVIOUS_JOBS_JSON")
    empty = {"added": [], "updated": [], "closed": []}
    if not source:
        return {"version": 1, "baseline": None, **empty, "pages": []}
    try:
        previous = load_previous(str(source))
    except PreviousUnavailable as error:
        logger.warning(
            "jobposting: changes.json lists no changes: the previous jobs.json was not read (%s)",
            error,
        )
        return {
            "version": 1,
            "baseline": {"source": str(source), "error": str(error)},
            **empty,
            "pages": [],
        }
    changed = compare(previous, jobsjson.document(site, settings))
    baseline = {"source": str(source), "found": previous is not None}
    if previous is not None and previous.get("lastUpdated"):
        baseline["lastUpdated"] = previous["lastUpdated"]
    return {
        "version": 1,
        "baseline": baseline,
        **changed,
        "pages": list_pages(changed, site, settings),
    }


def render(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class ChangesGenerator(OutputGenerator):
    def write_files(self, site: Snapshot) -> None:
        self.write(PATH, render(manifest(site, self.settings)))


def get_generators(pelican):
    return ChangesGenerator
