"""`openings`: the command line for the people who run the careers site.

One entry point, a subcommand per job; each lives in its own module under commands/. Whatever
goes wrong, the person sees a message and an exit status, never a traceback:
0 done (no errors), 1 problems found or refused, 2 the command could not run as asked.

Importing this module and building the parser load no Pelican, Babel or pycountry: each command
imports what it needs when it runs, so `openings validate FILE` pays only for validating.
"""

from __future__ import annotations

import argparse
import sys

from ..core.logtext import guard_logging, loggable
from . import checklinks, docs, fix, importing, init, listing, new, notifying, summary, validate
from .options import UsageError

USAGE_ERROR = 2


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="openings",
        description="Write, check and list the job postings of an Openings careers site.",
        epilog="Run `openings COMMAND --help` for a command's options. docs/hr-guide.md "
        "explains the whole workflow.",
    )
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND")
    new.register(subparsers)
    validate.register(subparsers)
    fix.register(subparsers)
    listing.register(subparsers)
    summary.register(subparsers)
    importing.register(subparsers)
    notifying.register(subparsers)
    docs.register(subparsers)
    init.register(subparsers)
    checklinks.register(subparsers)
    return top


def main(argv: list[str] | None = None) -> int:
    arguments = parser()
    args = arguments.parse_args(argv)
    if not getattr(args, "func", None):
        arguments.print_help(sys.stderr)
        return USAGE_ERROR
    guard_logging()  # Pelican's messages, too, may name a file a pull request chose
    try:
        return args.func(args) or 0
    except UsageError as error:
        # line by line: each line escaped and guarded, the message's own lines kept
        lines = "\n".join(loggable(line) for line in str(error).split("\n"))
        print(f"openings {args.command}: {lines}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `openings list | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
