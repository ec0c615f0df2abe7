"""sitesettings.py reads a settings file as Pelican's read_settings does, for what checks read."""

from __future__ import annotations

import argparse
import os

import pytest
from openings.commands import checking
from openings.config import settings, sitesettings
from pelican.settings import DEFAULT_CONFIG
from pelican.settings import read_settings as pelicans_read_settings
from sitebuild import ROOT

# What a check may read besides the plugin's own JOBPOSTING_* settings; the last test keeps
# this list honest.
PELICANS_KEYS = (*sitesettings.PELICAN_DEFAULTS, "TIMEZONE")
ALSO_READ = ("SITEURL",)  # the limits take it: images under it are the site's own


def test_the_defaults_are_pelicans():
    for key, value in sitesettings.PELICAN_DEFAULTS.items():
        assert value == DEFAULT_CONFIG[key], key
    assert "TIMEZONE" not in DEFAULT_CONFIG


def both(path: str, override: dict | None = None) -> tuple[dict, dict]:
    ours = sitesettings.read_settings(path, override=dict(override or {}))
    theirs = pelicans_read_settings(path, override=dict(override or {}))
    return ours, theirs


def assert_same_for_checks(ours: dict, theirs: dict) -> None:
    """Every key sitesettings gives (the file's and the defaults above), as Pelican gives it."""
    # a THEME given by name is looked up among Pelican's own themes later; no check reads it
    for key in sorted({*PELICANS_KEYS, *ours} - {"THEME"}):
        assert ours.get(key) == theirs.get(key), key


def write_settings(folder, text: str) -> str:
    os.makedirs(folder / "content" / "jobs", exist_ok=True)
    path = folder / "site.py"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", ["pelicanconf.py", "publishconf.py"])
def test_the_projects_own_settings(name, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org/careers")
    ours, theirs = both(os.path.join(ROOT, name))
    assert_same_for_checks(ours, theirs)
    assert ours["PATH"] == os.path.join(ROOT, "content")


SETTINGS_FILES = {
    "relative paths, from another folder": 'PATH = "content"\nOUTPUT_PATH = "out"\n'
    'CACHE_PATH = "cache"\nTIMEZONE = "America/Denver"\n',
    "no PATH: the working folder": 'SITENAME = "x"\n',
    "an upper-case language": 'PATH = "content"\nDEFAULT_LANG = "DE"\n',
    "IGNORE_FILES as a string": 'PATH = "content"\nIGNORE_FILES = "*.txt"\n',
    "the plugin's settings": 'PATH = "content"\nJOBPOSTING_PATH = "jobs"\n'
    'JOBPOSTING_STRICT = True\nJOBPOSTING_PAY_TRANSPARENCY = "warning"\n',
    "slugs from file names, custom rules": 'PATH = "content"\nSLUGIFY_SOURCE = "basename"\n'
    'SLUG_REGEX_SUBSTITUTIONS = [(r"c\\+\\+", "cpp"), (r"[^\\w\\s-]", ""), (r"[-\\s]+", "-")]\n'
    "SLUGIFY_PRESERVE_CASE = True\nSLUGIFY_USE_UNICODE = True\n",
    "an absolute PATH": "PATH = {content!r}\n",
    "a theme by name, one plugin folder": 'PATH = "content"\nTHEME = "simple"\n'
    'PLUGIN_PATHS = "plugins"\n',
    # Pelican's old name: sitesettings hands the file to Pelican, which converts it
    "an old name": 'PATH = "content"\nSLUG_SUBSTITUTIONS = [("C++", "cpp")]\n',
}


@pytest.mark.parametrize("text", SETTINGS_FILES.values(), ids=SETTINGS_FILES)
def test_settings_files_read_as_pelican_reads_them(text, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "content").mkdir(parents=True)
    monkeypatch.chdir(elsewhere)  # relative paths are the file's, not the working folder's
    path = write_settings(
        tmp_path / "site", text.format(content=str(tmp_path / "site" / "content"))
    )
    ours, theirs = both(path)
    assert_same_for_checks(ours, theirs)


def test_an_old_name_is_converted_by_pelican(tmp_path):
    path = write_settings(tmp_path, 'PATH = "content"\nSLUG_SUBSTITUTIONS = [("C++", "cpp")]\n')
    ours = sitesettings.read_settings(path)
    assert ("C\\+\\+", "cpp") in ours["SLUG_REGEX_SUBSTITUTIONS"]


def test_overrides_win_and_their_paths_are_kept(tmp_path):
    path = write_settings(tmp_path, 'PATH = "content"\n')
    other = tmp_path / "other"
    other.mkdir()
    override = {"PATH": str(other), "JOBPOSTING_TODAY": "2026-03-01"}
    ours, theirs = both(path, override)
    assert_same_for_checks(ours, theirs)
    assert ours["PATH"] == str(other)


def test_a_missing_content_folder_is_refused_as_pelican_refuses_it(tmp_path):
    path = tmp_path / "site.py"
    path.write_text('PATH = "nowhere"\n', encoding="utf-8")
    with pytest.raises(sitesettings.SettingsError, match="nowhere \\(PATH\\) does not exist"):
        sitesettings.read_settings(str(path))
    with pytest.raises(ValueError, match="path containing the content"):
        pelicans_read_settings(str(path))


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("site.py", 'PATH = "nowhere"\n', "/nowhere (PATH) does not exist; PATH is relative to"),
        ("site.py", 'PATH = "."\nDEFAULT_LANG = 5\n', "DEFAULT_LANG = 5 is not a language code"),
        ("site.md", "# notes\n", "a settings file is Python, named like pelicanconf.py; not a .md"),
    ],
)
def test_the_command_says_what_is_wrong_without_a_traceback(name, text, said, tmp_path, capsys):
    from openings.commands import cli

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert cli.main(["validate", "-s", str(path)]) == 2
    error = capsys.readouterr().err
    assert said in error and "Traceback" not in error


class Tracking(dict):
    """The settings, noting every key a check asks for."""

    def __init__(self, values):
        super().__init__(values)
        self.asked = set()

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)

    def __contains__(self, key):
        self.asked.add(key)
        return super().__contains__(key)


def test_checks_read_only_the_plugins_settings_and_those_listed():
    args = argparse.Namespace(settings="pelicanconf.py", content=None, today=None, strict=False)
    values = Tracking(checking.load_settings(args))
    fixtures = os.path.join(ROOT, "tests", "fixtures")
    folders = ["postings/valid", "postings/invalid", "hostile"]
    files = checking.posting_files(values, [os.path.join(fixtures, f) for f in folders])
    assert len(files) > 50
    checking.check_files(values, checking.posting_files(values) + files)
    others = {k for k in values.asked if not k.startswith("JOBPOSTING_")}
    assert values.asked & set(settings.DEFAULTS), "the tracking saw no plugin setting"
    allowed = {*PELICANS_KEYS, *ALSO_READ}
    assert others <= allowed, sorted(others - allowed)
