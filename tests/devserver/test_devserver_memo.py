"""The dev server's jobs.json, made of each record's kept text: the bytes jobsjson.render writes."""

from __future__ import annotations

from openings.devserver.memo import JobsText
from openings.outputs import jobsjson


def document(*jobs) -> dict:
    company = {"name": "Fernhill\nHealth", "sameAs": [], "logo": {}}
    return {"version": "1.0", "lastUpdated": "2026-11-28", "company": company, "jobs": list(jobs)}


JOBS = [
    {"id": "backend", "title": "Backend Developer", "locations": [{"city": "Köln"}, {}],
     "compensation": {"min": 1, "max": 2.5}, "otherEmploymentTypes": [], "x-digest": "a\n\"b\""},
    {"id": "designer", "title": "Designer \u2028 ü", "location": {"country": "DE"}},
    {"id": "empty"},
]  # fmt: skip


def test_the_document_is_what_jobsjson_renders():
    text = JobsText(jobsjson.render)
    for jobs in (JOBS, JOBS[:1], [], JOBS[::-1]):
        assert text(document(*jobs)) == jobsjson.render(document(*jobs))


def test_a_record_seen_before_is_not_serialised_again(monkeypatch):
    text = JobsText(jobsjson.render)
    text(document(*JOBS))
    made = []
    serialise = text.text
    monkeypatch.setattr(text, "text", lambda job: made.append(job["id"]) or serialise(job))
    changed = {**JOBS[1], "title": "Senior Designer"}  # a new record: its posting changed
    assert text(document(JOBS[0], changed, JOBS[2])) == jobsjson.render(
        document(JOBS[0], changed, JOBS[2])
    )
    assert made == ["designer"]


def test_a_document_whose_jobs_are_not_last_is_rendered_whole():
    data = {"jobs": JOBS, "version": "1.0"}
    assert JobsText(jobsjson.render)(data) == jobsjson.render(data)
