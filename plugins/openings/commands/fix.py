"""`openings fix FILE...`: repair, in place, what pasting breaks and a machine can mend safely.

Today that is bullets pasted from Word or Google Docs (•, ◦, ▪, –), made a Markdown list. The
file is written back only when something changed, in UTF-8 with its own line ends; the checks
then run on it, so the person sees what is left to do.
"""

from __future__ import annotations

import os

from .options import UsageError, add_site_options


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "fix",
        help="repair pasted bullets (•, ◦, ▪, –) into a Markdown list, in place",
        description="Repair, in the files given, what pasting from a word processor breaks and "
        "can be mended without guessing: lines starting with •, ◦, ▪ or – become a Markdown "
        "list. Then check the files. Exit status: 0 no errors left, 1 errors left, 2 usage.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="postings to repair")
    add_site_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..core import report
    from ..reading import paste
    from .checking import check_files, load_settings

    values = load_settings(args)
    for name in args.files:
        if not os.path.isfile(name):
            raise UsageError(f"{name}: no such file")
    for name in args.files:
        with open(name, encoding="utf-8", newline="") as handle:
            text = handle.read()
        crlf = "\r\n" in text
        repaired, count = paste.repair_bullets(text.replace("\r\n", "\n"))
        if count:
            with open(name, "w", encoding="utf-8", newline="") as handle:
                handle.write(repaired.replace("\n", "\r\n") if crlf else repaired)
            print(f"{name}: {count} pasted bullet{'s' if count != 1 else ''} made a list item")
        else:
            print(f"{name}: nothing to repair")
    checked = check_files(values, list(args.files))
    for line in report.lines(checked.problems, github=False):
        print(line)
    print(report.summary(checked.states, checked.problems).removeprefix("jobposting: "))
    return 1 if any(p.is_error for p in checked.problems) else 0
