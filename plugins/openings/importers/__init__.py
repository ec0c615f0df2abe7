"""`openings import`: existing job descriptions -> postings in content/jobs/.

importer.py runs an import. One reader per source format turns a file into Drafts (formats.py
picks it: plaintext, staticsite for Jekyll/Hugo, pelicanmarkdown, greenhouse, lever; HTML
becomes Markdown in htmltomarkdown.py); cleanup.py, bodyfacts.py and language.py read what the
text says; translations.py groups one job's languages; mapping.py maps the fields to ours and
marks what it cannot; writer.py writes the file; check.py runs the build's own checks on it;
results.py says what happened. Every source gets its own file (destination.py), nothing is
overwritten but by --force with the same source, and a file that cannot be imported gets one
line saying why.
"""

from __future__ import annotations

from .importer import run
from .results import ImportResult, ImportSummary, format_summary

__all__ = ["ImportResult", "ImportSummary", "format_summary", "run"]
