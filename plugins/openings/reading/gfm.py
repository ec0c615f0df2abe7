"""A posting's Markdown body -> sanitised HTML, as GitHub's preview shows it.

HR people write postings in GitHub's web editor, whose preview is GitHub Flavored Markdown
(cmark-gfm). Rendering with the same engine means the page shows what the preview showed: the
same lists, tables and line rules, and cmark-gfm, written in C, is much quicker on a big board
than Python-Markdown. Pelican's MARKDOWN setting does not apply here.
"""

from __future__ import annotations

import re

import cmarkgfm
from cmarkgfm.cmark import Options

from .sanitize import clean_html

# Raw HTML is kept for the sanitiser to judge (nh3 drops what is unsafe, keeps tables and lists);
# cmark's own "omitted" placeholder would drop harmless markup too. Footnotes as on GitHub.
OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
# GitHub's extensions except tagfilter: tagfilter turns <script> into visible text, while the
# sanitiser removes it with its content.
EXTENSIONS = ("table", "autolink", "strikethrough", "tasklist")
# cmark percent-encodes the braces and bars of Pelican's {filename}, {static}, |filename| links;
# Pelican looks for them as written.
_PELICAN_LINK = re.compile(r'((?:href|src)=")(?:%7B(\w+)%7D|%7C(\w+)%7C)')


def to_html(markdown: str) -> str:
    return sanitised(render(markdown))


def render(markdown: str) -> str:
    """cmark-gfm's HTML, not yet sanitised (limits.py measures it first)."""
    return cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=OPTIONS, extensions=EXTENSIONS
    )


def sanitised(rendered: str) -> str:
    """render()'s HTML with Pelican's links restored, through the sanitiser."""
    if "%7B" in rendered or "%7C" in rendered:  # the pattern is searched only where it can match
        rendered = _PELICAN_LINK.sub(_restore_link, rendered)
    return clean_html(rendered).rstrip()


def _restore_link(match: re.Match) -> str:
    attribute, braced, barred = match.groups()
    return f"{attribute}{{{braced}}}" if braced else f"{attribute}|{barred}|"
