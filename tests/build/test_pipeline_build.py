"""The build's error path and its safety, through real Pelican builds (and the real `pelican`).

One run reports every problem of every file, compiler style; any error ends the build with
exit status 1 before a single page is written; nothing reaches HR as a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from openings.core.problems import BuildFailed
from sitebuild import ROOT, TODAY, VALID_POSTING, Site

BROKEN = """
---
title: Data Analyst
department: Data
date_posted: 3/21/2026
locations: [berlin]
employment_type: Fulltme
salary: {min: 50000, max: 60000, currency: EUR, per: YEAR}
req_id: DATA-1
apply_url: https://fernhill.example/apply/data-1
---
Turn numbers into decisions.
"""
YAML_ERROR = """
---
title: Engineer: Payments
department: Engineering
---
Body.
"""
WARNS = VALID_POSTING.replace("req_id: ENG-1\n", "")


def messy_site(site: Site) -> dict[str, str]:
    """Five files in content/jobs/ with every kind of problem; their paths as the report names them."""
    site.posting("data-analyst.md", BROKEN)
    site.posting("payments.md", YAML_ERROR)
    site.posting("backend.md", WARNS)
    site.posting("untitled.rst", "Just text, no title.\n")
    site.posting("notes.docx", "not a posting")
    return {name: str(site.content / "jobs" / name) for name in
            ("data-analyst.md", "payments.md", "backend.md", "untitled.rst", "notes.docx")}  # fmt: skip


def failed_build(site: Site, capsys, **settings) -> tuple[BuildFailed, list[str]]:
    with pytest.raises(BuildFailed) as caught:
        site.build(**settings)
    return caught.value, capsys.readouterr().err.splitlines()


def test_one_run_reports_every_problem_of_every_file(site, capsys):
    paths = messy_site(site)
    failure, err = failed_build(site, capsys)
    assert failure.code == 1
    report = [line for line in err if not line.startswith("jobposting: ")]
    expected = [
        f"{paths['backend.md']}: warning: req_id: is missing; add the requisition number, e.g. req_id: ENG-101 (Google recommends it)",
        f"{paths['data-analyst.md']}: warning: valid_through: is missing; add the last day applications are accepted, e.g. 2027-01-31 (Google recommends it)",
        f'{paths["data-analyst.md"]}:4: date_posted: "3/21/2026" is not a date in the form YYYY-MM-DD; write 2026-03-21',
        f'{paths["data-analyst.md"]}:6: employment_type: "Fulltme" is not an employment type; use one of FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER (did you mean FULL_TIME?)',
        f"{paths['notes.docx']}: is in the postings folder but is not a Markdown file: rename it to end in .md, or move it out of the folder",
        f"{paths['payments.md']}:2: the front matter is not valid YAML: mapping values are not allowed in this context (a value contains ': ' — put the whole value in double quotes)",
        f"{paths['untitled.rst']}: is in the postings folder but is not a Markdown file: rename it to end in .md, or move it out of the folder",
    ]  # fmt: skip
    assert report == expected
    assert err[-2] == (
        "jobposting: 5 files: 1 open, 0 closed, 0 draft, 0 scheduled, 4 rejected; "
        "5 errors, 2 warnings"
    )
    assert err[-1] == "jobposting: the site was not built: fix the 5 errors above"
    assert not any("Traceback" in line for line in err)


def test_summary_files_are_the_sum_of_the_states(sample_site, capsys):
    sample_site.posting("broken.md", BROKEN)
    _, err = failed_build(sample_site, capsys)
    summary = next(line for line in err if line.startswith("jobposting: ") and " files: " in line)
    files = int(summary.split(" files: ")[0].split()[-1])
    counts = summary.split(": ", 2)[2].split(";")[0].split(", ")
    assert files == sum(int(part.split()[0]) for part in counts) == 11
    assert "7 open, 1 closed, 1 draft, 1 scheduled, 1 rejected" in summary


def test_nothing_is_written_when_the_build_fails(site, capsys):
    site.posting("broken.md", BROKEN)
    failed_build(site, capsys)
    assert not site.output.exists() or not any(site.output.rglob("*.html"))


def test_an_earlier_site_is_left_untouched(site, capsys):
    site.posting("backend.md", VALID_POSTING)
    site.build()
    before = {p: p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    site.posting("broken.md", BROKEN)
    failed_build(site, capsys)
    after = {p: p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    assert after == before


def test_github_annotations_when_running_in_actions(site, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    paths = messy_site(site)
    _, err = failed_build(site, capsys)
    analyst = paths["data-analyst.md"].replace(":", "%3A").replace(",", "%2C")
    assert (
        f"::error file={analyst},line=6,title=employment_type::" + '"Fulltme" is not an employment type'
    ) in "\n".join(err)  # fmt: skip
    assert any(line.startswith("::warning file=") and "title=req_id" in line for line in err)


def test_no_annotations_outside_actions(site, capsys):
    messy_site(site)
    _, err = failed_build(site, capsys)
    assert not any(line.startswith("::") for line in err)


def test_strict_turns_warnings_into_errors(site, capsys):
    site.posting("backend.md", WARNS)
    site.build()  # a warning alone does not stop a local build
    assert (site.output / "jobs" / "backend" / "index.html").exists()
    capsys.readouterr()
    _, err = failed_build(site, capsys, JOBPOSTING_STRICT=True)
    line = next(line for line in err if "req_id: is missing" in line)
    assert ": warning: " not in line
    assert err[-1] == "jobposting: the site was not built: fix the 1 error above"


def test_unknown_setting_is_an_error_with_did_you_mean(site, capsys):
    site.posting("backend.md", VALID_POSTING)
    _, err = failed_build(site, capsys, JOBPOSTING_ORGANISATION={"name": "X"})
    assert (
        "pelicanconf: unknown setting JOBPOSTING_ORGANISATION; did you mean JOBPOSTING_ORGANIZATION?"
        in err
    )


def test_a_script_in_the_title_stays_inside_the_json_string(site):
    title = "Engineer </script><script>alert(1)</script>"
    site.posting("eng.md", VALID_POSTING.replace("title: Backend Developer", f"title: '{title}'"))
    site.build()
    page = site.page("jobs/eng/index.html")
    (block,) = page.find_all("script", type="application/ld+json")
    assert json.loads(block.string)["title"] == title
    assert not [s for s in page.find_all("script") if "alert(1)" in (s.string or "") and s is not block]  # fmt: skip
    assert title in page.find("h1").get_text()


def test_jsonld_only_on_open_posting_pages(sample_site):
    sample_site.build()
    out = sample_site.output

    def blocks(relative):
        page = sample_site.page(relative)
        return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]

    open_pages = ["backend-developer", "staff-platform-engineer", "product-designer",
                  "customer-support-specialist", "data-science-intern", "solutions-engineer",
                  "werkstudent-frontend/de"]  # fmt: skip
    for slug in open_pages:
        (data,) = blocks(f"jobs/{slug}/index.html")
        assert data["@type"] == "JobPosting"
    assert blocks("jobs/office-manager/index.html") == []  # closed
    for listing in ["index.html", *(p.relative_to(out) for p in out.glob("departments/*/index.html"))]:  # fmt: skip
        assert blocks(str(listing)) == [], listing
    posting_pages = {
        str(p.parent.relative_to(out / "jobs")) for p in out.glob("jobs/**/index.html")
    }
    assert posting_pages == {*open_pages, "office-manager"}


def test_the_seeds_mojibake_shows_as_bachelors(site):
    seed = (ROOT / "content" / "jobs" / "backend-developer.md").read_text(encoding="utf-8")
    assert "Bachelor’s" in seed
    # the seed job description as HR pasted it from a word processor
    site.posting("backend-developer.md", seed.replace("Bachelor’s", "Bachelorâ€™s"))
    site.build()
    page = site.page("jobs/backend-developer/index.html")
    text = page.get_text()
    assert "Bachelor’s degree" in text and "â€" not in text
    (block,) = page.find_all("script", type="application/ld+json")
    assert "Bachelor’s degree" in json.loads(block.string)["description"]


def test_the_pelican_command_exits_1_without_a_traceback(tmp_path):
    site = Site(tmp_path)
    site.posting("broken.md", BROKEN)
    site.posting("notes.docx", "not a posting")
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "pelican"), str(site.content),
         "-o", str(site.output), "-s", str(ROOT / "pelicanconf.py"),
         "-e", f'JOBPOSTING_TODAY="{TODAY}"', "CACHE_CONTENT=false"],
        check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert f'{site.content}/jobs/broken.md:6: employment_type: "Fulltme"' in output
    assert "jobposting: 2 files: 0 open, 0 closed, 0 draft, 0 scheduled, 2 rejected" in output
    assert not site.output.exists() or not any(site.output.rglob("*.html"))
