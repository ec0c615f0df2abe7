"""Lever postings API JSON: one posting (`/v0/postings/{site}/{id}`) or a list of them.

The body is built as Lever's own page shows it: the description, each of `lists` as a section
(`text` is its heading, `content` its `<li>` items), then `additional`; the HTML versions are
converted to Markdown, the `...Plain` ones used where there is no HTML. `createdAt` is
milliseconds since 1970; `salaryRange.interval` is "per-year-salary", "per-hour-wage", ...
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .draft import Draft
from .htmltomarkdown import tidy, to_markdown
from .sources import repair

_INTERVALS = {"per-year-salary": "YEAR", "per-month-salary": "MONTH", "per-week-salary": "WEEK",
              "per-day-wage": "DAY", "per-hour-wage": "HOUR", "per-year": "YEAR",
              "per-month": "MONTH", "per-week": "WEEK", "per-day": "DAY", "per-hour": "HOUR"}  # fmt: skip
_STATES = {"published": "open", "closed": "closed", "draft": "draft", "internal": "draft",
           "pending": "draft", "rejected": "draft"}  # fmt: skip
# Also in the API, but only other forms of what is used, or the tracker's own bookkeeping.
_REDUNDANT = frozenset(("opening", "openingPlain", "descriptionBody", "descriptionBodyPlain",
                        "descriptionPlain", "additionalPlain", "salaryDescriptionPlain",
                        "description", "additional", "salaryDescription", "lists", "text", "id",
                        "categories", "country", "workplaceType", "salaryRange", "hostedUrl",
                        "applyUrl", "createdAt", "updatedAt", "state", "tags"))  # fmt: skip
_BOOKKEEPING = frozenset(("user", "owner", "hiringManager", "followers", "confidentiality",
                          "reqCode", "requisitionCodes", "distributionChannels"))  # fmt: skip


def looks_like(data: Any) -> bool:
    items = data if isinstance(data, list) else [data]
    return bool(items) and all(isinstance(item, dict) and _is_posting(item) for item in items)


def _is_posting(item: dict) -> bool:
    return "text" in item and any(
        key in item for key in ("categories", "hostedUrl", "applyUrl", "lists", "descriptionPlain")
    )


def read(data: Any, path: str, notes: list[str], timezone: dt.tzinfo) -> list[Draft]:
    items = data if isinstance(data, list) else [data]
    return [_posting(item, path, notes, timezone) for item in items]


def _posting(item: dict, path: str, notes: list[str], timezone: dt.tzinfo) -> Draft:
    number = item.get("id")
    draft = Draft(
        origin=f"{path} (Lever posting {number})", key=f"lever:{number}", notes=list(notes)
    )
    draft.title = _clean(item.get("text"))
    draft.body = _body(item)
    categories = item.get("categories") if isinstance(item.get("categories"), dict) else {}
    fields: dict[str, Any] = {}
    fields["date_posted"] = _moment(item.get("createdAt"), timezone)
    fields["status"] = _STATES.get(str(item.get("state") or "published"), item.get("state"))
    fields["department"] = [categories.get("department"), categories.get("team")]
    places = categories.get("allLocations") or [categories.get("location")]
    fields["location"] = [p for p in places if p]
    workplace = str(item.get("workplaceType") or "")
    if workplace and workplace != "unspecified":
        fields["workplace_type"] = workplace
    fields["country"] = item.get("country")
    fields["commitment"] = categories.get("commitment")
    salary = item.get("salaryRange")
    if isinstance(salary, dict):
        fields["salary"] = {
            "min": salary.get("min"),
            "max": salary.get("max"),
            "currency": salary.get("currency"),
            "per": _INTERVALS.get(str(salary.get("interval")), salary.get("interval")),
        }
        fields["salary"] = {k: v for k, v in fields["salary"].items() if v not in (None, "")}
    fields["req_id"] = number
    fields["apply_url"] = item.get("applyUrl") or item.get("hostedUrl")
    fields["tags"] = item.get("tags")
    fields["updated_at"] = _moment(item.get("updatedAt"), timezone)
    if categories.get("level"):
        draft.left_out["level"] = categories["level"]  # say it in the title if it matters
    draft.fields = {k: v for k, v in fields.items() if v not in (None, "", [], [None, None])}
    for key, value in item.items():
        if key in _REDUNDANT:
            continue
        if key in _BOOKKEEPING:
            if value not in (None, "", []):
                draft.left_out[key] = "…" if isinstance(value, dict | list) else value
            continue
        draft.fields.setdefault(key, value)
    return draft


def _body(item: dict) -> str:
    parts = [_html_or_plain(item, "description")]
    for section in item.get("lists") or []:
        if not isinstance(section, dict):
            continue
        heading = _clean(section.get("text"))
        items = to_markdown(f"<ul>{section.get('content') or ''}</ul>")
        if heading:
            parts.append(f"## {heading.rstrip(':')}")
        parts.append(items)
    parts.append(_html_or_plain(item, "additional"))
    parts.append(_html_or_plain(item, "salaryDescription"))
    return tidy("\n\n".join(part for part in parts if part))


def _html_or_plain(item: dict, name: str) -> str:
    html = item.get(name)
    if isinstance(html, str) and html.strip():
        return to_markdown(html)
    plain = item.get(f"{name}Plain")
    return tidy(plain) if isinstance(plain, str) else ""


def _moment(millis: Any, timezone: dt.tzinfo) -> dt.datetime | None:
    if not isinstance(millis, int | float) or isinstance(millis, bool):
        return None
    return dt.datetime.fromtimestamp(millis / 1000, dt.UTC).astimezone(timezone)


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    fixed, _ = repair(text)
    return " ".join(fixed.split()) or None
