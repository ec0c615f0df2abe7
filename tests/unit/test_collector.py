"""collector.py: fewer collections during a build, nothing to walk at exit, nothing kept for good."""

from __future__ import annotations

import gc

import pytest
from openings.speed import collector


@pytest.fixture(autouse=True)
def restore_collector():
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_a_build_collects_less_often_and_ends_with_the_defaults_and_its_objects_frozen():
    gc.unfreeze()
    defaults = collector._DEFAULTS  # as the process started: a failed build earlier may not end
    collector.start(None)
    assert gc.get_threshold() == (collector.BUILD_THRESHOLD, *defaults[1:])
    alive = [object() for _ in range(10)]
    collector.end(None)
    assert gc.get_threshold() == defaults
    assert gc.get_freeze_count() > 0
    assert alive


def test_the_next_build_in_the_process_unfreezes_first():
    collector.start(None)
    collector.end(None)
    assert gc.get_freeze_count() > 0
    collector.start(None)
    assert gc.get_freeze_count() == 0
