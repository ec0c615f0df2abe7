"""What `openings` loads: the import structure that keeps `openings validate FILE` quick.

Each check runs a fresh interpreter (a module imported by an earlier test would hide a regression)
and looks at sys.modules afterwards. No timing: bench/run.py measures the time itself.
"""

from __future__ import annotations

import json
import subprocess
import sys

from sitebuild import ROOT

# What the build needs and the commands do not: Pelican's package (its __init__ pulls in the
# generators, Jinja and docutils), Babel's date formatting, the build's receivers and outputs.
BUILD_ONLY = (
    "babel.dates",
    "openings.render.display",
    "openings.build.facets",
    "openings.outputs.feeds",
    "openings.outputs.jobsjson",
    "openings.outputs.notify",  # and `openings notify`, which imports it when it runs
    "openings.outputs.outputs",
    "openings.build.plugin",
    "openings.outputs.search",
    "openings.outputs.sitemap",
)
NOT_FOR_THE_PARSER = ("pelican", "pelican.generators", "jinja2", "docutils", *BUILD_ONLY)

REPORT = """
import json, sys
{code}
from openings.checks import geo
print("\\n" + json.dumps({{
    "modules": sorted(sys.modules),
    "subdivision_index_built": geo._subdivision_names.cache_info().currsize > 0
        if "openings.checks.geo" in sys.modules else False,
}}))
"""


def loaded_after(code: str) -> dict:
    """Run `code` in a fresh Python in the project folder; sys.modules and geo's state after."""
    done = subprocess.run(
        [sys.executable, "-c", REPORT.format(code=code)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_package_and_the_cli_parser_load_no_pelican_and_no_babel_dates():
    found = loaded_after("import openings, openings.commands.cli\nopenings.commands.cli.parser()")
    loaded = [name for name in NOT_FOR_THE_PARSER if name in found["modules"]]
    assert loaded == [], f"importing the CLI and building its parser loaded {loaded}"


def test_register_stays_what_pelican_calls():
    found = loaded_after(
        "import pelican.plugins.jobposting as plugin\nassert callable(plugin.register)"
    )
    assert "openings.build.plugin" not in found["modules"]


def test_validate_one_file_loads_neither_the_build_nor_the_subdivision_name_index():
    found = loaded_after(
        "from openings.commands import cli\n"
        "status = cli.main(['validate', 'content/jobs/backend-developer.md'])\n"
        "assert status == 0, status"
    )
    loaded = [name for name in BUILD_ONLY if name in found["modules"]]
    assert loaded == [], f"openings validate loaded {loaded}"
    # nor Pelican: its settings are read by sitesettings.py and its slugs made by slugs.py
    assert [name for name in NOT_FOR_THE_PARSER if name in found["modules"]] == []
    # offices.yml gives region codes (BE for DE-BE): checked one by one, no name index built
    assert found["subdivision_index_built"] is False


def test_list_and_summary_load_no_pelican_either(tmp_path):
    found = loaded_after(
        "import contextlib, io\n"
        "from openings.commands import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert cli.main(['list']) == 0\n"
        "    assert cli.main(['summary', '--base', 'HEAD']) == 0\n"
    )
    # list formats salaries and dates for people (display.py, Babel): but no Pelican
    assert [name for name in ("pelican", "docutils") if name in found["modules"]] == []


def test_a_region_name_still_builds_the_index_and_is_accepted():
    found = loaded_after(
        "from openings.checks import geo\n"
        "assert geo.subdivision('BE', 'DE').value == 'DE-BE'\n"
        "assert geo._subdivision_names.cache_info().currsize == 0\n"
        "assert geo.subdivision('Berlin', 'DE').value == 'DE-BE'"
    )
    assert found["subdivision_index_built"] is True


def test_the_plugin_starts_without_asyncio():
    # pagefind's service module loads asyncio; the build imports it once it has a record to index
    found = loaded_after("import openings.build.plugin")
    assert "asyncio" not in found["modules"] and "pagefind.service" not in found["modules"]
