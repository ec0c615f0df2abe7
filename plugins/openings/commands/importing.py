"""`openings import SOURCE...`: existing job descriptions -> postings.

The work is openings.importers.run(sources, dest_dir, force) -> ImportSummary; this module
only turns the command line into that call and the summary into output and an exit status.
"""

from __future__ import annotations

import os

from .options import UsageError, add_site_options


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="turn existing job descriptions (text, Markdown, other sites, Greenhouse, Lever) "
        "into postings",
        description="Turn existing job descriptions into postings in the postings folder. "
        "Known values are mapped; the rest is left as marked fields that "
        "`openings validate` reports. Nothing is overwritten without --force.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="files or folders to import")
    parser.add_argument(
        "--to",
        dest="dest",
        metavar="FOLDER",
        help="where to write the postings (default: the site's postings folder)",
    )
    parser.add_argument("--force", action="store_true", help="replace postings that already exist")
    add_site_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    try:
        from ..importers import format_summary
        from ..importers import run as import_postings
    except ImportError:
        raise UsageError("the importers are not installed in this version") from None
    from .checking import jobs_root, load_settings  # the validator: only when run

    values = load_settings(args)
    dest = args.dest or jobs_root(values)
    if os.path.exists(dest) and not os.path.isdir(dest):
        raise UsageError(f"{dest} is a file; --to needs a folder")
    os.makedirs(dest, exist_ok=True)
    summary = import_postings(args.sources, dest, args.force, settings=values)
    print(format_summary(summary))
    return summary.exit_code
