"""HTML from an applicant-tracking system -> Markdown that HR can edit in GitHub's editor.

Markdown, not kept HTML: HR edit these files by hand, and `<p>`, `<ul>`, `<li>` soup is where
they would break things. markdownify (a maintained converter on BeautifulSoup) does the work;
this module only chooses its options, strips what a posting must not carry (scripts, styles,
images from the old tracker's servers), and puts section headings under the page's own title.
"""

from __future__ import annotations

import html as html_lib
import re

from markdownify import MarkdownConverter

from .sources import repair

# Tags dropped, their text kept: the tracker's images (pixels, logos on its servers), embeds and
# form controls. markdownify drops <script> and <style> with their content by itself.
_DROP = ["img", "iframe", "form", "input", "button", "select", "textarea"]
_HEADING = re.compile(r"^(#{1,6}) ", re.MULTILINE)


def to_markdown(fragment: str | None) -> str:
    """An HTML fragment as Markdown: headings in `##` style, `-` bullets, paragraphs kept."""
    if not fragment or not fragment.strip():
        return ""
    converter = MarkdownConverter(
        heading_style="ATX",
        bullets="-",
        strip=_DROP,
        escape_asterisks=False,
        escape_underscores=False,
    )
    text = converter.convert(fragment)
    return tidy(text)


def decode_entities(text: str | None) -> str:
    """Greenhouse sends its HTML entity-encoded (`&lt;p&gt;`): decode it once, to HTML."""
    return html_lib.unescape(text or "")


def tidy(markdown: str) -> str:
    """No-break spaces and trailing spaces gone, at most one blank line between blocks, and the
    first heading level at `##` (the page's title is the only `#`)."""
    markdown, _ = repair(markdown)
    lines = [
        line.replace("\u00a0", " ").rstrip() for line in markdown.replace("\r", "").split("\n")
    ]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return demote_headings(text)


_SETEXT = re.compile(r"^(?P<text>[^\s#*+\->|].*)\n(?P<rule>=+|-+)[ \t]*$", re.MULTILINE)


def demote_headings(markdown: str) -> str:
    """Shift every heading so the highest is `##`: an `#` in the body would compete with the
    posting's title. Underlined headings ("Title" over "=====") become `#` headings first."""
    markdown = _SETEXT.sub(
        lambda m: ("# " if m.group("rule")[0] == "=" else "## ") + m.group("text").strip(), markdown
    )
    levels = [len(m.group(1)) for m in _HEADING.finditer(markdown)]
    if not levels or min(levels) >= 2:
        return markdown
    shift = 2 - min(levels)
    return _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + shift) + " ", markdown)
