"""A posting's summary when HR wrote none: whole sentences of the first paragraph.

The summary is the lead under the title, the meta and og description and the feeds' text, so it
is never a heading or a list item and never stops mid-sentence unless one sentence alone is too
long for a search result's snippet.
"""

from __future__ import annotations

import html
import re

from ..core.text import truncate

LIMIT = 160  # about what a search result shows of a description
# the first paragraph of the body that stands on its own: not in a list, quote or table
_BLOCK = re.compile(
    r"<(?P<tag>p|ul|ol|blockquote|table|pre|h[1-6]|details)\b[^>]*>(?P<inner>.*?)</(?P=tag)>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
# a sentence ends at . ! ? … followed by a space and what starts a sentence
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(¿¡]?[A-ZÀ-ÖØ-Þ0-9])")
# words that end in a full stop inside a sentence ("e.g. Python", "z. B. Python", "Dr. Li")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|Dr|Mr|Mrs|Ms|Prof|St|Inc|Ltd|Nr|ca|bzw|evtl|ggf|inkl|"
    r"usw|vgl|z\. ?B|u\. ?a|d\. ?h)|\b[A-Za-z])\.$"
)


def first_paragraph(body_html: str) -> str:
    """The text of the body's first paragraph at the top level ("" when it has none)."""
    for match in _BLOCK.finditer(body_html):
        if match.group("tag").lower() == "p":
            text = " ".join(html.unescape(_TAG.sub("", match.group("inner"))).split())
            if text:
                return text
    return ""


def sentences(text: str) -> list[str]:
    parts, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[start : end.start()]):
            continue
        parts.append(text[start : end.start()].strip())
        start = end.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def fallback(body_html: str, limit: int = LIMIT) -> str:
    """Whole sentences of the first paragraph, at most `limit` characters; a first sentence
    longer than that is cut at a word with an ellipsis."""
    chosen = ""
    for sentence in sentences(first_paragraph(body_html)):
        joined = f"{chosen} {sentence}" if chosen else sentence
        if len(joined) > limit:
            break
        chosen = joined
    if chosen:
        return chosen
    return truncate(first_paragraph(body_html), limit)
