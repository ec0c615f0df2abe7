"""What pasting leaves (paste.py): found on its line, and `openings fix` repairs bullets."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from openings.commands import cli
from openings.core import rules
from openings.reading import frontmatter, gfm, paste
from sitebuild import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "postings"


def test_fix_turns_pasted_bullets_into_a_markdown_list(tmp_path, monkeypatch, capsys):
    posting = tmp_path / "pasted.md"
    shutil.copy(FIXTURES / "valid" / "pasted-bullets.md", posting)
    monkeypatch.chdir(ROOT)
    assert cli.main(["fix", str(posting)]) == 0
    out = capsys.readouterr().out
    assert "4 pasted bullets made a list item" in out
    assert rules.RULES[rules.PASTED_BULLETS].summary not in out
    doc = frontmatter.parse(posting.read_text(encoding="utf-8"))
    assert paste.body_problems(doc.body, doc.body_line, "x.md") == []
    html = BeautifulSoup(gfm.to_html(doc.body), "html.parser")
    top = html.find("ul").find_all("li", recursive=False)
    items = [" ".join(li.get_text().split()) for li in top]
    assert items[0].startswith("Build the payment services")
    assert "Billing first" in items[0]  # ◦ is a level in
    assert items[1:] == ["Review code with the team", "Share what you learn"]
    assert cli.main(["fix", str(posting)]) == 0  # twice: nothing left to do
    assert "nothing to repair" in capsys.readouterr().out


def test_fix_keeps_crlf_line_ends_and_the_front_matter(tmp_path, monkeypatch):
    posting = tmp_path / "crlf.md"
    text = (FIXTURES / "valid" / "pasted-bullets.md").read_text(encoding="utf-8")
    posting.write_bytes(text.replace("\n", "\r\n").encode())
    monkeypatch.chdir(ROOT)
    cli.main(["fix", str(posting)])
    fixed = posting.read_bytes().decode()
    assert "\r\n- Build the payment services\r\n" in fixed
    assert fixed.count("\n") == fixed.count("\r\n")
    assert fixed.split("---")[1] == text.replace("\n", "\r\n").split("---")[1]


def test_fix_refuses_a_missing_file(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert cli.main(["fix", "content/jobs/no-such-posting.md"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_bullets_in_code_blocks_are_left_alone():
    body = "Text\n\n```\n• not a bullet\n```\n"
    assert paste.repair_bullets(body) == (body, 0)
    assert paste.body_problems(body, 10, "x.md") == []


@pytest.mark.parametrize(
    "title",
    ["Export Manager (EMEA)", "C# Developer", "Node.js Engineer", "R&D Engineer",
     "Import/Export Specialist", "Engineer, Payments_Core", "Level 3 Support Engineer"],
)  # fmt: skip
def test_job_titles_that_look_like_code_are_not(title):
    field = frontmatter.Field(title, 2, title)
    assert paste.title_problems(field, "x.md") == []


def test_an_invisible_character_in_a_value_is_reported_on_its_line():
    text = "---\ntitle: Backend\ndepartment:\u200bEngineering\n---\n\nBody\n"
    doc = frontmatter.parse(text)
    (error,) = doc.errors
    assert error.line == 3
    assert "ZERO WIDTH SPACE (U+200B)" in error.message
    assert error.rule == rules.INVISIBLE_IN_FRONT_MATTER


def test_invisible_characters_in_notes_are_ignored():
    doc = frontmatter.parse("---\n# a note\u00a0with a space\ntitle: Backend\n---\n\nBody\n")
    assert doc.errors == ()


@pytest.mark.parametrize(
    "line",
    [
        "Apply at {{ site.apply_url }} today.",
        "{% include apply.html %}",
        "{{< youtube abc >}}",
        "<Callout type='info'>Remote</Callout>",
        "<Callout/>",
        "import Box from './box'",
        "  export default function Page() {}",
        "`npm i` import Box from 'box'",  # a leftover after inline code
        "im`x`port Box from './box'",  # ... joined by removing it
        "ex``port default x",
        "See onClick={{ open: true }} below",
        "We export to 40 countries and import parts.",
        "Plain text, curly “quotes”, <b> and {braces}.",
        "Nothing to see here.",
        "Five years of Python, SQL & cloud (AWS or GCP).",
        "Salary: 60,000 - 75,000 EUR; hybrid >= 2 days",
    ],
)
def test_lines_passed_over_hold_no_leftover(line):
    """body_problems skips lines without a brace, a "<", a backtick, import or export: the
    patterns agree."""
    found = paste.body_problems(line, 10, "jobs/x.md")
    text = paste.INLINE_CODE.sub("", line)
    by_patterns = any(pattern.search(text) for pattern, _ in paste.LEFTOVERS)
    assert any(p.rule == rules.TEMPLATE_LEFTOVER for p in found) == by_patterns
    if not paste._may_hold_leftover(line):
        assert not by_patterns
