"""The build's report: every problem of every file once, then one summary line."""

from __future__ import annotations

import sys
from collections import Counter

from .lifecycle import State
from .logtext import loggable
from .problems import Problem, WorkflowCommand

ORDER = (State.OPEN, State.CLOSED, State.DRAFT, State.SCHEDULED, State.REJECTED)


def sort_key(problem: Problem):
    return (
        problem.path,
        problem.line or 0,
        not problem.is_error,
        problem.field or "",
        problem.message,
    )


def lines(problems, github: bool) -> list[str]:
    ordered = sorted(set(problems), key=sort_key)
    out = [p.as_text() for p in ordered]
    if github:
        out += [p.as_github() for p in ordered]
    return out


def summary(states: dict[str, State], problems) -> str:
    """`jobposting: 7 files: 4 open, 1 closed, 1 draft, 1 scheduled, 0 rejected; 0 errors, 2 warnings`"""
    counts = Counter(states.values())
    parts = ", ".join(f"{counts.get(state, 0)} {state.value}" for state in ORDER)
    unique = set(problems)
    errors = sum(1 for p in unique if p.is_error)
    warnings = len(unique) - errors
    files = len(states)
    return (
        f"jobposting: {files} file{'s' if files != 1 else ''}: {parts}; "
        f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    )


def emit(text_lines) -> None:
    """Whole lines on stderr: Pelican's logger wraps at 80 columns in CI logs, which would split
    `path:line` and break GitHub's annotations. Only the annotations are workflow commands: any
    other line is guarded, whatever it quotes (a tool's error, a setting)."""
    stream = sys.stderr
    for line in text_lines:
        stream.write((line if isinstance(line, WorkflowCommand) else loggable(line)) + "\n")
    stream.flush()
