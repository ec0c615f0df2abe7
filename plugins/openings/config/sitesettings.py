"""The site's settings file read as Pelican reads it, for the commands that only check postings.

Pelican's read_settings imports the whole of Pelican first (its readers, docutils, Jinja): half
of the time `openings validate FILE` took. Checking postings needs only the plugin's settings and
the few of Pelican's below, so they are read here the same way: the file run as a module, its
capitalised names, relative paths made relative to the file, Pelican's defaults for what it does
not set. tests/unit/test_sitesettings.py compares the defaults with Pelican's, the result with
read_settings on several files, and the keys a check reads with this list. A file that uses one
of Pelican's old names is read by Pelican itself, which converts it.
"""

from __future__ import annotations

import copy
import importlib.util
import os
import sys

# Pelican 4.12's DEFAULT_CONFIG for the settings that checking postings reads. TIMEZONE has no
# default (today.py reads none as UTC).
PELICAN_DEFAULTS = {
    "PATH": os.curdir,
    "DEFAULT_LANG": "en",
    "IGNORE_FILES": ["**/.*"],
    "SLUG_REGEX_SUBSTITUTIONS": [
        (r"[^\w\s-]", ""),
        (r"(?u)\A\s*", ""),
        (r"(?u)\s*\Z", ""),
        (r"[-\s]+", "-"),
    ],
    "SLUGIFY_SOURCE": "title",
    "SLUGIFY_USE_UNICODE": False,
    "SLUGIFY_PRESERVE_CASE": False,
    # where a {filename} link may point, and how such links are written (contentlinks.py)
    "PAGE_PATHS": ["pages"],
    "INTRASITE_LINK_REGEX": "[{|](?P<what>.*?)[|}]",
}
# Paths Pelican takes relative to the settings file (THEME only when such a folder exists).
RELATIVE_TO_FILE = ("PATH", "OUTPUT_PATH", "THEME", "CACHE_PATH")
# Old names Pelican converts into the settings above (handle_deprecated_settings).
OLD_NAMES = ("SLUG_SUBSTITUTIONS", "CATEGORY_SUBSTITUTIONS", "TAG_SUBSTITUTIONS",
             "AUTHOR_SUBSTITUTIONS")  # fmt: skip


class SettingsError(ValueError):
    """A settings file Pelican would refuse too, said in words people can act on."""


def read_settings(path: str, override: dict | None = None) -> dict:
    """Like pelican.settings.read_settings(path, override) for every key listed above."""
    values = _from_file(path)
    if any(name in values for name in OLD_NAMES):
        from pelican.settings import read_settings as pelicans

        return pelicans(path, override=override)
    values.update(override or {})
    for key in RELATIVE_TO_FILE:
        if values.get(key) is not None:
            absolute = _absolute(values[key], path)
            if key != "THEME" or os.path.exists(absolute):
                values[key] = absolute
    if isinstance(values.get("PLUGIN_PATHS"), str):
        values["PLUGIN_PATHS"] = [values["PLUGIN_PATHS"]]
    if values.get("PLUGIN_PATHS") is not None:
        values["PLUGIN_PATHS"] = [_absolute(folder, path) for folder in values["PLUGIN_PATHS"]]
    merged = dict(copy.deepcopy(PELICAN_DEFAULTS), **values)
    if not isinstance(merged["PATH"], str) or not os.path.isdir(merged["PATH"]):
        raise SettingsError(
            f"the content folder {merged['PATH']} (PATH) does not exist; PATH is relative to "
            "the settings file and names the folder with jobs/ and pages/"
        )
    if "DEFAULT_LANG" in values:
        if not isinstance(merged["DEFAULT_LANG"], str):
            raise SettingsError(
                f"DEFAULT_LANG = {merged['DEFAULT_LANG']!r} is not a language code; write one "
                'in quotes, such as DEFAULT_LANG = "en"'
            )
        merged["DEFAULT_LANG"] = merged["DEFAULT_LANG"].lower()
    if isinstance(merged["IGNORE_FILES"], str):  # Pelican warns and takes its default
        merged["IGNORE_FILES"] = copy.deepcopy(PELICAN_DEFAULTS["IGNORE_FILES"])
    return merged


def _absolute(maybe_relative: str, settings_file: str) -> str:
    if os.path.isabs(maybe_relative):
        return maybe_relative
    folder = os.path.dirname(settings_file)
    return os.path.abspath(os.path.normpath(os.path.join(folder, maybe_relative)))


def _from_file(path: str) -> dict:
    """pelican.settings.get_settings_from_file: run the file as a module named after it."""
    name, extension = os.path.splitext(os.path.basename(path))
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None:  # Python runs only .py files as modules; Pelican fails with a traceback
        raise SettingsError(
            f"a settings file is Python, named like pelicanconf.py; not a {extension or 'plain'} file"
        )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return {key: value for key, value in vars(module).items() if key.isupper()}
