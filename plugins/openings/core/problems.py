"""What the validator finds: a Problem names the file, the line, the field and the fix."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .logtext import escaped, guarded


class WorkflowCommand(str):
    """A line that GitHub's runner is meant to read as a command: report.emit writes it as it is,
    and guards every other line (logtext.py)."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file. `rule` keys the explanation in the HR guide (rules.py)."""

    path: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = Severity.ERROR
    rule: str = "general"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_text(self) -> str:
        """Compiler style: `content/jobs/x.md:7: employment_type: ...` (warnings say so).

        One line, whatever the file's name or the value quoted holds, and never a workflow
        command (logtext.py): a pull request chooses both.
        """
        path = escaped(self.path)
        where = f"{path}:{self.line}" if self.line else path
        field = f"{escaped(self.field)}: " if self.field else ""
        label = "warning: " if self.severity is Severity.WARNING else ""
        return guarded(f"{where}: {label}{field}{escaped(self.message)}")

    def as_github(self) -> str:
        """A GitHub Actions workflow command, so the problem shows on the pull request's line.

        Escaped by GitHub's rules (`%`, CR, LF; and `:` and `,` in properties), so that a name or
        message ends neither the command nor the line."""
        props = f"file={_escape_property(self.path)}"
        if self.line:
            props += f",line={self.line}"
        title = f"{self.field}" if self.field else "posting"
        props += f",title={_escape_property(title)}"
        return WorkflowCommand(f"::{self.severity.value} {props}::{_escape_data(self.message)}")

    def promoted(self) -> Problem:
        """The same problem as an error (JOBPOSTING_STRICT)."""
        if self.is_error:
            return self
        return Problem(self.path, self.line, self.field, self.message, Severity.ERROR, self.rule)

    def demoted(self) -> Problem:
        """The same problem as a warning."""
        return Problem(self.path, self.line, self.field, self.message, Severity.WARNING, self.rule)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class ProblemList(list):
    """Problems of one file, with shortcuts that keep the validator's code short."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path

    def error(self, line, field, message, rule="general"):
        self.append(Problem(self.path, line, field, message, Severity.ERROR, rule))

    def warning(self, line, field, message, rule="general"):
        self.append(Problem(self.path, line, field, message, Severity.WARNING, rule))

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self)


class BuildFailed(SystemExit):
    """Ends a build with exit status 1 and no traceback.

    A SystemExit, not an Exception: Pelican's command line logs any Exception with its traceback,
    and an HR person must never see one for a content mistake.
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()):
        super().__init__(1)
        self.message = message
        self.problems = problems

    def __str__(self) -> str:
        return self.message
