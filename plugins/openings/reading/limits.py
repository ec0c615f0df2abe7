"""Limits on what one content file may ask of the build, checked before the slow parsers run.

The sanitiser's time grows with the square of how deeply HTML is nested, and every parser's with
the size of what it is given: a file that a person could not have meant is refused with a message
instead of being parsed. Each check here is one linear pass over text already in memory.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..core.problems import Problem

# Room for the front matter on top of the body's limit: 60 fields take a few kilobytes.
FRONT_MATTER_BYTES = 64_000


@dataclass(frozen=True)
class Limits:
    """The JOBPOSTING_MAX_* settings, JOBPOSTING_IMAGE_HOSTS and SITEURL (settings.py explains
    the plugin's)."""

    body_bytes: int = 200_000
    nesting: int = 20
    list_items: int = 100
    fields: int = 60
    messages_per_rule: int = 5
    # JOBPOSTING_IMAGE_HOSTS: the other hosts a description's images may come from
    image_hosts: frozenset[str] = frozenset()
    # SITEURL: images under it are the site's own
    site_url: str = ""

    @property
    def file_bytes(self) -> int:
        return self.body_bytes + FRONT_MATTER_BYTES


SETTINGS = {
    "JOBPOSTING_MAX_BODY_BYTES": "body_bytes",
    "JOBPOSTING_MAX_NESTING": "nesting",
    "JOBPOSTING_MAX_LIST_ITEMS": "list_items",
    "JOBPOSTING_MAX_FIELDS": "fields",
    "JOBPOSTING_MAX_MESSAGES_PER_RULE": "messages_per_rule",
}


def from_settings(settings: dict) -> Limits:
    """The limits a site's settings set (checked by settingscheck.py), defaults for the others:
    made once per build or command and handed to what reads and checks the files."""
    default = Limits()
    site_url = str(settings.get("SITEURL") or "")
    return Limits(
        **{attr: settings.get(name, getattr(default, attr)) for name, attr in SETTINGS.items()},
        image_hosts=frozenset(h.lower() for h in settings.get("JOBPOSTING_IMAGE_HOSTS", ())),
        site_url=site_url if site_url.startswith(("https://", "http://")) else "",
    )


def size_message(size: int, limit: int, what: str = "the description") -> str:
    room = f"{_size(limit)} (JOBPOSTING_MAX_BODY_BYTES)"
    if what == "the description":
        allowed = f"a description may have at most {room}"
    else:
        allowed = (
            f"a posting or page may have at most {room} of description and "
            f"{_size(FRONT_MATTER_BYTES)} of fields"
        )
    return f"{what} is {_size(size)}; {allowed}: shorten it, or link to a longer document"


def _size(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB" if size >= 1_000_000 else f"{size:,} bytes"


# --- nesting ---
# The start of a line that can open Markdown containers: quote markers, list markers and the
# spaces between and before them (two columns of indentation can nest a list one level deeper).
_LINE_PREFIX = re.compile(r"^[ \t>*+\-.)0-9]+", re.MULTILINE)
_MARKER = re.compile(r">|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)")
# An HTML start or end tag: a name right after < or </, then a space, / or >. Autolinks
# (<https://...>, <me@example.com>) have a : or @ there, so they do not count.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
# Tags that never contain others, or that the browser closes by itself when the next one opens:
# a run of them nests nothing.
FLAT_TAGS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option",
        "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
        "html", "head", "body",
    }
)  # fmt: skip


def nesting_problem(body: str, first_line: int, limit: int) -> tuple[int, int] | None:
    """(line, depth) of the first place the body nests deeper than `limit`, else None.

    Counted on the text, never by parsing it: quote and list markers at a line's start, its
    indentation, and the HTML tags open at that point (overcounting rather than under: a tag
    in a code block counts too).
    """
    markdown_depth: dict[int, int] = {}
    line, counted_to = first_line, 0
    for match in _LINE_PREFIX.finditer(body):
        prefix = match.group()
        if len(prefix) < 4:  # "- ", "1. ", "> ": one level
            continue
        line += body.count("\n", counted_to, match.start())
        counted_to = match.start()
        markers = len(_MARKER.findall(prefix))
        columns = prefix.count(" ") + 4 * prefix.count("\t")
        depth = markers + max(columns - markers, 0) // 2
        if depth > limit:
            return line, depth
        markdown_depth[line] = depth
    if "<" not in body:
        return None
    open_tags, line, counted_to = 0, first_line, 0
    for match in _TAG.finditer(body):
        if match.group(2).lower() in FLAT_TAGS:
            continue
        if match.group(1):
            open_tags = max(open_tags - 1, 0)
            continue
        open_tags += 1
        line += body.count("\n", counted_to, match.start())
        counted_to = match.start()
        depth = open_tags + markdown_depth.get(line, 0)
        if depth > limit:
            return line, depth
    return None


# --- the HTML a description makes ---
# Markdown makes more HTML than text (a table cell "a|" becomes "<td>a</td>", five times
# longer), and some constructs far more: each footnote reference [^a] about 300 characters.
# Beyond this many characters of HTML per byte of JOBPOSTING_MAX_BODY_BYTES, the description
# is refused before the sanitiser reads it.
HTML_GROWTH = 10


def html_message(length: int, limit: int) -> str:
    return (
        f"the description makes {length:,} characters of HTML, more than the {limit:,} allowed "
        "(ten times JOBPOSTING_MAX_BODY_BYTES): it repeats something that grows a lot, such as "
        "a footnote reference [^1] or a table row much shorter than its header; write it fewer "
        "times"
    )


# --- tables ---
# A table has as many cells in every row as its header has columns: a header of 300 columns
# over lines of one letter each makes 300 empty cells a line, an HTML page of megabytes from a
# few kilobytes. Written-out cells take two bytes at least ("a|"), so a table whose cells are
# all written, within the body's limit (200,000 bytes), has no more cells than this.
MAX_TABLE_CELLS = 100_000
# the line under a table's header: dashes between pipes, with alignment colons
_DELIMITER_ROW = re.compile(
    r"^[> \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$", re.MULTILINE
)
_BLANK_LINE = re.compile(r"\n[ \t>]*\n")


def table_problem(body: str, first_line: int, limit: int = MAX_TABLE_CELLS):
    """(line, cells) of the table where the body's tables pass `limit` cells in all, else None.

    A table's cells are its columns times its lines up to the next blank line, as cmark-gfm
    fills every row up to the header's width.
    """
    if "|" not in body:
        return None
    cells = 0
    for match in _DELIMITER_ROW.finditer(body):
        row = match.group()
        if "|" not in row:
            continue  # a line of dashes: a rule or a heading's underline
        columns = row.count("|") + 1 - row.strip(" \t>").startswith("|") - row.endswith("|")
        end = _BLANK_LINE.search(body, match.end())
        lines = body.count("\n", match.end(), end.start() if end else len(body)) + 1
        cells += columns * lines
        if cells > limit:
            return first_line + body.count("\n", 0, match.start()), cells
    return None


def table_message(cells: int, limit: int) -> str:
    return (
        f"the tables of this description have {cells:,} cells, counting the empty ones a row "
        f"gets to fill the header's columns; at most {limit:,} are allowed: give each table "
        "fewer columns, and end it with an empty line"
    )


def nesting_message(depth: int, limit: int) -> str:
    return (
        f"the description is nested {depth:,} levels deep here (quotes > inside quotes, lists "
        f"inside lists, HTML tags inside tags); at most {limit} are allowed "
        "(JOBPOSTING_MAX_NESTING): use fewer levels, and close every HTML tag you open"
    )


# --- messages ---
def cap_per_rule(problems, limit: int) -> list[Problem]:
    """At most `limit` problems of one rule per file, then one line saying how many more.

    100,000 unknown fields are one mistake repeated: the first few show what is wrong, a
    count shows the rest exists. A single extra message is shown rather than counted.
    """
    if limit <= 0 or len(problems) <= limit + 1:
        return list(problems)
    totals = Counter((p.path, p.rule, p.severity) for p in problems)
    if max(totals.values()) <= limit + 1:
        return list(problems)
    kept, seen, first_dropped = [], Counter(), {}
    # the earliest lines are kept, so the count comes after them in the report
    for problem in sorted(problems, key=lambda p: p.line or 0):
        key = (problem.path, problem.rule, problem.severity)
        seen[key] += 1
        if totals[key] <= limit + 1 or seen[key] <= limit:
            kept.append(problem)
        else:
            first_dropped.setdefault(key, problem)
    for (path, rule, severity), first in first_dropped.items():
        more = totals[(path, rule, severity)] - limit
        kept.append(
            Problem(
                path,
                first.line,
                None,
                f"… and {more:,} more like the above ({rule}); fix those first",
                severity,
                rule,
            )
        )
    return kept


def too_many_items(count: int, limit: int) -> str:
    return (
        f"has {count:,} entries; at most {limit:,} are allowed (JOBPOSTING_MAX_LIST_ITEMS): "
        "keep the ones that matter"
    )


def too_many_fields(count: int, limit: int) -> str:
    return (
        f"the front matter has {count:,} fields; a posting has at most {limit} "
        "(JOBPOSTING_MAX_FIELDS): remove the fields that docs/hr-guide.md does not list"
    )
