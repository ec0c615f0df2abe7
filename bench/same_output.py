"""Do two versions of the code build the same sites? A check for changes of structure or speed.

Builds the sample site and a generated board (bench/postings.py) twice: with the code at a git
commit, checked out in a temporary worktree, and with the working tree. Then compares the two
outputs file by file and prints every file that is missing on one side or differs.

    .venv/bin/python bench/same_output.py main                  # sample site + 1,000 postings
    .venv/bin/python bench/same_output.py HEAD~3 --postings 200
    .venv/bin/python bench/same_output.py main --ignore '<meta name="referrer"'

--ignore leaves the lines that match a regular expression out of the comparison (a change
meant to add one tag to every page, and nothing else).

A change that is meant to keep behaviour (a new layout, a faster step) must print "identical"
for both sites; exit status 1 otherwise. "Today" is pinned, so both builds decide the same
postings are open.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import postings  # noqa: E402

TODAY = "2026-11-28"  # the day the sample content and the generated board are written around
SITEURL = "https://careers.example"
SETTINGS_NAME = ".same-output-settings.py"  # written into each tree, so its paths resolve there

BOARD_SETTINGS = """\
# Written by bench/same_output.py: this tree's pelicanconf.py, pointed at a generated board.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403

PATH = {content!r}
JOBPOSTING_TODAY = {today!r}
"""


def build(tree: Path, content: Path, output: Path) -> None:
    """One `python -m pelican` build of `content` with the code and theme of `tree`."""
    settings = tree / SETTINGS_NAME
    settings.write_text(BOARD_SETTINGS.format(content=str(content), today=TODAY), "utf-8")
    # this tree's own openings package, before the one `make install` points .venv at
    env = dict(os.environ, SITEURL=SITEURL, PYTHONPATH=str(tree / "plugins"))
    env.pop("GITHUB_ACTIONS", None)
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-o",
        str(output),
        "-s",
        str(settings),
    ]
    try:
        done = subprocess.run(
            command, check=False, cwd=tree, env=env, capture_output=True, text=True
        )
    finally:
        settings.unlink(missing_ok=True)
    if done.returncode != 0:
        sys.exit(f"same_output: the build with {tree} failed:\n{done.stdout}{done.stderr}")


def differences(before: Path, after: Path, ignore: re.Pattern | None = None) -> list[str]:
    """Every file that is only on one side or whose bytes differ, as relative paths; with
    `ignore`, files that differ only in lines it matches count as the same."""
    found = []

    def walk(compared: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only before: {prefix}{name}" for name in compared.left_only)
        found.extend(f"only after:  {prefix}{name}" for name in compared.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            compared.left, compared.right, compared.common_files, shallow=False
        )
        if ignore is not None:
            mismatch = [
                name
                for name in mismatch
                if _kept(Path(compared.left, name), ignore)
                != _kept(Path(compared.right, name), ignore)
            ]
        found.extend(f"differs:     {prefix}{name}" for name in mismatch + errors)
        for name, sub in sorted(compared.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(before, after), "")
    return sorted(found)


def _kept(path: Path, ignore: re.Pattern) -> list[bytes]:
    return [line for line in path.read_bytes().splitlines() if not ignore.search(line)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the git commit to compare the working tree with, e.g. main")
    parser.add_argument("--postings", type=int, default=1000, help="generated board size (0: none)")
    parser.add_argument("--seed", type=int, default=postings.DEFAULT_SEED)
    parser.add_argument(
        "--ignore", action="append", default=[], help="a regular expression; matching lines "
        "are left out of the comparison (may be given more than once)"
    )  # fmt: skip
    args = parser.parse_args(argv)
    ignore = re.compile("|".join(args.ignore).encode()) if args.ignore else None

    work = Path(tempfile.mkdtemp(prefix="same-output-"))
    before_tree = work / "before"
    subprocess.run(
        ["git", "worktree", "add", "--quiet", "--detach", str(before_tree), args.ref],
        cwd=ROOT, check=True,
    )  # fmt: skip
    sites = {"sample site": ROOT / "content"}
    if args.postings:
        board = work / "board"
        postings.generate(board, args.postings, args.seed)
        sites[f"board of {args.postings:,} postings"] = board
    status = 0
    try:
        for name, content in sites.items():
            # the sample content of each tree is its own; a generated board is shared
            own = content == ROOT / "content"
            outputs = {}
            for side, tree in (("before", before_tree), ("after", ROOT)):
                outputs[side] = work / f"{side}-{len(outputs)}-{name.split()[0]}"
                build(tree, tree / "content" if own else content, outputs[side])
            found = differences(outputs["before"], outputs["after"], ignore)
            if found:
                status = 1
                print(f"{name}: {len(found)} files differ")
                print("\n".join(f"  {line}" for line in found[:50]))
            else:
                files = sum(len(f) for _, _, f in os.walk(outputs["after"]))
                same = " apart from the lines ignored" if ignore else ""
                print(f"{name}: identical{same} ({files:,} files)")
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(before_tree)], check=False, cwd=ROOT
        )
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
