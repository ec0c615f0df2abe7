"""Property-based: a body that limits.nesting_problem lets through renders to HTML no deeper
than twice the limit and a few levels (a list is two elements, ul and li; footnotes add their
own section), whatever mix of quotes, lists, indentation and tags it is made of. The
sanitiser's time grows with the square of that depth, so this bound is what keeps every
accepted body's cost linear in its size; without the count, the same pieces nest ten times
deeper."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from openings.reading import gfm, limits

LIMIT = 6  # small, so that generated bodies reach it often
PIECES = [">", "> ", "- ", "* ", "+ ", "1. ", "2) ", " ", "  ", "    ", "\t", "x", "\n", "\n\n",
          "<div>", "</div>", "<blockquote>", "<ul><li>", "<b>", "<p>", "<li>", "`", "```\n",
          "<!--", "-->", "[^1]", "[^1]: ", "| a |", "|---|", "\\",
          "> > > ", "- - - ", "<div><div><div>", "      - "]  # fmt: skip
_TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*?(/?)>")
VOID = {"br", "hr", "img", "input", "col", "wbr"}


def html_depth(html: str) -> int:
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if name in VOID or self_closing:
            continue
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return deepest


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=100, max_size=400).map("".join))
def test_what_the_count_lets_through_is_shallow(body):
    if limits.nesting_problem(body, 1, LIMIT) is not None:
        return
    assert html_depth(gfm.to_html(body)) <= 2 * LIMIT + 8, body
