"""`openings notify`: tell search engines which posting pages changed (IndexNow, Google Indexing API).

Each service is off unless configured. The full implementation follows; this entry point exists so
the CLI can import it.
"""

from __future__ import annotations

import argparse


def register_command(subparsers) -> argparse.ArgumentParser:
    """Add the `notify` subcommand to the `openings` CLI's subparsers."""
    parser = subparsers.add_parser(
        "notify",
        help="tell search engines which postings were added, updated or closed",
        description="Read changes.json from the built site and notify the configured services.",
    )
    parser.add_argument(
        "--output", default="output", help="the built site's folder (default: output)"
    )
    parser.set_defaults(func=run)
    return parser


def run(args) -> int:
    print("notify: no service is configured; nothing to do")
    return 0
