"""Helpers for the importer tests: import into a temporary site, and read back what was written."""

from __future__ import annotations

import re
from pathlib import Path

from openings.importers import ImportSummary, format_summary, run
from sitebuild import ROOT, Site, site_settings

FIXTURES = ROOT / "tests" / "fixtures" / "import"
EXPECTED = FIXTURES / "expected"


def import_into(site: Site, *sources: str | Path, force: bool = False) -> ImportSummary:
    settings = site_settings(site.content, site.output)
    return run([str(s) for s in sources], str(site.content / "jobs"), force, settings=settings)


def shown(summary: ImportSummary, tmp_path: Path) -> str:
    """The summary as HR sees it, with the temporary folder left out."""
    return format_summary(summary).replace(f"{tmp_path}/", "").replace(f"{FIXTURES}/", "")


def todo_fields(text: str) -> list[str]:
    """The fields a written file marks with a TODO comment (the field right after the comment)."""
    found, pending = [], False
    for line in text.split("\n")[1:]:
        if line == "---":
            break
        if line.startswith("# TODO:"):
            pending = True
        elif pending and not line.startswith("#"):
            found.append(re.match(r"([^:]+):", line).group(1))
            pending = False
    return found
