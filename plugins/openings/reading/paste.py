"""What pasting from Word, Google Docs or another site leaves in a posting, found on its line.

- invisible characters in the front matter (non-breaking and zero-width spaces, direction marks):
  YAML reads `valid_through:` followed by a non-breaking space as one word and complains lines
  later, so they are reported where they are, by name, before YAML is asked;
- curly quotes around a value, which YAML keeps as part of the text;
- `•` bullets in the description, which Markdown shows as one run-on paragraph
  (`openings fix` turns them into a Markdown list);
- template code left over from another site (Liquid, Hugo shortcodes, JSX), shown literally;
- a title that is a link, a web address, code or template syntax rather than a job's name.

Pure functions over text: frontmatter.py and validate.py call them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

import yaml

from ..core import rules
from ..core.problems import Problem, Severity

# Spaces that look like a space but are not one, and characters that take no room at all.
INVISIBLE = re.compile(
    "[\u00a0\u00ad\u034f\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f"
    "\u3000\ufeff]"
)
# Opening and closing quotes of word processors, by the straight quote they stand for.
CURLY_PAIRS = {"\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb", "\u2018": "\u2019",
               "\u201a": "\u2018", "\u201d": "\u201d"}  # fmt: skip
KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[^\s:#][^:]*:\s+)(\S.*?)\s*$")

BULLET_LEVELS = {"\u2022": 0, "\u25e6": 1, "\u25aa": 2, "\u2013": 0}  # • ◦ ▪ –
BULLET_LINE = re.compile("^([ \t]*)([\u2022\u25e6\u25aa\u2013])[ \t\u00a0]*(?=\\S)")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")
LEFTOVERS = (
    (re.compile(r"\{\{[<%].*?[%>]\}\}"), "a Hugo shortcode"),
    (re.compile(r"\{%-?\s*\w.*?%\}"), "a Liquid tag"),
    (re.compile(r"\{\{-?\s*[\w.]+(?:\s*\|[^}]*)?\s*-?\}\}"), "a template variable"),
    (re.compile(r"^\s*(?:import\s.+\sfrom\s+['\"]|export\s+(?:default|const|function)\b)"),
     "a JavaScript import or export (MDX)"),
    (re.compile(r"\b\w+=\{\{.*?\}\}|<[A-Z]\w*[\s/>]"), "a JSX component or attribute"),
)  # fmt: skip
TITLE_SYNTAX = (
    (re.compile(r"\[[^\]]*\]\([^)]*\)"), "a Markdown link"),
    (re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE), "a web address"),
    (re.compile(r"\{\{|\}\}|\{%|%\}|<%|\$\{"), "template code"),
    (re.compile(r"`|^\s*(?:import|export)\s+(?:\{|\*|\w+\s+from\b|default\b)"
                r"|^\s*(?:const|let|var|function)\s+\w+\s*[=(]|[{};]\s*$"), "code"),
    (re.compile(r"\*\*|__|(?:^|\s)[*_]\S.*\S[*_](?:\s|$)|^#+\s"), "Markdown formatting"),
)  # fmt: skip


def character_name(char: str) -> str:
    return f"{unicodedata.name(char, 'an unnamed character')} (U+{ord(char):04X})"


# --- front matter ---------------------------------------------------------------------------


def front_matter_problems(yaml_text: str, first_line: int) -> list[tuple[int, str, str]]:
    """(line, message, rule) for invisible characters and curly quotes in the front matter."""
    found = []
    if not (INVISIBLE.search(yaml_text) or any(q in yaml_text for q in CURLY_PAIRS)):
        return found  # nearly every posting: one scan, no line split
    for offset, line in enumerate(yaml_text.split("\n")):
        if line.lstrip().startswith("#"):
            continue  # a note: the site ignores it
        number = first_line + offset
        invisible = INVISIBLE.search(line)
        if invisible:
            char = invisible.group()
            before = line[: invisible.start()].strip()
            where = f" after {before[-30:]!r}" if before else " at the start of the line"
            found.append((
                number,
                (f"the front matter contains the invisible character {character_name(char)}"
                 f"{where}, usually from pasting; delete it and type a plain space (or nothing) "
                 "in its place"),
                rules.INVISIBLE_IN_FRONT_MATTER,
            ))  # fmt: skip
            continue
        pair = KEY_VALUE.match(line)
        value = pair.group(2) if pair else ""
        if value[:1] in CURLY_PAIRS and value[-1:] in CURLY_PAIRS.values() and len(value) > 1:
            inner = value[1:-1].replace('"', "'")
            found.append((
                number,
                (f"the value is in curly quotes {value[0]} {value[-1]} (from a word processor), "
                 "which would become part of the text; write straight quotes: "
                 f'{pair.group(1).strip()} "{inner}"'),
                rules.CURLY_QUOTES,
            ))  # fmt: skip
    return found


# --- the description ------------------------------------------------------------------------


def _body_lines(body: str):
    """(index, line) of the lines outside fenced code blocks, with inline code removed."""
    fenced = False
    for index, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield index, line


@functools.cache
def _placeholders() -> frozenset[str]:
    """The placeholder lines of the description `openings new` writes, in every language it
    writes one in (`new_body` of locale/<lang>/sitetemplate.yml): every line but headings,
    without its list marker."""
    found = set()
    for folder in resources.files("openings").joinpath("locale").iterdir():
        words = folder.joinpath("sitetemplate.yml")
        if not words.is_file():
            continue
        body = (yaml.safe_load(words.read_text(encoding="utf-8")) or {}).get("new_body", "")
        lines = (line.strip().removeprefix("- ") for line in body.split("\n"))
        found |= {line for line in lines if line and not line.startswith("#")}
    return frozenset(found)


def body_problems(body: str, body_line: int, path: str) -> list[Problem]:
    """Warnings for `•` bullets, for template leftovers, and for the posting template's own
    placeholder lines in the description."""
    found = []
    placeholders = _placeholders()
    for index, line in _body_lines(body):
        if line.strip().removeprefix("- ") in placeholders:
            found.append(
                Problem(
                    path, body_line + index, None,
                    f"{line.strip()[:60]!r} is the posting template's placeholder; the page "
                    "would show it as written: write the real text in its place, or delete "
                    "the line",
                    Severity.WARNING, rules.TEMPLATE_PLACEHOLDER,
                )
            )  # fmt: skip
    bullets = [i for i, line in _body_lines(body) if BULLET_LINE.match(line)]
    if bullets:
        lines = ", ".join(str(body_line + i) for i in bullets[:5])
        more = f" and {len(bullets) - 5} more" if len(bullets) > 5 else ""
        found.append(
            Problem(
                path, body_line + bullets[0], None,
                f"{len(bullets)} line{'s start' if len(bullets) > 1 else ' starts'} with a "
                f"bullet pasted from a word processor (•, ◦, ▪ or –): line"
                f"{'s' if len(bullets) > 1 else ''} {lines}{more}; the page shows them as one "
                f"run-on paragraph: run "
                f"`./openings fix {path}` to make them a list, or start each with - and a space",
                Severity.WARNING, rules.PASTED_BULLETS,
            )
        )  # fmt: skip
    for index, line in _body_lines(body):
        if not _may_hold_leftover(line):
            continue
        text = INLINE_CODE.sub("", line)
        for pattern, what in LEFTOVERS:
            match = pattern.search(text)
            if match:
                shown = match.group().strip()[:40]
                found.append(
                    Problem(
                        path, body_line + index, None,
                        f"{shown!r} is {what} left over from another site; the page would "
                        "show it as written: delete it, or write what it stood for",
                        Severity.WARNING, rules.TEMPLATE_LEFTOVER,
                    )
                )  # fmt: skip
                break
    return found


def _may_hold_leftover(line: str) -> bool:
    """Whether any of LEFTOVERS could match `line` once its inline code is removed: each needs a
    brace, a "<", or the word import or export, and only a line with a backtick has inline code
    whose removal could join such a word (im`x`port). Most lines of a description have none of
    them, and are passed over without trying every pattern."""
    return "{" in line or "<" in line or "`" in line or "import" in line or "export" in line


def repair_bullets(text: str) -> tuple[str, int]:
    """The whole file with pasted bullets in its description made a Markdown list, and how many.

    • is a list item, ◦ one level in, ▪ two levels in; the front matter is left as it is."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                start = index + 1
                break
    count = 0
    fenced = False
    for index in range(start, len(lines)):
        line = lines[index]
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else BULLET_LINE.match(line)
        if match:
            indent = match.group(1).replace("\t", "  ") or "  " * BULLET_LEVELS[match.group(2)]
            lines[index] = f"{indent}- {line[match.end() :]}"
            count += 1
    return "\n".join(lines), count


# --- the title ------------------------------------------------------------------------------


def title_problems(field, path: str) -> list[Problem]:
    """An error when the title (a front matter Field) holds a link, an address or code."""
    if field is None or not field.is_scalar or not field.text:
        return []
    title, line = str(field.text).strip(), field.line
    found = [what for pattern, what in TITLE_SYNTAX if pattern.search(title)]
    if not found:
        return []
    shown = title if len(title) <= 60 else title[:59] + "…"
    what = " and ".join(found)
    return [
        Problem(
            path, line, "title",
            f"{shown!r} contains {what}; the title is shown as plain text on the page and in "
            "Google: write the job title only, e.g. title: Senior Backend Engineer",
            Severity.ERROR, rules.TITLE_SYNTAX,
        )
    ]  # fmt: skip
