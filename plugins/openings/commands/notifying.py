"""`openings notify`: its command line only; openings/outputs/notify.py is imported when the command
runs. `python -m openings.commands.notifying` (make notify, in the publish workflow's job that
installs only PyJWT) takes the same arguments.
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers) -> argparse.ArgumentParser:
    """Add the `notify` subcommand to the `openings` CLI's subparsers."""
    parser = subparsers.add_parser(
        "notify",
        help="tell search engines which postings were added, updated or closed",
        description="After the site is deployed: read changes.json from the built site and "
        "notify IndexNow and Google's Indexing API, each when configured. Only URLs under "
        "SITEURL are sent; any other is left out with a warning.",
    )
    add_arguments(parser)
    parser.set_defaults(func=run)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output", "-o", default="output", help="the built site's folder (default: output)"
    )
    parser.add_argument(
        "--settings",
        "-s",
        default="publishconf.py",
        help="the settings the site was built with (default: publishconf.py)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be sent, send nothing"
    )


def run(args) -> int:
    from ..outputs import notify

    return notify.run(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="openings notify")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
