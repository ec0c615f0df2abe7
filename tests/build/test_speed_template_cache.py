"""Compiled templates kept between builds (JOBPOSTING_TEMPLATE_CACHE, speed/templatecache.py):
used when nothing changed, never stale, never a reason for a build to fail."""

from __future__ import annotations

import shutil

import jinja2
import pytest
from openings.speed import templatecache
from sitebuild import ROOT, Site


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates Jinja compiled from source."""
    names = []
    real = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def files_of(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_second_build_compiles_nothing_and_writes_the_same_site(tmp_path, compiled):
    site = Site(tmp_path, with_samples=True)
    site.build()
    assert "jobposting/posting.html" in compiled
    first = files_of(site.output)
    compiled.clear()
    site.build()
    assert compiled == []
    assert files_of(site.output) == first
    assert list((tmp_path / ".pelican-cache" / templatecache.FOLDER).glob("*/*.cache"))


def test_an_edited_template_is_compiled_again(tmp_path, compiled):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "plugins" / "openings" / "theme", theme)
    site = Site(tmp_path, with_samples=True)
    site.build(THEME=str(theme))
    base = theme / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace(
            '<main id="main" class="wrap">', '<main id="main" class="wrap" data-edited="yes">'
        ),
        encoding="utf-8",
    )
    compiled.clear()
    site.build(THEME=str(theme))
    assert compiled == ["base.html"]
    assert site.page("jobs/backend-developer/index.html").find("main")["data-edited"] == "yes"


def test_the_cache_can_be_turned_off(tmp_path, compiled):
    site = Site(tmp_path, with_samples=True)
    site.build(JOBPOSTING_TEMPLATE_CACHE=False)
    compiled.clear()
    site.build(JOBPOSTING_TEMPLATE_CACHE=False)
    assert "jobposting/posting.html" in compiled
    assert not (tmp_path / ".pelican-cache" / templatecache.FOLDER).exists()


def test_a_damaged_cache_is_compiled_anew(tmp_path, compiled):
    site = Site(tmp_path, with_samples=True)
    site.build()
    first = files_of(site.output)
    for cached in (tmp_path / ".pelican-cache" / templatecache.FOLDER).glob("*/*.cache"):
        cached.write_bytes(b"not a compiled template")
    compiled.clear()
    site.build()
    assert "jobposting/posting.html" in compiled
    assert files_of(site.output) == first


def test_a_cache_folder_that_cannot_be_made_is_passed_over(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    site = Site(tmp_path, with_samples=True)
    site.build(CACHE_PATH=str(blocked))
    assert (site.output / "jobs" / "backend-developer" / "index.html").is_file()


def test_each_jinja_configuration_has_its_own_folder():
    plain = jinja2.Environment()
    escaping = jinja2.Environment(autoescape=True)
    trimming = jinja2.Environment(trim_blocks=True)
    folders = {templatecache.folder("/cache", env) for env in (plain, escaping, trimming)}
    assert len(folders) == 3
    assert templatecache.folder("/cache", jinja2.Environment()) == templatecache.folder(
        "/cache", plain
    )


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_a_wrong_cache_setting_is_named(tmp_path, capsys, value):
    from openings.core.problems import BuildFailed

    with pytest.raises(BuildFailed):
        Site(tmp_path, with_samples=True).build(JOBPOSTING_TEMPLATE_CACHE=value)
    assert "JOBPOSTING_TEMPLATE_CACHE must be True or False" in capsys.readouterr().err
