"""A posting's `lang`, which becomes part of its page's path (ARTICLE_LANG_SAVE_AS): a BCP 47
language tag, checked by its pattern before anything reads it.

Babel reads "de.x/../../evil" as de (it drops what follows a dot, as in de_DE.UTF-8), so the
pattern comes first. (A company page's lang is checked with its other fields: pagefields.py.)
"""

from __future__ import annotations

import re

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
