"""Each posting's address and output path computed once (speed/addresses.py) are the ones
Pelican computes at every use.

Each site is built twice by real Pelican, with and without the addresses fixed once the
generators are done: every file written must be the same, byte for byte, and the build with
them fixed must have fixed every posting's (drafts, closed postings and translations included).
"""

from __future__ import annotations

from pathlib import Path

import boards
import pytest
from openings.build import speedup
from pelican.generators import ArticlesGenerator
from sitebuild import Site, run_build


def written(output: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(output)): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(
    ("content", "relative_urls"),
    [("samples", False), ("board", True)],
)
def test_fixed_addresses_write_the_same_site(tmp_path, monkeypatch, content, relative_urls):
    if content == "samples":
        folder = Site(tmp_path, with_samples=True).content
    else:  # two languages, drafts, scheduled and closed postings
        folder = tmp_path / "board"
        boards.generate(folder, 120)
    settings = {"RELATIVE_URLS": relative_urls, "JOBPOSTING_SEARCH": False}
    fixed: list[tuple[str, str]] = []
    listed: list = []  # every posting Pelican kept (a scheduled one is not written at all)
    real = speedup.fix_posting_addresses

    def recording(generators):
        real(generators)
        articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
        for group in (articles.articles, articles.translations, articles.hidden_articles,
                      articles.hidden_translations, articles.drafts, articles.drafts_translations):  # fmt: skip
            listed.extend(group)
            fixed.extend(
                (a.override_url, a.override_save_as) for a in group if hasattr(a, "override_url")
            )

    monkeypatch.setattr(speedup, "fix_posting_addresses", recording)
    with_fixed = written(run_build(folder, tmp_path / "fixed", **settings))
    monkeypatch.setattr(speedup, "fix_posting_addresses", lambda generators: None)
    as_pelican = written(run_build(folder, tmp_path / "pelican", **settings))

    assert with_fixed.keys() == as_pelican.keys()
    assert [name for name in with_fixed if with_fixed[name] != as_pelican[name]] == []
    assert len(listed) >= (9 if content == "samples" else 100)
    assert len(fixed) == len(listed)  # every posting, whatever its state
    assert all(save_as and save_as in with_fixed for _, save_as in fixed if save_as)
