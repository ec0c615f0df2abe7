"""Pelican's Markdown files: `Key: value` lines at the top, a blank line, then the text.

Pelican reads `Title`, `Date`, `Category`, `Tags`, `Slug`, `Status`, `Summary`, ... and any other
key a site chose (`Location`, `Salary`); keys are case-insensitive, and an indented line continues
the value above (Python-Markdown's meta-data rules).
"""

from __future__ import annotations

import re

from .draft import Draft
from .htmltomarkdown import demote_headings
from .plaintext import split_title
from .sources import Text

_HEADER = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]{0,40}):\s*(.*)$")
# A block of `Key: value` lines counts as Pelican's only with at least one of its own keys, so a
# plain description that starts "Location: Berlin" is still read, but not mistaken for one.
_PELICAN_KEYS = frozenset(("title", "date", "category", "tags", "slug", "status", "summary",
                           "author", "authors", "modified", "lang", "translation", "save_as",
                           "url", "template"))  # fmt: skip


def headers(text: str) -> tuple[dict[str, str], str] | None:
    """({key: value} in order, body) when the text starts with Pelican headers, else None."""
    lines = text.split("\n")
    found: dict[str, str] = {}
    last = None
    for index, line in enumerate(lines):
        if not line.strip():
            if not found:
                return None
            return found, "\n".join(lines[index + 1 :])
        match = _HEADER.match(line)
        if match and not line.startswith((" ", "\t")):
            last = match.group(1).strip()
            found[last] = match.group(2).strip()
        elif last and line.startswith(("    ", "\t")):
            found[last] = f"{found[last]} {line.strip()}".strip()
        else:
            return None
    return (found, "") if found else None


def has_headers(text: str) -> bool:
    parsed = headers(text)
    return bool(parsed) and any(key.lower() in _PELICAN_KEYS for key in parsed[0])


def read(text: Text) -> list[Draft]:
    found, body = headers(text.text) or ({}, text.text)
    draft = Draft(origin=text.path, key=f"file:{text.path}", notes=list(text.notes))
    for key, value in found.items():
        draft.fields[key.lower()] = value
    title = draft.fields.pop("title", None)
    if not title:
        title, body = split_title(body)
    draft.title = title
    # Pelican's "Category" is the department here, and "Tags" a comma-separated list
    if "tags" in draft.fields:
        draft.fields["tags"] = [t.strip() for t in draft.fields["tags"].split(",") if t.strip()]
    draft.body = demote_headings(body.strip("\n"))
    return [draft]
