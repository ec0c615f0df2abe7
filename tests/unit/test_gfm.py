"""Posting bodies render as GitHub's preview shows them (cmark-gfm), then pass the sanitiser.

The engine changed from Python-Markdown for speed (docs/performance.md); these tests say what a
posting keeps: its words, lists, tables, links (Pelican's {filename} links too), headings,
emphasis, code and footnotes.
"""

from __future__ import annotations

from pathlib import Path

import boards
import markdown
import pytest
from bs4 import BeautifulSoup
from openings.reading import frontmatter, gfm
from openings.reading.sanitize import clean_html, plain_text

ROOT = Path(__file__).resolve().parents[2]

EVERYTHING = """\
## What you will do

Build **reliable** services in *Python* and `SQL`, ~~never~~ always tested.

1. first
2. second
   - nested

| Benefit | Days |
|:--------|-----:|
| Holidays | 30 |

See [the team]({filename}/pages/about.md), [old style](|filename|/pages/about.md),
![logo]({static}/images/logo.png) and https://fernhill.example/more.

```python
print("<b>not bold</b>")
```

A claim[^1].

[^1]: Its source.
"""


def page(markup: str) -> BeautifulSoup:
    return BeautifulSoup(gfm.to_html(markup), "html.parser")


def test_a_body_keeps_every_kind_of_markup():
    html = page(EVERYTHING)
    assert html.find("h2").get_text() == "What you will do"
    assert html.find("strong").get_text() == "reliable" and html.find("em").get_text() == "Python"
    assert html.find("del").get_text() == "never"
    assert [
        li.get_text(" ", strip=True) for li in html.find("ol").find_all("li", recursive=False)
    ] == [
        "first",
        "second nested",
    ]
    assert [th.get_text() for th in html.find_all("th")] == ["Benefit", "Days"]
    assert html.find_all("td")[1]["align"] == "right"
    assert html.find("pre").find("code").get_text() == 'print("<b>not bold</b>")\n'
    assert html.find("a", string="https://fernhill.example/more")["rel"] == [
        "noopener",
        "noreferrer",
    ]
    ref = html.select_one('a[href^="#fn"]')
    assert ref.get_text() == "1" and html.find(id=ref["href"][1:]).get_text(strip=True).startswith(
        "Its source."
    )


def test_pelican_links_reach_pelican_as_written():
    html = page(EVERYTHING)
    assert html.find("a", string="the team")["href"] == "{filename}/pages/about.md"
    assert html.find("a", string="old style")["href"] == "|filename|/pages/about.md"
    assert html.find("img")["src"] == "{static}/images/logo.png"


def test_only_pelican_link_prefixes_are_restored():
    html = page("[a](docs/{filename}.md) and <a href='x'>%7Bstatic%7D</a>")
    assert html.find("a", string="a")["href"] == "docs/%7Bfilename%7D.md"
    assert "%7Bstatic%7D" in html.get_text()


def test_raw_html_is_judged_by_the_sanitiser_not_shown_as_text():
    html = page("<details><summary>More</summary>Kept</details>\n\n<script>alert(1)</script>\n")
    assert html.find("details").get_text() == "MoreKept"
    assert "alert" not in str(html) and not html.find("script")


def test_output_has_no_trailing_whitespace():
    assert gfm.to_html("We **build** things.") == "<p>We <strong>build</strong> things.</p>"


def test_one_file_renders_the_same_whatever_came_before():
    texts = ["Note[^1].\n\n[^1]: One.\n", "[ref]: https://a.example\n\n[x][ref]\n", "Plain."]
    alone = [gfm.to_html(t) for t in texts]
    assert [gfm.to_html(t) for t in texts + texts][3:] == alone


def sample_bodies(tmp_path: Path) -> list[tuple[str, str]]:
    boards.generate(tmp_path / "board", 40)
    files = sorted((ROOT / "content").rglob("*.md")) + sorted((tmp_path / "board").rglob("*.md"))
    return [(p.name, frontmatter.parse(p.read_text(encoding="utf-8")).body) for p in files]


def test_sample_and_generated_postings_read_as_before(tmp_path):
    """Same words as Python-Markdown gave, same elements but links GitHub makes of bare URLs."""
    bodies = sample_bodies(tmp_path)
    assert len(bodies) > 50
    before_engine = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html5")
    for name, body in bodies:
        now = gfm.to_html(body)
        before = clean_html(before_engine.reset().convert(body))
        assert plain_text(now) == plain_text(before), name
        tags_now = [
            t.name for t in BeautifulSoup(now, "html.parser").find_all(True) if t.name != "a"
        ]
        tags_before = [
            t.name for t in BeautifulSoup(before, "html.parser").find_all(True) if t.name != "a"
        ]
        assert tags_now == tags_before, name


@pytest.mark.parametrize("text", ["", "\n\n", "\x00", "[", "<", "| a |\n|", "[^1]", "\ufeff# x"])
def test_odd_input_never_raises(text):
    assert isinstance(gfm.to_html(text), str)
