"""`openings`: validate, list, new, import and the plumbing around them, on real files.

The commands run in-process through cli.main (fast), and through the installed `openings`
script where the exit status and the absence of tracebacks are what is tested.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openings.checks.fields import FIELDS
from openings.commands import cli
from openings.core.problems import BuildFailed
from sitebuild import ROOT, TODAY, VALID_POSTING, Site

OPENINGS = Path(sys.executable).parent / "openings"
BROKEN = """
---
title: Backend Developer
department: Enginering
date_posted: 3/21/2026
employment_type: Fulltme
locations: [berlin]
---
We build things.
"""
WARNINGS_ONLY = """
---
title: Backend Developer
department: Engineering
date_posted: 2026-11-02
locations: [berlin]
apply_url: https://fernhill.example/apply/eng-2
---
We build things. You will help.
"""


def openings(capsys, site: Site | None, *args: str) -> tuple[int, str, str]:
    where = ["--content", str(site.content)] if site else []
    when = [] if "--today" in args else ["--today", TODAY]
    status = cli.main([*args, *where, *when])
    out, err = capsys.readouterr()
    return status, out, err


def run_script(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(OPENINGS), *args], cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


# --- validate -----------------------------------------------------------------------------------


def test_validate_checks_every_sample_posting(capsys):
    status, out, _ = openings(capsys, None, "validate")
    assert status == 0
    assert out.strip().splitlines()[-1] == (
        "10 files: 7 open, 1 closed, 1 draft, 1 scheduled, 0 rejected; 0 errors, 0 warnings"
    )


def test_validate_gives_exactly_the_builds_messages(site, capsys):
    site.posting("backend.md", BROKEN)
    site.posting("ok.md", VALID_POSTING)
    site.posting("notes.txt", "not a posting")
    with pytest.raises(BuildFailed) as failed:
        site.build()
    built = sorted({p.as_text() for p in failed.value.problems})
    status, out, _ = openings(capsys, site, "validate")
    assert status == 1
    printed = out.strip().splitlines()
    assert sorted(printed[:-1]) == built
    assert printed[-1].endswith(
        "3 files: 1 open, 0 closed, 0 draft, 0 scheduled, 2 rejected; 4 errors, 3 warnings"
    )
    assert any(re.match(r"^\S+/backend\.md:4: date_posted: .*2026-03-21", line) for line in printed)


def test_validate_only_the_files_given(site, capsys):
    bad = site.posting("backend.md", BROKEN)
    good = site.posting("ok.md", VALID_POSTING)
    status, out, _ = openings(capsys, site, "validate", str(good))
    assert status == 0 and "backend.md" not in out
    status, out, _ = openings(capsys, site, "validate", str(bad), str(good))
    assert status == 1 and "backend.md:3: department:" in out


def test_validate_finds_duplicates_across_files(site, capsys):
    site.posting("a.md", VALID_POSTING)
    site.posting("b.md", VALID_POSTING)  # the same req_id
    status, out, _ = openings(capsys, site, "validate")
    assert status == 1
    assert "req_id: ENG-1 is also the req_id of" in out


def test_validate_github_format_annotates_lines(site, capsys):
    site.posting("backend.md", BROKEN)
    status, out, _ = openings(capsys, site, "validate", "--format", "github")
    assert status == 1
    assert re.search(r"^::error file=\S+backend\.md,line=5,title=employment_type::", out, re.M)
    # the plain lines stay, for people reading the log
    assert re.search(r"backend\.md:5: employment_type:", out)


def test_warnings_pass_unless_strict(site, capsys):
    site.posting("backend.md", WARNINGS_ONLY)
    status, out, _ = openings(capsys, site, "validate")
    # Berlin: the EU pay-transparency warning stands in for Google's salary recommendation
    assert status == 0 and "warning: salary: postings for the European Union" in out
    assert "warning: req_id: is missing" in out
    status, out, _ = openings(capsys, site, "validate", "--strict")
    assert status == 1 and "warning:" not in out and "req_id: is missing" in out


def test_validate_with_publishconf(site, capsys, monkeypatch):
    site.posting("backend.md", WARNINGS_ONLY)
    monkeypatch.delenv("SITEURL", raising=False)
    status, _, err = openings(capsys, site, "validate", "-s", "publishconf.py")
    assert status == 2
    assert "SITEURL is not set" in err and "openings validate --strict" in err
    monkeypatch.setenv("SITEURL", "https://careers.example")
    status, out, _ = openings(capsys, site, "validate", "-s", "publishconf.py")
    assert status == 1 and "req_id: is missing" in out  # publishconf.py is strict


@pytest.mark.parametrize(
    "args,message",
    [
        (["validate", "content/jobs/no-such-posting.md"], "no-such-posting.md: no such file"),
        (["validate", "-s", "nowhere.py"], "the settings file nowhere.py does not exist"),
        (["validate", "--content", "nowhere"], "the content folder nowhere does not exist"),
        (["validate", "--today", "28.11.2026"], "is not a date; write it as YYYY-MM-DD"),
        (["validate", "--format", "xml"], "invalid choice: 'xml'"),
        (["list", "--expiring", "two weeks"], "is not a number of days"),
        (["new", "Backend Developer"], "the following arguments are required: --department"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["summary", "--base", "no-such-commit"], "is not a commit of this repository"),
    ],
)
def test_bad_invocations_say_why_with_status_2(args, message):
    result = run_script(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_broken_settings_file_is_a_message(tmp_path):
    settings = tmp_path / "broken.py"
    settings.write_text("SITENAME = 'x'\nPATH = content\n", encoding="utf-8")
    result = run_script("validate", "-s", str(settings))
    assert result.returncode == 2
    assert "could not be read: NameError" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_setting_is_a_message(tmp_path):
    settings = tmp_path / "typo.py"
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    settings.write_text(
        text.replace('PATH = "content"', f'PATH = "{ROOT / "content"}"')
        + "\nJOBPOSTING_STRICTT = True\n",
        encoding="utf-8",
    )
    result = run_script("validate", "-s", str(settings))
    assert result.returncode == 2
    assert "unknown setting JOBPOSTING_STRICTT; did you mean JOBPOSTING_STRICT?" in result.stderr


def test_the_installed_script_exits_0_and_1(tmp_path):
    site = Site(tmp_path)
    good = site.posting("ok.md", VALID_POSTING)
    bad = site.posting("bad.md", BROKEN)
    common = ("--content", str(site.content), "--today", TODAY)
    assert run_script("validate", str(good), *common).returncode == 0
    result = run_script("validate", str(bad), *common)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_make_validate_runs_the_command(tmp_path):
    # What CI's "make validate FORMAT=github" runs; -o keeps make from reinstalling the venv.
    site = Site(tmp_path)
    bad = site.posting("bad.md", BROKEN)
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "-o", ".venv/.installed", "validate",
         "FORMAT=github", f"FILES={bad} --content {site.content} --today {TODAY}"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "::error file=" in result.stdout and "bad.md:3: department:" in result.stdout


# --- list ---------------------------------------------------------------------------------------


def test_list_shows_every_posting_with_its_state(sample_site, capsys):
    sample_site.posting("broken.md", BROKEN)
    status, out, _ = openings(capsys, sample_site, "list")
    assert status == 0
    lines = out.strip().splitlines()
    assert lines[0].split() == ["STATUS", "TITLE", "DEPARTMENT", "LOCATION", "POSTED", "EXPIRES", "NOTE"]  # fmt: skip
    states = [line.split()[0] for line in lines[1:-1]]
    assert states == ["open"] * 7 + ["scheduled", "draft", "closed", "rejected"]
    backend = next(line for line in lines if "Backend Developer" in line and "open" in line)
    assert re.search(r"Engineering\s+Berlin, Germany\s+2026-11-02\s+2027-01-31", backend)
    rejected = lines[-2]
    assert "Enginering" in rejected and "3 errors in" in rejected and "broken.md" in rejected
    assert lines[-1] == "11 postings; 1 with errors: `./openings validate` says what to fix"


def test_list_counts_a_translated_posting_once(sample_site, capsys):
    english = (ROOT / "content/jobs/backend-developer.md").read_text(encoding="utf-8")
    sample_site.posting(
        "backend-developer.de.md",
        english.replace("title: Backend Developer", "title: Backend-Entwickler*in\nlang: de\n"
                        "slug: backend-developer", 1),
    )  # fmt: skip
    status, out, _ = openings(capsys, sample_site, "list")
    assert status == 0
    assert "Backend-Entwickler*in" in out
    assert out.strip().splitlines()[-1] == (
        "10 postings in 11 files (a posting and its translations count once)"
    )


def test_list_marks_what_closes_soon(sample_site, capsys):
    status, out, _ = openings(capsys, sample_site, "list", "--today", "2027-01-05")
    assert status == 0
    marked = [line for line in out.splitlines() if line.endswith("<-")]
    assert {re.split(r"\s{2,}", m)[1] for m in marked} == {
        "Staff Platform Engineer", "Werkstudent*in Frontend-Entwicklung",
    }  # fmt: skip
    assert all("closes in 10 days" in m for m in marked)


def test_list_expiring_keeps_only_those(sample_site, capsys):
    status, out, _ = openings(capsys, sample_site, "list", "--expiring", "60")
    lines = out.strip().splitlines()
    assert status == 0
    assert len(lines) == 1 + 3 + 1  # heading, the three open postings closing by 2027-01-27, count
    assert lines[-1] == "3 postings; 3 closing within 60 days"
    status, out, _ = openings(capsys, sample_site, "list", "--expiring", "3")
    assert out.strip() == "No open posting closes within 3 days."


# --- new ----------------------------------------------------------------------------------------


def test_new_writes_a_draft_that_only_needs_human_decisions(site, capsys):
    status, out, _ = openings(
        capsys, site, "new", "Senior Backend Engineer", "--department", "engineering",
        "--office", "berlin",
    )  # fmt: skip
    assert status == 0, out
    path = site.content / "jobs" / "senior-backend-engineer.md"
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "Senior Backend Engineer"
    assert front["department"] == "Engineering"  # the name as departments.yml writes it
    assert front["locations"] == ["berlin"] and front["status"] == "draft"
    assert str(front["date_posted"]) == TODAY
    status, out, _ = openings(capsys, site, "validate", str(path))
    assert status == 0
    problems = [line for line in out.splitlines() if "senior-backend-engineer.md" in line]
    assert problems and all(": warning: " in line for line in problems)
    # the description's placeholder lines, to be replaced (refused by the publish rules)
    placeholders = [line for line in problems if "the posting template's placeholder" in line]
    assert len(placeholders) == 4
    fields = {
        re.search(r"warning: (\w+):", line)[1] for line in problems if line not in placeholders
    }
    assert fields == {"valid_through", "employment_type", "salary", "req_id"}


def test_new_names_the_check_command_the_folder_offers(site, capsys, tmp_path, monkeypatch):
    # in this project (a Makefile with validate:) the make target; on a blog, the command itself
    args = ("new", "Designer", "--department", "Product & Design", "--office", "london")
    status, out, _ = openings(capsys, site, *args)
    assert status == 0 and "`make validate FILES=" in out
    (site.content / "jobs" / "designer.md").unlink()
    monkeypatch.chdir(tmp_path)
    status, out, _ = openings(capsys, site, *args, "--settings", str(ROOT / "pelicanconf.py"))
    assert status == 0 and "`openings validate " in out and "make validate" not in out


def test_the_template_explains_every_field(site, capsys):
    openings(capsys, site, "new", "Designer", "--department", "Product & Design", "--office", "london")  # fmt: skip
    text = (site.content / "jobs" / "designer.md").read_text(encoding="utf-8")
    front = text.split("\n---\n")[0]
    for name in FIELDS:
        match = re.search(rf"^(# )?{name}:", front, re.MULTILINE)
        assert match, f"the template has no {name}"
        before = front[: match.start()].rstrip().splitlines()[-1]
        assert before.startswith("#"), f"{name} has no explanation above it"
    assert "{{" not in text


def test_new_remote_and_awkward_titles_round_trip(site, capsys):
    status, _, _ = openings(
        capsys, site, "new", "Engineer: Payments #2", "--department", "Engineering",
        "--remote", "DE, AT,NO,us-ca", "--slug", "payments-engineer",
    )  # fmt: skip
    assert status == 0
    path = site.content / "jobs" / "payments-engineer.md"
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert front["title"] == "Engineer: Payments #2"
    assert front["workplace"] == "remote"
    assert front["remote_countries"] == ["DE", "AT", "NO", "US-CA"]
    assert "locations" not in front
    status, out, _ = openings(capsys, site, "validate", str(path))
    assert status == 0, out


def test_new_refuses_to_overwrite(site, capsys):
    existing = site.posting("backend-developer.md", VALID_POSTING)
    before = existing.read_bytes()
    status, out, _ = openings(
        capsys, site, "new", "Backend Developer", "--department", "Engineering", "--office", "berlin"
    )  # fmt: skip
    assert status == 1
    assert "backend-developer.md already exists and was left as it is" in out
    assert existing.read_bytes() == before


@pytest.mark.parametrize(
    "args,message",
    [
        (["--department", "Enginering", "--office", "berlin"],
         ('"Enginering" is not a department in content/data/departments.yml. Did you mean '
          "Engineering? Known: Engineering, Product & Design, Data, Customer Success, People & Operations.")),
        (["--department", "Data", "--office", "berln"],
         ('"berln" is not an office key in content/data/offices.yml. Did you mean berlin? '
          "Known: berlin, denver, lisbon, london, new-york.")),
        (["--department", "Data", "--remote", "Germny"], 'Did you mean DE?'),
        (["--department", "Data"], "say where the job is: --office KEY (known: berlin, denver"),
    ],
)  # fmt: skip
def test_new_checks_its_arguments_against_the_data(site, capsys, args, message):
    status, _, err = openings(capsys, site, "new", "Analyst", *args)
    assert status == 2
    assert message in err
    assert not list((site.content / "jobs").iterdir())


def test_a_new_posting_builds_and_stays_unpublished(site, capsys):
    openings(capsys, site, "new", "Analyst", "--department", "Data", "--office", "lisbon")
    site.build()
    assert not (site.output / "jobs" / "analyst").exists()


# --- import and notify are wired in -------------------------------------------------------------


def test_import_turns_a_seed_into_a_posting(tmp_path):
    # a byte-for-byte copy of ../shared/seeds/backend-developer.md (mojibake included)
    seed = ROOT / "tests" / "fixtures" / "import" / "backend-developer.md"
    dest = tmp_path / "jobs"
    result = run_script("import", str(seed), "--to", str(dest))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    (written,) = dest.glob("*.md")
    assert "1 posting imported" in result.stdout
    before = written.read_bytes()
    again = run_script("import", str(seed), "--to", str(dest))
    assert "Traceback" not in again.stderr
    assert written.read_bytes() == before  # not overwritten without --force


def test_import_of_a_missing_file_is_a_message(tmp_path):
    result = run_script("import", str(tmp_path / "missing.md"), "--to", str(tmp_path / "jobs"))
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr


def test_notify_is_a_subcommand():
    result = run_script("notify", "--help")
    assert result.returncode == 0 and "notify" in result.stdout


def test_help_names_every_command():
    result = run_script("--help")
    assert result.returncode == 0
    for command in ("new", "validate", "list", "summary", "import", "notify", "docs", "schema"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.M), command
    assert run_script().returncode == 2


@pytest.fixture(autouse=True)
def _no_stray_output():
    yield
    shutil.rmtree(ROOT / "content" / "jobs" / "__pycache__", ignore_errors=True)
