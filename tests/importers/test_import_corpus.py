"""Real postings from other sites, imported in one batch: the importer's promises, measured.

The committed corpus is tests/fixtures/import/corpus (sources and licences in its SOURCES.md);
OPENINGS_IMPORT_CORPUS names a further folder of postings kept outside the repository. A corpus
that is absent is skipped.
"""

from __future__ import annotations

import os
import statistics
from pathlib import Path

import pytest
from corpus_report import CORPUS, corpus_files, measure

FOLDERS = [CORPUS, Path(os.environ.get("OPENINGS_IMPORT_CORPUS", "/nonexistent"))]


@pytest.mark.parametrize("folder", FOLDERS, ids=["committed", "outside"])
def test_a_corpus_imports_whole_and_truthfully(folder):
    if not folder.is_dir() or not corpus_files(folder):
        pytest.skip(f"no corpus at {folder}")
    report = measure(folder)
    assert report.tracebacks == []
    assert report.lost == []
    assert report.invented == []
    assert report.imported / report.sources >= 0.97, report.text()
    assert statistics.median(report.edits) <= 2, report.text()


def test_the_invented_values_check_catches_a_value_the_source_does_not_state(tmp_path):
    from corpus_report import invented

    source = tmp_path / "old.md"
    source.write_text("---\ntitle: Engineer\n---\nWe build things in Bonn.\n", encoding="utf-8")
    posting = tmp_path / "engineer.md"
    posting.write_text(
        "---\ntitle: Engineer\ndate_posted: 2026-11-28\nstatus: open\nlocations: [berlin]\n"
        "apply_email: jobs@example.org\n---\nWe build things.\n",
        encoding="utf-8",
    )
    found = " ".join(invented(posting, source))
    assert "date_posted 2026-11-28" in found and "office berlin" in found
    assert "apply_email" in found and "no end date" in found and "title" not in found
