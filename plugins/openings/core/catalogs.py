"""The interface's words: one gettext catalog per language, plus a site's own wording.

The catalogs are `openings/locale/<lang>/LC_MESSAGES/openings.po`, compiled to `.mo` beside them
(`make translations`; docs/translations.md). A message's id is its English text ("Apply now",
"%(num)s open job"); a site changes or adds words with JOBPOSTING_UI_STRINGS, keyed by the same
ids: {"de": {"Apply now": "Jetzt bewerben"}}, a list of forms for a message with a count.

Plural forms are the catalog's Plural-Forms (written by Babel from CLDR's rules); a language a
site adds in its settings takes Babel's rule for that language.
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

from babel import Locale, UnknownLocaleError

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "openings"
SOURCE = "en"  # the language of the message ids


def N_(message: str) -> str:
    """Marks a message for extraction (pybabel) where it is translated later, by its id."""
    return message


@functools.cache
def shipped() -> tuple[str, ...]:
    """The languages with a compiled catalog in the package: ("de", "en", "fr", ...)."""
    found = LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
    return tuple(sorted(path.parent.parent.name for path in found))


@functools.cache
def messages() -> dict[str, str | None]:
    """Every message id of the interface, from the source catalog: id -> its plural id (None
    for a message without a count)."""
    from babel.messages.mofile import read_mo  # see _plural_forms

    with (LOCALE_DIR / SOURCE / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        catalog = read_mo(file)
    found = {}
    for message in catalog:
        if isinstance(message.id, (list, tuple)):  # read_mo gives a message with a count as a list
            found[message.id[0]] = message.id[1]
        elif message.id:
            found[message.id] = None
    return found


def code(lang: str | None, known) -> str | None:
    """The catalog that serves `lang`: "pt-BR" -> "pt_BR" if there is one, else "pt"; None
    when neither is in `known`."""
    parts = (lang or SOURCE).replace("-", "_").split("_")
    full = "_".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])
    for candidate in (full, parts[0].lower()):
        if candidate in known:
            return candidate
    return None


def languages(overrides: dict | None = None) -> tuple[str, ...]:
    """The languages a site can show its interface in: the shipped catalogs, and those its
    JOBPOSTING_UI_STRINGS adds (settingscheck.py says when one of those is incomplete)."""
    added = {code(lang, {_normal(lang)}) for lang in (overrides or {})}
    return tuple(sorted(set(shipped()) | {c for c in added if c}))


def _normal(lang: str) -> str:
    parts = str(lang).replace("-", "_").split("_")
    return "_".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])


@functools.cache
def _catalog(found: str) -> gettext.GNUTranslations:
    with (LOCALE_DIR / found / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        return gettext.GNUTranslations(file)


@functools.cache
def plural_rule(lang: str):
    """n -> the index of the plural form, by Babel's (CLDR's) rule for the language."""
    return gettext.c2py(_plural_forms(lang).plural_expr)


class Words:
    """One language's words: the site's own first, then the catalog, then the English id."""

    def __init__(self, lang: str, catalog: gettext.NullTranslations, own: dict):
        self.lang = lang
        self.catalog = catalog
        self.own = own
        self.plural = getattr(catalog, "plural", None) or plural_rule(lang)

    def gettext(self, message: str) -> str:
        found = self.own.get(message)
        return found if isinstance(found, str) else self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self.own.get(singular)
        if isinstance(found, (list, tuple)) and found:
            return found[min(self.plural(n), len(found) - 1)]
        return self.catalog.ngettext(singular, plural, n)


# Words by (language, id of the site's overrides). The overrides dict is kept in the entry, so
# its id is not reused while the entry lives; a new build's settings make new entries.
_known: dict[tuple[str | None, int], tuple[dict | None, Words]] = {}


def words(lang: str | None, overrides: dict | None = None) -> Words:
    """The words for a page in `lang` ("de", "pt-BR"), with the site's JOBPOSTING_UI_STRINGS."""
    key = (lang, id(overrides))
    entry = _known.get(key)
    if entry is None or entry[0] is not overrides:
        if len(_known) > 256:
            _known.clear()
        entry = _known[key] = (overrides, _make(lang, overrides or {}))
    return entry[1]


def _make(lang: str | None, overrides: dict) -> Words:
    own_languages = {_normal(name): table for name, table in overrides.items()}
    found = code(lang, set(shipped()) | set(own_languages))
    base = found or SOURCE
    catalog = _catalog(base) if base in shipped() else gettext.NullTranslations()
    own = {}
    for candidate in dict.fromkeys((base.split("_")[0], base)):  # "pt", then "pt_BR" wins
        own.update(own_languages.get(candidate) or {})
    return Words(base, catalog, own)


@functools.lru_cache(maxsize=64)
def locale_of(lang: str | None) -> Locale:
    """Babel's locale of a language tag; English for one Babel does not know."""
    try:
        return Locale.parse((lang or SOURCE).replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse(SOURCE)


def language_name(lang: str) -> str:
    """ "Italian (it)": the language's English name, for messages."""
    try:
        name = Locale.parse(lang.replace("-", "_")).english_name
    except (ValueError, TypeError, UnknownLocaleError):
        return repr(lang)
    return f"{name} ({lang})"


def names(languages) -> str:
    return ", ".join(language_name(lang) for lang in languages)


def plural_count(lang: str) -> int:
    try:
        return _plural_forms(lang).num_plurals
    except (ValueError, TypeError, UnknownLocaleError):
        return 2


def _plural_forms(lang: str):
    """CLDR's plural forms of a language, as gettext writes them.

    Babel's messages package is imported here, not at the top: it brings in Babel's dates and
    time zones, which `openings validate` does not otherwise need.
    """
    from babel.messages.plurals import get_plural

    return get_plural(lang.replace("-", "_"))
