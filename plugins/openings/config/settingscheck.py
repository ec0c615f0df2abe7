"""The site's JOBPOSTING_* settings, checked before anything is read: by the build (plugin.py's
`initialized` receiver, which adds the outputs' own) and by every `openings` command, with the
same messages.

Its own small module so the commands can check settings without importing plugin.py, which
brings in Pelican's generators, Babel and every output.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable

from ..core import catalogs, colours, report
from ..core.problems import BuildFailed
from ..core.today import check_today_setting
from ..reading import images, limits
from . import settings


def check(values: dict, also: Iterable[Callable[[dict], list[str]]] = ()) -> None:
    """Fill in the defaults, then report every problem at once and stop (BuildFailed).

    `also`: the checks of settings that only a build reads (the outputs' SITEURL, for one),
    given by the build so that their problems are reported with these."""
    settings.apply_defaults(values)
    found = []
    for name, close in settings.unknown_names(values):
        hint = f"; did you mean {close}?" if close else ""
        found.append(f"unknown setting {name}{hint}")
    message = check_today_setting(values)
    if message:
        found.append(message)
    org = values.get("JOBPOSTING_ORGANIZATION") or {}
    if not isinstance(org, dict) or (org and not org.get("name")):
        found.append("JOBPOSTING_ORGANIZATION must be a dict with at least a name")
    for key in ("JOBPOSTING_PAY_TRANSPARENCY", "JOBPOSTING_EU_PAY_TRANSPARENCY"):
        if values.get(key) not in ("error", "warning", "off"):
            found.append(f'{key} must be "error", "warning" or "off"')
    for name in ("JOBPOSTING_TEMPLATE_CACHE", "JOBPOSTING_CHECK_ALL_CONTENT"):
        if not isinstance(values.get(name), bool):
            found.append(f"{name} must be True or False")
    base = values.get("JOBPOSTING_BASE_TEMPLATE")
    if not isinstance(base, str) or not base:
        found.append('JOBPOSTING_BASE_TEMPLATE must be a template\'s name, e.g. "base.html"')
    index = values.get("JOBPOSTING_INDEX_URL")
    if index is not None and (
        not isinstance(index, str) or index.startswith("/") or (index and not index.endswith("/"))
    ):
        found.append(
            'JOBPOSTING_INDEX_URL must be None, "" (the site\'s own index) or an address'
            ' relative to the site that ends with /, e.g. "jobs/"'
        )
    else:
        values["JOBPOSTING_INDEX_URL"] = settings.index_url(values)  # what templates link to
    stale = values.get("JOBPOSTING_STALE_DAYS")
    if stale is not None and (not isinstance(stale, int) or isinstance(stale, bool) or stale < 1):
        found.append("JOBPOSTING_STALE_DAYS must be None or a whole number of days, e.g. 90")
    lowest = values.get("JOBPOSTING_READAHEAD")
    if lowest is not None and not _is_count(lowest):
        found.append(
            "JOBPOSTING_READAHEAD must be None (never read ahead) or a whole number of postings"
            " from which helper processes read ahead, e.g. 200"
        )
    items = values.get("JOBPOSTING_FEED_MAX_ITEMS")
    if items is not None and not (_is_count(items) and items > 0):
        found.append(
            "JOBPOSTING_FEED_MAX_ITEMS must be None (every open posting) or a whole number of"
            " postings above zero, the newest of which each Atom feed lists, e.g. 100"
        )
    pages = values.get("JOBPOSTING_PARALLEL_PAGES")
    if pages is not None and not _is_range(pages):
        found.append(
            "JOBPOSTING_PARALLEL_PAGES must be None (never) or two whole numbers of posting"
            " pages (lowest, highest), the lowest first, e.g. (200, 3000)"
        )
    colour = values.get("JOBPOSTING_BRAND_COLOUR")
    if colour is not None and colours.problem(colour):
        found.append(f"JOBPOSTING_BRAND_COLOUR: {colours.problem(colour)}")
    found += limit_problems(values)
    found += language_problems(values)
    for problems in also:
        found += problems(values)
    if found:
        report.emit(f"pelicanconf: {line}" for line in found)
        raise BuildFailed(f"jobposting: {len(found)} settings problems")


def limit_problems(values: dict) -> list[str]:
    """The JOBPOSTING_MAX_* limits are whole numbers above zero; image hosts are host names."""
    found = []
    for name in limits.SETTINGS:
        value = values.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            found.append(f"{name} must be a whole number above 0, e.g. {settings.DEFAULTS[name]}")
    hosts = values.get("JOBPOSTING_IMAGE_HOSTS")
    if not isinstance(hosts, (list, tuple)) or not all(
        isinstance(host, str) and images.HOST.match(host) for host in hosts
    ):
        found.append(
            "JOBPOSTING_IMAGE_HOSTS must be a list of host names such as"
            ' ["images.example.com"] (no https://, no path)'
        )
    return found


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


def language_problems(values: dict) -> list[str]:
    """The site's language has the interface's words (a catalog, or JOBPOSTING_UI_STRINGS);
    the site's own words name messages that exist, and a language they add has them all."""
    overrides = values.get("JOBPOSTING_UI_STRINGS")
    if not isinstance(overrides, dict) or not all(
        isinstance(table, dict) for table in overrides.values()
    ):
        message = "JOBPOSTING_UI_STRINGS must be a dict of languages, each a dict of the English"
        return [message + ' message and its words: {"de": {"Apply now": "Jetzt bewerben"}}']
    found = [
        problem
        for lang, table in overrides.items()
        for problem in _own_words_problems(str(lang), table)
    ]
    known = catalogs.languages(overrides)
    lang = values.get("DEFAULT_LANG") or catalogs.SOURCE
    if catalogs.code(lang, known) is None:
        found.append(f"DEFAULT_LANG = {lang!r}: {no_words(lang, known)}")
    listed = values.get("JOBPOSTING_LANGUAGES") or []
    if not isinstance(listed, (list, tuple)) or not all(isinstance(c, str) for c in listed):
        found.append('JOBPOSTING_LANGUAGES must be a list of language codes, e.g. ["en", "de"]')
        return found
    for other in listed:
        if not LANGUAGE_CODE.match(other):  # it names a folder: /de/, /pt-BR/
            found.append(
                f"JOBPOSTING_LANGUAGES: {other!r} is not a language code; write e.g. de, pt-BR"
            )
        elif catalogs.code(other, known) is None:
            found.append(f"JOBPOSTING_LANGUAGES lists {other!r}: {no_words(other, known)}")
    if any("i18n_subsites" in getattr(p, "__name__", str(p)) for p in values.get("PLUGINS") or []):
        # it builds a second site per language, each without the postings' own pages
        found.append(
            "PLUGINS lists i18n_subsites, which the jobposting plugin cannot build posting pages"
            " with: remove it and list the site's languages in JOBPOSTING_LANGUAGES, e.g."
            f" {[lang, 'de']!r} (docs/translations.md)"
        )
    names = values.get("JOBPOSTING_SITENAMES") or {}
    if not isinstance(names, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in names.items()
    ):
        found.append(
            "JOBPOSTING_SITENAMES must be a dict of language codes and names, e.g."
            ' {"en": "Careers at Acme"}'
        )
    else:
        for other in names:
            if other not in listed[1:]:
                found.append(
                    f"JOBPOSTING_SITENAMES names {other!r}, which is not one of the site's other"
                    f" languages (JOBPOSTING_LANGUAGES after {lang!r}: {listed[1:]!r});"
                    " SITENAME is the name in the site's own language"
                )
    if listed and listed[0] != lang:
        found.append(
            f"JOBPOSTING_LANGUAGES must start with the site's own language, DEFAULT_LANG"
            f" ({lang!r}): {[lang, *(c for c in listed if c != lang)]!r}"
        )
    return found


def no_words(lang: str, known) -> str:
    """What to do about a language the interface has no words in (a setting, a posting)."""
    name = catalogs.language_name(lang)
    return (
        f"the interface (buttons, headings, labels) has no words in {name}; it has them in "
        f"{catalogs.names(known)}. Choose one of these, or add {name}: its words in"
        f" JOBPOSTING_UI_STRINGS[{lang!r}], or a catalog (docs/translations.md)"
    )


def _own_words_problems(lang: str, table: dict) -> list[str]:
    messages = catalogs.messages()
    found = []
    for message, words in table.items():
        where = f"JOBPOSTING_UI_STRINGS[{lang!r}][{message!r}]"
        if message not in messages:
            close = difflib.get_close_matches(str(message), list(messages), n=1, cutoff=0.6)
            hint = (
                f"; did you mean {close[0]!r}?" if close else " (docs/translations.md lists them)"
            )
            found.append(f"{where}: the interface has no message {message!r}{hint}")
        elif messages[message] is None and not isinstance(words, str):
            found.append(f"{where} must be text")
        elif messages[message] is not None and not (
            isinstance(words, (list, tuple)) and words and all(isinstance(w, str) for w in words)
        ):
            found.append(
                f"{where} has a count: write a list of its forms, as many as the language has"
                f" ({catalogs.plural_count(lang)} for {catalogs.language_name(lang)})"
            )
    if catalogs.code(lang, catalogs.shipped()) is None:  # a language the site adds
        missing = [m for m in messages if m not in table]
        if missing:
            shown = ", ".join(repr(m) for m in missing[:3])
            found.append(
                f"JOBPOSTING_UI_STRINGS[{lang!r}] adds {catalogs.language_name(lang)}, but lacks"
                f" {len(missing)} of its {len(messages)} messages ({shown}...); add them all"
                " (docs/translations.md lists them), or the page would mix in English"
            )
    return found


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_range(value) -> bool:
    return (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(_is_count(n) for n in value)
        and value[0] <= value[1]
    )
