"""The theme's cards and "more openings" boxes made once per build (speed/templatecache.py) are
the HTML the theme makes at every call.

Each site here is built twice by real Pelican: with the shipped theme, whose `card` and
`more_box` macros the build reuses, and with a copy of it elsewhere, which the build renders at
every call (a site's own templates are never reused). Every file written must be the same,
byte for byte, and the shipped theme must have rendered far fewer cards.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import boards
import pytest
from jinja2.runtime import Macro
from sitebuild import ROOT, Site, run_build


@pytest.fixture
def rendered(monkeypatch):
    """How many times each macro's body ran."""
    counts: dict[str, int] = {}
    real = Macro._invoke

    def counting(self, arguments, autoescape):
        counts[self.name] = counts.get(self.name, 0) + 1
        return real(self, arguments, autoescape)

    monkeypatch.setattr(Macro, "_invoke", counting)
    return counts


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
def test_pages_are_the_same_as_rendering_every_card_each_time(
    tmp_path, rendered, content, relative_urls
):
    if content == "samples":
        folder = Site(tmp_path, with_samples=True).content
    else:  # a generated board: departments of many postings, offices, countries, two languages
        folder = tmp_path / "board"
        boards.generate(folder, 120)
    copied_theme = tmp_path / "theme"
    shutil.copytree(ROOT / "plugins" / "openings" / "theme", copied_theme)
    # the plugin's templates too: a theme's templates/jobposting/ is used instead of the package's
    plugin_templates = ROOT / "plugins" / "openings" / "templates" / "jobposting"
    shutil.copytree(plugin_templates, copied_theme / "templates" / "jobposting")
    settings = {"RELATIVE_URLS": relative_urls, "JOBPOSTING_SEARCH": False}

    reused = run_build(folder, tmp_path / "reused", **settings)
    made_reused = dict(rendered)
    rendered.clear()
    every_time = run_build(folder, tmp_path / "every", THEME=str(copied_theme), **settings)

    reused_files, every_files = written(reused), written(every_time)
    assert reused_files.keys() == every_files.keys()
    different = [name for name in reused_files if reused_files[name] != every_files[name]]
    assert different == []
    cards = reused_files["index.html"].count(b'<li class="card"')
    assert cards >= (7 if content == "samples" else 100)
    assert made_reused["card"] < rendered["card"]  # what makes the comparison able to fail
    if content == "board":
        assert made_reused["more_box"] < rendered["more_box"]
