"""A company page's front matter: its own small field set, checked like a posting's.

A page has a title, a summary, a slug, a lang, its order in the menu and a status. Pelican's
own keys (save_as, url, template, ...) would let a page replace any other page of the site, and
slug and lang become folder names: each is refused or checked here, with the line it is on.
"""

from __future__ import annotations

import difflib
import re

from ..core import rules
from ..core.problems import Problem, Severity
from ..reading.postingfile import scalar

FIELDS = ("title", "summary", "slug", "lang", "order", "status")
STATUSES = ("published", "hidden", "draft")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# BCP 47 as people write it: a language, then optional script, region or variant subtags
LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
PELICAN_KEYS = {
    "save_as": "the page's address comes from its file name; to change it write slug",
    "url": "the page's address comes from its file name; to change it write slug",
    "template": "the site chooses the page's layout; remove it",
    "lang_url": "remove it",
    "lang_save_as": "remove it",
    "status_override": "remove it",
    "translation": "remove it; a page in another language has its own lang",
    "date": "pages have no date; remove it",
    "modified": "pages have no date; remove it",
    "category": "pages have no category; remove it",
    "tags": "pages have no tags; remove it",
    "author": "pages have no author; remove it",
    "authors": "pages have no author; remove it",
    "css": "the site's style is the same on every page; remove it",
    "javascript": "pages run no scripts of their own; remove it",
}


def check(doc, path: str) -> tuple[dict[str, str | int], list[Problem]]:
    """The page's values Pelican may have (text, `order` a number), and the problems found."""
    values: dict[str, str | int] = {}
    found = []

    def refuse(line, field, message, rule):
        found.append(Problem(path, line, field, message, Severity.ERROR, rule))

    for key, field in doc.fields.items():
        name = str(key).lower()
        if name in PELICAN_KEYS:
            refuse(field.line, key, f"company pages cannot set {key}: {PELICAN_KEYS[name]}",
                   rules.PAGE_FIELD)  # fmt: skip
            continue
        if name not in FIELDS:
            close = difflib.get_close_matches(name, FIELDS, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            refuse(field.line, key, f"unknown field for a company page; {hint}a page has "
                   f"{', '.join(FIELDS)}", rules.PAGE_FIELD)  # fmt: skip
            continue
        text = scalar(field)
        if not field.is_scalar:
            refuse(field.line, key, "write one value on the line, not a list or fields below it",
                   rules.PAGE_VALUE)  # fmt: skip
            continue
        if text is None:
            continue
        problem = _value_problem(name, text)
        if problem:
            refuse(field.line, key, problem, rules.PAGE_VALUE)
            continue
        values[name] = int(text) if name == "order" else text
    return values, found


def _value_problem(name: str, text: str) -> str | None:
    if name == "slug" and not SLUG.match(text):
        return f"{text!r} is not a slug: use lowercase letters, digits and hyphens, e.g. benefits"
    if name == "lang" and not LANG.match(text):
        return f"{text!r} is not a language code: write a code such as en, de or pt-BR"
    if name == "order" and not re.fullmatch(r"-?\d{1,6}", text):
        return f"{text!r} is not a whole number: write the page's place in the menu, e.g. 2"
    if name == "status" and text.lower() not in STATUSES:
        return f"{text!r} is not a page status: write {', '.join(STATUSES)}"
    return None
