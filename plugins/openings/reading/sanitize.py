"""Posting bodies may contain raw HTML; only harmless markup reaches the page and the JSON-LD.

nh3 (the Rust sanitiser ammonia) parses the HTML as a browser would, so entity tricks
(`&#106;avascript:`), mixed case and control characters inside a URL scheme are decoded before
the scheme is checked. This module only says what is allowed; nh3 does the work.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
        "details", "div", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
# Tags removed together with everything inside them: their content is code or a foreign
# document (SVG, MathML), never text a candidate should read.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
        "math", "template", "noscript", "noembed", "noframes", "xmp", "textarea", "select",
        "title", "head", "meta", "link", "base",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "*": {"lang", "dir", "id"},
}
# Links: the web, email and phone; no javascript:, vbscript: or data:. Relative links (Pelican's
# {filename} and {static} links, #anchors) pass: they cannot name a scheme.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Images only from the web or the site itself.
IMAGE_SCHEMES = frozenset({"", "http", "https"})
# ids written by people could collide with the page's own (#main, the skip link's target) or
# shadow globals a script reads (DOM clobbering); GitHub's answer: a prefix. Markdown's footnote
# ids (fn:1, fnref:1) keep theirs, so footnote links keep working.
ID_PREFIX = "user-content-"
_FOOTNOTE_ID = re.compile(r"^fn(ref)?(:|-)[\w:-]+$")
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\ufffd]")


def clean_html(html: str) -> str:
    return _cleaner().clean(html)


@functools.cache
def _cleaner() -> nh3.Cleaner:
    # nh3.clean() builds the same sanitiser from these sets for every body; this one is built
    # once, with the same rules (tests/unit/test_fast_paths.py)
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if _FOOTNOTE_ID.match(value) else ID_PREFIX + value
    if attribute in ("href", "src"):
        # a scheme split by control characters is a trick, never a real link
        head = re.split(r"[/?#]", value, maxsplit=1)[0]
        if ":" in head and _CONTROL.search(head.split(":", 1)[0]):
            return None
        if tag == "img" and _scheme(value) not in IMAGE_SCHEMES:
            return None
        if tag == "a" and value.startswith("#") and not _FOOTNOTE_ID.match(value[1:]):
            return "#" + ID_PREFIX + value[1:]
    return value


def _scheme(url: str) -> str | None:
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:  # e.g. an unclosed [ in a host
        return None


def plain_text(html: str) -> str:
    """The text of an HTML fragment, whitespace folded (summaries, meta descriptions)."""
    text = nh3.clean(html, tags=set(), strip_comments=True)
    return " ".join(html_lib.unescape(text).split())


# nh3 writes <, > and " as entities in text and attribute values alike: in clean_html's output
# every "<" opens a tag and the next ">" closes it (an attribute title="a>b" is tested).
_CLEAN_TAG = re.compile(r"<[^>]*>")


def plain_text_of_clean(html: str) -> str:
    """plain_text() for clean_html's output, without parsing it a second time.

    The validator reads the text of every description; a second nh3 pass cost as much as the
    first. Only for HTML that clean_html wrote (tests/unit/test_fast_paths.py checks).
    """
    return " ".join(html_lib.unescape(_CLEAN_TAG.sub("", html)).split())
