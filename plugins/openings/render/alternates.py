"""The language versions of a posting or page, for `hreflang` links: one posting translated into
several languages is one posting (one slug, one req_id), a file per language.

Each version links to all of them, itself included, and `x-default` names the version in the
site's language (search engines show it to readers of any other language).
"""

from __future__ import annotations

from jinja2 import pass_context

from ..core import catalogs


def versions(content, default_lang: str | None) -> list[tuple[str, object]]:
    """[(hreflang, version)] in order of language, then ("x-default", the site's language's
    version); [] for content in one language. Only versions published as this one is: an open
    posting does not point at a closed or draft translation."""
    state = getattr(content, "jobposting_state", None)
    status = getattr(content, "status", None)
    found = {
        version.lang: version
        for version in (content, *getattr(content, "translations", ()))
        if getattr(version, "jobposting_state", None) == state
        and getattr(version, "status", None) == status
    }
    if len(found) < 2:
        return []
    ordered = [(lang, found[lang]) for lang in sorted(found)]
    if default_lang in found:
        ordered.append(("x-default", found[default_lang]))
    return ordered


def others(content, default_lang: str | None) -> list:
    """The other language versions, for the links a reader follows."""
    return [
        v for lang, v in versions(content, default_lang) if lang != "x-default" and v is not content
    ]


def site_languages(values) -> list[str]:
    """JOBPOSTING_LANGUAGES, the site's own language (DEFAULT_LANG) first; [DEFAULT_LANG]
    when unset."""
    site_lang = values.get("DEFAULT_LANG") or catalogs.SOURCE
    return list(dict.fromkeys([site_lang, *(values.get("JOBPOSTING_LANGUAGES") or ())]))


@pass_context
def language_links(context) -> list[tuple[str, str, str]]:
    """The header's language switcher: [(lang, its name in itself, the address of this page in
    it)]. A list page has a version in every language (/de/locations/berlin/); a posting or
    company page links its translation, else that language's list. [] on a one-language site."""
    languages = site_languages(context)
    if len(languages) < 2:
        return []
    home = {lang: "" if lang == languages[0] else f"{lang}/" for lang in languages}
    content = context.get("article") or context.get("page")
    if context.get("missing_page"):
        # a missing address has no version elsewhere: each language's list instead
        address = {lang: language_home(context, lang) for lang in languages}
    elif content is not None:
        found = {lang: v for lang, v in versions(content, languages[0]) if lang != "x-default"}
        found.setdefault(content.lang, content)
        address = {lang: found[lang].url if lang in found else home[lang] for lang in languages}
    else:
        path = str(context.get("output_file") or "").removesuffix("index.html")
        first = path.split("/", 1)[0]
        if home.get(first):
            path = path[len(home[first]) :]
        address = {lang: home[lang] + path for lang in languages}
    return [(lang, name_in_itself(lang), address[lang]) for lang in languages]


@pass_context
def language_home(context, lang: str | None = None) -> str:
    """The list of open jobs in `lang` (default: the page's language), where "See all open jobs"
    and the breadcrumb lead: "de/" (or "de/jobs/" under JOBPOSTING_INDEX_URL) for a listed
    language other than the site's, else the site's list."""
    lang = lang or context.get("page_lang") or context.get("DEFAULT_LANG")
    index = context.get("JOBPOSTING_INDEX_URL") or ""
    if lang in site_languages(context)[1:]:
        return f"{lang}/{index}"
    return index


@pass_context
def chrome_language(context) -> str:
    """The language of the header and footer: a list's own; a posting's or company page's where
    the site has its lists in that language; else the site's."""
    lang = context.get("site_lang") or context.get("page_lang")
    return lang if lang in site_languages(context) else context.get("DEFAULT_LANG")


def name_in_itself(lang: str) -> str:
    """ "Deutsch", "English", "polski": a language's name as its speakers write it."""
    locale = catalogs.locale_of(lang)
    name = locale.get_display_name(locale) or lang
    return name[:1].upper() + name[1:]


def in_language(content, lang: str):
    """`{{ page|in_language(lang) }}`: the published translation in `lang`, else the content."""
    for other in getattr(content, "translations", ()):
        if other.lang == lang and getattr(other, "status", "published") == "published":
            return other
    return content
