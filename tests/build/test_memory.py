"""What a build keeps per posting: big boards (10,000 postings in 1 GB) depend on it.

The figures themselves come from bench/ (`pytest -m slow tests/test_bench.py`); these tests pin
the cheap facts behind them on real builds of the sample content.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import cmarkgfm
import pytest
from pelican import signals


def test_no_posting_keeps_its_markdown_or_front_matter_after_the_checks(sample_site):
    seen = []

    def look(generator):  # after the plugin has classified every posting
        for name in ("articles", "translations", "hidden_articles", "hidden_translations"):
            seen.extend(getattr(generator, name))

    signals.article_generator_finalized.connect(look)
    try:
        sample_site.build()
    finally:
        signals.article_generator_finalized.disconnect(look)
    assert len(seen) >= 8  # 7 open and 1 closed sample postings, with translations
    for article in seen:
        assert article.jobposting is not None, article.source_path
        assert getattr(article, "jobposting_document", None) is None, article.source_path
        assert "jobposting_document" not in article.metadata, article.source_path
        assert "<" in article._content  # the HTML stays: it is what the pages show


def test_markdown_is_dropped_as_each_file_is_read_not_at_the_end(sample_site):
    read, held = [], []

    def look(generator, metadata):  # when a file is read, the ones before it hold no Markdown
        held.extend(m["jobposting_document"].body for m in read if m.get("jobposting_document"))
        read.append(metadata)

    signals.article_generator_context.connect(look)
    try:
        sample_site.build()
    finally:
        signals.article_generator_context.disconnect(look)
    assert len(read) >= 10
    assert held and set(held) == {""}


def test_streamed_feeds_are_whole_documents(sample_site):
    output = sample_site.build()
    indeed = (output / "feeds" / "indeed.xml").read_bytes()
    assert indeed.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<source>\n')
    assert indeed.endswith(b"</source>\n")
    jobs = ET.fromstring(indeed).findall("job")
    assert len(jobs) >= 7
    atom = ET.parse(output / "feeds" / "jobs.atom.xml").getroot()
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 7
    departments = sorted((output / "feeds" / "departments").glob("*.atom.xml"))
    assert departments
    for path in departments:
        ET.parse(path)  # every file written to its end


def _resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


BODY = (
    "## About the role\n\nWe build *things* with [links](https://example.com) and `code`.\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] a task\n- ~~struck~~ www.example.org\n\n"
    "Text with a note.[^1]\n\n[^1]: The note.\n"
) * 40


def test_rendering_markdown_gives_back_what_cmark_allocated():
    # cmarkgfm's own function leaks the parsed document and the HTML buffer (about 40 KB a
    # posting): the helpers reading ahead grew by 200 MB each on a board of 10,000
    from openings.reading import gfm

    if gfm._FREE is None or not os.path.exists("/proc/self/statm"):
        pytest.skip("cmark's free functions or /proc are not available here")
    expected = cmarkgfm.markdown_to_html_with_extensions(
        BODY, options=gfm.OPTIONS, extensions=gfm.EXTENSIONS
    )
    for body in (BODY, "", "x", "<script>alert(1)</script>", "{filename}a.md"):
        assert gfm.render(body) == cmarkgfm.markdown_to_html_with_extensions(
            body, options=gfm.OPTIONS, extensions=gfm.EXTENSIONS
        )
    before = _resident_mb()
    for _ in range(2_000):  # the leak would be about 100 MB
        assert gfm.render(BODY) == expected
    assert _resident_mb() - before < 20
