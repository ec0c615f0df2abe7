"""Openings' Pelican plugin: job postings in, validated pages with JobPosting JSON-LD out."""

__all__ = ["register"]


def register() -> None:
    """What Pelican calls for PLUGINS = ["jobposting"]: connect the signal receivers.

    plugin.py is imported here, not at the top: it brings in Pelican's generators, Babel and every
    output, which `openings validate` and the other commands (importing jobposting.*) do not need.
    """
    from .logtext import guard_logging
    from .plugin import register as connect

    guard_logging()  # Pelican's own messages name files a pull request chose
    connect()
