"""The language versions of a posting or page, for `hreflang` links: one posting translated into
several languages is one posting (one slug, one req_id), a file per language.

Each version links to all of them, itself included, and `x-default` names the version in the
site's language (search engines show it to readers of any other language).
"""

from __future__ import annotations


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
