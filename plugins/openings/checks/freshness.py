"""Postings whose dates say something the file does not: open for ages, or open but expired.

- An open posting first posted more than JOBPOSTING_STALE_DAYS ago (default 90) with no
  valid_through: nothing will ever close it, and such postings are often filled long ago. A
  warning; the publish rules make it an error, like every warning on an open posting.
- `status: open` written in the file while valid_through has passed: the site shows it closed,
  and the file says the opposite. A warning that says how to reopen it.
"""

from __future__ import annotations

import datetime as dt

from ..core import rules
from ..core.lifecycle import State
from ..core.problems import Problem, Severity

REOPEN_DAYS = 30  # the example date offered to reopen a posting


def problems(posting, state: State, doc, today: dt.date, stale_days: int | None) -> list[Problem]:
    found = []
    path = posting.source_path

    def line(name: str) -> int | None:
        field = doc.fields.get(name)
        return field.line if field else None

    age = (today - posting.date_posted).days
    if state is State.OPEN and posting.valid_through is None and stale_days and age > stale_days:
        found.append(
            Problem(
                path, line("date_posted"), "valid_through",
                f"the posting is open and was first posted {age:,} days ago "
                f"({posting.date_posted.isoformat()}) with no end date; add valid_through with "
                f"the last day applications are accepted, e.g. valid_through: "
                f"{(today + dt.timedelta(days=REOPEN_DAYS)).isoformat()}, or set status: closed "
                "if the job is filled",
                Severity.WARNING, rules.STALE_POSTING,
            )
        )  # fmt: skip
    written = doc.fields.get("status")
    said_open = written is not None and str(written.text or "").strip().lower() == "open"
    if state is State.CLOSED and said_open and posting.valid_through is not None:
        ended = posting.valid_through.date().isoformat()
        found.append(
            Problem(
                path, line("valid_through"), "valid_through",
                f"{ended} has passed, so the site shows this posting as closed although status "
                "says open; to reopen it, set valid_through to a later day, e.g. valid_through: "
                f"{(today + dt.timedelta(days=REOPEN_DAYS)).isoformat()}; to close it, write "
                "status: closed",
                Severity.WARNING, rules.EXPIRED_OPEN,
            )
        )  # fmt: skip
    return found
