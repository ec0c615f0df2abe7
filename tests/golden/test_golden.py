"""Golden files: each posting in tests/fixtures/postings/ beside what it must produce.

invalid/x.md -> invalid/x.errors: the report lines exactly as the build prints them.
valid/x.md   -> valid/x.jsonld: the page's JSON-LD (sorted keys, indented), taken from a real
               Pelican build; valid/x.errors only when the posting has warnings.

Everything goes through the real reader and pipeline with the sample data files (content/data)
and "today" pinned. `UPDATE_GOLDEN=1 pytest tests/golden` rewrites the expected files; review
every changed line before committing: these files are the spec of every message HR reads.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from openings.build.reader import PostingReader
from openings.checks import pipeline
from openings.config import settings
from openings.core import report, rules
from openings.core.lifecycle import State
from pelican.utils import slugify
from sitebuild import ROOT, run_build, site_settings, soup

FIXTURES = ROOT / "tests" / "fixtures" / "postings"
VALID = sorted((FIXTURES / "valid").glob("*.md"))
INVALID = sorted((FIXTURES / "invalid").glob("*.md"))
CLOSED = sorted((FIXTURES / "closed").glob("*.md"))  # valid, but closed by their dates
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def project_settings(tmp: Path, **overrides) -> dict:
    """pelicanconf.py as the build sees it, reading the sample data files."""
    values = site_settings(ROOT / "content", tmp / "unused-output", **overrides)
    settings.apply_defaults(values)
    return values


def check_file(path: Path, values: dict) -> pipeline.Outcome:
    """One file through the reader and the pipeline, as the build does it."""
    reader_settings = {
        **values,
        "PATH": str(path.parent.parent),
        "JOBPOSTING_PATH": path.parent.name,
    }
    body_html, metadata = PostingReader(reader_settings).read(str(path))
    slug = metadata.get("slug") or slugify(path.stem, regex_subs=values["SLUG_REGEX_SUBSTITUTIONS"])
    checks = pipeline.prepare(values)
    outcome = pipeline.check_posting(
        metadata["jobposting_document"],
        metadata["jobposting_source"],
        slug,
        body_html,
        metadata["jobposting_problems"],
        checks,
    )
    pipeline.check_across([outcome])
    return outcome


def report_lines(outcome: pipeline.Outcome) -> list[str]:
    return report.lines(outcome.problems, github=False)


def compare(expected_path: Path, actual: str) -> None:
    if UPDATE:
        if actual:
            expected_path.write_text(actual, encoding="utf-8")
        elif expected_path.exists():
            expected_path.unlink()
        return
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
    assert actual == expected, f"{expected_path.name} differs (UPDATE_GOLDEN=1 rewrites it)"


@pytest.fixture(scope="module")
def values(tmp_path_factory):
    return project_settings(tmp_path_factory.mktemp("golden"))


def rules_used_by_the_plugin() -> set[str]:
    """Rule ids the plugin's code can emit (`rules.NAME` anywhere but rules.py)."""
    used = set()
    for source in (ROOT / "plugins" / "openings").rglob("*.py"):
        if source.name != "rules.py":
            for name in re.findall(r"\brules\.([A-Z][A-Z_]+)\b", source.read_text("utf-8")):
                used.add(getattr(rules, name))
    return used


def test_every_rule_has_a_fixture(values):
    """Each rule one posting can break is shown by a fixture: errors by an invalid one,
    warnings by the file they are seen in (valid postings are published with them)."""
    shown = {p.rule for path in INVALID + VALID + CLOSED for p in check_file(path, values).problems}
    shown_as_error = {
        p.rule for path in INVALID for p in check_file(path, values).problems if p.is_error
    }
    # emitted by the build or across files, never by one file's checks: tests/build/ shows them
    by_the_build = {
        rules.DUPLICATE_SLUG, rules.DUPLICATE_REQ_ID, rules.DUPLICATE_POSTING,
        rules.TRANSLATION_REQ_ID,  # across a posting's translations: tests/build/test_languages.py
        rules.NOT_MARKDOWN, rules.UNREADABLE, rules.DATA_FILE,
        rules.KEY_SLUG, rules.TIMEZONE,  # data files: tests/unit/test_limits.py
        # pages, static files, symlinks and output paths: tests/security/test_content_boundary.py
        rules.PAGE_FIELD, rules.PAGE_VALUE, rules.NOT_PUBLISHED, rules.STATIC_TYPE, rules.SYMLINK,
        rules.OUTPUT_CLASH,
    }  # fmt: skip
    expected = rules_used_by_the_plugin() - by_the_build
    assert sorted(expected - shown) == []
    errors = {r for r in expected if rules.RULES[r].severity.startswith("error")}
    assert sorted(errors - shown_as_error) == []
    assert len(INVALID) >= 30


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_posting_reports_exactly(path, values):
    outcome = check_file(path, values)
    lines = report_lines(outcome)
    assert outcome.state is State.REJECTED
    assert any(": warning: " not in line for line in lines), "no error reported"
    for line in lines:
        assert line.startswith(f"tests/fixtures/postings/invalid/{path.name}"), line
        assert "Traceback" not in line
    compare(path.with_suffix(".errors"), "".join(f"{line}\n" for line in lines))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_posting_names_its_rule(path, values):
    """The fixture's name starts with the rule id of one of its problems."""
    outcome = check_file(path, values)
    ids = {p.rule for p in outcome.problems}
    assert ids <= set(rules.RULES), ids - set(rules.RULES)
    assert any(path.stem.startswith(rule_id) for rule_id in ids), (path.stem, ids)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_posting_has_no_errors(path, values):
    outcome = check_file(path, values)
    lines = report_lines(outcome)
    assert outcome.state is State.OPEN, lines
    assert all(": warning: " in line for line in lines), lines
    compare(path.with_suffix(".errors"), "".join(f"{line}\n" for line in lines))


@pytest.mark.parametrize("path", CLOSED, ids=lambda p: p.stem)
def test_closed_posting_reports_exactly(path, values):
    outcome = check_file(path, values)
    lines = report_lines(outcome)
    assert outcome.state is State.CLOSED, lines
    assert lines and all(": warning: " in line for line in lines), lines
    compare(path.with_suffix(".errors"), "".join(f"{line}\n" for line in lines))


@pytest.fixture(scope="module")
def built_valid(tmp_path_factory):
    """One real Pelican build of every valid fixture with the sample data files."""
    tmp = tmp_path_factory.mktemp("golden-build")
    content = tmp / "content"
    (content / "jobs").mkdir(parents=True)
    (content / "pages").mkdir()
    shutil.copytree(ROOT / "content" / "data", content / "data")
    for path in VALID:
        shutil.copy(path, content / "jobs" / path.name)
    output = run_build(content, tmp / "output")
    return output


def page_jsonld(output: Path, path: Path, values: dict) -> list[dict]:
    outcome = check_file(path, values)
    posting = outcome.posting
    folder = f"jobs/{posting.slug}/"
    if posting.lang != values["DEFAULT_LANG"]:
        folder += f"{posting.lang}/"
    page = soup(output / folder / "index.html")
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_posting_jsonld_from_the_built_page(path, values, built_valid):
    blocks = page_jsonld(built_valid, path, values)
    assert len(blocks) == 1
    actual = json.dumps(blocks[0], indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    compare(path.with_suffix(".jsonld"), actual)


# --- Google's job posting structured data rules, checked on every valid fixture's page ---

GOOGLE_EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN",
                           "VOLUNTEER", "PER_DIEM", "OTHER"}  # fmt: skip
GOOGLE_UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
GOOGLE_CREDENTIALS = {"high school", "associate degree", "bachelor degree",
                      "professional certificate", "postgraduate degree"}  # fmt: skip
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


def places_of(data: dict) -> list[dict]:
    """jobLocation: one Place as an object, several as a list."""
    places = data.get("jobLocation", [])
    return places if isinstance(places, list) else [places]


def google_problems(data: dict) -> list[str]:
    """What Google's guidelines (required, recommended, formats) find wrong; [] when none."""
    found = []

    def need(condition, what):
        if not condition:
            found.append(what)

    need(data.get("@context") in ("https://schema.org/", "https://schema.org"), "@context")
    need(data.get("@type") == "JobPosting", "@type")
    need(isinstance(data.get("title"), str) and data["title"].strip(), "title")
    need(isinstance(data.get("description"), str) and "<" in data["description"], "description")
    need(ISO_DATE.match(data.get("datePosted", "")), "datePosted is an ISO 8601 date")
    org = data.get("hiringOrganization") or {}
    need(org.get("@type") == "Organization" and org.get("name"), "hiringOrganization.name")
    remote = data.get("jobLocationType") == "TELECOMMUTE"
    need(data.get("jobLocationType") in (None, "TELECOMMUTE"), "jobLocationType")
    if remote:
        areas = data.get("applicantLocationRequirements") or []
        need(areas, "TELECOMMUTE needs applicantLocationRequirements")
        for area in areas:
            need(area.get("@type") in ("Country", "State") and area.get("name"), "area")
    else:
        need("applicantLocationRequirements" not in data, "areas without TELECOMMUTE")
        need(data.get("jobLocation"), "jobLocation is required unless 100% remote")
    for place in places_of(data):
        address = place.get("address", {})
        need(place.get("@type") == "Place", "jobLocation is a Place")
        need(address.get("@type") == "PostalAddress", "address is a PostalAddress")
        need(re.fullmatch(r"[A-Z]{2}", address.get("addressCountry", "")), "addressCountry")
    if "validThrough" in data:
        need(ISO_DATETIME_WITH_OFFSET.match(data["validThrough"]), "validThrough with offset")
        need(data["validThrough"][:10] >= data["datePosted"], "validThrough after datePosted")
    types = data.get("employmentType", [])
    types = [types] if isinstance(types, str) else types
    need(set(types) <= GOOGLE_EMPLOYMENT_TYPES, "employmentType")
    if "baseSalary" in data:
        pay = data["baseSalary"]
        value = pay.get("value", {})
        need(pay.get("@type") == "MonetaryAmount", "baseSalary is a MonetaryAmount")
        need(re.fullmatch(r"[A-Z]{3}", pay.get("currency", "")), "currency is ISO 4217")
        need(value.get("@type") == "QuantitativeValue", "QuantitativeValue")
        need(value.get("unitText") in GOOGLE_UNITS, "unitText")
        if "value" in value:
            need(isinstance(value["value"], int | float) and value["value"] > 0, "value")
            need("minValue" not in value and "maxValue" not in value, "value or a range")
        else:
            low, high = value.get("minValue"), value.get("maxValue")
            need(isinstance(low, int | float) and isinstance(high, int | float), "range")
            need(0 < low <= high, "0 < minValue <= maxValue")
    if "identifier" in data:
        ident = data["identifier"]
        need(ident.get("@type") == "PropertyValue" and ident.get("name"), "identifier.name")
        need(isinstance(ident.get("value"), str) and ident["value"], "identifier.value")
    need(isinstance(data.get("directApply", False), bool), "directApply is a boolean")
    if "educationRequirements" in data:
        credential = data["educationRequirements"]
        need(credential.get("@type") == "EducationalOccupationalCredential", "credential type")
        need(credential.get("credentialCategory") in GOOGLE_CREDENTIALS, "credentialCategory")
    if "experienceRequirements" in data:
        months = data["experienceRequirements"].get("monthsOfExperience")
        need(isinstance(months, int) and months >= 0, "monthsOfExperience")
    if data.get("experienceInPlaceOfEducation"):
        need("educationRequirements" in data and "experienceRequirements" in data, "both")
    if "totalJobOpenings" in data:
        need(isinstance(data["totalJobOpenings"], int) and data["totalJobOpenings"] >= 1, "open")
    if "jobStartDate" in data:
        need(ISO_DATE.match(data["jobStartDate"]), "jobStartDate is an ISO date")
    return found


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_posting_jsonld_follows_googles_rules(path, values, built_valid):
    (data,) = page_jsonld(built_valid, path, values)
    assert google_problems(data) == []


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_posting_jsonld_is_visible_on_its_page(path, values, built_valid):
    """Google: what the markup says, the page shows (title, employer, places, remote areas)."""
    (data,) = page_jsonld(built_valid, path, values)
    outcome = check_file(path, values)
    folder = f"jobs/{outcome.posting.slug}/"
    if outcome.posting.lang != values["DEFAULT_LANG"]:
        folder += f"{outcome.posting.lang}/"
    page = soup(built_valid / folder / "index.html")
    for script in page.find_all("script"):
        script.decompose()
    text = " ".join(page.get_text(" ").split())
    assert data["title"] in text
    assert data["hiringOrganization"]["name"] in text
    assert data["url"] == page.find("link", rel="canonical")["href"]
    for place in places_of(data):
        locality = place["address"].get("addressLocality")
        if locality:
            assert locality in text


def test_google_rules_checker_can_fail():
    """The checker above is itself tested: a posting Google would reject is caught."""
    bad = {
        "@context": "https://schema.org/", "@type": "JobPosting", "title": "X",
        "description": "<p>x</p>", "datePosted": "2026-11-02",
        "hiringOrganization": {"@type": "Organization", "name": "Fernhill Labs"},
        "jobLocationType": "TELECOMMUTE", "validThrough": "2027-01-31",
        "employmentType": "Full-time",
        "baseSalary": {"@type": "MonetaryAmount", "currency": "€",
                       "value": {"@type": "QuantitativeValue", "minValue": 9, "maxValue": 1,
                                 "unitText": "ANNUAL"}},
    }  # fmt: skip
    assert google_problems(bad) == [
        "TELECOMMUTE needs applicantLocationRequirements",
        "validThrough with offset",
        "employmentType",
        "currency is ISO 4217",
        "unitText",
        "0 < minValue <= maxValue",
    ]
