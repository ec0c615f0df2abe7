"""Adobe's structured-data validator (npm, pinned in tests/browser/package.json) on every page of
the sample site and of a generated 1,000-posting board: no errors for Google's rich results and no
property outside schema.org's vocabulary (tests/crawlers/schemaorg/, the classes and properties of
schema.org's release 30.0), alongside extruct's reading in test_crawl_jsonld.py.

`npm ci` runs in tests/browser/ when its node_modules is missing (npm comes from
scripts/install-system-deps, as for Lighthouse).
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from pathlib import Path

import boards
import pytest
from crawling import OPEN_URLS
from sitebuild import ROOT, TODAY, run_build

NODE_TOOLS = ROOT / "tests" / "browser"
SCRIPT = NODE_TOOLS / "validate-structured-data.mjs"
VALIDATOR = NODE_TOOLS / "node_modules" / "@adobe" / "structured-data-validator"
SCHEMA = Path(__file__).resolve().parent / "schemaorg" / "schemaorg-30.0-classes-properties.jsonld"
# 1.7.1 reads jobLocation.address as if jobLocation were one object; an array of places, which
# Google asks for when a job has several locations, is checked place by place below instead.
ARRAY_MISREAD = 'Required attribute "jobLocation.address.addressCountry" is missing'


def install_node_tools() -> None:
    """npm ci once, under a lock, so parallel test workers do not install over each other."""
    if VALIDATOR.exists():
        return
    if shutil.which("npm") is None:
        pytest.fail("npm is not installed: run `make system-deps`")
    with open(NODE_TOOLS / "package-lock.json") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not VALIDATOR.exists():
            done = subprocess.run(
                ["npm", "ci", "--no-audit", "--no-fund"],
                cwd=NODE_TOOLS, capture_output=True, text=True, timeout=600, check=False,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr[-3000:]


def validate(pages: list[Path]) -> dict[str, dict]:
    install_node_tools()
    done = subprocess.run(
        ["node", str(SCRIPT), str(SCHEMA)],
        input="\n".join(str(p) for p in pages), capture_output=True, text=True,
        timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def jsonld_of(path: Path) -> dict | None:
    text = path.read_text(encoding="utf-8")
    start = text.find('<script type="application/ld+json">')
    if start < 0:
        return None
    start = text.index(">", start) + 1
    return json.loads(text[start : text.index("</script>", start)])


def misread_array(issue: dict, data: dict | None) -> bool:
    """The validator's one misreading, only where every place really has an ISO country."""
    places = (data or {}).get("jobLocation")
    return (
        issue["issueMessage"] == ARRAY_MISREAD
        and isinstance(places, list)
        and len(places) > 1
        and all(len(p["address"].get("addressCountry", "")) == 2 for p in places)
    )


def problems(report: dict[str, dict]) -> list[str]:
    """Every error, and every property schema.org does not define, one line each."""
    found = []
    for path, result in report.items():
        data = jsonld_of(Path(path))
        for issue in result["issues"]:
            outside = "not supported by the schema.org specification" in issue["issueMessage"]
            if (issue["severity"] == "ERROR" or outside) and not misread_array(issue, data):
                found.append(f"{path}: {issue['severity']}: {issue['issueMessage']}")
    return found


def test_sample_site_pages_have_no_errors_and_only_schema_org_properties(built):
    pages = sorted(built.output.rglob("*.html"))
    report = validate(pages)
    assert problems(report) == []
    with_postings = {p for p, r in report.items() if r["types"] == ["JobPosting"]}
    assert len(with_postings) == len(OPEN_URLS)


def test_generated_board_of_1000_postings_has_no_errors(tmp_path):
    content = tmp_path / "content"
    boards.generate(content, 1000)
    run_build(content, tmp_path / "output", JOBPOSTING_TODAY=TODAY)
    pages = sorted((tmp_path / "output" / "jobs").glob("*/index.html"))
    report = validate(pages)
    assert problems(report) == []
    assert sum(r["types"] == ["JobPosting"] for r in report.values()) > 800
    several = [p for p in pages if isinstance((jsonld_of(p) or {}).get("jobLocation"), list)]
    single = [p for p in pages if isinstance((jsonld_of(p) or {}).get("jobLocation"), dict)]
    assert several and single  # both shapes of jobLocation are on the board


def test_the_validator_reports_what_the_issue_found(tmp_path):
    """The check can fail: a one-place array without a country and a property outside schema.org."""
    bad = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": "Engineer",
        "description": "<p>Build.</p>",
        "datePosted": "2026-11-02",
        "hiringOrganization": {"@type": "Organization", "name": "Acme"},
        "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress"}}],
        "inLanguage": "en",
    }
    page = tmp_path / "bad.html"
    page.write_text(
        '<html><head><script type="application/ld+json">'
        f"{json.dumps(bad)}</script></head><body></body></html>",
        encoding="utf-8",
    )
    found = problems(validate([page]))
    assert any(ARRAY_MISREAD in line for line in found)
    assert any('"inLanguage"' in line for line in found)
