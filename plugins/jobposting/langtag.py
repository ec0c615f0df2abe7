"""A file's `lang`, which becomes part of a page's path (ARTICLE_LANG_SAVE_AS, PAGE_LANG_SAVE_AS):
a BCP 47 language tag, checked by its pattern before anything reads it.

Babel reads "de.x/../../evil" as de (it drops what follows a dot, as in de_DE.UTF-8), so the
pattern comes first. Postings and company pages are checked alike, where they are read
(postingfile.parse_file); the validator gives the same message for the posting it checks.
"""

from __future__ import annotations

import re

from . import rules
from .problems import Problem, Severity

# RFC 5646: language, extlang, script, region, variants, extensions, private use; letters and
# digits joined by dashes, nothing a path could use.
BCP47 = re.compile(
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?\Z"
)


def message(lang: str) -> str:
    """Why `lang` is refused and what to write, for a value that does not match BCP47."""
    suggestion = lang.replace("_", "-")
    if BCP47.match(suggestion):  # pt_BR, as locales are written elsewhere
        return f'"{lang}" is not a language code; write {suggestion}'
    return f'"{lang}" is not a language code; write e.g. en, de, fr, pt-BR'


def problems(doc, path: str, scalar) -> list[Problem]:
    """The file's lang, as the reader gives it to Pelican (`scalar`), when it is not a tag."""
    field = doc.fields.get("lang")
    if field is None:
        return []
    if field.is_scalar:
        lang = scalar(field)
        if lang is None or BCP47.match(lang):
            return []
        return [Problem(path, field.line, "lang", message(lang), Severity.ERROR, rules.LANG)]
    return [
        Problem(
            path, field.line, "lang", "should be one language tag such as de or pt-BR, not "
            "a list or group of fields", Severity.ERROR, rules.LANG,
        )
    ]  # fmt: skip
