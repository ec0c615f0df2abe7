"""A posting's Markdown body -> sanitised HTML, as GitHub's preview shows it.

HR people write postings in GitHub's web editor, whose preview is GitHub Flavored Markdown
(cmark-gfm). Rendering with the same engine means the page shows what the preview showed: the
same lists, tables and line rules, and cmark-gfm, written in C, is much quicker on a big board
than Python-Markdown. Pelican's MARKDOWN setting does not apply here.
"""

from __future__ import annotations

import contextlib
import ctypes
import re

import cmarkgfm
from cmarkgfm import _cmark, cmark
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
    if _FREE is None:
        return cmarkgfm.markdown_to_html_with_extensions(
            markdown, options=OPTIONS, extensions=EXTENSIONS
        )
    return _render_and_free(markdown)


def _freeing_functions():
    """cmark's cmark_node_free and the C library's free, or None where they cannot be had.

    cmarkgfm's markdown_to_html_with_extensions frees neither the document it parses nor the
    HTML buffer it copies (about 40 KB a posting: 400 MB over a board of 10,000, in whichever
    process reads it). Its cffi module does not declare cmark_node_free, but the library it
    loaded exports it; opened again by its path, it is the same library, with the same nodes.
    cmark allocates with the C library's calloc, so its buffers go back with free.
    """
    with contextlib.suppress(OSError, AttributeError, TypeError):
        node_free = ctypes.CDLL(_cmark.__file__).cmark_node_free
        node_free.argtypes, node_free.restype = [ctypes.c_void_p], None
        free = ctypes.CDLL(None).free
        free.argtypes, free.restype = [ctypes.c_void_p], None
        return node_free, free
    return None


_FREE = _freeing_functions()


def _address(pointer) -> int:
    return int(_cmark.ffi.cast("uintptr_t", pointer))


def _render_and_free(markdown: str) -> str:
    """markdown_to_html_with_extensions, step by step as it does them, freeing what it leaks."""
    node_free, free = _FREE
    cmark.core_extensions_ensure_registered()
    parser = cmark.parser_new(options=OPTIONS)
    try:
        for name in EXTENSIONS:
            cmark.parser_attach_syntax_extension(parser, cmark.find_syntax_extension(name))
        cmark.parser_feed(parser, markdown)
        root = cmark.parser_finish(parser)  # the caller's to free
        try:
            if _cmark.lib.cmark_node_get_type(root) == _cmark.lib.CMARK_NODE_NONE:
                raise ValueError("Error parsing markdown!")
            extensions = cmark.parser_get_syntax_extensions(parser)
            html = _cmark.lib.cmark_render_html(root, OPTIONS, extensions)
            try:
                return _cmark.ffi.string(html).decode("utf-8")
            finally:
                free(_address(html))
        finally:
            node_free(_address(root))
    finally:
        cmark.parser_free(parser)


def sanitised(rendered: str) -> str:
    """render()'s HTML with Pelican's links restored, through the sanitiser."""
    if "%7B" in rendered or "%7C" in rendered:  # the pattern is searched only where it can match
        rendered = _PELICAN_LINK.sub(_restore_link, rendered)
    return clean_html(rendered).rstrip()


def _restore_link(match: re.Match) -> str:
    attribute, braced, barred = match.groups()
    return f"{attribute}{{{braced}}}" if braced else f"{attribute}|{barred}|"
