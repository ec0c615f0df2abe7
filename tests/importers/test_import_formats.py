"""openings import, format by format: each sample source -> the exact file and summary expected.

The expected results live beside the sources in tests/fixtures/import/expected/, one file per
source: the summary HR sees, then every file written. Set OPENINGS_UPDATE_GOLDEN=1 to rewrite them
after a deliberate change, and read the diff.
"""

from __future__ import annotations

import os

import pytest
from importing import EXPECTED, FIXTURES, import_into, shown
from sitebuild import Site

SOURCES = [
    "backend-developer.md",  # plain Markdown, mojibake, no fields
    "latin1-job.txt",  # plain text saved as Windows-1252 with CRLF, bullets and "Label:" lines
    "jekyll-job.md",  # Jekyll YAML: layout, Jekyll's date form, salary_* fields, ref: 0123
    "hugo-job.md",  # Hugo TOML with [params], a draft
    "hugo-remote-crlf.md",  # Hugo YAML with CRLF: remote, countries, "Competitive", TBD, "NO"
    "pelican-job.md",  # Pelican headers, an underlined heading, a continued Summary line
    "greenhouse-board.json",  # a board: a clean job and one with Paris, Sales, two pay zones
    "greenhouse-job.json",  # one job: entities, mojibake, Remote (US), hourly pay in cents
    "lever-postings.json",  # a list: hybrid London with a salary range, a remote contract
    "lever-posting.json",  # one posting, with no date, no salary, no country
    "hugo-site",  # a folder: a Hugo page bundle (jobs/<name>/index.md); its empty folder is skipped
]


def _golden(summary_text: str, jobs) -> str:
    parts = [summary_text]
    for path in sorted(jobs.iterdir()):
        parts.append(f"==> {path.name} <==\n{path.read_text(encoding='utf-8')}")
    return "\n".join(parts)


@pytest.mark.parametrize("source", SOURCES)
def test_each_source_becomes_the_expected_posting(tmp_path, monkeypatch, source):
    monkeypatch.chdir(FIXTURES)  # sources are named as HR would type them
    site = Site(tmp_path)
    summary = import_into(site, source)
    actual = _golden(shown(summary, tmp_path), site.content / "jobs")
    expected_path = EXPECTED / f"{source.replace('/', '_')}.txt"
    if os.environ.get("OPENINGS_UPDATE_GOLDEN"):
        expected_path.parent.mkdir(exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")
    assert summary.failed == 0


BAD_SOURCES = {
    "empty.md": "empty.md: not imported: is empty; there is nothing to import",
    "report.pdf": "report.pdf: not imported: is a PDF file: copy its text into a .md or .txt file and import that",
    "logo.png": "logo.png: not imported: is not a text file (an image or a program?); import .md, .txt or .json files",
    "not-json.json": "not-json.json: not imported: is not valid JSON (line 1, column 1: Expecting value); save the API's answer again, whole",
    "unknown.json": 'unknown.json: not imported: is JSON, but not a Greenhouse job-board export (a job, or {"jobs": [...]}) nor a Lever postings export (a posting, or a list of them)',
    "no-such-file.md": "no-such-file.md: not imported: does not exist; check the file name",
    "hugo-site/empty": "hugo-site/empty: not imported: is a folder with no files to import",
}  # fmt: skip


def test_every_unreadable_source_gets_one_line_and_the_rest_is_imported(tmp_path, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    site = Site(tmp_path)
    summary = import_into(site, *BAD_SOURCES, "greenhouse-job.json")
    lines = shown(summary, tmp_path).split("\n")
    for expected in BAD_SOURCES.values():
        assert expected in lines
    assert (summary.imported, summary.failed, summary.exit_code) == (1, len(BAD_SOURCES), 1)
    assert lines[-1] == f"1 posting imported (1 needs attention), {len(BAD_SOURCES)} failed."
    assert [p.name for p in (site.content / "jobs").iterdir()] == [
        "customer-support-specialist-trainer.md"
    ]
