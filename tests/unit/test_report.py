"""The report: compiler-style lines, GitHub annotations and the summary line."""

from __future__ import annotations

from openings.core import report
from openings.core.lifecycle import State
from openings.core.problems import BuildFailed, Problem, Severity

ERROR = Problem("content/jobs/a.md", 7, "employment_type", '"Fulltme" is not an employment type')
WARNING = Problem(
    "content/jobs/a.md", None, "salary", "is missing", Severity.WARNING, "recommended"
)


def test_compiler_style_lines():
    assert ERROR.as_text() == (
        'content/jobs/a.md:7: employment_type: "Fulltme" is not an employment type'
    )
    assert WARNING.as_text() == "content/jobs/a.md: warning: salary: is missing"
    assert Problem("b.md", 1, None, "no front matter").as_text() == "b.md:1: no front matter"


def test_github_annotations_escape_what_github_reads_specially():
    assert ERROR.as_github() == (
        "::error file=content/jobs/a.md,line=7,title=employment_type::"
        '"Fulltme" is not an employment type'
    )
    odd = Problem("jobs/a,b:c.md", 2, "x", "50% off\nnext line", Severity.WARNING)
    assert (
        odd.as_github() == "::warning file=jobs/a%2Cb%3Ac.md,line=2,title=x::50%25 off%0Anext line"
    )
    assert "line=" not in WARNING.as_github()


def test_lines_are_sorted_deduplicated_and_annotated_on_request():
    later = Problem("content/jobs/a.md", 9, "title", "too long")
    other = Problem("content/jobs/0.md", 3, "title", "too long")
    lines = report.lines([later, ERROR, WARNING, ERROR, other], github=False)
    assert lines == [other.as_text(), WARNING.as_text(), ERROR.as_text(), later.as_text()]
    with_github = report.lines([ERROR], github=True)
    assert with_github == [ERROR.as_text(), ERROR.as_github()]


def test_summary_counts_every_file_once_and_adds_up():
    states = {"a.md": State.OPEN, "b.md": State.OPEN, "c.md": State.CLOSED, "d.md": State.DRAFT,
              "e.md": State.SCHEDULED, "f.md": State.REJECTED}  # fmt: skip
    line = report.summary(states, [ERROR, ERROR, WARNING])
    assert line == (
        "jobposting: 6 files: 2 open, 1 closed, 1 draft, 1 scheduled, 1 rejected; "
        "1 error, 1 warning"
    )


def test_summary_of_one_file_and_no_problems():
    assert report.summary({"a.md": State.OPEN}, []) == (
        "jobposting: 1 file: 1 open, 0 closed, 0 draft, 0 scheduled, 0 rejected; 0 errors, 0 warnings"
    )


def test_long_lines_are_written_whole(capsys):
    long = Problem("content/jobs/" + "a" * 90 + ".md", 7, "title", "x " * 80)
    report.emit([long.as_text()])
    assert capsys.readouterr().err == long.as_text() + "\n"


def test_promoted_warning_is_an_error_with_the_same_words():
    promoted = WARNING.promoted()
    assert promoted.is_error and promoted.message == WARNING.message
    assert ERROR.promoted() is ERROR


def test_build_failed_exits_1_without_a_traceback():
    failure = BuildFailed("jobposting: errors", (ERROR,))
    assert isinstance(failure, SystemExit) and not isinstance(failure, Exception)
    assert failure.code == 1 and failure.problems == (ERROR,)
