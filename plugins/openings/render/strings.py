"""The interface's words in templates: `_()`, `gettext()` and `ngettext()` for Jinja's i18n
extension, in the page's own language, and the labels of the posting's codes.

The words come from the gettext catalogs (core/catalogs.py). A page's language is its own
(`page_lang`, a posting's `lang`), else the site's (DEFAULT_LANG): a German posting on an English
site gets German words around its German text, so the words are looked up at each call, not
installed once for the whole environment. `lang=...` names another language:
`{{ _("Open jobs", lang=DEFAULT_LANG) }}`, `{{ ngettext("%(num)s job", "%(num)s jobs", n) }}`.
"""

from __future__ import annotations

import functools

from jinja2 import pass_context
from markupsafe import Markup

from ..core import catalogs
from ..core.catalogs import N_

# The labels of the posting's codes, by code; translated where they are shown (display.py).
EMPLOYMENT = {
    "FULL_TIME": N_("Full-time"),
    "PART_TIME": N_("Part-time"),
    "CONTRACTOR": N_("Contract"),
    "TEMPORARY": N_("Temporary"),
    "INTERN": N_("Internship"),
    "VOLUNTEER": N_("Volunteer"),
    "PER_DIEM": N_("Per diem"),
    "OTHER": N_("Other"),
}
WORKPLACE = {"onsite": N_("On-site"), "hybrid": N_("Hybrid"), "remote": N_("Remote")}
PERIOD = {
    "HOUR": N_("per hour"),
    "DAY": N_("per day"),
    "WEEK": N_("per week"),
    "MONTH": N_("per month"),
    "YEAR": N_("per year"),
}
EDUCATION = {
    "high school": N_("High school"),
    "associate degree": N_("Associate degree"),
    "bachelor degree": N_("Bachelor's degree"),
    "professional certificate": N_("Professional certificate"),
    "postgraduate degree": N_("Postgraduate degree"),
}


def words_of(context, lang: str | None = None) -> catalogs.Words:
    """The words of the page being rendered (its `page_lang`), or of `lang`."""
    lang = lang or context.get("page_lang") or context.get("DEFAULT_LANG")
    return catalogs.words(lang, context.get("JOBPOSTING_UI_STRINGS") or None)


def _filled(context, text: str, values: dict) -> str:
    # as Jinja's own newstyle gettext: the values are escaped, the words are not
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % values


@pass_context
def gettext(context, message: str, lang: str | None = None, **values) -> str:
    return _filled(context, words_of(context, lang).gettext(message), values)


@pass_context
def ngettext(context, singular: str, plural: str, n: int, lang: str | None = None, **values):
    values.setdefault("num", n)
    return _filled(context, words_of(context, lang).ngettext(singular, plural, n), values)


CATEGORIES = ("zero", "one", "two", "few", "many", "other")  # CLDR's order


@functools.lru_cache(maxsize=64)
def plural_samples(lang: str | None) -> tuple[tuple[str, int], ...]:
    """The language's CLDR plural categories, each with a whole number it covers:
    (("one", 1), ("few", 2), ("many", 5)) for Polish. The in-page filter says "{n} jobs match"
    in the form the browser's Intl.PluralRules picks (site.js)."""
    rule = catalogs.locale_of(lang).plural_form
    found: dict[str, int] = {}
    for n in range(200):
        found.setdefault(rule(n), n)
    return tuple((category, found[category]) for category in CATEGORIES if category in found)


# Jinja's i18n extension compiles {% trans %} into calls of these names (newstyle_gettext).
GLOBALS = {"_": gettext, "gettext": gettext, "ngettext": ngettext, "plural_samples": plural_samples}
# a list page's address under the site's root: "de/" on a site in several languages
GLOBALS["home"] = ""
