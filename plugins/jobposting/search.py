"""The static search index: Pagefind over the open posting pages, built after the site is written.

Only open posting pages carry `data-pagefind-body` (theme/templates/article.html), and Pagefind
indexes only such pages once any page has it: lists, closed postings, drafts and company pages
stay out. The whole site is one index in the site's language, so the English list page also
finds the German posting. The list page loads /pagefind/pagefind.js only when someone searches.
"""

from __future__ import annotations

import os
import subprocess
import sys

from pelican import signals

from . import report
from .problems import BuildFailed

BUNDLE = "pagefind"


def command(output_path: str, lang: str) -> list[str]:
    # `python -m pagefind` runs the binary that the pagefind[bin] wheel ships; no download.
    return [
        sys.executable, "-m", "pagefind", "--site", output_path, "--output-subdir", BUNDLE,
        "--force-language", lang, "--silent",
    ]  # fmt: skip


def build_index(pelican) -> None:
    values = pelican.settings
    if not values.get("JOBPOSTING_SEARCH", True):
        return
    output = os.path.abspath(pelican.output_path)
    lang = (values.get("DEFAULT_LANG") or "en").split("-")[0]
    try:
        result = subprocess.run(
            command(output, lang), capture_output=True, text=True, check=False, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        _fail(f"could not run Pagefind ({exc})")
    if result.returncode != 0:
        _fail((result.stderr or result.stdout).strip() or f"exit status {result.returncode}")


def _fail(detail: str) -> None:
    report.emit(
        [
            f"jobposting: the search index was not built: {detail}",
            (
                "jobposting: reinstall the dependencies (make install), or set"
                " JOBPOSTING_SEARCH = False to build the site without search"
            ),
        ]
    )
    raise BuildFailed("jobposting: search index failed")


def connect() -> None:
    signals.finalized.connect(build_index)
