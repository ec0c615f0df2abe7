"""How typed text is matched against known values: keys that ignore case, accents and
punctuation, the answer a normalizer gives (a value, or a "did you mean"), and its cache.

Pure functions, no Pelican. Used by the vocabularies (normalize.py), places (geo.py) and
currencies (currencies.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, wraps


@dataclass(frozen=True)
class Normalized:
    value: str | None  # canonical value when the input is accepted
    # "did you mean" when not accepted: a canonical value, or a short text when it is not one
    suggestion: str | None = None


def text_cache(maxsize: int, default: object = Normalized(None)):
    """lru_cache for functions of a text: anything else YAML produces (a list, a number, None)
    gets `default` without reaching the cache, which could not hash it."""

    def decorate(function):
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text, *args, **kwargs):
            if not isinstance(text, str):
                return default
            return cached(text, *args, **kwargs)

        call.cache_info = cached.cache_info
        call.cache_clear = cached.cache_clear
        return call

    return decorate


def fix_text(text: str, clean: bool = False) -> str:
    """Undo what word processors and wrong encodings do to text (smart quotes, mojibake, NBSP).

    `clean`: text written in the code (the vocabularies), which has nothing to undo; it
    skips ftfy, whose import `openings validate` then pays only for a file that needs it. tests/unit/test_fast_paths_reading.py checks that every vocabulary key is the same.
    """
    if not text.isascii() and not clean:
        import ftfy  # only pays its import cost when there is something to fix

        text = ftfy.fix_text(text)
    return unicodedata.normalize("NFKC", text)


def fold(text: str, clean: bool = False) -> str:
    """Case- and accent-insensitive form: "Télétravail" -> "teletravail"."""
    decomposed = unicodedata.normalize("NFKD", fix_text(text, clean).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_key(text: str, clean: bool = False) -> str:
    """Matching key: ignores case, accents, spaces, hyphens, underscores and punctuation."""
    return re.sub(r"[\W_]+", "", fold(text, clean))
