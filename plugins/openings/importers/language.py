"""The language of an imported posting when its fields do not say: from the file's name or path
(jobs/dev.de.md, /fr/dev.md), else from its text.

The text is read by py3langid (a maintained fork of langid.py, with its model in the package: no
download, no network). Only a clear reading of enough text counts; otherwise the posting gets no
`lang` and the site's default applies, as for any posting written without one.
"""

from __future__ import annotations

import functools
import re

_IN_NAME = re.compile(r"\.([a-z]{2})(?:[-_]([A-Za-z]{2}))?\.[A-Za-z]+$")
_IN_PATH = re.compile(r"(?:^|[\\/])([a-z]{2})(?:[-_]([A-Za-z]{2}))?[\\/]")
# ISO 639-1 codes people use as folder names; "ui/", "js/", "go/" are not languages
_LANGS = frozenset((
    "ar", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "he", "hi", "hr",
    "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "nb", "nl", "no", "pl", "pt", "ro", "ru", "sk",
    "sl", "sr", "sv", "th", "tr", "uk", "vi", "zh",
))  # fmt: skip
_MIN_LETTERS = 120  # shorter texts are read wrongly too often
_SURE = 0.95


def from_path(path: str) -> str | None:
    """ "jobs/dev.de.md" -> "de"; "_posts/fr/dev.md" -> "fr"; else None."""
    name = _IN_NAME.search(path)
    if name and name.group(1) in _LANGS:
        return name.group(1)
    folders = [m.group(1) for m in _IN_PATH.finditer(path) if m.group(1) in _LANGS]
    return folders[-1] if folders else None


def from_text(text: str) -> str | None:
    """The text's language, when py3langid is sure of it."""
    plain = re.sub(r"https?://\S+|`[^`]*`|<[^>]+>|\{[{%].*?[%}]\}|[#*_>\[\]()|-]", " ", text)
    if sum(ch.isalpha() for ch in plain) < _MIN_LETTERS:
        return None
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:  # an installation without it still imports, with no detection
        return None
    code, probability = _identifier(LanguageIdentifier, MODEL_FILE).classify(plain)
    return code if probability >= _SURE and code in _LANGS else None


@functools.cache  # the model is loaded once, on the first text without a language
def _identifier(kind, model):
    return kind.from_model_file(model, norm_probs=True)
