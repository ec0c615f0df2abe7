"""`openings validate [FILES...]`: the build's checks, without building the site."""

from __future__ import annotations

from ..core import report
from .options import add_site_options

FORMATS = ("text", "github")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check postings with exactly the build's rules and messages",
        description="Check postings (default: every file in the postings folder) with exactly "
        "the rules and messages of the build. Exit status: 0 no errors, 1 errors found, "
        "2 the command could not run.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="postings or folders to check")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="github: also print GitHub Actions annotations, so problems show on the lines of "
        "a pull request",
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors, as publishing does"
    )
    add_site_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from .checking import check_files, load_settings, posting_files  # the validator: only when run

    values = load_settings(args)
    checked = check_files(values, posting_files(values, args.files))
    problems = checked.problems
    for line in report.lines(problems, github=args.format == "github"):
        print(line)
    print(report.summary(checked.states, problems).removeprefix("jobposting: "))
    return 1 if any(p.is_error for p in problems) else 0
