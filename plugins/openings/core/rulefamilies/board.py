"""Rules across files: the board as a whole, data files, and what Pelican could not read."""

from __future__ import annotations

from .rule import Rule, registrar

RULES: dict[str, Rule] = {}
rule = registrar(RULES)

DUPLICATE_SLUG = rule(
    "duplicate-slug",
    "error",
    "Two postings would have the same web address.",
    "Rename one file, or give one of them a different slug.",
)
DUPLICATE_REQ_ID = rule(
    "duplicate-req-id",
    "error",
    "Two postings have the same req_id.",
    "Give each posting its own.",
)
TRANSLATION_REQ_ID = rule(
    "translation-req-id",
    "error",
    "The translations of one posting (files with the same slug) have different req_ids.",
    "A posting translated into several languages is one posting: give each translation the"
    " posting's req_id (or none).",
    "req_id: ENG-101",
)
DUPLICATE_POSTING = rule(
    "duplicate-posting",
    "warning",
    "Two open postings have the same title and location.",
    "Close one, or make the titles say what differs (e.g. the team).",
)
NOT_MARKDOWN = rule(
    "not-markdown",
    "error",
    "A file in content/jobs/ is not a Markdown (.md) file.",
    "Rename it to end in .md, or move it out of content/jobs/.",
)
UNREADABLE = rule(
    "unreadable",
    "error",
    "Pelican could not read the file.",
    "The message above it says why; often the file is empty or not text.",
)
DATA_FILE = rule(
    "data-file",
    "error",
    "A data file (offices.yml, departments.yml, ...) has a mistake.",
    "Fix the line named; the message says what each entry needs.",
)
