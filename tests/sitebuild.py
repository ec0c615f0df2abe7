"""Real Pelican builds of real content into temporary folders, for every layer of tests."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-28"  # every test pins "today"; the sample content is written around it
SITEURL = "https://careers.example"


def site_settings(content: Path, output: Path, **overrides) -> dict:
    """The project's own pelicanconf.py, pointed at a test's folders, with "today" pinned."""
    from pelican.settings import read_settings

    values = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "THEME": str(ROOT / "plugins" / "openings" / "theme"),
        "SITEURL": SITEURL,
        "JOBPOSTING_TODAY": TODAY,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "CACHE_PATH": str(content.parent / ".pelican-cache"),  # compiled templates: per test
    }
    values.update(overrides)
    return read_settings(str(ROOT / "pelicanconf.py"), override=values)


def run_build(content: Path, output: Path, **overrides):
    from pelican import Pelican

    settings = site_settings(content, output, **overrides)
    Pelican(settings).run()
    return output


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


class Site:
    """A content folder in tmp_path with the sample data files, to which a test adds postings."""

    def __init__(self, tmp_path: Path, with_samples: bool = False):
        self.content = tmp_path / "content"
        self.output = tmp_path / "output"
        if with_samples:
            shutil.copytree(
                ROOT / "content", self.content, ignore=shutil.ignore_patterns("README.md")
            )
        else:
            (self.content / "jobs").mkdir(parents=True)
            (self.content / "pages").mkdir()
            shutil.copytree(ROOT / "content" / "data", self.content / "data")

    def posting(self, name: str, text: str) -> Path:
        path = self.content / "jobs" / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def build(self, **overrides) -> Path:
        return run_build(self.content, self.output, **overrides)

    def page(self, relative: str) -> BeautifulSoup:
        return soup(self.output / relative)


VALID_POSTING = """
---
title: Backend Developer
department: Engineering
date_posted: 2026-11-02
valid_through: 2027-01-31
employment_type: Full-time
locations: [berlin]
salary: {min: 65000, max: 85000, currency: EUR, per: YEAR}
apply_url: https://fernhill.example/apply/eng-1
req_id: ENG-1
---
We build things. You will help.
"""


# The open postings of the shipped sample content (sorted), as their pages' paths.
SAMPLE_OPEN_PATHS = [
    "/jobs/backend-developer/",
    "/jobs/customer-support-specialist/",
    "/jobs/data-science-intern/",
    "/jobs/product-designer/",
    "/jobs/solutions-engineer/",
    "/jobs/staff-platform-engineer/",
    "/jobs/werkstudent-frontend/de/",
]


def share_venv(copy: Path) -> None:
    """Let a copy of the repository use this checkout's .venv, as if it were set up there.

    The copy's pyproject.toml and constraints.txt are dated before .venv/.installed, so no Make
    target in the copy reinstalls the shared .venv (which would point it at the copy)."""
    import os

    stamp = ROOT / ".venv" / ".installed"
    if not stamp.exists():
        raise RuntimeError("run `make install` first: .venv is not set up")
    (copy / ".venv").symlink_to(ROOT / ".venv")
    before = stamp.stat().st_mtime - 1
    for name in ("pyproject.toml", "constraints.txt"):
        if (copy / name).exists():
            os.utime(copy / name, (before, before))


def command_settings(strict: bool = False) -> dict:
    """The sample site's settings as the `openings` commands load them, with "today" pinned."""
    import datetime as dt

    from openings.commands.checking import load_settings

    class Args:
        settings = str(ROOT / "pelicanconf.py")
        content = str(ROOT / "content")
        today = dt.date.fromisoformat(TODAY)

    Args.strict = strict
    return load_settings(Args)
