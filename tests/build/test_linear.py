"""Pelican's quadratic steps made linear (speed/linear.py) give the same site as Pelican's own.

The sample site has translations (a German posting beside its English one), drafts, a closed
posting and several departments: each step linear.py replaces has something to decide.
"""

from __future__ import annotations

import filecmp

from openings.speed import linear
from pelican import Pelican, generators, signals, utils
from sitebuild import Site, site_settings


def tree(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_the_linear_steps_write_the_same_files_as_pelicans_own(tmp_path):
    site = Site(tmp_path, with_samples=True)
    fast, slow = tmp_path / "fast", tmp_path / "slow"
    Pelican(site_settings(site.content, fast)).run()
    pelican = Pelican(site_settings(site.content, slow))  # the plugin connects linear.py here
    try:
        generators.process_translations = utils.process_translations
        signals.article_generator_finalized.disconnect(linear.members_as_sets)
        pelican.run()
    finally:
        linear.connect()
    assert generators.process_translations is linear.process_translations
    names = tree(slow)
    assert names == tree(fast)
    assert "jobs/werkstudent-frontend/de/index.html" in names
    _, mismatch, errors = filecmp.cmpfiles(slow, fast, names, shallow=False)
    assert mismatch == errors == []


def test_a_members_list_answers_in_as_a_list_does():
    one, two, three = object(), object(), object()
    members = linear.Members([one, two])
    assert one in members and two in members and three not in members
    members.append(three)  # a list changed after it was asked: asked anew
    assert three in members
