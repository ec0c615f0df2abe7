"""An old posting's title and text, cleaned of what only the old site understood.

Titles: a Markdown link becomes its text (an off-site target is kept as an apply link), and
emphasis, quotes and "[closed]" banners go. Bodies: MDX import/export lines and Liquid comments
go; the title repeated as the first heading goes; anything else of the old templates (Liquid
tags, {{ variables }}, MDX components) stays where it is with a TODO comment above it, as do
images stored on the old site, which need their file here.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"^\[(?P<text>[^\]]+)\]\(\s*<?(?P<url>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)$")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_QUOTES = (('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"), ("'", "'"), ("‘", "’"), ("「", "」"))
_BANNER = re.compile(r"\s*[\[(](?:closed|filled|expired|archived|new|hiring|urgent|besetzt|"
                     r"pourvu)[\])]\s*", re.IGNORECASE)  # fmt: skip
_MDX_LINE = re.compile(r"^(?:import\s.+\sfrom\s+['\"].+['\"];?|import\s+['\"].+['\"];?|"
                       r"export\s+(?:const|default|function)\s.*)$")  # fmt: skip
_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}\n?", re.DOTALL)
_TEMPLATE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{\{<.*?>\}\}")
_COMPONENT = re.compile(r"</?[A-Z][A-Za-z0-9]*(?:\.[A-Za-z]+)?(?:\s[^>]*)?/?>")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(/[^)\s>]+|(?!https?:|data:|mailto:)[^)\s>:]+)>?[^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def clean_title(title: str) -> tuple[str, str | None]:
    """(the title, an off-site link it carried)."""
    text, url = " ".join(title.split()), None
    link = _LINK.match(text)
    if link:
        text = link.group("text").strip()
        url = link.group("url") if re.match(r"https?://", link.group("url")) else None
    text = _BANNER.sub(" ", text).strip()
    for _ in range(2):
        text = _EMPHASIS.sub(r"\2", text).strip()
        for first, last in _QUOTES:
            if len(text) > 2 and text.startswith(first) and text.endswith(last):
                text = text[len(first) : -len(last)].strip()
    return text, url


def clean_body(body: str, title: str | None) -> tuple[str, list[str]]:
    """(the body, notes for the file's header)."""
    notes: list[str] = []
    body = _LIQUID_COMMENT.sub("", body)
    lines = body.split("\n")
    out: list[str] = []
    fenced = False
    first_text = True
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or _FENCE.match(line):
            out.append(line)
            continue
        if _MDX_LINE.match(line.strip()):
            continue  # the old site's code, nothing a candidate reads
        heading = _HEADING.match(line)
        if first_text and line.strip():
            first_text = False
            if heading and title and _same(heading.group(1), title):
                continue  # the page shows the title already
        flagged = _flag(line)
        if flagged:
            out.append(f"<!-- TODO: {flagged} -->")
        out.append(line)
    images = [m.group(1) for m in _IMAGE.finditer(body)]
    if images:
        notes.append(
            "images stored on the old site: copy each file into content/images/ and write its "
            "path as /images/<name> in the text: " + ", ".join(dict.fromkeys(images))
        )
    return "\n".join(out), notes


def _flag(line: str) -> str | None:
    template = _TEMPLATE.search(line)
    if template:
        return (
            f"{template.group(0)} is the old site's template code and shows as written: "
            "replace it with the text it stood for, or delete it"
        )
    component = _COMPONENT.search(line)
    if component and not re.match(r"</?(?:A|B|I|P|U|BR|UL|LI|OL)\b", component.group(0)):
        return (
            f"{component.group(0)} is a component of the old site, which this site does not "
            "have: write its content as text, or delete it"
        )
    image = _IMAGE.search(line)
    if image:
        return (
            f"the image {image.group(1)} was on the old site: copy the file into content/images/ "
            "and write its path as /images/<name>, or delete the image"
        )
    return None


def _same(heading: str, title: str) -> bool:
    def norm(text: str) -> str:
        return re.sub(r"\W+", " ", clean_title(text)[0]).strip().casefold()

    return norm(heading) == norm(title)
