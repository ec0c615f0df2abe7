"""`openings summary --base COMMIT`: what a change does to the postings, as Markdown.

CI writes it into the pull request's job summary (scripts/ci-summary.sh): which postings the
change adds, changes, closes and removes, each with its problems, compared with COMMIT. The base
may be git's empty tree (a first push): then every posting is new.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field

from ..core.lifecycle import State
from ..core.logtext import escaped
from ..core.problems import Problem
from ..core.report import sort_key
from .options import UsageError, add_site_options

SECTIONS = ("added", "changed", "closed", "removed")
HEADINGS = {
    "added": "Added",
    "changed": "Changed",
    "closed": "Closed",
    "removed": "Removed",
}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "summary",
        help="Markdown: the postings a change adds, changes, closes and removes",
        description="Compare the postings with those of a git commit and print, as Markdown, "
        "which ones the change adds, changes, closes and removes, with their problems.",
    )
    parser.add_argument(
        "--base", required=True, metavar="COMMIT", help="the commit to compare with"
    )
    add_site_options(parser)
    parser.set_defaults(func=run)


@dataclass
class SummaryItem:
    path: str  # as reported
    section: str
    outcome: object | None = None  # now (None when removed)
    before: State | None = None
    problems: list[Problem] = field(default_factory=list)


def run(args) -> int:
    # the validator: only when the command runs, not for `openings --help`
    from .checking import check_files, jobs_root, load_settings, posting_files

    values = load_settings(args)
    top = _git_root(values["PATH"])
    base = _resolve(args.base, top)
    jobs = os.path.relpath(os.path.abspath(jobs_root(values)), top)
    data = os.path.relpath(os.path.join(values["PATH"], values["JOBPOSTING_DATA_PATH"]), top)
    changes = _changed_files(base, top, jobs)
    checked = check_files(values, posting_files(values))
    now = {os.path.abspath(o.path): o for o in checked.outcomes}
    entries = []
    for status, relative in changes:
        absolute = os.path.join(top, relative)
        outcome = now.get(absolute)
        if status == "D" or outcome is None:
            before = _state_at(base, relative, top, values, checked.checks)
            entries.append(SummaryItem(_shown(absolute), "removed", None, before))
            continue
        before = None if status == "A" else _state_at(base, relative, top, values, checked.checks)
        if before is None:
            section = "added"
        elif outcome.state is State.CLOSED and before is not State.CLOSED:
            section = "closed"
        else:
            section = "changed"
        entries.append(SummaryItem(outcome.path, section, outcome, before, outcome.problems))
    touched = {os.path.abspath(e.path) for e in entries}
    untouched = [o for o in checked.outcomes if os.path.abspath(o.path) not in touched]
    data_changed = [path for _, path in _changed_files(base, top, data)]
    print(render(entries, untouched, checked.checks.data_problems, data_changed))
    return 0


def _shown(absolute: str) -> str:
    from ..reading.postingfile import report_path

    return report_path(absolute)


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed; the summary compares with a git commit") from None


def _git_root(path: str) -> str:
    result = _git(["rev-parse", "--show-toplevel"], path)
    if result.returncode != 0:
        raise UsageError(f"{os.path.relpath(path)} is not in a git repository")
    return result.stdout.decode().strip()


def _resolve(base: str, top: str) -> str:
    result = _git(["rev-parse", "--verify", "--quiet", f"{base}^{{tree}}"], top)
    if result.returncode != 0:
        raise UsageError(
            f"{base!r} is not a commit of this repository; give a commit id, a branch, or "
            "git's empty tree (4b825dc642cb6eb9a060e54bf8d69288fbee4904) for 'everything is new'"
        )
    return base


def _changed_files(base: str, top: str, folder: str) -> list[tuple[str, str]]:
    """(status, path) for each file in folder that differs from base: A, M, D. Untracked files
    count as added, so the summary is right before a commit, too."""
    diff = _git(["diff", "--name-status", "--no-renames", "-z", base, "--", folder], top)
    if diff.returncode != 0:
        raise UsageError(f"git diff failed: {diff.stderr.decode().strip()}")
    parts = diff.stdout.decode("utf-8", "replace").split("\0")
    found = [(parts[i][0], parts[i + 1]) for i in range(0, len(parts) - 1, 2) if parts[i]]
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard", "--", folder], top)
    found += [("A", p) for p in untracked.stdout.decode("utf-8", "replace").split("\0") if p]
    hidden = re.compile(r"(^|/)\.")
    return sorted({(s, p) for s, p in found if not hidden.search(p)}, key=lambda c: c[1])


def _state_at(base: str, relative: str, top: str, values: dict, checks) -> State | None:
    """The posting's state in the base commit, judged by today's rules; None if it was not there."""
    from .checking import read_and_check

    shown = _git(["show", f"{base}:{relative}"], top)
    if shown.returncode != 0:
        return None
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, os.path.basename(relative))
        with open(copy, "wb") as handle:
            handle.write(shown.stdout)
        outcome, _ = read_and_check(values, copy, checks)
    return outcome.state


# --- Markdown ---------------------------------------------------------------------------------

# What GitHub's Markdown reads as syntax in the middle of a line: emphasis, code, links and
# images, HTML and entities, tables, strikethrough, math. A backslash before ASCII punctuation
# always stands for the character itself.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")


def md(text: str) -> str:
    """Plain text that Markdown shows as written, on one line (a title with *, ` or <b> stays a
    title; a name with a line break cannot start a heading or end the list)."""
    return _SPECIAL.sub(r"\\\1", escaped(text))


def code(text: str) -> str:
    """A file name or field as inline code, whatever backticks it holds: the fence is longer than
    any run of backticks inside, and nothing in a code span is Markdown or HTML."""
    text = escaped(text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render(entries, untouched, data_problems, data_changed) -> str:
    out = ["## Postings in this change", ""]
    counts = {s: sum(e.section == s for e in entries) for s in SECTIONS}
    if not entries:
        out.append("This change adds, changes, closes and removes no posting.")
    else:
        out.append(", ".join(f"{counts[s]} {s}" for s in SECTIONS) + ".")
    for section in SECTIONS:
        chosen = [e for e in entries if e.section == section]
        if not chosen:
            continue
        out += ["", f"### {HEADINGS[section]} ({len(chosen)})", ""]
        for entry in chosen:
            out += _entry_lines(entry)
    if data_changed:
        out += ["", "### Data files", ""]
        out += [
            f"- {code(path)} changed: it can affect every posting that uses it."
            for path in data_changed
        ]
    others = [o for o in untouched if any(p.is_error for p in o.problems)]
    problems = list(data_problems) + [p for o in others for p in o.problems]
    if problems:
        out += ["", "### Problems outside this change", ""]
        out += [_problem_line(p, with_path=True) for p in _ordered(problems)]
    all_problems = [p for e in entries for p in e.problems] + problems
    out.append("")
    errors = sum(p.is_error for p in set(all_problems))
    warnings = len(set(all_problems)) - errors
    if errors:
        out.append(
            f"**{errors} error{'s' if errors != 1 else ''}**: postings with errors are not "
            "published, and the site is not built until they are fixed."
        )
    if warnings:
        out.append(
            f"{warnings} warning{'s' if warnings != 1 else ''}: the published build treats "
            "warnings as errors, so settle them before merging."
        )
    if not errors and not warnings:
        out.append("Every posting passes the checks.")
    return "\n".join(out)


def _entry_lines(entry: SummaryItem) -> list[str]:
    outcome = entry.outcome
    if outcome is None:
        was = f" (was {entry.before.value})" if entry.before else ""
        return [
            (
                f"- {code(entry.path)}{was}: the file is deleted, so its page disappears. To keep "
                "the page with a \u201cno longer open\u201d notice, set `status: closed` instead."
            )
        ]
    from ..render import display  # Babel: only when there is a posting to describe

    posting = outcome.posting
    state = outcome.state.value
    if entry.before is not None and entry.before is not outcome.state:
        state = f"{entry.before.value} \u2192 {state}"
    if posting is None:
        line = f"- {code(entry.path)}: **{state}**, not published until its errors are fixed"
    else:
        facts = [state, posting.department, display.where(posting)]
        if posting.valid_through:
            facts.append(f"until {posting.valid_through.date().isoformat()}")
        facts = [md(f) for f in facts if f]
        line = f"- **{md(posting.title)}** ({code(entry.path)}): {' · '.join(facts)}"
    return [line] + [f"  {_problem_line(p)}" for p in _ordered(entry.problems)]


def _ordered(problems) -> list[Problem]:
    return sorted(set(problems), key=sort_key)


def _problem_line(problem: Problem, with_path: bool = False) -> str:
    mark = "\u274c error" if problem.is_error else "\u26a0\ufe0f warning"
    where = []
    if with_path:
        where.append(code(problem.path))
    if problem.line:
        where.append(f"line {problem.line}")
    if problem.field:
        where.append(code(problem.field))
    prefix = ", ".join(where)
    return f"- {mark}{' ' + prefix if prefix else ''}: {md(problem.message)}"
