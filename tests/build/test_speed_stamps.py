"""No file stamps taken for Pelican's content cache while it is off (speed/stamps.py).

The sample site is built by real Pelican with the stamps skipped and without: every file written
is the same, and with them skipped no stamp is taken. With Pelican's cache on, its own methods
are left as they are.
"""

from __future__ import annotations

import pytest
from openings.speed import stamps
from pelican import signals
from pelican.cache import FileStampDataCacher
from sitebuild import Site, run_build
from test_speed_addresses import written


def _stamps_taken(monkeypatch) -> list[str]:
    taken: list[str] = []
    real = FileStampDataCacher._get_file_stamp

    def counting(self, filename):
        taken.append(filename)
        return real(self, filename)

    monkeypatch.setattr(FileStampDataCacher, "_get_file_stamp", counting)
    return taken


def test_skipped_stamps_write_the_same_site(tmp_path, monkeypatch):
    folder = Site(tmp_path, with_samples=True).content
    taken = _stamps_taken(monkeypatch)
    skipped = written(run_build(folder, tmp_path / "skipped", JOBPOSTING_SEARCH=False))
    assert taken == []

    # Pelican registers the plugin again for each build: what it connects then does nothing
    signals.generator_init.disconnect(stamps.skip_stamps)
    monkeypatch.setattr(stamps, "skip_stamps", lambda generator: None)
    as_pelican = written(run_build(folder, tmp_path / "pelican", JOBPOSTING_SEARCH=False))
    assert len(taken) >= 40  # two for each posting and page, by its generator and its readers
    assert skipped.keys() == as_pelican.keys()
    assert [name for name in skipped if skipped[name] != as_pelican[name]] == []


def test_pelicans_cache_when_on_is_left_alone(tmp_path, monkeypatch):
    folder = Site(tmp_path, with_samples=True).content
    taken = _stamps_taken(monkeypatch)
    run_build(
        folder, tmp_path / "output", JOBPOSTING_SEARCH=False, CACHE_CONTENT=True,
        LOAD_CONTENT_CACHE=True, CACHE_PATH=str(tmp_path / "cache"),
    )  # fmt: skip
    assert len(taken) >= 20


@pytest.mark.parametrize(
    ("save", "load", "unused"),
    [(False, False, True), (True, False, False), (False, True, False), (True, True, False)],
)
def test_the_cache_counts_as_unused_only_when_neither_loaded_nor_saved(save, load, unused):
    settings = {"CACHE_CONTENT": save, "LOAD_CONTENT_CACHE": load}
    assert stamps.cache_unused(settings) is unused
