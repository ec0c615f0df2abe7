"""The distribution a site depends on: what the wheel holds, and Pelican finding the plugin in it.

This repository installs itself in editable mode, where Pelican loads the plugin by its full name
(pelicanconf.py). A company's site installs the wheel; there Pelican discovers the plugin with
PLUGINS unset, and loads it by its short name too. Both are tried here in a new virtual
environment with the wheel installed as a site installs it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from quickstartsite import SETTINGS as OPENINGS_SETTINGS
from quickstartsite import add_openings, build, quickstart
from sitebuild import ROOT, TODAY, soup

SETTINGS = """\
import sys

sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403

PATH = {content!r}
JOBPOSTING_TODAY = {today!r}
{plugins}
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # built from a copy: building in place leaves build/ and egg-info folders in the project
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copyfile(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "plugins", source / "plugins",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )  # fmt: skip
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), str(source)],
        check=True, capture_output=True,
    )  # fmt: skip
    (found,) = folder.glob("openings-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A new virtual environment with the wheel and its dependencies, as a site has it."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-c", str(ROOT / "constraints.txt"), str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    return venv


def test_the_wheel_holds_the_package_and_the_plugin_where_pelican_looks(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.startswith("openings-")}
    assert top == {"openings", "pelican"}
    assert "pelican/plugins/jobposting/__init__.py" in names
    assert not [n for n in names if n.startswith("pelican/") and "jobposting" not in n]
    assert "openings/templates/posting.md" in names
    # the plugin's own templates, used whatever the site's theme (build/templates.py)
    assert {
        "openings/templates/jobposting/posting.html",
        "openings/templates/jobposting/_style.html",
    } <= set(names)
    # the theme a site takes upgrades of (pelicanconf.py: THEME = openings.THEME)
    assert {"openings/theme/templates/base.html", "openings/theme/static/css/site.css"} <= set(
        names
    )
    assert any(name.endswith("licenses/LICENSE") for name in names)
    # the interface's words, compiled (core/catalogs.py), and their sources for translators
    assert {"openings/locale/pl/LC_MESSAGES/openings.mo", "openings/locale/openings.pot",
            "openings/locale/pl/LC_MESSAGES/openings.po"} <= set(names)  # fmt: skip


def test_the_wheel_asks_for_lower_bounds_not_exact_versions(wheel):
    metadata = (
        zipfile.ZipFile(wheel)
        .read(next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("METADATA")))
        .decode()
    )
    required = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    runtime = [line for line in required if "extra ==" not in line]
    assert runtime, metadata
    assert [line for line in runtime if re.search(r"==\s*\d", line)] == []
    assert all(">=" in line for line in runtime), runtime


@pytest.mark.parametrize("plugins", ["", 'PLUGINS = ["jobposting"]'], ids=["found", "by-name"])
def test_an_installed_site_builds_postings_with_the_plugin(installed, tmp_path, plugins):
    # pelicanconf.py's THEME is the installed package's theme, not this repository's folder
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    settings = tmp_path / "site.py"
    settings.write_text(
        SETTINGS.format(
            root=str(ROOT), content=str(content), today=TODAY,
            plugins=plugins or "PLUGINS = None  # Pelican finds every installed plugin",
        ),
        encoding="utf-8",
    )  # fmt: skip
    output = tmp_path / "output"
    done = subprocess.run(
        [installed / "bin" / "pelican", str(content), "-o", str(output), "-s", str(settings)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "jobposting: 10 files" in done.stdout + done.stderr
    page = soup(output / "jobs" / "backend-developer" / "index.html")
    assert page.find("script", type="application/ld+json") is not None


def test_a_quickstart_blog_finds_the_installed_plugin(installed, tmp_path):
    """pelican-quickstart's site, Pelican's default theme, PLUGINS unset: the postings are
    published and the blog's posts too (tests/build/test_existing_site.py compares them)."""
    blog = quickstart(tmp_path / "blog", installed / "bin")
    site = add_openings(blog, tmp_path / "site", OPENINGS_SETTINGS)
    output = build(site, python=installed / "bin")
    page = soup(output / "jobs" / "backend-developer.html")
    assert page.find("script", type="application/ld+json") is not None
    assert page.select(".apply a.button")
    assert (output / "first-post.html").exists() and (output / "rest-post.html").exists()
