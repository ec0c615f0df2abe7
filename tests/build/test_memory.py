"""What a build keeps per posting: big boards (10,000 postings in 1 GB) depend on it.

The figures themselves come from bench/ (`pytest -m slow tests/test_bench.py`); these tests pin
the cheap facts behind them on real builds of the sample content.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

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
