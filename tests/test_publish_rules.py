"""The fields required to publish: the validator, the HR guide, content/README.md, the posting
template and the JSON Schema all say the same (openings/checks/publishing.py), in the guide's order."""

from __future__ import annotations

import re

import pytest
from openings.checks import schema
from openings.checks.publishing import REQUIRED_TO_PUBLISH
from openings.commands.checking import check_files
from sitebuild import ROOT, command_settings

NAMES = list(REQUIRED_TO_PUBLISH)
GUIDE = (ROOT / "docs" / "hr-guide.md").read_text(encoding="utf-8")
COMPLETE = """---
title: Platform Engineer
status: open
date_posted: 2026-11-02
valid_through: 2027-01-31
department: Engineering
employment_type: FULL_TIME
locations: [berlin]
salary: {min: 65000, max: 85000, currency: EUR, per: YEAR}
apply_url: https://fernhill.example/apply/eng-990
req_id: ENG-990
---

We build the services behind Fernhill's products. You will help us run them, with a team of six.
"""


def names_in(paragraph: str) -> list[str]:
    """The field names written in `code` in a paragraph, known ones only, in order."""
    return [n for n in re.findall(r"`(\w+)", paragraph) if n in REQUIRED_TO_PUBLISH]


def paragraph_after(text: str, marker: str) -> str:
    start = text.index(marker)
    return text[start : text.find("\n\n", start)]


@pytest.fixture(scope="module")
def values() -> dict:
    return command_settings(strict=True)


def checked(tmp_path, values: dict, text: str, **overrides):
    path = tmp_path / "content" / "jobs" / "platform-engineer.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return check_files({**values, **overrides}, [str(path)])


def test_the_guide_lists_them_in_order_and_its_sections_follow_that_order():
    listed = names_in(paragraph_after(GUIDE, "**Required to publish**"))
    assert [n for n in listed if n not in ("remote_countries", "apply_email")] == NAMES
    sections = re.findall(r"^### `(\w+)`", GUIDE, re.MULTILINE)
    assert [s for s in sections if s in REQUIRED_TO_PUBLISH] == NAMES
    for name in NAMES:
        section = GUIDE[GUIDE.index(f"### `{name}`") :].split("\n\n")[1]
        assert section.startswith("Required to publish"), name


def test_content_readme_lists_the_same():
    text = (ROOT / "content" / "README.md").read_text(encoding="utf-8")
    listed = names_in(paragraph_after(text, "required to publish"))
    assert [n for n in listed if n not in ("remote_countries", "apply_email")] == NAMES


def test_the_template_marks_each_of_them():
    text = (ROOT / "plugins" / "openings" / "templates" / "posting.md").read_text("utf-8")
    front = text.split("\n---\n")[0]
    for name in NAMES:
        match = re.search(rf"^(# )?(?:{name}:|{{{{{name}}}}})", front, re.MULTILINE)
        assert match, name
        above = front[: match.start()].rstrip().split("\n\n")[-1]
        assert "Required to publish" in above, name
    header = front.split("\n\n")[0].split("Required to publish")[1]
    assert [w for w in re.findall(r"\w+", header) if w in NAMES] == NAMES


def test_the_schema_names_them():
    built = schema.build()
    assert built["x-required-to-publish"] == NAMES
    assert set(built["required"]) <= set(NAMES)


def test_the_complete_posting_passes_the_publish_rules(tmp_path, values):
    result = checked(tmp_path, values, COMPLETE)
    assert result.problems == []


@pytest.mark.parametrize("name", [n for n in NAMES if n != "apply_url"])
def test_the_publish_rules_refuse_a_posting_without_it(tmp_path, values, name):
    text = re.sub(rf"^{name}:.*\n", "", COMPLETE, flags=re.MULTILINE)
    result = checked(tmp_path, values, text)
    errors = [p for p in result.problems if p.is_error]
    assert any(p.field == name for p in errors), [p.as_text() for p in result.problems]


def test_apply_is_required_when_the_site_has_no_default(tmp_path, values):
    text = re.sub(r"^apply_url:.*\n", "", COMPLETE, flags=re.MULTILINE)
    result = checked(tmp_path, values, text, JOBPOSTING_APPLY_EMAIL=None, JOBPOSTING_APPLY_URL=None)
    assert any(p.field == "apply_url" and p.is_error for p in result.problems)
