"""Files in: folders expanded, bytes checked and decoded, garbled characters repaired.

Everything that can go wrong with a file ends as an Unreadable with one line for HR, never a
traceback: a missing file, a folder without files, an empty file, a PDF or Word document.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

import ftfy
from ftfy.badness import is_bad

from ..reading.postingfile import MOJIBAKE_ONLY, decode, report_path
from .draft import Unreadable

# The first bytes of the binary files people most often mistake for a job description.
_SIGNATURES = (
    (b"%PDF", "a PDF file: copy its text into a .md or .txt file and import that"),
    (b"PK\x03\x04", "a Word document or another zipped file: save it as plain text (.txt) and import that"),
    (b"\xd0\xcf\x11\xe0", "an old Word document: save it as plain text (.txt) and import that"),
    (b"{\\rtf", "a rich-text (.rtf) file: save it as plain text (.txt) and import that"),
)  # fmt: skip


@dataclass
class Text:
    """A source file read as text: LF line ends, UTF-8, mojibake repaired."""

    path: str  # as people see it
    text: str
    suffix: str  # ".md", ".json", ... lower case
    notes: list[str] = field(default_factory=list)


# In a folder, files of these kinds are the old site's images and assets (a Hugo page bundle's
# logo), not job descriptions: left where they are and listed once in the summary.
ASSETS = frozenset((
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff",
    ".css", ".scss", ".sass", ".js", ".mjs", ".ts", ".tsx", ".jsx", ".map", ".woff", ".woff2",
    ".ttf", ".otf", ".eot", ".mp4", ".webm", ".mov", ".mp3", ".njk", ".liquid", ".hbs", ".scss",
))  # fmt: skip


def expand(
    sources: list[str], skipped: list[str] | None = None
) -> Iterator[tuple[str, str | None]]:
    """Each file to import, as (path, None); a source that gives none, as (path, message).

    A folder stands for the files in it and its subfolders (an old site's _jobs/ or content/jobs/),
    hidden ones and assets (added to `skipped`) left out. A file named on its own is always read.
    """
    for source in sources:
        if os.path.isdir(source):
            found = sorted(_files_in(source))
            assets = [p for p in found if os.path.splitext(p)[1].lower() in ASSETS]
            if skipped is not None:
                skipped += [report_path(p) for p in assets]
            found = [p for p in found if p not in assets]
            if not found:
                yield report_path(source), "is a folder with no files to import"
            for path in found:
                yield report_path(path), None
        else:
            yield source, None


def _files_in(folder: str) -> Iterator[str]:
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in names:
            if not name.startswith("."):
                yield os.path.join(root, name)


def read(path: str) -> Text:
    """The file as text, or Unreadable with the reason."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise Unreadable("does not exist; check the file name") from None
    except PermissionError:
        raise Unreadable("cannot be read: permission denied") from None
    except OSError as exc:
        raise Unreadable(f"cannot be read: {exc.strerror or exc}") from None
    if not raw.strip():
        raise Unreadable("is empty; there is nothing to import")
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise Unreadable(f"is {what}")
    if b"\x00" in raw[:8192]:
        raise Unreadable(
            "is not a text file (an image or a program?); import .md, .txt or .json files"
        )
    text, problems = decode(raw, path)
    notes = []
    if problems:
        notes.append("the file was not saved as UTF-8; it was read as Windows-1252 (Latin-1)")
    text, repaired = repair(text)
    if repaired:
        notes.append(
            f"garbled characters (text decoded with the wrong encoding) repaired, {repaired}"
        )
    suffix = os.path.splitext(path)[1].lower()
    return Text(report_path(path), text, suffix, notes)


def repair(text: str) -> tuple[str, str | None]:
    """Mojibake ("Bachelorâ€™s") repaired, quotes and everything else left as written.

    Returns the text and, when something changed, an example for the notes.
    """
    if not text or not is_bad(text):
        return text, None
    fixed = ftfy.fix_text(text, config=MOJIBAKE_ONLY)
    if fixed == text:
        return text, None
    for before, after in zip(text.split(), fixed.split(), strict=False):
        if before != after:
            return fixed, f"e.g. {after}"  # the garbled form must not reach the new file
    return fixed, "text re-decoded"
