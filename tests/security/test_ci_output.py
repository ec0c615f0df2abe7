"""File names, values and messages never become GitHub workflow commands in a CI log.

Hostile file names cannot live in git portably, so each test makes them in a temporary folder and
runs the real commands CI runs (`openings validate`, `pelican`), then reads the output as GitHub's
runner would (workflow_commands.py). The only commands allowed are the annotations the project
writes itself, and those must name the real files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openings.core import logtext, report
from openings.core.problems import Problem, Severity
from sitebuild import ROOT, TODAY, VALID_POSTING, Site
from workflow_commands import commands

BIN = Path(sys.executable).parent
EPOCH = str(calendar.timegm(dt.datetime.fromisoformat(f"{TODAY}T12:00:00").timetuple()))

# Each one a file name a pull request could choose; each would print a command unescaped.
HOSTILE_NAMES = [
    "newline\n::error file=README.md,line=1::looks fine.md",
    "carriage\r::add-mask::secret.md",
    "spaced ::warning title=x::after a space.md",
    "v1 ##[add-mask]anywhere.md",
    "stop ##[stop-commands]tok.md",
    "percent %0A::error::encoded.md",
    "comma,colon:equals=name.md",
    "separator\u2028::error::ls.md",
    "x" * 61 + "::error::folded where the console wraps.md",
]
BROKEN = "---\ntitle: Analyst\ndepartment: Nowhere\n---\nx\n"


def hostile_site(tmp_path: Path) -> tuple[Site, list[Path]]:
    site = Site(tmp_path)
    site.posting("backend-developer.md", VALID_POSTING)
    return site, [site.posting(name, BROKEN) for name in HOSTILE_NAMES]


def run(*args, cwd: Path, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "COLUMNS": "80", **env}
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(env)
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False,
        env=environment,
    )  # fmt: skip


# --- the text itself ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_name_is_one_line_and_no_command(name):
    shown = logtext.loggable(name)
    assert "\n" not in shown and "\r" not in shown and "\u2028" not in shown
    assert "::" not in shown and "##[" not in shown
    assert commands(shown) == []
    # and whatever column the console wraps it at
    for width in range(1, len(shown)):
        assert commands("\n".join(shown[i : i + width] for i in range(0, len(shown), width))) == []


def test_escapes_are_readable():
    assert logtext.escaped("a\nb\tc\x1bd\u202ee") == "a\\nb\\tc\\x1bd\\u202ee"
    assert logtext.guarded("::error::x ##[warning]y :::") == ":\\:error:\\:x ##\\[warning]y :\\:\\:"
    assert logtext.loggable("content/jobs/ok-name.md") == "content/jobs/ok-name.md"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_problem_lines_and_annotations(name):
    path = f"content/jobs/{name}"
    for severity in Severity:
        problem = Problem(path, 3, "title\n::error::field", "bad\n::error::message 100%", severity)
        assert commands(problem.as_text()) == []
        [command] = commands(problem.as_github())
        assert command.name == severity.value
        assert command.properties == {
            "file": path,
            "line": "3",
            "title": "title\n::error::field",
        }
        assert command.data == "bad\n::error::message 100%"


def test_pelican_log_records_are_guarded(caplog):
    logtext.guard_logging()
    with caplog.at_level(logging.WARNING):
        logging.getLogger("pelican.readers").warning(
            "Document title missing in file %s: %s", "q\n::error::x.rst", 7
        )
    [record] = caplog.records
    assert record.getMessage() == "Document title missing in file q\\n:\\:error:\\:x.rst: 7"


# --- the real commands -------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["text", "github"])
def test_openings_validate_prints_no_foreign_command(tmp_path, form):
    site, files = hostile_site(tmp_path)
    result = run(
        BIN / "openings", "validate", "--format", form, "--settings", ROOT / "pelicanconf.py",
        "--content", site.content, "--today", TODAY, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    found = commands(result.stdout + result.stderr)
    expected = {str(f.relative_to(tmp_path)) for f in files}
    if form == "text":
        assert found == []
    else:
        assert {c.name for c in found} <= {"error", "warning"}
        assert {c.properties["file"] for c in found} == expected  # each exactly the real file
    # the people reading the log see each name, escaped, on one line
    for name in HOSTILE_NAMES:
        assert logtext.loggable(f"content/jobs/{name}") in result.stdout


def test_pelican_build_prints_no_foreign_command(tmp_path):
    site, files = hostile_site(tmp_path)
    # Pelican's own reader warns about an .rst page without a title, naming the file
    rst = site.content / "pages" / "page\n::error::pelican says.rst"
    rst.write_text("just text\n", encoding="utf-8")
    result = run(
        BIN / "pelican", site.content, "-o", site.output, "-s", "pelicanconf.py",
        cwd=ROOT, GITHUB_ACTIONS="true",
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    found = commands(output)
    assert {c.name for c in found} <= {"error", "warning"}
    named = {c.properties["file"] for c in found}
    assert {str(f) for f in files} <= named <= {str(f) for f in files} | {str(rst)}
    assert "pelican says" in output  # named, by Pelican or by the plugin
    assert not (site.output / "index.html").exists()


def test_openings_list_prints_no_foreign_command(tmp_path):
    site, _ = hostile_site(tmp_path)
    site.posting("titled.md", VALID_POSTING.replace("title: Backend Developer", 'title: "T\\n::error::title ##[add-mask]x"'))  # fmt: skip
    result = run(
        BIN / "openings", "list", "--settings", ROOT / "pelicanconf.py",
        "--content", site.content, "--today", TODAY, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert commands(result.stdout + result.stderr) == []
    assert "T :\\:error:\\:title ##\\[add-mask]x" in result.stdout  # the title: one line


def test_make_lint_never_reads_content(tmp_path):
    # ruff prints file names as they are; content/ is data and holds no Python to lint
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x\n::error::ruff says.py").write_text("import os\n")
    for args in (("check", "--no-cache", "."), ("format", "--check", "--no-cache", ".")):
        result = run(BIN / "ruff", *args, cwd=tmp_path)
        assert commands(result.stdout + result.stderr) == [], result.stdout


def test_the_build_report_writes_only_its_own_annotations(capfd):
    problem = Problem("content/jobs/a\n::error::b.md", 2, "title", "x")
    report.emit(
        [*report.lines([problem], github=True), "detail\n::warning::from a tool ##[add-mask]y"]
    )
    err = capfd.readouterr().err
    [command] = commands(err)
    assert command.properties["file"] == "content/jobs/a\n::error::b.md"
    assert "detail\\n:\\:warning:\\:from a tool ##\\[add-mask]y" in err
