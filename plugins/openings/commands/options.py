"""What every command's command line shares: the site options and the usage error.

Kept apart from checking.py, which loads the validator: cli.py builds its parser
from these alone, so `openings --help` and a mistyped option cost no more than Python's start.
"""

from __future__ import annotations

import argparse
import datetime as dt


class UsageError(Exception):
    """A mistake in how the command was called: cli.py prints it and exits with status 2."""


def add_site_options(parser: argparse.ArgumentParser) -> None:
    """The options every command that reads the site takes."""
    parser.add_argument(
        "-s",
        "--settings",
        default="pelicanconf.py",
        metavar="FILE",
        help="the site's settings (default: pelicanconf.py; publishconf.py needs SITEURL)",
    )
    parser.add_argument(
        "--content", metavar="FOLDER", help="the content folder (default: the settings' PATH)"
    )
    parser.add_argument(
        "--today",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="check as if today were this date (default: today in the site's time zone)",
    )


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-28"
        ) from None
