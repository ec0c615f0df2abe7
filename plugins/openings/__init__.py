"""Openings: job postings in, validated pages with JobPosting JSON-LD out.

The packages, from the pure core outward, are described in docs/architecture.md; Pelican
loads the plugin as pelican.plugins.jobposting, whose register() is this one.
"""

from pathlib import Path

__all__ = ["THEME", "register"]

# The packaged theme: a site sets THEME = openings.THEME and overrides templates one by one
# (THEME_TEMPLATES_OVERRIDES) or block by block ({% extends "!theme/base.html" %}).
THEME = str(Path(__file__).parent / "theme")


def register() -> None:
    """What Pelican calls (pelican.plugins.jobposting): connect the signal receivers.

    plugin.py is imported here, not at the top: it brings in Pelican's generators, Babel and every
    output, which `openings validate` and the other commands (importing openings.*) do not need.
    """
    from .build.plugin import register as connect
    from .core.logtext import guard_logging

    guard_logging()  # Pelican's own messages name files a pull request chose
    connect()
