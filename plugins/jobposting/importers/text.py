"""What an old posting's text says that belongs in fields: its "Apply" link, for now."""

from __future__ import annotations

import re

_LINK = re.compile(
    r"\[([^\]]{1,80})\]\(\s*<?((?:https?://|mailto:)[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_HTML_LINK = re.compile(r"<a\s[^>]*href=[\"']((?:https?://|mailto:)[^\"']+)[\"'][^>]*>(.{1,80}?)</a>",
                        re.IGNORECASE | re.DOTALL)  # fmt: skip
_APPLY = re.compile(
    r"\b(?:apply|application|bewerb\w*|postul\w*|candidat\w*|solliciteer|aplicar|candidatar)"
    r"|応募|エントリー",
    re.IGNORECASE,
)


def apply_links(body: str) -> list[str]:
    """The targets of links whose text says "apply" ("Apply now", "Jetzt bewerben"), in order."""
    found = [(m.start(), m.group(1), m.group(2)) for m in _LINK.finditer(body)]
    found += [(m.start(), m.group(2), m.group(1)) for m in _HTML_LINK.finditer(body)]
    return [target.removeprefix("mailto:") for _, label, target in sorted(found)
            if _APPLY.search(label)]  # fmt: skip
