"""`openings list [--expiring DAYS]`: every posting with its state, and what closes soon."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass

from ..core import lifecycle
from ..core.lifecycle import State
from ..core.logtext import loggable
from ..core.text import clean_line
from .options import add_site_options

SOON_DAYS = 14  # "closes soon" without --expiring
COLUMNS = ("STATUS", "TITLE", "DEPARTMENT", "LOCATION", "POSTED", "EXPIRES", "NOTE")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "list",
        help="list the postings with status, department, location and dates",
        description="List every posting: open, closed, draft, scheduled, and rejected (has "
        f"errors). Open postings that close within {SOON_DAYS} days are marked.",
    )
    parser.add_argument(
        "--expiring",
        type=_days,
        metavar="DAYS",
        help="only the open and scheduled postings that close within DAYS days",
    )
    add_site_options(parser)
    parser.set_defaults(func=run)


def _days(text: str) -> int:
    import argparse

    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days; write e.g. 14")
    return int(text)


@dataclass(frozen=True)
class Row:
    state: State
    title: str
    department: str
    location: str
    posted: str
    expires: str
    note: str
    soon: bool  # closes within the window: highlighted
    posting: str = ""  # the posting's slug, shared by its translations; a rejected file's path

    def cells(self) -> tuple[str, ...]:
        return (self.state.value, self.title, self.department, self.location, self.posted,
                self.expires, self.note)  # fmt: skip


def run(args) -> int:
    from .checking import check_files, load_settings, posting_files  # the validator: only when run

    values = load_settings(args)
    checked = check_files(values, posting_files(values))
    today = checked.checks.ctx.today
    window = SOON_DAYS if args.expiring is None else args.expiring
    rows = [row_of(o, checked.documents.get(o.path), today, checked.checks.ctx.timezone, window)
            for o in checked.outcomes]  # fmt: skip
    if args.expiring is not None:
        rows = [r for r in rows if r.soon]
        if not rows:
            print(f"No open posting closes within {args.expiring} days.")
            return 0
    rows.sort(key=lambda r: (ORDER.index(r.state), r.department.lower(), r.title.lower()))
    print_table(rows)
    soon = sum(r.soon for r in rows)
    rejected = sum(r.state is State.REJECTED for r in rows)
    # a posting translated is one posting: its versions share its slug (translations.md)
    postings = len({r.posting for r in rows})
    notes = [f"{postings} posting{'s' if postings != 1 else ''}"]
    if postings != len(rows):
        notes[0] += f" in {len(rows)} files (a posting and its translations count once)"
    if soon:
        notes.append(f"{soon} closing within {window} days")
    if rejected:
        notes.append(f"{rejected} with errors: `./openings validate` says what to fix")
    print("; ".join(notes))
    return 0


ORDER = (State.OPEN, State.SCHEDULED, State.DRAFT, State.CLOSED, State.REJECTED)


def row_of(outcome, doc, today: dt.date, tz, window: int) -> Row:
    from ..render import display  # Babel: only when a table is printed

    posting = outcome.posting
    if posting is None:  # rejected: show what the file says, as written
        errors = sum(p.is_error for p in outcome.problems)
        return Row(
            outcome.state,
            _raw(doc, "title") or os.path.basename(outcome.path),
            _raw(doc, "department"),
            _raw(doc, "locations") or _raw(doc, "workplace"),
            _raw(doc, "date_posted"),
            _raw(doc, "valid_through"),
            f"{errors} error{'s' if errors != 1 else ''} in {outcome.path}",
            False,
            outcome.path,
        )
    expires = lifecycle.last_day(posting, tz)
    days_left = (expires - today).days if expires else None
    live = outcome.state in (State.OPEN, State.SCHEDULED)
    soon = live and days_left is not None and days_left <= window
    note = ""
    if soon:
        note = (
            "closes today"
            if days_left == 0
            else f"closes in {days_left} day{'s' if days_left != 1 else ''}"
        )
    elif outcome.state is State.SCHEDULED:
        note = f"goes live {posting.date_posted.isoformat()}"
    elif outcome.state is State.CLOSED and posting.status != "closed":
        note = "expired"
    elif live and expires is None:
        note = "no expiry date"
    return Row(
        outcome.state,
        posting.title,
        posting.department,
        display.where(posting),
        posting.date_posted.isoformat(),
        expires.isoformat() if expires else "",
        note,
        soon,
        posting.slug,
    )


def _raw(doc, name: str) -> str:
    if doc is None or name not in doc.fields:
        return ""
    value = doc.fields[name].plain()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return clean_line(str(value)) if value is not None else ""


def print_table(rows: list[Row]) -> None:
    # titles and file names come from pull requests: one line each, never a workflow command
    table = [COLUMNS, *([loggable(cell) for cell in r.cells()] for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    for index, cells in enumerate(table):
        line = "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        line = line.rstrip()
        row = rows[index - 1] if index else None
        if row is not None and row.soon:
            # the marker carries the meaning; colour only helps on a terminal
            line = f"{line}  <-" if not color else f"\033[1;33m{line}\033[0m"
        print(line)
