"""`openings summary` (`make summary`, CI's job summary): what a change does to the postings.

Each test makes a real git repository of the sample site, commits it, changes postings the way
a pull request would, and reads the Markdown the command prints.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from openings.commands import cli
from sitebuild import ROOT, TODAY, VALID_POSTING, Site

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


def git(repo, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=HR", "-c", "user.email=hr@example.com", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.strip()


@pytest.fixture
def repo(tmp_path):
    site = Site(tmp_path, with_samples=True)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "samples")
    site.base = git(tmp_path, "rev-parse", "HEAD")
    return site


def summary(capsys, site: Site, base: str) -> str:
    status = cli.main(["summary", "--base", base, "--content", str(site.content), "--today", TODAY])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def section(markdown: str, heading: str) -> str:
    match = re.search(rf"^### {heading} \(\d+\)\n\n(.*?)(?=\n### |\n\n\*\*|\n\n\d+ warning|\nEvery|\Z)", markdown, re.S | re.M)  # fmt: skip
    assert match, f"no {heading} section in:\n{markdown}"
    return match[1]


def test_no_change_says_so(repo, capsys):
    out = summary(capsys, repo, repo.base)
    assert out.startswith("## Postings in this change\n")
    assert "This change adds, changes, closes and removes no posting." in out
    assert "Every posting passes the checks." in out


def test_added_changed_closed_removed_with_problems(repo, capsys):
    jobs = repo.content / "jobs"
    repo.posting("platform-engineer.md", VALID_POSTING.replace("ENG-1", "ENG-9"))
    repo.posting("broken.md", "---\ntitle: Analyst\ndepartment: Data\ndate_posted: 2026-11-30\n---\nx\n".replace("2026-11-30", "30/11/2026"))  # fmt: skip
    backend = jobs / "backend-developer.md"
    backend.write_text(backend.read_text(encoding="utf-8").replace("max: 85000", "max: 90000"), encoding="utf-8")  # fmt: skip
    designer = jobs / "product-designer.md"
    designer.write_text(designer.read_text(encoding="utf-8").replace("status: open", "status: closed"), encoding="utf-8")  # fmt: skip
    (jobs / "customer-support-specialist.md").unlink()
    git(repo.content.parent, "add", "-A")
    git(repo.content.parent, "commit", "-q", "-m", "a pull request")

    out = summary(capsys, repo, repo.base)
    assert "2 added, 1 changed, 1 closed, 1 removed." in out
    added = section(out, "Added")
    assert re.search(r"^- \*\*Backend Developer\*\* \(`\S+platform-engineer\.md`\): open · Engineering · Berlin, Germany · until 2027-01-31$", added, re.M)  # fmt: skip
    assert re.search(r"^- `\S+broken\.md`: \*\*rejected\*\*, not published until its errors are fixed$", added, re.M)  # fmt: skip
    assert re.search(r"^  - ❌ error line 4, `date_posted`: \"30/11/2026\" is not a date in the form YYYY-MM-DD; write 2026-11-30$", added, re.M)  # fmt: skip
    changed = section(out, "Changed")
    assert "backend-developer.md" in changed and "open ·" in changed
    closed = section(out, "Closed")
    assert "**Product Designer**" in closed and "open → closed" in closed
    removed = section(out, "Removed")
    assert "customer-support-specialist.md` (was open): the file is deleted" in removed
    assert "set `status: closed` instead" in removed
    assert re.search(r"^\*\*\d+ errors\*\*: postings with errors are not published", out, re.M)


def test_uncommitted_postings_count_too(repo, capsys):
    repo.posting("new-role.md", VALID_POSTING.replace("ENG-1", "ENG-7"))
    out = summary(capsys, repo, repo.base)
    assert "1 added, 0 changed, 0 closed, 0 removed." in out
    assert "new-role.md" in section(out, "Added")


def test_a_first_push_compares_with_the_empty_tree(repo, capsys):
    out = summary(capsys, repo, EMPTY_TREE)
    assert "10 added, 0 changed, 0 closed, 0 removed." in out
    added = section(out, "Added")
    assert added.count("\n- ") + 1 == 10
    assert "(`" in added and "Werkstudent\\*in Frontend-Entwicklung" in added  # Markdown-escaped


def test_problems_elsewhere_are_listed(repo, capsys):
    # a department renamed in the data file breaks postings the change never touched
    departments = repo.content / "data" / "departments.yml"
    text = departments.read_text(encoding="utf-8")
    departments.write_text(text.replace("name: Product & Design", "name: Product and Design"), encoding="utf-8")  # fmt: skip
    out = summary(capsys, repo, repo.base)
    assert "- `content/data/departments.yml` changed" in out
    others = out.split("### Problems outside this change", 1)[1]
    assert re.search(r"❌ error `\S+product-designer\.md`, line \d+, `department`: \"Product \\& Design\" is not in", others)  # fmt: skip


def test_a_title_cannot_inject_markdown(repo, capsys):
    repo.posting("x.md", VALID_POSTING.replace("title: Backend Developer", 'title: "<img src=x> [click](https://evil.example) | *"').replace("ENG-1", "ENG-5"))  # fmt: skip
    out = summary(capsys, repo, repo.base)
    assert not re.search(r"(?<!\\)[<\[]", out.replace("[site-preview]", ""))
    assert "\\<img src=x\\> \\[click\\](https://evil.example) \\| \\*" in out


def test_make_summary_prints_markdown():
    # what scripts/ci-summary.sh runs; -o keeps make from reinstalling the venv
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "-o", ".venv/.installed", "summary", "BASE=HEAD"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Postings in this change\n")


def test_summary_outside_git_is_a_message(tmp_path, capsys):
    site = Site(tmp_path)
    status = cli.main(["summary", "--base", "HEAD", "--content", str(site.content)])
    _, err = capsys.readouterr()
    assert status == 2 and "is not in a git repository" in err


# Names git can hold on Linux but not everywhere: made here, in the test's repository.
HOSTILE_NAMES = [
    "tick`s and ``double`` ticks.md",
    "`starts with a tick.md",
    "pipe | <img src=x onerror=alert(1)> & *star* _under_ [link](https:evil.example) ~~del~~.md",
    "line\n# heading\n- item.md",
    "dollar $x^2$ math.md",
]
# Markdown and HTML that must stay text; code spans and links are refused in titles (paste.py)
HOSTILE_TITLE = "<script>alert(1)</script> | [x] ![i] <b>b</b> $1$ &amp; ~~s~~ \\*"


def rendered(markdown: str):
    """The summary as GitHub shows it: GitHub's Markdown (cmark-gfm), raw HTML let through so
    that any that slipped out would show."""
    import cmarkgfm
    from bs4 import BeautifulSoup
    from cmarkgfm.cmark import Options

    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return BeautifulSoup(html, "html.parser")


def test_hostile_names_and_titles_stay_text_in_the_summary(repo, capsys):
    broken = VALID_POSTING.replace("department: Engineering", 'department: "`Nowhere` <b>|</b>"')
    for number, name in enumerate(HOSTILE_NAMES):
        repo.posting(name, broken.replace("ENG-1", f"ENG-{number + 20}"))
    titled = VALID_POSTING.replace("title: Backend Developer", f"title: '{HOSTILE_TITLE}'")
    repo.posting("titled.md", titled.replace("ENG-1", "ENG-40"))
    out = summary(capsys, repo, repo.base)
    page = rendered(out)
    tags = {tag.name for tag in page.find_all(True)}
    assert tags <= {"h2", "h3", "p", "ul", "li", "code", "strong"}, out
    codes = {tag.get_text() for tag in page.find_all("code")}
    for name in HOSTILE_NAMES:
        shown = name.replace("\n", "\\n")
        assert any(text.endswith(f"jobs/{shown}") for text in codes), (name, codes)
    titles = [tag.get_text() for tag in page.find_all("strong")]
    assert HOSTILE_TITLE in titles
    # one list item per posting added, each problem inside its posting's item
    added = page.find("h3", string=re.compile("^Added")).find_next("ul")
    assert len(added.find_all("li", recursive=False)) == len(HOSTILE_NAMES) + 1
    assert "`Nowhere` <b>|</b>" in added.get_text()
