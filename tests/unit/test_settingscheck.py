"""The site's settings are checked once, before the build reads anything: the plugin's own and
those only the outputs read, every problem reported together."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from openings.build import plugin
from openings.config import settingscheck
from openings.core.problems import BuildFailed


def test_every_settings_problem_is_reported_in_one_go(capsys):
    values = {
        "JOBPOSTING_ORGANISATION": {"name": "x"},
        "SITEURL": "",
        "JOBPOSTING_INDEXNOW_KEY": "short",
    }
    with pytest.raises(BuildFailed, match="3 settings problems"):
        plugin.initialized(SimpleNamespace(settings=values))
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("pelicanconf: unknown setting JOBPOSTING_ORGANISATION")
    assert "the sitemap, feeds and JSON-LD need the site's full address" in err[1]
    assert err[2].startswith("pelicanconf: JOBPOSTING_INDEXNOW_KEY must be 8 to 128")


def test_the_commands_check_the_plugins_settings_without_the_outputs():
    settingscheck.check({"SITEURL": ""})  # `openings validate` needs no address


def test_a_site_with_its_address_passes():
    values = {"SITEURL": "https://careers.example", "JOBPOSTING_INDEXNOW_KEY": "3f2b8c1e-5d7a"}
    plugin.initialized(SimpleNamespace(settings=values))
