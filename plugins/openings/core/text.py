"""Small text helpers shared by the reader, validator and theme."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")


def clean_line(text: str) -> str:
    """One line of text as a person meant it: no zero-width characters, spaces folded."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: the keys and addresses the plugin makes itself.

    A posting page's slug is Pelican's, made by its own rules (core/slugs.py)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def truncate(text: str, limit: int) -> str:
    """Cut at a word boundary and add an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-–— ")
    return cut + "…"
