"""Translations of one job in an old site: one posting in several languages, as Pelican has them.

Two sources are one job when they share a translation key (Jekyll's `ref` beside `lang`, Hugo's
`translationKey`) or differ only by language in their path (dev.md and dev.de.md, en/dev.md and
de/dev.md). Each is written as its own file with the same slug and its own `lang`; the one in
the site's default language (else the first) is the original.
"""

from __future__ import annotations

import re

from .draft import Draft
from .language import _LANGS

_ALTERNATION = "|".join(sorted(_LANGS))
_NAME_LANG = re.compile(rf"\.({_ALTERNATION})(\.[A-Za-z]+)$")
_FOLDER_LANG = re.compile(rf"(^|/)({_ALTERNATION})(?=/)")
_KEYS = ("translationkey", "translation_key", "translation", "ref", "i18n_key")


def key_field(draft: Draft) -> str | None:
    names = {re.sub(r"[^a-z0-9]", "", str(k).lower()): v for k, v in draft.fields.items()}
    has_lang = any(n in names for n in ("lang", "language", "locale"))
    for name in _KEYS:
        value = names.get(name.replace("_", ""))
        if value not in (None, "") and (name != "ref" or has_lang):
            return f"key:{value}"
    return None


def _path_key(path: str) -> str | None:
    """The path with its language taken out: "a/de/x.md" and "a/en/x.md" -> "a/*/x.md"."""
    out = _NAME_LANG.sub(r"\2", path)
    out = _FOLDER_LANG.sub(r"\1*", out)
    return out if out != path else None


def groups(drafts: list[Draft], lang_of, default_lang: str | None) -> list[list[Draft]]:
    """The drafts in groups of translations of one job (most groups have one), in order."""
    by_key: dict[str, list[Draft]] = {}
    order: list[str] = []
    for index, draft in enumerate(drafts):
        key = key_field(draft) or _stem_key(draft) or f"one:{index}"
        if key not in by_key:
            order.append(key)
        by_key.setdefault(key, []).append(draft)
    result = []
    for key in order:
        group = by_key[key]
        langs = [lang_of(d) for d in group]
        if len(group) > 1 and (None in langs or len(set(langs)) < len(langs)):
            result += [[d] for d in group]  # not one job in several languages: each its own
            continue
        group.sort(key=lambda d: lang_of(d) != default_lang)
        result.append(group)
    return result


def _stem_key(draft: Draft) -> str | None:
    if not draft.key.startswith("file:"):
        return None
    stripped = _path_key(draft.key.removeprefix("file:"))
    if stripped is None:
        # dev.md beside dev.de.md: the one without a language is in the same group
        return "path:" + draft.key.removeprefix("file:")
    return "path:" + stripped
