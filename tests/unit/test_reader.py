"""The reader: bytes to text (encoding, line ends, mojibake), then Pelican's metadata."""

from __future__ import annotations

import os

import pytest
from openings.build.reader import PostingReader
from openings.core import rules
from openings.reading.postingfile import decode, repair_mojibake, report_path
from sitebuild import ROOT, site_settings


def test_utf8_with_bom_and_crlf_becomes_plain_text():
    text, problems = decode("\ufeff---\r\ntitle: A\r\n---\rBody".encode(), "x.md")
    assert text == "---\ntitle: A\n---\nBody"
    assert problems == []


def test_windows_1252_is_read_and_said_with_its_line():
    text, problems = decode(b"---\ntitle: Caf\xe9 Manager \x96 Lisbon\n---\n", "x.md")
    assert "Café Manager – Lisbon" in text
    (problem,) = problems
    assert (problem.line, problem.rule, problem.is_error) == (2, rules.ENCODING, False)
    assert "save it as UTF-8" in problem.message


def test_mojibake_is_repaired_and_reported_on_its_line():
    text, problems = repair_mojibake("Title\nA Bachelorâ€™s degree\n", "x.md")
    assert text == "Title\nA Bachelor’s degree\n"
    (problem,) = problems
    assert problem.line == 2 and problem.rule == rules.MOJIBAKE
    assert "'Bachelorâ€™s'" in problem.message and "'Bachelor’s'" in problem.message


@pytest.mark.parametrize(
    "clean",
    ["“Smart” quotes and Bachelor’s", "non\u00a0breaking", "émoji 🚀", "עברית right to left", "ﬁ ligature"],
)  # fmt: skip
def test_clean_text_is_left_exactly_as_written(clean):
    assert repair_mojibake(clean, "x.md") == (clean, [])


def test_report_path_is_relative_to_the_working_folder():
    assert report_path(os.path.join(os.getcwd(), "content", "jobs", "a.md")) == "content/jobs/a.md"
    assert report_path("/elsewhere/a.md") == "/elsewhere/a.md"


@pytest.fixture
def reader(tmp_path):
    (tmp_path / "jobs").mkdir()
    (tmp_path / "pages").mkdir()
    return PostingReader(site_settings(tmp_path, tmp_path / "out")), tmp_path


def write(folder, name, text: str | bytes):
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def test_posting_metadata_for_pelican(reader):
    posting_reader, root = reader
    path = write(
        root / "jobs",
        "backend.md",
        "---\ntitle: Backend Developer\ndate_posted: 2026-11-02\ndepartment: Engineering\n"
        "lang: de\nslug: backend\nsummary: Fast & <safe>\n---\nWe **build** things.\n",
    )
    html, meta = posting_reader.read(path)
    assert html == "<p>We <strong>build</strong> things.</p>"
    assert meta["title"] == "Backend Developer"
    assert meta["date"].date().isoformat() == "2026-11-02"
    assert meta["status"] == "published"
    assert str(meta["category"]) == "Engineering"
    assert (meta["lang"], meta["slug"]) == ("de", "backend")
    assert meta["summary"] == "Fast &amp; &lt;safe&gt;"
    assert meta["jobposting_problems"] == []
    assert meta["jobposting_document"].fields["department"].line == 4


def test_a_draft_is_a_pelican_draft(reader):
    posting_reader, root = reader
    path = write(
        root / "jobs", "d.md", "---\ntitle: A\nstatus: Draft\ndate_posted: 2026-11-02\n---\nx\n"
    )
    assert posting_reader.read(path)[1]["status"] == "draft"


@pytest.mark.parametrize("date_posted", ["TBD", "", "[1, 2]", "3/21/2026"])
def test_an_unreadable_date_still_gives_pelican_a_date(reader, date_posted):
    """Pelican needs a date for every article; the validator rejects the posting later."""
    posting_reader, root = reader
    path = write(root / "jobs", "a.md", f"---\ntitle: A\ndate_posted: {date_posted}\n---\nx\n")
    _, meta = posting_reader.read(path)
    assert meta["date"].date().isoformat() == "2000-01-01"


def test_a_posting_without_front_matter_is_reported(reader):
    posting_reader, root = reader
    path = write(root / "jobs", "bare.md", "Backend Developer\n\nWe build things.\n")
    _, meta = posting_reader.read(path)
    (problem,) = meta["jobposting_problems"]
    assert (problem.line, problem.rule) == (1, rules.NO_FRONT_MATTER)
    assert meta["title"] == "bare"  # Pelican still gets a title; the posting is rejected


def test_yaml_error_travels_with_the_file(reader):
    posting_reader, root = reader
    path = write(root / "jobs", "y.md", "---\ntitle: Engineer: Payments\n---\nx\n")
    _, meta = posting_reader.read(path)
    (problem,) = meta["jobposting_problems"]
    assert (problem.line, problem.rule, problem.is_error) == (2, rules.YAML, True)


def test_seed_mojibake_is_repaired_in_the_page(reader):
    posting_reader, root = reader
    path = write(
        root / "jobs",
        "seed.md",
        "---\ntitle: A\ndate_posted: 2026-11-02\n---\n\n* Bachelorâ€™s degree\n".encode(),
    )
    html, meta = posting_reader.read(path)
    assert "Bachelor’s degree" in html and "â€" not in html
    assert [p.line for p in meta["jobposting_problems"]] == [6]


def test_pages_outside_jobs_keep_their_own_keys(reader):
    posting_reader, root = reader
    path = write(
        root / "pages", "about.md", "---\ntitle: About us\nslug: about\norder: 2\n---\nHi\n"
    )
    _, meta = posting_reader.read(path)
    assert (meta["title"], meta["slug"], meta["order"]) == ("About us", "about", 2)
    assert meta["jobposting_problems"] == []


def test_the_real_seed_posting_reads_without_errors():
    settings = site_settings(ROOT / "content", ROOT / "unused")
    _, meta = PostingReader(settings).read(str(ROOT / "content" / "jobs" / "backend-developer.md"))
    assert not [p for p in meta["jobposting_problems"] if p.is_error]
