"""The content boundary's pure parts, without a build: links, page fields, static types, paths."""

from __future__ import annotations

import os

import pytest
from openings.boundary import contentfiles, contentlinks, outputpaths, pagefields, statictypes
from openings.core import rules
from openings.reading import frontmatter
from openings.reading.gfm import to_html

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    for folder in ("jobs", "pages", "images", "data"):
        (root / folder).mkdir(parents=True)
    (root / "images" / "team.png").write_bytes(PNG)
    (root / "images" / "fake.png").write_bytes(b"<script>alert(1)</script>")
    (root / "images" / "logo.svg").write_text("<svg><script>alert(1)</script></svg>")
    (root / "images" / "evil.js").write_text("alert(1)")
    (root / "images" / "drawing.svgz").write_bytes(b"\x1f\x8b")
    (root / "pages" / "benefits.md").write_text("---\ntitle: Benefits\n---\nText\n")
    (root / "data" / "offices.yml").write_text("berlin: {}\n")
    (tmp_path / "secret.png").write_bytes(PNG)
    return root


def problems_of(content, body: str, name: str = "jobs/x.md"):
    source = content / name
    source.write_text(f"---\ntitle: X\n---\n{body}\n", encoding="utf-8")
    settings = {"PATH": str(content), "PAGE_PATHS": ["pages"], "IGNORE_FILES": [".*"]}
    return contentlinks.check(to_html(body), str(source), name, contentlinks.LinkTargets(settings))


@pytest.mark.parametrize(
    "body",
    [
        "![Team]({static}/images/team.png)",
        "![Logo]({static}/images/logo.svg)",
        "![Team]({static}../images/team.png)",
        "[Benefits]({filename}/pages/benefits.md)",
        "[Benefits](|filename|../pages/benefits.md)",
        "[Team]({attach}/images/team.png#top)",
        "[Elsewhere](https://example.com/{static}/x) and [a page](/benefits/)",
    ],
)
def test_links_inside_content_to_published_types_pass(content, body):
    assert problems_of(content, body) == []


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("![x]({static}../../secret.png)", rules.LINK_OUTSIDE),
        ("![x]({static}/../secret.png)", rules.LINK_OUTSIDE),
        ("![x]({static}%2E%2E/%2E%2E/secret.png)", rules.LINK_OUTSIDE),
        ('<img src="{static}/../../../../etc/passwd">', rules.LINK_OUTSIDE),
        ("[x]({attach}/images/evil.js)", rules.LINK_TYPE),
        ("[x]({attach}/images/drawing.svgz)", rules.LINK_TYPE),
        ("[x]({attach}/images/fake.png)", rules.LINK_TYPE),
        ("[x]({static}/data/offices.yml)", rules.LINK_TYPE),
        ("[x]({filename}/data/offices.yml)", rules.LINK_TYPE),
        ("[x]({static}/pages/benefits.md)", rules.LINK_TYPE),
        ("[x]({filename}/pages/nothing.md)", rules.LINK_MISSING),
        ("[x]({static})", rules.LINK_MISSING),
        ("![x]({static}/images/team%00.png)", rules.LINK_MISSING),
        (
            "![x]({static}///etc/passwd)",
            rules.LINK_MISSING,
        ),  # content/etc/passwd, as Pelican reads it
    ],
)
def test_links_that_leave_content_or_publish_code_are_errors_on_their_line(content, body, rule):
    (problem,) = problems_of(content, "Intro.\n\n" + body)
    assert (problem.rule, problem.line, problem.path) == (rule, 6, "jobs/x.md")
    assert problem.is_error and rule in rules.RULES


def test_a_link_through_a_symbolic_link_is_outside(content, tmp_path):
    os.symlink(tmp_path, content / "images" / "up")
    (problem,) = problems_of(content, "![x]({static}/images/up/secret.png)")
    assert problem.rule == rules.LINK_OUTSIDE


def test_page_fields_keep_their_own_and_refuse_pelicans():
    doc = frontmatter.parse(
        "---\ntitle: Benefits\nsummary: What we give.\nslug: benefits\nlang: pt-BR\norder: 2\n"
        "status: hidden\nsave_as: index.html\nTemplate: article\ntitel: x\nslug2: y\n---\nText\n"
    )
    values, problems = pagefields.check(doc, "pages/b.md")
    assert values == {"title": "Benefits", "summary": "What we give.", "slug": "benefits",
                      "lang": "pt-BR", "order": 2, "status": "hidden"}  # fmt: skip
    assert [(p.line, p.field, p.rule) for p in problems] == [
        (8, "save_as", rules.PAGE_FIELD),
        (9, "Template", rules.PAGE_FIELD),
        (10, "titel", rules.PAGE_FIELD),
        (11, "slug2", rules.PAGE_FIELD),
    ]
    assert "did you mean title?" in problems[2].message


@pytest.mark.parametrize(
    "line",
    ["slug: ../../evil", "slug: About", "lang: de.x/../../evil", "lang: <b>", "order: 1.5",
     "status: secret", "title: [a, b]"],
)  # fmt: skip
def test_page_values_that_would_become_paths_are_refused(line):
    values, (problem,) = pagefields.check(frontmatter.parse(f"---\n{line}\n---\n"), "p.md")
    assert problem.rule == rules.PAGE_VALUE and problem.line == 2 and values == {}


@pytest.mark.parametrize(
    ("name", "data", "ok"),
    [
        ("a.png", PNG, True),
        ("a.PNG", PNG, True),
        ("a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 12, True),
        ("a.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", True),
        ("a.pdf", b"%PDF-1.7\n", True),
        ("a.woff2", b"wOF2\x00\x01", True),
        ("a.png", b"<html><script>", False),
        ("a.webp", b"RIFF\x00\x00\x00\x00AVI ", False),
        ("a.svg", b"<svg/>", True),  # published filtered (svgfiles.py)
        ("a.svgz", b"\x1f\x8b", False),
        ("a.html", b"<p>", False),
        ("a.js", b"alert(1)", False),
        ("a.css", b"body{}", False),
        ("noextension", b"x", False),
    ],
)
def test_static_types_by_name_and_content(tmp_path, name, data, ok):
    path = tmp_path / name
    path.write_bytes(data)
    assert (statictypes.why_refused(str(path)) is None) is ok


def test_only_safe_static_links_reach_pelicans_static_generator(content, tmp_path):
    settings = {"PATH": str(content), "IGNORE_FILES": [".*"]}
    (content / "images" / ".hidden.png").write_bytes(PNG)
    links = {"images/team.png", "../secret.png", "images/logo.svg", "images/fake.png",
             "images/.hidden.png", "images/none.png"}  # fmt: skip
    assert contentfiles.safe_links(links, settings) == {"images/team.png", "images/logo.svg"}


def test_output_clashes_name_both_sources():
    written = [("a/index.html", "pages/a.md"), ("a/index.html", "pages/b.md"),
               ("index.html", "pages/c.md"), ("theme/css/x.png", "images/x.png")]  # fmt: skip
    settings = {"DIRECT_TEMPLATES": ["index", "404"], "INDEX_SAVE_AS": "index.html"}
    found = outputpaths.clashes(written, settings)
    assert [(p.path, p.rule) for p in found] == [
        ("pages/b.md", rules.OUTPUT_CLASH),
        ("pages/c.md", rules.OUTPUT_CLASH),
        ("images/x.png", rules.OUTPUT_CLASH),
    ]
    assert "pages/a.md" in found[0].message and "the site's index page" in found[1].message


def test_the_names_of_a_split_sitemap_are_the_sites_own():
    # sitemap-1.xml, sitemap-2.xml, ...: written beside sitemap.xml on a board past the
    # sitemaps protocol's limits (outputs/sitemap.py); no content file may take them meanwhile
    written = [("sitemap-1.xml", "old/sitemap-1.xml"), ("sitemap-12.xml", "pages/map.md"),
               ("sitemap-a.xml", "pages/a.md"), ("jobs/sitemap-1.xml", "images/b.xml")]  # fmt: skip
    found = outputpaths.clashes(written, {})
    assert [p.path for p in found] == ["old/sitemap-1.xml", "pages/map.md"]
    assert all(p.rule == rules.OUTPUT_CLASH for p in found)
    assert found[0].message == (
        "would be published at sitemap-1.xml, a name the site keeps for the files of its "
        "sitemap on very big boards: give it another name"
    )
