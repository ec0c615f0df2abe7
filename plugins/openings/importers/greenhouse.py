"""Greenhouse job-board API JSON: one job (`/boards/{token}/jobs/{id}`) or a board (`{"jobs": [...]}`,
from `/boards/{token}/jobs?content=true&pay_transparency=true`).

`content` is HTML with its entities encoded once more (`&lt;p&gt;`): decoded, then converted to
Markdown. Pay comes from `pay_input_ranges` (amounts in cents; Greenhouse does not say the period,
so it is read from the range's title where that names one). `metadata` holds the board's custom
fields ("Employment Type", "Remote"); their names are mapped like any other field name.
"""

from __future__ import annotations

from typing import Any

from .draft import Draft
from .fieldnames import field_name
from .htmltomarkdown import decode_entities, to_markdown
from .sources import repair

# Fields of the API that say nothing a posting needs.
_IGNORED = frozenset(("internal_job_id", "data_compliance", "questions", "location_questions",
                      "compliance", "demographic_questions", "education", "meta",
                      "company_name"))  # fmt: skip
_USED = frozenset(("id", "title", "content", "location", "offices", "departments",
                   "pay_input_ranges", "absolute_url", "updated_at", "first_published",
                   "requisition_id", "metadata", "language"))  # fmt: skip


def looks_like(data: Any) -> bool:
    if isinstance(data, dict) and isinstance(data.get("jobs"), list):
        return all(isinstance(job, dict) and _is_job(job) for job in data["jobs"])
    return isinstance(data, dict) and _is_job(data)


def _is_job(job: dict) -> bool:
    return "absolute_url" in job or "internal_job_id" in job or "pay_input_ranges" in job


def read(data: Any, path: str, notes: list[str]) -> list[Draft]:
    jobs = data.get("jobs", [data])
    return [_job(job, path, notes) for job in jobs]


def _job(job: dict, path: str, notes: list[str]) -> Draft:
    number = job.get("id")
    draft = Draft(
        origin=f"{path} (Greenhouse job {number})",
        key=f"greenhouse:{number}",
        notes=list(notes),
    )
    draft.title = _clean(job.get("title"))
    body = to_markdown(decode_entities(job.get("content")))
    ranges = job.get("pay_input_ranges") or []
    blurbs = [
        to_markdown(decode_entities(r.get("blurb")))
        for r in ranges
        if isinstance(r, dict) and r.get("blurb")
    ]
    draft.body = "\n\n".join(part for part in (body, *blurbs) if part)
    fields: dict[str, Any] = {}
    fields["status"] = "open"  # the job board API lists only the jobs open on the board
    fields["date_posted"] = job.get("first_published") or job.get("updated_at")
    if job.get("first_published") and job.get("updated_at"):
        fields["updated_at"] = job["updated_at"]
    fields["department"] = [
        d.get("name") for d in job.get("departments") or [] if isinstance(d, dict)
    ]
    fields["location"] = _places(job)
    if ranges:
        fields["salary"] = _pay(ranges[0])
        for index, extra in enumerate(ranges[1:], 2):
            # one range per location or zone: only one fits the posting, HR picks
            fields[f"pay_range_{index}"] = _pay(extra)
            draft.hints[f"pay_range_{index}"] = (
                f"Greenhouse has {len(ranges)} pay ranges ({_titles(ranges)}); salary holds the "
                "first: keep the one for this posting's location under salary"
            )
    fields["req_id"] = job.get("requisition_id") or number
    fields["apply_url"] = job.get("absolute_url")
    fields["language"] = job.get("language")
    for item in job.get("metadata") or []:
        if isinstance(item, dict) and item.get("name") and item.get("value") not in (None, "", []):
            fields.setdefault(field_name(item["name"]), item["value"])
    if job.get("company_name"):
        fields["company"] = job["company_name"]
    draft.fields = {k: v for k, v in fields.items() if v not in (None, "", [])}
    for key, value in job.items():
        if key in _IGNORED or key in _USED or key == "company_name":
            if key in _IGNORED and key != "company_name" and value not in (None, "", []):
                draft.left_out[key] = "…" if isinstance(value, dict | list) else value
            continue
        draft.fields.setdefault(key, value)
    return draft


def _places(job: dict) -> list[str]:
    """The job's location, else its offices' locations (a job in several offices lists each)."""
    offices = [o for o in job.get("offices") or [] if isinstance(o, dict)]
    places = [o.get("location") or o.get("name") for o in offices]
    places = [p.get("name") if isinstance(p, dict) else p for p in places]
    location = job.get("location")
    name = location.get("name") if isinstance(location, dict) else location
    if len(places) > 1 or (places and not name):
        return [p for p in places if p]
    return [name] if name else [p for p in places if p]


def _pay(pay: dict) -> dict:
    salary: dict[str, Any] = {}
    for key, name in (("min_cents", "min"), ("max_cents", "max")):
        cents = pay.get(key)
        if isinstance(cents, int | float) and not isinstance(cents, bool):
            amount = cents / 100
            salary[name] = int(amount) if float(amount).is_integer() else round(amount, 2)
    if pay.get("currency_type"):
        salary["currency"] = pay["currency_type"]
    for hint in (pay.get("interval"), pay.get("title")):
        if hint:
            from ..checks import normalize

            normal = normalize.salary_period(str(hint))
            period = normal.value or normal.suggestion
            if period in ("HOUR", "DAY", "WEEK", "MONTH", "YEAR"):
                salary["per"] = period
                break
    return salary


def _titles(ranges: list) -> str:
    return ", ".join(str(r.get("title") or "untitled") for r in ranges if isinstance(r, dict))


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    fixed, _ = repair(decode_entities(text))
    return " ".join(fixed.split()) or None
