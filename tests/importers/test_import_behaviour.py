"""openings import's promises: nothing overwritten without --force, no two postings at one name,
values YAML would misread written safely, and the `openings import` command itself."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest
from importing import FIXTURES, import_into, shown
from openings.importers import run
from openings.importers.draft import Draft
from openings.importers.locations import where
from openings.importers.mapper import TargetSite
from openings.importers.mapping import map_draft
from openings.importers.writer import field
from openings.reading import frontmatter
from sitebuild import ROOT, TODAY, Site


def test_importing_the_same_job_again_fails_without_force_and_replaces_with_it(tmp_path):
    site = Site(tmp_path)
    import_into(site, FIXTURES / "greenhouse-job.json")
    posting = site.content / "jobs" / "customer-support-specialist-trainer.md"
    posting.write_text(posting.read_text(encoding="utf-8") + "\nEdited by HR.\n", encoding="utf-8")

    again = import_into(site, FIXTURES / "greenhouse-job.json")
    (result,) = again.results
    assert result.outcome == "failed"
    assert result.failure.startswith(f"{posting} already holds this posting")
    assert "--force" in result.failure
    assert "Edited by HR." in posting.read_text(encoding="utf-8")

    forced = import_into(site, FIXTURES / "greenhouse-job.json", force=True)
    assert forced.results[0].replaced and forced.failed == 0
    assert "Edited by HR." not in posting.read_text(encoding="utf-8")
    assert shown(forced, tmp_path).startswith(
        "content/jobs/customer-support-specialist-trainer.md: replaced from"
    )


def test_a_job_with_an_existing_req_id_is_written_beside_it_with_a_todo(tmp_path):
    site = Site(tmp_path, with_samples=True)
    sample = site.content / "jobs" / "backend-developer.md"
    before = sample.read_text(encoding="utf-8")
    source = tmp_path / "data-engineer.json"
    job = json.loads((FIXTURES / "greenhouse-job.json").read_text(encoding="utf-8"))
    job["requisition_id"] = "ENG-101"  # the sample backend-developer.md's
    source.write_text(json.dumps(job), encoding="utf-8")
    for force in (False, True):  # a shared req_id never makes another posting "the same one"
        (result,) = import_into(site, source, force=force).results
        assert sample.read_text(encoding="utf-8") == before
    written = (tmp_path / result.path).read_text(encoding="utf-8")
    comment = " ".join(written.replace("\n#   ", " ").split())
    assert f"# TODO: {sample} has the same req_id" in comment


def test_another_posting_with_the_same_name_is_kept_and_the_new_one_numbered(tmp_path):
    site = Site(tmp_path, with_samples=True)
    before = (site.content / "jobs" / "office-manager.md").read_text(encoding="utf-8")
    summary = import_into(site, FIXTURES / "lever-posting.json", FIXTURES / "lever-posting.json")
    assert (site.content / "jobs" / "office-manager.md").read_text(encoding="utf-8") == before
    assert summary.results[0].path.endswith("office-manager-2.md")
    # the second copy of the same job in one run is the same posting: not written twice
    assert summary.results[1].failure.startswith(summary.results[0].path)


def test_a_missing_destination_folder_is_one_failure(tmp_path):
    summary = run([str(FIXTURES / "hugo-job.md")], str(tmp_path / "nowhere"))
    assert [r.failure for r in summary.results] == ["the folder to import into does not exist"]


def test_without_settings_it_still_imports_and_counts_the_todos(tmp_path):
    summary = run([str(FIXTURES / "backend-developer.md")], str(tmp_path))
    (result,) = summary.results
    assert result.todos == ["date_posted", "status", "department", "locations"]
    assert result.problems == []
    assert summary.needs_attention == 1


@pytest.mark.parametrize(
    "value",
    ["NO", "yes", "0123", "12:30", "2026-01-01", "London: UK", "#1 team", "- dash", "* star",
     "@handle", "'quoted'", 'say "hi"', "null", "~", "1e3", "tab\there", "two\nlines", "ü ☃ עברית"],
)  # fmt: skip
def test_every_text_value_reads_back_as_the_same_text(value):
    doc = frontmatter.parse(f"---\n{field('req_id', value)}\n---\nBody\n")
    assert doc.errors == ()
    assert doc.fields["req_id"].value == value


def test_dates_and_lists_are_written_as_yaml_values():
    doc = frontmatter.parse(
        "---\n" + field("date_posted", dt.date(2026, 11, 2)) + "\n"
        + field("locations", ["berlin", "NO"]) + "\n---\nx\n"
    )  # fmt: skip
    assert doc.fields["date_posted"].value == dt.date(2026, 11, 2)
    assert [f.value for f in doc.fields["locations"].value] == ["berlin", "NO"]


@pytest.mark.parametrize(
    ("text", "offices", "remote", "countries", "unsettled"),
    [
        ("London, UK", ["london"], False, [], []),
        ("Denver, CO", ["denver"], False, [], []),
        ("London, Ontario, Canada", [], False, [], []),
        ("Remote (US)", [], True, ["US"], []),
        ("Remote, Germany", [], True, ["DE"], []),
        ("Anywhere", [], True, [], ["Anywhere"]),
        ("Berlin or Remote", [], False, [], ["Berlin or Remote"]),
        ("Berlin/Bonn/Munich", [], False, [], []),
        ("Berlin, Germany", ["berlin"], False, [], []),
        ("Remote - EU only", [], True, [], ["Remote - EU only"]),
    ],
)
def test_location_texts(text, offices, remote, countries, unsettled):
    from openings.checks import data
    from openings.reading.postingfile import report_path

    known = data.load(str(ROOT / "content"), "data", report_path).offices
    found = where([text], known)
    assert len(found.offices) + len(found.addresses) + len(found.unsettled) + found.remote > 0
    assert (found.offices, found.remote, found.countries, found.unsettled) == (
        offices, remote, countries, unsettled,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        (
            "Berlin/Bonn/Munich",
            [{"locality": "Berlin"}, {"locality": "Bonn"}, {"locality": "Munich"}],
        ),
        ("Stuttgart, Germany", [{"locality": "Stuttgart", "country": "DE"}]),
        ("VA, United States", [{"region": "VA", "country": "US"}]),
        ("Texas", [{"region": "TX", "country": "US"}]),
        ("London, Ontario, Canada", [{"locality": "London", "region": "ON", "country": "CA"}]),
    ],
)
def test_a_place_that_is_no_office_is_an_address_with_only_what_the_text_says(text, addresses):
    from openings.checks import data
    from openings.reading.postingfile import report_path

    known = data.load(str(ROOT / "content"), "data", report_path).offices
    found = where([text], known)
    assert found.offices == [] and [a for a, _ in found.addresses] == addresses
    # a city alone names no country: the TODO asks for one
    assert all(("country" in a) == (why is None) for a, why in found.addresses)


def _mapped(**fields):
    site = TargetSite(today=dt.date.fromisoformat(TODAY), timezone=dt.UTC)
    draft = Draft(origin="test", key="test:1", title="Engineer", fields=fields)
    return {e.name: e for e in map_draft(draft, site)}


def test_a_second_name_for_a_field_is_kept_marked_not_dropped():
    entries = _mapped(closes="2027-01-31", deadline="2027-02-28")
    assert entries["valid_through"].value == dt.date(2027, 1, 31)
    assert entries["imported_deadline"].todo
    assert "'closes' already gave valid_through" in entries["imported_deadline"].comment


def test_a_salary_without_a_period_is_written_with_a_todo():
    entries = _mapped(salary_min="60k", salary_max="80,000", currency="€")
    assert entries["salary"].value == {"min": 60000, "max": 80000, "currency": "EUR"}
    assert entries["salary"].todo and "per" in entries["salary"].comment


def test_an_employment_type_that_cannot_be_read_is_marked_with_a_suggestion():
    entries = _mapped(contract="contract, 6 months")
    assert "employment_type" not in entries
    assert "did you mean CONTRACTOR?" in entries["imported_contract"].comment


def test_the_openings_import_command(tmp_path):
    site = Site(tmp_path)
    command = [str(ROOT / ".venv" / "bin" / "openings"), "import"]
    sources = [str(FIXTURES / "hugo-job.md"), str(FIXTURES / "report.pdf")]
    options = ["--content", str(site.content), "--today", TODAY]
    done = subprocess.run(
        [*command, *sources, *options], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.strip().split("\n")
    here = FIXTURES.relative_to(ROOT)  # sources are shown as typed, relative to the site
    assert lines[0] == (
        f"{site.content}/jobs/data-analyst.md: written from {here}/hugo-job.md (needs attention)"
    )
    assert f"{here}/report.pdf: not imported: is a PDF file" in done.stdout
    assert lines[-1] == "1 posting imported (1 needs attention), 1 failed."
    again = subprocess.run(
        [*command, sources[0], *options], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert again.returncode == 1 and "--force" in again.stdout
    forced = subprocess.run(
        [*command, sources[0], *options, "--force"], cwd=ROOT, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert forced.returncode == 0, forced.stdout + forced.stderr


def test_the_seed_fixture_is_the_seed_byte_for_byte():
    # the importer tests use a copy; it must stay the job description the project started from
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "backend-developer.md"
    copy = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "backend-developer.md"
    if seed.is_file():  # ../shared is beside the project on developer machines and in CI
        assert copy.read_bytes() == seed.read_bytes()
    assert "Bachelorâ€™s" in copy.read_text(encoding="utf-8")
