"""jobs.json at the site's root, per the jobs.json specification version 1.0 (jobsjson.org).

One job per open posting (translations are the same job, so they are not repeated). The `id` is
the posting's slug: it is its web address, which stays put when the title changes. Fields the
specification lacks use its `x-` extension prefix: the requisition id, the workplace, the day the
posting last changed, and a digest of what search engines read (its JSON-LD), which changes.py
compares with the previous build to find edited postings.
"""

from __future__ import annotations

import hashlib
import json

from ..checks.fields.jsonldparts import number
from ..core.model import JobPosting
from .outputs import Listed, OutputGenerator, Snapshot

PATH = "jobs.json"
VERSION = "1.0"
# schema.org and jobs.json spell these differently
EMPLOYMENT_TYPES = {"CONTRACTOR": "CONTRACT"}
PERIODS = {"HOUR": "HOURLY", "DAY": "DAILY", "WEEK": "WEEKLY", "MONTH": "MONTHLY", "YEAR": "YEARLY"}


def company(settings: dict) -> dict:
    org = settings.get("JOBPOSTING_ORGANIZATION") or {}
    data = {
        "name": org.get("name") or settings.get("SITENAME") or "",
        "url": org.get("url") or f"{str(settings.get('SITEURL', '')).rstrip('/')}/",
    }
    if org.get("logo"):
        data["logo"] = org["logo"]
    if org.get("description"):
        data["description"] = org["description"]
    return data


def locations(posting: JobPosting) -> list[dict]:
    found = []
    for place in posting.locations:
        where = {}
        if place.locality:
            where["city"] = place.locality
        region = place.region_code.split("-", 1)[1] if place.region_code else place.region
        if region:
            where["state"] = region
        where["country"] = place.country
        where["remote"] = False
        found.append(where)
    if posting.is_remote:
        for area in posting.remote_areas:
            where = {"country": area.country}
            if not area.is_country:
                where["state"] = area.code.split("-", 1)[1]
            where["remote"] = True
            found.append(where)
    return found


def compensation(posting: JobPosting) -> dict | None:
    pay = posting.salary
    if pay is None:
        return None
    low = pay.value if pay.value is not None else pay.min
    high = pay.value if pay.value is not None else pay.max
    return {
        "currency": pay.currency,
        "min": number(low),
        "max": number(high),
        "period": PERIODS[pay.per],
    }


def digest(item: Listed) -> str:
    """What search engines read of this posting, in 16 hex digits: it changes when they should."""
    jsonld = getattr(item.article, "jsonld", None) or {"url": item.url}
    text = json.dumps(jsonld, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def job(item: Listed) -> dict:
    posting = item.posting
    data: dict = {
        "id": posting.slug,
        "title": posting.title,
        "url": item.url,
        "department": posting.department,
    }
    if posting.summary:
        data["description"] = posting.summary
    places = locations(posting)
    if len(places) == 1:
        data["location"] = places[0]
    elif places:
        data["locations"] = places
    types = [EMPLOYMENT_TYPES.get(t, t) for t in posting.employment_types]
    if types:
        data["employmentType"] = types[0]
    if len(types) > 1:
        data["otherEmploymentTypes"] = types[1:]
    data["postedDate"] = posting.date_posted.isoformat()
    if posting.valid_through is not None:
        data["expiresDate"] = posting.valid_through.isoformat()
    pay = compensation(posting)
    if pay is not None:
        data["compensation"] = pay
    if posting.req_id:
        data["x-requisitionId"] = posting.req_id
    data["x-workplace"] = posting.workplace
    data["x-language"] = posting.lang
    data["x-lastModified"] = item.lastmod.isoformat()
    data["x-digest"] = digest(item)
    return data


def document(site: Snapshot, settings: dict) -> dict:
    data: dict = {"version": VERSION}
    changed = site.changed_on()
    if changed is not None:
        data["lastUpdated"] = site.midnight(changed).isoformat()
    data["company"] = company(settings)
    data["jobs"] = [job(item) for item in site.postings]
    return data


def render(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class JobsJsonGenerator(OutputGenerator):
    def write_files(self, site: Snapshot) -> None:
        self.write(PATH, render(document(site, self.settings)))


def get_generators(pelican):
    return JobsJsonGenerator
