"""HTML made once per build (`render_once`) is the HTML the theme would make every time.

The theme renders a posting's card, and a department's "more openings" box, once per build and
reuses it on every page that shows it. Each site here is built twice by real Pelican: with the
theme as it is, and with a copy of the theme that calls the same macros directly on every page
(the slow way). Every file written must be the same, byte for byte.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT, Site, run_build

sys.path.insert(0, str(ROOT))
from bench import postings

ONCE = re.compile(r"(\w+)\|render_once\(")


def theme_without_render_once(folder: Path) -> Path:
    shutil.copytree(ROOT / "plugins" / "openings" / "theme", folder)
    # the plugin's templates, copied into the theme: there they are used instead of the package's
    plugin_templates = ROOT / "plugins" / "openings" / "templates" / "jobposting"
    shutil.copytree(plugin_templates, folder / "templates" / "jobposting")
    changed = 0
    for template in (folder / "templates").glob("**/*.html"):
        text = template.read_text(encoding="utf-8")
        direct, count = ONCE.subn(r"\1(", text)
        template.write_text(direct, encoding="utf-8")
        changed += count
    assert changed >= 2, "the theme no longer uses render_once: this test checks nothing"
    return folder


def written(output: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(output)): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(
    ("content", "relative_urls"),
    [("samples", True), ("samples", False), ("board", True)],
)
def test_pages_are_the_same_as_rendering_every_card_each_time(tmp_path, content, relative_urls):
    if content == "samples":
        folder = Site(tmp_path, with_samples=True).content
    else:  # a generated board: departments of many postings, offices, countries, two languages
        folder = tmp_path / "board"
        postings.generate(folder, 120)
    slow_theme = theme_without_render_once(tmp_path / "slow-theme")
    settings = {"RELATIVE_URLS": relative_urls, "JOBPOSTING_SEARCH": False}

    fast = run_build(folder, tmp_path / "fast", **settings)
    slow = run_build(folder, tmp_path / "slow", THEME=str(slow_theme), **settings)

    fast_files, slow_files = written(fast), written(slow)
    assert fast_files.keys() == slow_files.keys()
    different = [name for name in fast_files if fast_files[name] != slow_files[name]]
    assert different == []
    cards = fast_files["index.html"].count(b'<li class="card"')
    assert cards >= (7 if content == "samples" else 100)
