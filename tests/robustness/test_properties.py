"""Property-based: whatever a person (or a broken editor) puts in a file, the answer is problems
with the file and line, never an exception; and no posting is ever lost from the count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openings.checks import pipeline
from openings.core import rules
from openings.core.lifecycle import State
from openings.core.problems import BuildFailed
from openings.reading import frontmatter
from openings.reading.postingfile import decode, repair_mojibake
from openings.reading.sanitize import clean_html
from sitebuild import TODAY, Site

PATH = "content/jobs/x.md"
FIELD_NAMES = ["title", "department", "date_posted", "valid_through", "status", "locations",
               "salary", "apply_url", "apply_email", "req_id", "summary", "workplace",
               "remote_countries", "employment_type", "openings", "tiitle", "url", "title\u200b"]  # fmt: skip
YAML_SCALARS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "NO",
            "yes",
            "0123",
            "12:30",
            "~",
            "null",
            "2026-02-30",
            "2026-11-28",
            "'unclosed",
            '"x',
            "[a, b",
            "{a: 1}",
            "*alias",
            "&anchor x",
            "!!python/name:os.system",
            "- item",
            ": colon",
            "#comment",
            "|",
            ">",
            "1e999",
            "-1",
            "€3.250",
            "\t",
            "\x00",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
LINES = st.lists(
    st.tuples(st.sampled_from(FIELD_NAMES), YAML_SCALARS, st.integers(0, 4)).map(
        lambda t: " " * t[2] + f"{t[0]}: {t[1]}"
    ),
    max_size=12,
)


@st.composite
def documents(draw) -> str:
    front = "\n".join(draw(LINES))
    body = draw(st.text(max_size=200))
    opener = draw(st.sampled_from(["---\n", "---\r\n", "", "\ufeff---\n", "--- \n"]))
    closer = draw(st.sampled_from(["\n---\n", "\n...\n", "\n", "\n---"]))
    return opener + front + closer + body


@pytest.fixture(scope="module")
def checks(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("checks"))
    from sitebuild import site_settings

    values = site_settings(site.content, site.output)
    from openings.config import settings as plugin_settings

    plugin_settings.apply_defaults(values)
    return pipeline.prepare(values)


def check_problems(problems, text: str) -> None:
    lines = text.count("\n") + 1
    for problem in problems:
        assert problem.path == PATH
        assert problem.rule in rules.RULES, problem
        assert problem.message and "Traceback" not in problem.message
        assert problem.line is None or 1 <= problem.line <= lines + 1, (problem, lines)


@given(st.text(max_size=400))
def test_frontmatter_parse_never_raises_on_text(text):
    doc = frontmatter.parse(text)
    for error in doc.errors:
        assert error.line is None or error.line >= 1
        assert error.rule in rules.RULES


@given(documents())
def test_frontmatter_parse_never_raises_on_yaml_shaped_text(text):
    doc = frontmatter.parse(text.replace("\r\n", "\n"))
    for error in (*doc.errors, *doc.warnings):
        assert error.line is not None and error.line >= 1, error
        assert error.rule in rules.RULES


@given(st.binary(max_size=600))
def test_decode_and_repair_never_raise_on_bytes(raw):
    text, problems = decode(raw, PATH)
    assert "\r" not in text
    _, repaired = repair_mojibake(text, PATH)
    for problem in (*problems, *repaired):
        assert problem.path == PATH and problem.line >= 1
    if problems:
        assert "UTF-8" in problems[0].message and "Windows-1252" in problems[0].message


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(documents(), st.binary(max_size=400).map(lambda b: b.decode("cp1252", "replace"))))
def test_check_posting_gives_problems_never_exceptions(checks, text):
    raw = text.encode("utf-8", "surrogatepass")
    decoded, read_problems = decode(raw, PATH)
    doc = frontmatter.parse(decoded)
    body_html = clean_html(doc.body)
    outcome = pipeline.check_posting(doc, PATH, "x", body_html, read_problems, checks)
    check_problems(outcome.problems, decoded)
    assert outcome.state in set(State)
    if outcome.state is State.REJECTED:
        assert outcome.posting is None
        assert any(p.is_error for p in outcome.problems) or doc.errors or not doc.has_front_matter
    else:
        assert outcome.posting is not None


GOOD = """---
title: {title}
department: Engineering
date_posted: {posted}
status: {status}
locations: [berlin]
salary: {{min: 60000, max: 80000, currency: EUR, per: YEAR}}
apply_url: https://fernhill.example/apply
req_id: {req_id}
valid_through: {until}
employment_type: Full-time
---
The job, described.
"""
KINDS = {
    "open": {"status": "open", "posted": "2026-11-01", "until": "2027-01-31"},
    "closed": {"status": "closed", "posted": "2026-10-01", "until": "2027-01-31"},
    "expired": {"status": "open", "posted": "2026-09-01", "until": "2026-10-31"},
    "draft": {"status": "draft", "posted": "2026-11-01", "until": "2027-01-31"},
    "scheduled": {"status": "open", "posted": "2026-12-24", "until": "2027-03-31"},
}
SUMMARY = re.compile(
    r"jobposting: (\d+) files?: (\d+) open, (\d+) closed, (\d+) draft, (\d+) scheduled, (\d+) rejected"
)


@st.composite
def boards(draw):
    files = {}
    for n in range(draw(st.integers(1, 6))):
        choice = draw(st.sampled_from([*KINDS, "garbage", "bytes"]))
        if choice == "garbage":
            data = draw(documents()).encode()
        elif choice == "bytes":
            data = draw(st.binary(max_size=200))
        else:
            data = GOOD.format(title=f"Role {n}", req_id=f"R-{n}", **KINDS[choice]).encode()
        files[f"p{n}.md"] = data
    return files


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(boards())
def test_files_in_equals_open_closed_draft_scheduled_rejected(tmp_path_factory, capsys, files):
    site = Site(tmp_path_factory.mktemp("board"))
    for name, data in files.items():
        (site.content / "jobs" / name).write_bytes(data)
    capsys.readouterr()
    try:
        site.build(JOBPOSTING_TODAY=TODAY)
        failed = False
    except BuildFailed as failure:
        failed = True
        rejected = {p.path.rsplit("/", 1)[-1] for p in failure.problems if p.is_error}
        assert rejected <= set(files)  # every error names one of the files
    out = capsys.readouterr()
    match = SUMMARY.search(out.out + out.err)
    assert match, (out.out + out.err)[-2000:]
    total, *parts = map(int, match.groups())
    assert total == len(files) == sum(parts), match.group(0)
    if not failed:
        published = {p.parent.name for p in Path(site.output, "jobs").glob("*/index.html")}
        assert len(published) >= parts[0]
