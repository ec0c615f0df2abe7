"""Each posting's address computed once (speed/addresses.py) is the one Pelican computes at
every use.

Each site is built twice by real Pelican, with and without the addresses fixed once the
generators are done: every file written must be the same, byte for byte, and the build with
them fixed must have fixed every posting's address: open, closed, draft, a translation, and
with the posting pages shared with a second process. Pelican's own output path is left alone,
so that a posting page still cannot silently overwrite another page.
"""

from __future__ import annotations

import sys
from pathlib import Path

import boards
import pytest
from openings.boundary import outputpaths
from openings.build import speedup
from pelican.generators import ArticlesGenerator
from sitebuild import Site, run_build


def written(output: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(output)): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


def with_a_translation(folder: Path) -> None:
    """backend-developer.md in German too: the same posting (its slug and req_id), Pelican's
    translation of it."""
    english = (folder / "jobs" / "backend-developer.md").read_text("utf-8")
    german = english.replace("title: Backend Developer\n", "title: Backend-Entwickler\nlang: de\n")
    german = german.replace("---\n\nWe are", "slug: backend-developer\n---\n\nWir sind", 1)
    english = english.replace("---\n\nWe are", "slug: backend-developer\n---\n\nWe are", 1)
    (folder / "jobs" / "backend-developer.md").write_text(english, "utf-8")
    (folder / "jobs" / "backend-developer.de.md").write_text(german, "utf-8")


@pytest.mark.parametrize(
    ("content", "extra"),
    [
        ("samples", {"RELATIVE_URLS": False}),
        ("board", {"RELATIVE_URLS": True}),
        ("board", {"RELATIVE_URLS": True, "JOBPOSTING_PARALLEL_PAGES": (1, 12_000)}),
    ],
    ids=["samples", "board", "board-second-writer"],
)
def test_fixed_addresses_write_the_same_site(tmp_path, monkeypatch, content, extra):
    if extra.get("JOBPOSTING_PARALLEL_PAGES") and not sys.platform.startswith("linux"):
        pytest.skip("the second page writer is forked: Linux only")
    if content == "samples":
        folder = Site(tmp_path, with_samples=True).content
        with_a_translation(folder)
    else:  # two languages, scheduled and closed postings
        folder = tmp_path / "board"
        boards.generate(folder, 120)
    settings = {"JOBPOSTING_SEARCH": False, **extra}
    listed: dict[str, list] = {}  # every posting Pelican kept, by list (a scheduled one: none)
    real = speedup.fix_posting_addresses

    def recording(generators):
        real(generators)
        articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
        for group in outputpaths.ARTICLE_GROUPS:
            listed.setdefault(group, []).extend(getattr(articles, group))

    monkeypatch.setattr(speedup, "fix_posting_addresses", recording)
    with_fixed = written(run_build(folder, tmp_path / "fixed", **settings))
    monkeypatch.setattr(speedup, "fix_posting_addresses", lambda generators: None)
    as_pelican = written(run_build(folder, tmp_path / "pelican", **settings))

    assert with_fixed.keys() == as_pelican.keys()
    assert [name for name in with_fixed if with_fixed[name] != as_pelican[name]] == []
    everything = [article for group in listed.values() for article in group]
    assert len(everything) >= (10 if content == "samples" else 100)
    assert all(hasattr(article, "override_url") for article in everything)
    assert not any(hasattr(article, "override_save_as") for article in everything)
    if content == "samples":  # each kind of list has a posting in it
        assert all(listed[group] for group in ("articles", "translations", "hidden_articles",
                                               "drafts"))  # fmt: skip
