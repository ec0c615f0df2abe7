"""`openings docs` writes the generated documentation; `openings schema` prints the schema.

docs/errors.md comes from rules.py and docs/posting.schema.json from schema.py, so neither can
fall behind the validator; `openings docs --check` (and the test suite) say when they have.
"""

from __future__ import annotations

import json
import os
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "docs",
        help="write docs/errors.md and docs/posting.schema.json from the validator's rules",
        description="Write the generated documentation: every message explained "
        "(errors.md) and the JSON Schema of the front matter (posting.schema.json).",
    )
    parser.add_argument("--folder", default="docs", help="where to write (default: docs)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when a generated file is missing or out of date",
    )
    parser.set_defaults(func=run)
    schema_parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a posting's front matter",
        description="Print the JSON Schema (draft 2020-12) of a posting's front matter, for "
        "editors and other tools. docs/posting.schema.json holds the same.",
    )
    schema_parser.set_defaults(func=print_schema)


def generated() -> dict[str, str]:
    """File name -> the text it should have."""
    from ..checks import errordocs  # the rules and the validator: only when the docs are written

    return {
        "errors.md": errordocs.render(),
        "posting.schema.json": schema_text(),
    }


def schema_text() -> str:
    from ..checks import schema

    return json.dumps(schema.build(), indent=2, ensure_ascii=False) + "\n"


def run(args) -> int:
    stale = []
    for name, text in generated().items():
        path = os.path.join(args.folder, name)
        current = _read(path)
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            os.makedirs(args.folder, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            print(f"wrote {path}")
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run `make docs` and commit the result")
        return 1
    if not stale:
        print(f"{args.folder}/: up to date")
    return 0


def print_schema(args) -> int:
    sys.stdout.write(schema_text())
    return 0


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
