"""Title hygiene per Google's guidance: warnings that name what to move where, few false alarms."""

from __future__ import annotations

import datetime as dt

import pytest
from openings.checks import hygiene
from openings.core import rules
from openings.core.model import Address, Area, JobPosting, Organization


def posting(title: str, **extra) -> JobPosting:
    return JobPosting(
        "content/jobs/x.md", "x", title, "en", "open", dt.date(2026, 11, 2), "Engineering",
        "<p>b</p>", Organization("Fernhill Labs"),
        locations=(Address("DE", "Berlin", "Berlin"),), req_id="ENG-101", **extra,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("Backend Developer - Berlin", "location 'Berlin'"),
        ("Backend Developer, Germany", "location 'Germany'"),
        ("Backend Developer (Remote)", "location 'Remote'"),
        ("Backend Developer (US)", "location 'US'"),
        ("Fernhill Backend Developer", "company name 'Fernhill'"),
        ("Backend Developer at Fernhill Labs", "company name 'Fernhill Labs'"),
        ("BACKEND DEVELOPER", "capitals"),
        ("URGENT Backend Developer", "capitals"),
        ("Backend Developer!!", "! or *"),
        ("*Backend* Developer", "! or *"),
        ("Backend Developer $120k", "pay"),
        ("Backend Developer 60.000 €", "pay"),
        ("Backend Developer £40-50K", "pay"),
        ("Backend Developer REQ-123", "reference code"),
        ("Backend Developer ENG-101", "reference code"),
        ("Backend Developer #4711", "reference code"),
        ("Summer Intern 2027", "date"),
        ("Backend Developer ASAP", "date"),
        ("Backend Developer 🚀", "emoji"),
        ("Backend Developer \u202egnp.exe", "right-to-left"),
    ],
)
def test_flagged(title, words):
    found = hygiene.title_problems(posting(title), 2)
    assert any(words in p.message for p in found), [p.message for p in found]
    for problem in found:
        assert not problem.is_error and problem.line == 2 and problem.field == "title"
        assert problem.rule in (rules.TITLE_HYGIENE, rules.INVISIBLE_CHARACTER)


@pytest.mark.parametrize(
    "title",
    ["Backend Developer", "Werkstudent*in Frontend-Entwicklung", "Senior Engineer (m/w/d)",
     "Pflegefachkraft (w/m/d)", "Remote Sensing Scientist", "Hybrid Cloud Engineer",
     "Level 3 Engineer", "Level 10 Engineer", "Software Engineer II", "Web 3.0 Developer",
     "ISO 27001 Auditor", "SCADA Engineer", "QA Engineer", "C++ Developer", "C# Developer",
     "UX/UI Designer", "Head of People", "Site Reliability Engineer (SRE)",
     "مهندس برمجيات", "ソフトウェアエンジニア"],
)  # fmt: skip
def test_not_flagged(title):
    assert hygiene.title_problems(posting(title), 2) == []


def test_remote_area_names_count_as_locations():
    remote = posting("Engineer, California", workplace="remote",
                     remote_areas=(Area("US-CA", "California"),))  # fmt: skip
    assert any("California" in p.message for p in hygiene.title_problems(remote, 2))


def test_a_100_kb_title_gives_short_messages():
    found = hygiene.title_problems(posting("SHOUT! " * 15_000), 2)
    assert found and all(len(p.message) < 300 for p in found)


def test_the_shipped_samples_are_clean(sample_site, capsys):
    sample_site.build()
    out = capsys.readouterr()
    assert "warning: title:" not in out.out + out.err
    assert "jobposting: 10 files" in out.out + out.err  # the report was captured
