"""Another system's dates and status -> date_posted, valid_through, start_date, modified, status.

A missing date or status is never made up: it is written empty, with a TODO for HR.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..checks import datetext, normalize
from .draft import Draft
from .fieldnames import field_name
from .mapper import Mapper
from .values import plain, text_of, truthy

# Jekyll's own date form, which YAML does not read as a date: "2026-11-12 09:30:00 +0100"
_JEKYLL_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?)\s*(Z|[+-]\d{2}:?\d{2})?", re.IGNORECASE
)


_SPOKEN_TIME = re.compile(
    r"(.*?\d{4}),?\s*(?:at|um|à|a las|om)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|[A-Z][a-z]+ Time)?",
    re.IGNORECASE,
)

_OPEN_FLAGS = ("open", "is_open", "accepting_applications", "hiring")
# What says a job is no longer open, in a status or title or a banner line of the text
_CLOSED_WORDS = re.compile(
    r"^(?:closed|filled|solved|archived|expired|inactive|ended|done|resolved|cancell?ed|"
    r"geschlossen|besetzt|vergeben|pourvu|ferm[ée]e?|cerrad[oa]|encerrad[oa]|gesloten|vervuld)$",
    re.IGNORECASE,
)
_CLOSED_TITLE = re.compile(r"[\[(]\s*(?:closed|filled|expired|archived|besetzt|pourvu)\s*[\])]",
                           re.IGNORECASE)  # fmt: skip
_FILLED_BANNER = re.compile(
    r"^\W{0,6}(?:\*\*|__)?\s*(?:(?:this|the)\s+(?:position|job|role|vacancy|opening)\s+"
    r"(?:has\s+been|is|was)\s+(?:now\s+)?(?:filled|closed)|position\s+filled|"
    r"(?:this\s+)?(?:job|position|role)\s+(?:is\s+)?no\s+longer\s+(?:available|open)|"
    r"(?:we\s+are\s+)?no\s+longer\s+accepting\s+applications|applications?\s+(?:are\s+)?closed|"
    r"diese\s+stelle\s+ist\s+(?:bereits\s+)?besetzt|poste\s+pourvu)\b",
    re.IGNORECASE | re.MULTILINE,
)


def closed_signal(draft: Draft, status, flag) -> str | None:
    """What in the source says the job is closed, or None."""
    if flag and truthy(flag[1]) is True:
        return f"{flag[0]}: false" if flag[0] in _OPEN_FLAGS else f"{flag[0]}: {text_of(flag[1])}"
    if status and _CLOSED_WORDS.match(text_of(status[1]) or ""):
        return f"{status[0]}: {text_of(status[1])}"
    title = (
        draft.title_as_written
        or draft.title
        or next((text_of(v) for k, v in draft.fields.items() if field_name(k) == "title"), None)
    )
    if title and _CLOSED_TITLE.search(title):
        return f"the title says {_CLOSED_TITLE.search(title).group(0)}"
    banner = _FILLED_BANNER.search(draft.body[:2000])
    if banner:
        return f'the text says "{banner.group(0).strip(" *_#>")}"'
    return None


def date_posted(m: Mapper) -> None:
    taken = m.take("date_posted")
    if taken:
        day, hint = read_date(m, taken[1])
        if day:
            m.put("date_posted", day)
            return
        m.mark(taken[0], taken[1], "date_posted", f"{hint}: the first day the job was advertised")
    m.missing("date_posted", "the old posting does not say when it was advertised: "
                 "write the first day it was, as YYYY-MM-DD")  # fmt: skip


def date(m: Mapper, name: str) -> None:
    taken = m.take(name)
    if not taken:
        return
    day, hint = read_date(m, taken[1], keep_time=name == "valid_through")
    if day:
        m.put(name, day)
    elif len(text_of(taken[1]) or "") > 40:
        m.kept.append((taken[0], plain(taken[1])))  # a sentence, not a date: for the text
    else:
        m.mark(taken[0], taken[1], name, f"{hint}: write it as {name}")


def read_date(m: Mapper, value: Any, keep_time: bool = False):
    """(date or None, why not). A date-time means its date here, unless `keep_time` and it
    has a time of day that matters (a deadline at 17:00)."""
    if isinstance(value, dt.datetime):
        moment = value.astimezone(m.site.timezone) if value.tzinfo else value
        if keep_time and moment.time() not in (
            dt.time(0, 0),
            dt.time(23, 59, 59),
            dt.time(23, 59),
        ):
            return moment.replace(microsecond=0), None
        return moment.date(), None
    if isinstance(value, dt.date):
        return value, None
    text = text_of(value)
    if text is None:
        return None, "not a date"
    parsed, candidates = datetext.parse_date(text)
    if parsed:
        return parsed, None
    jekyll = _JEKYLL_TIME.fullmatch(text)
    if jekyll:
        return read_date(m, _jekyll_time(jekyll), keep_time)
    spoken = _SPOKEN_TIME.fullmatch(text)  # "November 15, 2021 at 11:59 pm EDT"
    if spoken:
        return read_date(m, spoken.group(1), keep_time=False)
    moment, _ = datetext.parse_datetime(text, m.site.timezone)
    if moment is not None:
        return read_date(m, moment, keep_time)
    if len(candidates) == 1:
        return candidates[0], None
    if candidates:
        readings = " or ".join(c.isoformat() for c in candidates)
        return None, f'"{text}" can be read as {readings}; write the right one as YYYY-MM-DD'
    return None, f'"{text}" is not a date'


def status(m: Mapper) -> None:
    taken = m.take("status")
    draft = m.take("draft")
    published = m.take("published")
    flag = m.take("closed_flag")
    still = m.take("open_flag")
    if still and truthy(still[1]) is False:
        flag = (still[0], True)  # open: false
    unpublished = (draft and truthy(draft[1]) is True) or (
        published and truthy(published[1]) is False
    )
    said = closed_signal(m.draft, taken, flag)
    if said:
        m.put("status", "closed", f"the old posting says it is closed ({said})")
        return
    if unpublished:
        m.put("status", "draft", "the old site did not publish it; write open to publish it")
        return
    if still and truthy(still[1]) is True and not taken:
        m.put("status", "open")
        return
    if taken:
        text = text_of(taken[1]) or ""
        normal = normalize.status(text)
        if normal.value:
            m.put("status", normal.value)
            return
        if text.lower() in ("published", "live", "active", "public"):
            m.put("status", "open")
            return
        if text.lower() in ("hidden", "internal", "pending", "unpublished"):
            m.put("status", "draft", f'the old site had it as "{text}"; write open to publish it')
            return
        m.mark(taken[0], taken[1], "status", "write status: open, draft or closed")
    if "valid_through" in m.entries:
        m.put("status", "open")
        return
    m.put("status", "draft", "the old posting gives no status and no closing date: if the "
             "job is still open write status: open and a valid_through date; if not, "
             "write status: closed", todo=True)  # fmt: skip


def _jekyll_time(match: re.Match) -> dt.datetime:
    day, time, offset = match.groups()
    if offset and offset.upper() != "Z" and ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    return dt.datetime.fromisoformat(f"{day}T{time.zfill(5)}{(offset or '').upper()}")
