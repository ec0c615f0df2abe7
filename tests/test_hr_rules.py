"""Rules beyond one field: the publish rules on old and http postings, the stale-days setting,
and the checks across files when `openings validate` is given one file."""

from __future__ import annotations

import shutil

import pytest
from openings.commands import cli
from openings.commands.checking import check_files
from openings.core import rules
from sitebuild import ROOT, TODAY, command_settings

FIXTURES = ROOT / "tests" / "fixtures" / "postings"


@pytest.fixture(scope="module")
def values() -> dict:
    return command_settings(strict=False)


def verdict(values: dict, name: str, **overrides) -> dict[str, bool]:
    """rule -> is it an error, for one fixture."""
    checked = check_files({**values, **overrides}, [str(FIXTURES / name)])
    return {p.rule: p.is_error for p in checked.problems}


@pytest.mark.parametrize(
    "name,rule",
    [("valid/stale-posting.md", rules.STALE_POSTING),
     ("valid/apply-both-and-http.md", rules.APPLY_HTTP)],
)  # fmt: skip
def test_a_warning_locally_an_error_under_the_publish_rules(values, name, rule):
    assert verdict(values, name)[rule] is False
    assert verdict(values, name, JOBPOSTING_STRICT=True)[rule] is True


def test_an_expired_posting_still_marked_open_stays_a_warning_when_publishing(values):
    # it is closed: nothing of it is published, so nothing to refuse
    found = verdict(values, "closed/expired-open.md", JOBPOSTING_STRICT=True)
    assert found == {rules.EXPIRED_OPEN: False}


def test_the_stale_days_are_a_setting(values):
    assert rules.STALE_POSTING in verdict(values, "valid/stale-posting.md")
    assert rules.STALE_POSTING not in verdict(
        values, "valid/stale-posting.md", JOBPOSTING_STALE_DAYS=365
    )
    assert rules.STALE_POSTING not in verdict(
        values, "valid/stale-posting.md", JOBPOSTING_STALE_DAYS=None
    )


def test_a_wrong_stale_days_setting_is_refused(tmp_path, monkeypatch, capsys):
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"from pelicanconf import *\nPATH = {str(ROOT / 'content')!r}\n"
        "JOBPOSTING_STALE_DAYS = 'ninety'\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    assert cli.main(["validate", "-s", str(conf)]) == 2
    assert "JOBPOSTING_STALE_DAYS must be None or a whole number" in capsys.readouterr().err


def test_one_file_is_checked_against_the_other_postings(tmp_path, monkeypatch, capsys):
    copy = tmp_path / "backend-developer-copy.md"
    text = (ROOT / "content" / "jobs" / "backend-developer.md").read_text(encoding="utf-8")
    copy.write_text(text.replace("slug:", "# slug:"), encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert cli.main(["validate", "--today", TODAY, str(copy)]) == 1
    out = capsys.readouterr().out
    line = next(n for n, text in enumerate(text.split("\n"), 1) if text.startswith("req_id:"))
    assert (
        f"{copy}:{line}: req_id: ENG-101 is also the req_id of content/jobs/backend-developer.md"
        in out
    )
    assert "1 file:" in out  # the other postings are compared with, not reported


def test_a_posting_of_the_site_is_not_its_own_duplicate(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert cli.main(["validate", "--today", TODAY, "content/jobs/backend-developer.md"]) == 0
    assert "is also" not in capsys.readouterr().out


def test_same_title_and_place_is_found_from_one_file(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    jobs = site / "content" / "jobs"
    text = (jobs / "backend-developer.md").read_text(encoding="utf-8")
    (jobs / "backend-developer-2.md").write_text(
        text.replace("ENG-101", "ENG-777"), encoding="utf-8"
    )
    monkeypatch.chdir(ROOT)
    status = cli.main(
        ["validate", "--today", TODAY, "--content", str(site / "content"),
         str(jobs / "backend-developer-2.md")]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0, out
    assert "'Backend Developer' at the same location is also open in" in out
