"""The names in a posting's front matter: each one declared, written once, and not Pelican's own.

A name that is not declared is reported with the field it stands for: an alias ("location"),
a spelling ("Title"), a close word ("deparment"), or a key Pelican reserves for the page itself.
"""

from __future__ import annotations

from ...core import rules
from .. import normalize
from . import ALIASES, FIELDS
from .checker import Checker

# Pelican's own keys: they would change the page itself, so a posting may not set them.
RESERVED = {
    "url": "for the application link write apply_url; the page's own address comes from the file name",
    "save_as": "the page's address comes from the file name; to change it write slug",
    "template": "the site chooses the page's layout; remove it",
    "category": "write department",
    "date": "write date_posted",
    "author": "postings have no author; remove it",
    "authors": "postings have no author; remove it",
    "status_override": "remove it",
    "lang_url": "remove it",
}
# the posting field a reserved Pelican key stands for, when there is one
RESERVED_INSTEAD = {"url": "apply_url", "category": "department", "date": "date_posted"}
# names people give the text below the front matter, which is no field
NOT_FIELDS = {"description": None, "body": None}
_KNOWN = {**ALIASES, **NOT_FIELDS}


def check_names(c: Checker) -> None:
    for name, lines in c.doc.duplicates.items():
        shown = " and ".join(str(n) for n in lines)
        c.found.error(
            lines[-1],
            name,
            f"is written {len(lines)} times (lines {shown}); keep one",
            rules.DUPLICATE_FIELD,
        )
    for name, value in c.fields.items():
        if name in FIELDS:
            continue
        lowered = name.lower().replace("-", "_").replace(" ", "_")
        alias = _KNOWN.get(lowered, _KNOWN.get(lowered.replace("_", "")))
        target = (
            lowered
            if lowered in FIELDS
            else RESERVED_INSTEAD.get(lowered) or alias or normalize.suggest(lowered, FIELDS)
        )
        if target:
            c.misnamed.add(target)
        c.found.error(value.line, name, *_unknown(lowered, alias))


def _unknown(lowered: str, alias: str | None) -> tuple[str, str]:
    """What to say about a name that is no field: (message, rule)."""
    if lowered in RESERVED:
        return f"is reserved for the page itself; {RESERVED[lowered]}", rules.RESERVED_FIELD
    if lowered in FIELDS:
        return f"unknown field; write it as {lowered}", rules.UNKNOWN_FIELD
    if lowered in _KNOWN or lowered.replace("_", "") in _KNOWN:
        if alias is None:
            return (
                "unknown field; the description is the text below the front matter, not a field",
                rules.UNKNOWN_FIELD,
            )
        return f"unknown field; did you mean {alias}?", rules.UNKNOWN_FIELD
    if lowered.startswith("imported_"):
        imported = (
            "was left by openings import because it could not be mapped: see the TODO "
            "comment above it, move the value into the right field, then delete this line"
        )
        return imported, rules.UNKNOWN_FIELD
    close = normalize.suggest(lowered, FIELDS)
    return (
        f"unknown field{'; did you mean ' + close + '?' if close else ''} (docs/hr-guide.md lists every field)",
        rules.UNKNOWN_FIELD,
    )
