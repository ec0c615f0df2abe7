"""A posting file -> its front matter, problems and sanitised HTML, without Pelican.

What the build's reader (reader.py), its read-ahead helpers (build/speedup.py) and `openings
validate` share. Nothing here imports Pelican, so checking one file does not pay for loading
Pelican's readers, docutils and Jinja (about 0.2 s).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from dataclasses import replace

from ..core import rules
from ..core.problems import Problem, Severity
from ..core.text import clean_line, truncate
from . import frontmatter, gfm, images, limits

EXTENSIONS = ("md", "markdown", "mkd", "mdown")
# The date Pelican needs for a file whose date_posted cannot be read; the file is rejected anyway.
PLACEHOLDER_DATE = "2000-01-01"


@functools.cache
def _ftfy():
    """ftfy, imported the first time a text has characters it could be about: most files,
    with ASCII and typographic punctuation only, never need it, nor does `openings validate` of
    such a file."""
    import ftfy
    from ftfy.badness import is_bad

    # Only the repairs of text decoded with the wrong encoding; quotes, widths and ligatures
    # stay as the author wrote them ("Bachelor’s" keeps its typographic apostrophe).
    mojibake_only = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        remove_control_chars=False, normalization=None, explain=False,
    )  # fmt: skip
    return ftfy, is_bad, mojibake_only


def __getattr__(name: str):
    if name == "MOJIBAKE_ONLY":  # what importers/sources.py and the tests use
        return _ftfy()[2]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def report_path(source_path: str) -> str:
    """The path as people see it: relative to the working folder when inside it."""
    relative = os.path.relpath(source_path)
    return source_path if relative.startswith("..") else relative.replace(os.sep, "/")


def decode(raw: bytes, path: str) -> tuple[str, list[Problem]]:
    """Bytes -> text with LF line ends. UTF-8 (with or without BOM); else Windows-1252, said."""
    problems = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        text = raw.decode("cp1252", errors="replace")
        problems.append(
            Problem(
                path,
                line,
                None,
                "the file is not saved as UTF-8 (it looks like Windows-1252 or Latin-1, as "
                "word processors save); it was read as such: save it as UTF-8",
                Severity.WARNING,
                rules.ENCODING,
            )
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


# ftfy's detector (one big regex) matches at most 7 characters, one of them non-ASCII at least
# (tests/unit/test_fast_paths.py checks both): only the text near non-ASCII characters can match.
DETECTOR_REACH = 6
# Typographic punctuation that pasted text is full of. Every pattern of the detector also needs a
# character that is neither ASCII nor one of these (tests/unit/test_fast_paths_reading.py reads
# ftfy's regex), so stretches are needed only around the other non-ASCII characters.
TYPOGRAPHIC = "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u00a0"  # ’ ‘ “ ” – — … no-break space
_SUSPECT_RUN = re.compile(rf"[^\x00-\x7f{TYPOGRAPHIC}]+")


def import_repairs() -> None:
    """Import ftfy now, before the build forks processes that would each import it."""
    _ftfy()


def looks_garbled(text: str) -> bool:
    """ftfy's is_bad(text), run only on the stretches around unusual non-ASCII characters.

    Pasted text is mostly ASCII with a typographic apostrophe here and there: the detector's
    regex over a whole body, or around every apostrophe, would be a large part of reading a
    big board.
    """
    start = end = -1
    for run in _SUSPECT_RUN.finditer(text):
        low, high = max(run.start() - DETECTOR_REACH, 0), run.end() + DETECTOR_REACH
        if low <= end:  # overlaps the stretch so far: one stretch
            end = high
            continue
        if end >= 0 and _ftfy()[1](text[start:end]):
            return True
        start, end = low, high
    # a stretch starts at the text's start or 6 characters before a run, on a character that is
    # ASCII or typographic, so the detector's one anchored pattern (^Ã , tested) cannot match
    # where the text has no start
    return end >= 0 and _ftfy()[1](text[start:end])


def repair_mojibake(text: str, path: str) -> tuple[str, list[Problem]]:
    if not looks_garbled(text):
        return text, []
    ftfy, _, mojibake_only = _ftfy()
    fixed = ftfy.fix_text(text, config=mojibake_only)
    if fixed == text:
        return text, []
    problems = []
    for number, (before, after) in enumerate(
        zip(text.split("\n"), fixed.split("\n"), strict=False), 1
    ):
        if before != after:
            was, now = (truncate(s, 60) for s in _first_difference(before, after))
            problems.append(
                Problem(
                    path,
                    number,
                    None,
                    f"garbled characters {was!r} (pasted from a word processor?) were "
                    f"shown as {now!r}; write {now!r} in the file",
                    Severity.WARNING,
                    rules.MOJIBAKE,
                )
            )
    return fixed, problems


def _first_difference(before: str, after: str) -> tuple[str, str]:
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), 0)
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b, end_a = end_b - 1, end_a - 1
    word_start = before.rfind(" ", 0, start) + 1
    word_end_b = before.find(" ", end_b)
    word_end_a = after.find(" ", end_a)
    return (
        before[word_start : word_end_b if word_end_b != -1 else None],
        after[word_start : word_end_a if word_end_a != -1 else None],
    )


def parse_file(source_path: str, path: str, within: limits.Limits) -> tuple:
    """A file's front matter, problems so far and sanitised HTML (GitHub Flavored Markdown, as
    HR saw it in the editor's preview: gfm.py): all that reading it takes that needs neither
    Pelican nor the rest of the board (speed/readahead.py runs it ahead).

    A file beyond the limits (limits.py) is refused before the parsers that its size or depth
    would slow down: its body is not rendered, its front matter not read when the file is too
    big to be one."""
    with open(source_path, "rb") as handle:
        raw = handle.read(within.file_bytes + 1)
        if len(raw) > within.file_bytes:
            size = os.fstat(handle.fileno()).st_size
            message = limits.size_message(size, within.body_bytes, "the file")
            return _refused(path, 1, message, rules.LIMIT_BODY)
    text, problems = decode(raw, path)
    text, repaired = repair_mojibake(text, path)
    problems += repaired
    doc = frontmatter.parse(text, within.fields)
    refusal = _body_refusal(doc, within)
    rendered = gfm.render(doc.body) if doc.body and refusal is None else ""
    if len(rendered) > within.body_bytes * limits.HTML_GROWTH:
        message = limits.html_message(len(rendered), within.body_bytes * limits.HTML_GROWTH)
        refusal = frontmatter.FrontMatterError(doc.body_line, message, rules.LIMIT_HTML)
        rendered = ""
    if refusal is not None:
        doc = replace(doc, body="", errors=(*doc.errors, refusal))
    for error in (*doc.errors, *doc.warnings):
        severity = Severity.WARNING if error.warning else Severity.ERROR
        problems.append(Problem(path, error.line, None, error.message, severity, error.rule))
    body_html = gfm.sanitised(rendered) if rendered else ""
    problems += images.foreign_images(
        body_html, doc.body, doc.body_line, path, within.image_hosts, within.site_url
    )
    return doc, limits.cap_per_rule(problems, within.messages_per_rule), body_html


def _refused(path: str, line: int, message: str, rule: str) -> tuple:
    """A file not read at all: one error, no fields, no body."""
    error = frontmatter.FrontMatterError(line, message, rule)
    doc = frontmatter.Document({}, "", 1, (error,), True, {})
    return doc, [Problem(path, line, None, message, Severity.ERROR, rule)], ""


def _body_refusal(doc, within: limits.Limits) -> frontmatter.FrontMatterError | None:
    """The body's size, depth and table cells, measured before cmark-gfm and the sanitiser."""
    if len(doc.body) * 4 > within.body_bytes:  # a character is at most 4 bytes in UTF-8
        size = len(doc.body.encode("utf-8", "surrogatepass"))
        if size > within.body_bytes:
            message = limits.size_message(size, within.body_bytes)
            return frontmatter.FrontMatterError(doc.body_line, message, rules.LIMIT_BODY)
    deep = limits.nesting_problem(doc.body, doc.body_line, within.nesting)
    if deep is not None:
        line, depth = deep
        message = limits.nesting_message(depth, within.nesting)
        return frontmatter.FrontMatterError(line, message, rules.LIMIT_NESTING)
    wide = limits.table_problem(doc.body, doc.body_line)
    if wide is not None:
        line, cells = wide
        message = limits.table_message(cells, limits.MAX_TABLE_CELLS)
        return frontmatter.FrontMatterError(line, message, rules.LIMIT_TABLE)
    return None


def missing_front_matter(doc, path: str) -> list[Problem]:
    """A posting must start with front matter; a company page need not."""
    if doc.has_front_matter:
        return []
    return [
        Problem(
            path,
            1,
            None,
            "this file has no front matter: start it with a line ---, the fields (title, "
            "department, date_posted, ...), another ---, then the description; `./openings new` "
            "writes such a file",
            Severity.ERROR,
            rules.NO_FRONT_MATTER,
        )
    ]


def read_posting(source_path: str, within: limits.Limits) -> tuple:
    """(document, problems, sanitised HTML) of a file read as a posting, as the build reads it."""
    path = report_path(source_path)
    doc, problems, body_html = parse_file(source_path, path, within)
    return doc, problems + missing_front_matter(doc, path), body_html


def title_of(doc, source_path: str) -> str:
    """The title Pelican is given: the field's, else the file's name."""
    return scalar(doc.fields.get("title")) or os.path.splitext(os.path.basename(source_path))[0]


def scalar(field) -> str | None:
    if field is None or not field.is_scalar or field.value is None:
        return None
    return clean_line(str(field.text)) or None


def date_text(field) -> str:
    """date_posted as YYYY-MM-DD when it is one, else the placeholder."""
    text = scalar(field)
    if text:
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    return PLACEHOLDER_DATE
