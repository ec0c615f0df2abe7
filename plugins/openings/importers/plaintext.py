"""A job description as plain text or Markdown, with no fields: the title is its first heading.

The seed posting (../shared/seeds/backend-developer.md) is this kind: "# Back-end Developers",
then sections. Sections are kept as they are; headings move down a level where needed so the
title stays the page's only `#`. Plain-text files pasted from a word processor get their
"•" bullets and "Responsibilities:" lines turned into Markdown lists and headings.
"""

from __future__ import annotations

import re

from .draft import Draft
from .htmltomarkdown import demote_headings
from .sources import Text

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_BULLET = re.compile(r"^(\s*)[•·◦▪●○■□➢➤►–—]\s*")
_LABEL = re.compile(r"^([A-ZÄÖÜ][^.!?:]{1,60}):$")
TITLE_LIMIT = 100


def read(text: Text) -> list[Draft]:
    draft = Draft(origin=text.path, key=f"file:{text.path}", notes=list(text.notes))
    draft.title, body = split_title(text.text)
    if text.suffix not in (".md", ".markdown", ".mdown", ".mkd"):
        body = plain_to_markdown(body)
    draft.body = demote_headings(body.strip("\n"))
    return [draft]


def split_title(text: str) -> tuple[str | None, str]:
    """(title, the rest): the first heading, or a short first line standing alone."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, ""
    line = lines[first]
    heading = _ATX.match(line)
    if heading:
        return heading.group(2).strip(), "\n".join(lines[first + 1 :])
    following = lines[first + 1] if first + 1 < len(lines) else ""
    if _SETEXT.match(following) and following.strip():
        return line.strip(), "\n".join(lines[first + 2 :])
    alone = not following.strip()
    if alone and len(line.strip()) <= TITLE_LIMIT and not line.rstrip().endswith((".", ":")):
        return line.strip(), "\n".join(lines[first + 1 :])
    return None, "\n".join(lines[first:])


def plain_to_markdown(body: str) -> str:
    """Word-processor text: "•" bullets -> "- ", a line like "Requirements:" -> a heading."""
    out = []
    lines = body.split("\n")
    for index, raw in enumerate(lines):
        bullet = _BULLET.match(raw)
        line = f"{bullet.group(1)}- {raw[bullet.end() :]}" if bullet else raw
        label = _LABEL.match(line.strip())
        before = lines[index - 1].strip() if index else ""
        if label and not before:
            out.append(f"## {label.group(1)}")
            if index + 1 < len(lines) and lines[index + 1].strip():
                out.append("")  # Markdown needs the blank line after a heading before a list
            continue
        out.append(line)
    return "\n".join(out)
