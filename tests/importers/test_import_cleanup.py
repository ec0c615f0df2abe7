"""Titles and texts without the old site's markup; front matter YAML cannot read, kept."""

from __future__ import annotations

import pytest
from importing import import_into
from openings.importers.cleanup import clean_body, clean_title
from sitebuild import Site


@pytest.mark.parametrize(
    ("written", "title", "link"),
    [
        ("[Backend Engineer](https://jobs.example.com/12)", "Backend Engineer", "https://jobs.example.com/12"),
        ("[Backend Engineer](/jobs/backend/)", "Backend Engineer", None),
        ("**Backend Engineer**", "Backend Engineer", None),
        ('"Backend Engineer"', "Backend Engineer", None),
        ("[Closed] Backend Engineer", "Backend Engineer", None),
        ("Backend Engineer (m/w/d)", "Backend Engineer (m/w/d)", None),
    ],
)  # fmt: skip
def test_titles(written, title, link):
    assert clean_title(written) == (title, link)


def test_the_body_loses_mdx_imports_liquid_comments_and_the_repeated_title():
    body = (
        "# Backend Engineer\n\nimport { Apply } from '../components'\n"
        "{% comment %}\ninternal note\n{% endcomment %}\nWe build things.\n"
    )
    cleaned, notes = clean_body(body, "Backend Engineer")
    assert cleaned.strip() == "We build things."
    assert notes == []


def test_other_template_code_components_and_old_images_are_flagged_on_their_lines():
    body = "Write to {{ site.email }}.\n\n<ApplyButton />\n\n![team](/img/team.png)\n\n```\n{{ x }}\n```"
    cleaned, notes = clean_body(body, "Engineer")
    lines = cleaned.split("\n")
    assert lines[0].startswith("<!-- TODO: {{ site.email }} is the old site's template code")
    assert lines[1] == "Write to {{ site.email }}."
    assert lines[3].startswith("<!-- TODO: <ApplyButton /> is a component of the old site")
    assert lines[6].startswith("<!-- TODO: the image /img/team.png was on the old site")
    assert "{{ x }}" in cleaned and cleaned.count("TODO") == 3  # code blocks are text
    assert notes and "/img/team.png" in notes[0]


def test_broken_front_matter_imports_the_body_and_keeps_the_old_lines(tmp_path):
    source = tmp_path / "broken.md"
    source.write_text(
        '---\ntitle: "Backend Engineer"\ndescription: We are: hiring\ndate: 2026-11-02\n---\n\n'
        "We build things.\n",
        encoding="utf-8",
    )
    site = Site(tmp_path)
    (result,) = import_into(site, source).results
    assert result.failure is None
    text = (tmp_path / result.path).read_text(encoding="utf-8")
    assert "# | description: We are: hiring" in text
    assert "# | TODO: YAML could not read the next line" in text
    assert "\ntitle: Backend Engineer\n" in text and "\ndate_posted: 2026-11-02\n" in text
    assert text.rstrip().endswith("We build things.")
